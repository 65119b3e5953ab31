/**
 * The council's own decisions in the debrief, in Chromium (issue 21): a table sets a priority
 * and moves money; the debrief's timeline, the HTML, Markdown and CSV exports all show both, and
 * the CSV opens in Dutch Excel (byte-order mark, `;`).
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { builtGame } from './harness';

const game = builtGame();

type Snap = { context: { scenario: { decision: string }; record: { actions: unknown[] } | null } };
type G = {
  __GAME__: {
    ready: boolean;
    session?: { send(a: unknown): void; continue(): void; snapshot(): { matches(s: unknown): boolean } };
  };
};

async function continueOutcomes(page: Page, until: string): Promise<void> {
  const target = page.locator(until);
  for (let i = 0; i < 10 && !(await target.isVisible()); i++) {
    const next = page.locator('[data-key=continue]');
    if (await next.isVisible()) await next.click();
    else await page.waitForTimeout(200);
  }
  await target.waitFor({ timeout: 5_000 });
}

/** A new game of `scenario` from the start screen, with the setup's defaults. */
async function startScenario(context: BrowserContext, scenario: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(game.url());
  await page.waitForFunction(() => (window as unknown as G).__GAME__?.ready === true);
  await page.getByTestId('start-workshop').click();
  await page.locator(`.scenario[data-scenario="${scenario}"]`).click();
  await page.locator('[data-key=play]').click();
  return page;
}

async function exported(page: Page, testid: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return readFileSync((await download.path()) as string, 'utf8');
}

it('a priority set and money moved stand in the debrief and in all three exports', async () => {
  const context = await game
    .browser()
    .newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  const page = await startScenario(context, 'demo-zeewijk');
  await page.locator('input[data-key=priority-kosten]').check();
  await page.locator('[data-key=confirm-priorities]').click();
  await continueOutcomes(page, '[data-key=transfer-amount]');
  await page.locator('[data-key=transfer-to]').selectOption('jeugd');
  await page.locator('[data-key=transfer-amount]').fill('10.000');
  await page.locator('[data-key=transfer]').click();
  await page.locator('[data-key=transfer-yes]').click();
  await expect.poll(() => page.getByTestId('amount-wmo').textContent()).toBe('€ 50.000');
  await page.evaluate(() => {
    const s = (window as unknown as G).__GAME__.session;
    s?.send({ type: 'endNow' });
    if (s?.snapshot().matches({ playing: 'outcome' })) s.continue();
  });
  await page.locator('[data-key=debrief]').click();
  const timeline = page.getByTestId('timeline');
  await timeline.waitFor();
  const priority = timeline.locator('[data-kind=priorities]');
  expect(await priority.locator('strong').textContent()).toBe('Prioriteiten: Kosten beheersen');
  expect(await priority.textContent()).toContain('Preventie eerst');
  const transfer = timeline.locator('[data-kind=transfer]');
  expect(await transfer.locator('strong').textContent()).toBe(
    'Geld verschoven: € 10.000: Wmo-budget → Jeugdhulp',
  );
  // What-if from a council decision too.
  expect(await transfer.getByTestId('whatif').count()).toBe(1);

  const html = await exported(page, 'export-html');
  expect(html).toContain('Prioriteiten: Kosten beheersen');
  expect(html).toContain('Geld verschoven: € 10.000: Wmo-budget → Jeugdhulp');
  const md = await exported(page, 'export-md');
  expect(md).toContain('**Prioriteiten: Kosten beheersen**');
  expect(md).toContain('**Geld verschoven: € 10.000: Wmo-budget → Jeugdhulp**');
  const csv = await exported(page, 'export-csv');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const rows = csv.slice(1).trimEnd().split('\r\n');
  expect(rows[0].split(';')[1]).toBe('Soort');
  expect(
    rows.some((r) => r.includes('Geld verschoven;') && r.includes('€ 10.000: Wmo-budget → Jeugdhulp')),
  ).toBe(true);
  expect(rows.some((r) => r.includes('Prioriteiten;'))).toBe(true);
  await context.close();
});

it('an early stop is honest: the ending screen, the debrief and the export say where it was stopped', async () => {
  const context = await game
    .browser()
    .newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  const page = await startScenario(context, 'urk-2015');
  await page.waitForFunction(() => !!(window as unknown as G).__GAME__.session);
  // The workshop runs out of time at the first council meeting: the facilitator ends it. The
  // beat that follows says so (it was an empty dialog).
  await page.evaluate(() => (window as unknown as G).__GAME__.session?.send({ type: 'endNow' }));
  const beat = page.getByTestId('outcome-ending');
  await beat.waitFor();
  expect(await beat.textContent()).toBe('Afgebroken tijdens Kwartaal 1 van 4.');
  await page.locator('[data-key=continue]').click();
  await page.getByTestId('ending-stopped').waitFor();
  expect(await page.locator('.ending h1').textContent()).toBe('Spel afgebroken');
  expect(await page.getByTestId('ending-stopped').textContent()).toBe('Afgebroken tijdens Kwartaal 1 van 4.');
  expect(await page.getByTestId('ending-title').textContent()).toMatch(/^Stand bij het afbreken: /);
  expect(await page.getByTestId('ending-as-of').textContent()).toContain('niet uitgespeeld');
  await page.keyboard.press('l');
  await expect
    .poll(() => page.getByTestId('ending-stopped').textContent())
    .toBe('Stopped during Quarter 1 of 4.');
  await page.keyboard.press('l');
  await page.locator('[data-key=debrief]').click();
  expect(await page.getByTestId('debrief-stopped').textContent()).toBe(
    'Afgebroken tijdens Kwartaal 1 van 4.',
  );
  const html = await exported(page, 'export-html');
  expect(html).toContain('Afgebroken tijdens Kwartaal 1 van 4.');
  await context.close();
});

it('a scenario that chooses together can be played by vote, and resumes so after a reload', async () => {
  const context = await game.browser().newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(game.url());
  await page.waitForFunction(() => (window as unknown as G).__GAME__?.ready === true);
  await page.getByTestId('start-workshop').click();
  await page.locator('.scenario[data-scenario="urk-2015"]').click();
  await page.locator('[data-key=setup-decision-vote]').check();
  await page.locator('[data-key=play]').click();
  const decision = () =>
    page.evaluate(() => {
      const s = (window as unknown as G).__GAME__.session as unknown as { snapshot(): Snap } | undefined;
      return s?.snapshot().context.scenario.decision ?? null;
    });
  await expect.poll(decision).toBe('vote');
  await page.reload();
  await page.waitForFunction(() => (window as unknown as G).__GAME__?.ready === true);
  await expect.poll(decision).toBe('vote');
  await context.close();
});
