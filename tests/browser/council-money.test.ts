/**
 * Money moved at a council meeting the way a council types it (issue 21), in Chromium: "10.000"
 * is ten thousand in Dutch (a number field made it ten), "10,000" in English; the move is asked
 * in words and euros before it happens; what cannot be moved says why and moves nothing.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { builtGame } from './harness';

const game = builtGame();

/** Zeewijk opens with a council meeting: one priority, then the transfers. */
async function atTransfers(lang: 'nl' | 'en'): Promise<Page> {
  const context = await game
    .browser()
    .newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(game.url());
  await page.waitForFunction(() => (window as unknown as { __GAME__?: { ready: boolean } }).__GAME__?.ready);
  if (lang === 'en') await page.keyboard.press('l');
  await page.getByTestId('start-workshop').click();
  await page.locator('.scenario[data-scenario="demo-zeewijk"]').click();
  await page.locator('[data-key=play]').click();
  await page.locator('input[data-key=priority-preventie]').check();
  await page.locator('[data-key=confirm-priorities]').click();
  // What the priority did is shown first (an outcome), then the meeting moves on to the money.
  const amount = page.locator('[data-key=transfer-amount]');
  for (let i = 0; i < 5 && !(await amount.isVisible()); i++) {
    const next = page.locator('[data-key=continue]');
    if (await next.isVisible()) await next.click();
    else await page.waitForTimeout(200);
  }
  await amount.waitFor({ timeout: 5_000 });
  return page;
}

const budget = (page: Page, id: string) => page.getByTestId(`amount-${id}`).textContent();

async function propose(page: Page, typed: string, to = 'jeugd'): Promise<void> {
  await page.locator('[data-key=transfer-to]').selectOption(to);
  await page.locator('[data-key=transfer-amount]').fill(typed);
  await page.locator('[data-key=transfer]').click();
}

describe('moving money at a council meeting', () => {
  it('reads "10.000" as ten thousand in Dutch (in an English browser too), after asking', async () => {
    const page = await atTransfers('nl');
    expect(await budget(page, 'wmo')).toBe('€ 60.000');
    await propose(page, '10.000');
    const ask = page.getByTestId('transfer-confirm');
    expect(await ask.textContent()).toContain('€ 10.000 van Wmo-budget naar Jeugdhulp verschuiven?');
    // Nothing has moved before the yes.
    expect(await budget(page, 'wmo')).toBe('€ 60.000');
    await page.locator('[data-key=transfer-yes]').click();
    await expect.poll(() => budget(page, 'wmo')).toBe('€ 50.000');
    expect(await budget(page, 'jeugd')).toBe('€ 50.000');
    await page.context().close();
  });

  it('reads "€ 5.000,50" and rounds to whole euros, shown before it moves', async () => {
    const page = await atTransfers('nl');
    await propose(page, '€ 5.000,50');
    expect(await page.getByTestId('transfer-confirm').textContent()).toContain('€ 5.001 van Wmo-budget');
    await page.locator('[data-key=transfer-no]').click();
    expect(await page.getByTestId('transfer-confirm').isHidden()).toBe(true);
    expect(await budget(page, 'wmo')).toBe('€ 60.000');
    await page.context().close();
  });

  it('says why a move cannot be made, and moves nothing', async () => {
    const page = await atTransfers('nl');
    const status = page.getByTestId('transfer-status');
    await propose(page, 'honderd');
    expect(await status.textContent()).toContain('„honderd” is geen bedrag');
    await propose(page, '100.000');
    expect(await status.textContent()).toBe('Wmo-budget kan nu hoogstens € 60.000 geven.');
    await propose(page, '1.000', 'wmo');
    expect(await status.textContent()).toBe('Kies twee verschillende budgetten.');
    expect(await page.getByTestId('transfer-confirm').isHidden()).toBe(true);
    expect(await budget(page, 'wmo')).toBe('€ 60.000');
    await page.context().close();
  });

  it('reads "10,000" as ten thousand in English', async () => {
    const page = await atTransfers('en');
    await propose(page, '10,000');
    expect(await page.getByTestId('transfer-confirm').textContent()).toContain('Move € 10.000 from');
    await page.locator('[data-key=transfer-yes]').click();
    await expect.poll(() => budget(page, 'wmo')).toBe('€ 50.000');
    await page.context().close();
  });
});
