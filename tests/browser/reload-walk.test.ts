/**
 * A seeded random walk through the game that reloads the page now and then (issue 27): after
 * every reload the screen must say the same words as before it — the same headings, the same
 * buttons, the same dialog — in Dutch and in English. A reload that changes what a facilitator
 * reads (another language, an empty screen, a lost dialog) fails it, with the step and both texts.
 * Bounded by steps, not by time.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { builtGame } from './harness';

const game = builtGame();

const STEPS = 36;

/** Buttons a walk leaves alone: they leave the page, open a file picker or download, or change the words on purpose. */
const SKIP = [
  '[data-testid=open-studio]',
  '[data-testid=open-room]',
  '.controls button',
  '[data-key=open-file]',
  '[data-key^=export]',
  '[data-testid^=facil-export]',
  '[data-testid=facil-lang]',
  '[data-testid=facil-window]',
  '[data-key=compare]',
].join(',');

async function ready(page: Page): Promise<void> {
  await page.waitForFunction(
    () => (window as unknown as { __GAME__?: { ready: boolean } }).__GAME__?.ready === true,
  );
  // Let the screen settle: lazy screens and the first paint of the table.
  await page.waitForTimeout(300);
}

/** What the screen says: headings, dialog text and button labels that a person sees, in order. */
function words(page: Page): Promise<string> {
  return page.evaluate(() => {
    const seen: string[] = [];
    const visible = (el: Element) => {
      const box = (el as HTMLElement).getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    for (const el of document.querySelectorAll(
      '#topbar h1, #screen h1, #screen h2, #stage h1, #stage h2, #stage h3, #screen button, #stage button',
    )) {
      if (!visible(el)) continue;
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text) seen.push(text);
    }
    return seen.join(' | ');
  });
}

/** A Park–Miller generator: the walk is the same on every run. */
function chance(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 48271) % 2147483647;
    return x / 2147483647;
  };
}

async function walk(lang: 'nl' | 'en', seed: number): Promise<{ reloads: number; screens: Set<string> }> {
  const context = await game.browser().newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(game.url());
  await ready(page);
  if (lang === 'en') await page.keyboard.press('l');
  const rand = chance(seed);
  let reloads = 0;
  const screens = new Set<string>();
  for (let step = 0; step < STEPS; step++) {
    screens.add(await page.evaluate(() => location.hash.split('/').slice(0, 2).join('/')));
    if (rand() < 0.3) {
      const before = await words(page);
      await page.evaluate(() =>
        (
          window as unknown as { __GAME__: { workshop: { flush(): Promise<unknown> } } }
        ).__GAME__.workshop.flush(),
      );
      await page.reload();
      await ready(page);
      reloads++;
      const after = await words(page);
      expect(after, `step ${step} (${lang}, ${page.url()}): a reload changed the screen's words`).toBe(
        before,
      );
      continue;
    }
    const buttons = page
      .locator('#screen button:enabled, #stage button:enabled')
      .filter({ hasNot: page.locator(SKIP) });
    const candidates: number[] = [];
    const count = await buttons.count();
    for (let i = 0; i < count; i++) {
      const b = buttons.nth(i);
      if ((await b.isVisible()) && !(await b.evaluate((el, skip) => el.matches(skip), SKIP)))
        candidates.push(i);
    }
    if (candidates.length === 0) continue;
    const pick = buttons.nth(candidates[Math.floor(rand() * candidates.length)]);
    await pick.click({ timeout: 5_000 }).catch(() => undefined);
    await page.waitForTimeout(150);
  }
  expect(errors).toEqual([]);
  await context.close();
  return { reloads, screens };
}

describe('a reload never changes what the screen says', () => {
  it.each([
    ['nl', 2026],
    ['en', 1015],
  ] as const)(
    'a seeded walk in %s (seed %i)',
    async (lang, seed) => {
      const { reloads, screens } = await walk(lang, seed);
      expect(reloads).toBeGreaterThan(5);
      // The walk got past the start screen (else it proves nothing about the game).
      expect(screens.size, [...screens].join(' ')).toBeGreaterThan(2);
    },
    180_000,
  );
});
