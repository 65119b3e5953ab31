/**
 * One layout rule, in Chromium (issue 21): nothing covers a control or a value. On every screen of
 * a played flagship game (start, choose, setup, a council meeting, a card, the ending, the
 * debrief), at 1920×1080 and 1366×768 and at the normal and the largest text size, every visible
 * enabled button, once scrolled to, is what a click at its centre reaches. On the board, every
 * budget and meter is in view without scrolling the right panel, and says which way is good.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS, builtGame } from './harness';

const game = builtGame();

type G = {
  __GAME__: {
    ready: boolean;
    session?: { send(a: unknown): void; continue(): void; snapshot(): { matches(s: unknown): boolean } };
  };
};

/**
 * Buttons (and budget and meter values) whose centre does not reach them, as "screen: label".
 * While a full-screen layer (#screen) is up, what lies under it (the board, top bar, HUD) is not
 * asked about: the layer hides it on purpose.
 */
async function covered(page: Page, where: string): Promise<string[]> {
  return page.evaluate((where) => {
    const layered = (document.getElementById('screen')?.childElementCount ?? 0) > 0;
    const under = '#topbar, #hud, #stage, #board';
    const bad: string[] = [];
    /** The centre inside the window and inside every scrolling box around it. */
    const inSight = (el: HTMLElement): boolean => {
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) return false;
      for (let p = el.parentElement; p; p = p.parentElement) {
        if (getComputedStyle(p).overflow === 'visible') continue;
        const b = p.getBoundingClientRect();
        if (x < b.left || x > b.right || y < b.top || y > b.bottom) return false;
      }
      return true;
    };
    /** What a click at the centre reaches; undefined for an element with no size. */
    const hitAt = (el: HTMLElement): Element | null | undefined => {
      const r = el.getBoundingClientRect();
      if (r.width < 1 || r.height < 1) return undefined;
      return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    };
    const targets = [
      ...document.querySelectorAll<HTMLElement>(
        'button, [data-testid^=meter-], [data-testid^=amount-], [data-testid=timer-chip]',
      ),
    ];
    for (const el of targets) {
      if (el instanceof HTMLButtonElement && el.disabled) continue;
      if (layered && el.closest(under)) continue;
      if (el.closest('[hidden], .visually-hidden')) continue;
      if (el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      // As it is on screen; only what is out of sight is scrolled to first.
      if (!inSight(el)) el.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
      let hit = hitAt(el);
      if (hit === undefined) continue;
      // A sticky bar (a screen's actions) may cover what is half scrolled under it: scrolled to,
      // the control is clear. Anything fixed on top stays on top, wherever one scrolls.
      const sticky = (e: Element | null) =>
        !!e?.closest('.actions') && getComputedStyle(e.closest('.actions') as Element).position === 'sticky';
      if (hit !== el && !el.contains(hit) && sticky(hit)) {
        el.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
        hit = hitAt(el);
      }
      if (!hit || !(hit === el || el.contains(hit))) {
        const label = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40);
        const by = hit ? `${hit.tagName.toLowerCase()}#${hit.id}.${hit.className}`.slice(0, 60) : 'nothing';
        bad.push(`${where}: "${label}" covered by ${by}`);
      }
    }
    document.getElementById('screen')?.scrollTo(0, 0);
    document.getElementById('hud')?.scrollTo(0, 0);
    return bad;
  }, where);
}

/** Budgets and meters outside the window or below the right panel's fold, before any scrolling. */
async function outOfView(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const hud = document.getElementById('hud') as HTMLElement;
    hud.scrollTo(0, 0);
    const box = hud.getBoundingClientRect();
    const out: string[] = [];
    for (const el of hud.querySelectorAll<HTMLElement>('[data-testid^=meter-], [data-testid^=amount-]')) {
      if (el.dataset.testid?.startsWith('meter-delta-')) continue;
      const r = el.getBoundingClientRect();
      const inside = (b: { top: number; bottom: number; left: number; right: number }) =>
        r.top >= b.top - 0.5 &&
        r.bottom <= b.bottom + 0.5 &&
        r.left >= b.left - 0.5 &&
        r.right <= b.right + 0.5;
      if (!inside(box) || !inside({ top: 0, left: 0, bottom: innerHeight, right: innerWidth }))
        out.push(el.dataset.testid ?? '');
    }
    return out;
  });
}

async function moment(page: Page): Promise<string> {
  const el = await page.waitForSelector('#stage > [data-moment]');
  return ((await el.getAttribute('data-moment')) ?? '').split(':')[0];
}

/** On to the next moment the way a table does, answering the first choice each time. */
async function advance(page: Page, kind: string): Promise<void> {
  const before = await page.locator('#stage > [data-moment]').getAttribute('data-moment');
  if (kind === 'council') {
    const council = page.locator('[data-testid=council]');
    if (await council.locator('input[type=checkbox]').count()) {
      const need = Number(/\d+/.exec((await council.locator('h2').first().textContent()) ?? '')?.[0] ?? '1');
      for (let i = 0; i < need; i++) await council.locator('input[type=checkbox]').nth(i).check();
      await council.locator('[data-key=confirm-priorities]').click();
    } else if (await council.locator('[data-key=end-transfers]').count()) {
      await council.locator('[data-key=end-transfers]').click();
    } else await council.locator('[data-key=decline]').click();
  } else if (kind === 'turn') await page.locator('.turn-panel button').click();
  else if (kind === 'invest') await page.locator('[data-testid=invest] [data-key=decline]').click();
  else if (kind === 'outcome') await page.locator('[data-testid=outcome] [data-key=continue]').click();
  else await page.locator('[data-testid=card] button.option:not([disabled])').first().click();
  await page.waitForFunction(
    (b) => document.querySelector('#stage > [data-moment]')?.getAttribute('data-moment') !== b,
    before,
  );
}

async function walk(size: { width: number; height: number }, largest: boolean, lang: 'nl' | 'en') {
  const context = await game.browser().newContext({ viewport: size });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(game.url());
  await page.waitForFunction(() => (window as unknown as G).__GAME__?.ready === true);
  if (lang === 'en') await page.keyboard.press('l');
  // The A+ button, pressed past the largest size.
  if (largest) for (let i = 0; i < 3; i++) await page.locator('button', { hasText: 'A+' }).first().click();
  const bad: string[] = [];
  const seen: string[] = [];
  bad.push(...(await covered(page, 'start')));
  await page.getByTestId('start-workshop').click();
  await page.locator('.scenario[data-scenario="urk-2015"]').waitFor();
  bad.push(...(await covered(page, 'choose')));
  await page.locator('.scenario[data-scenario="urk-2015"]').click();
  await page.getByTestId('setup-timer').selectOption({ index: 1 });
  bad.push(...(await covered(page, 'setup')));
  await page.locator('[data-key=play]').click();
  const hidden: string[] = [];
  const places: string[] = [];
  for (let step = 0; step < 40; step++) {
    const kind = await moment(page);
    if ((kind === 'council' || kind === 'card') && !seen.includes(kind)) {
      seen.push(kind);
      bad.push(...(await covered(page, kind)));
      hidden.push(...(await outOfView(page)).map((id) => `${kind}: ${id}`));
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({
        path: join(ARTIFACTS, `layout-${size.width}-${largest ? 'large' : 'normal'}-${kind}.png`),
      });
      // The console toggle, and on a card the running timer, stand in the top bar.
      places.push(
        `${kind}: ${await page.evaluate(() => (document.querySelector('#topbar [data-testid=facil-toggle]:not([hidden])') ? 'toggle' : ''))}`,
      );
      if (kind === 'card')
        places.push(
          `card: ${await page.evaluate(() => (document.querySelector('#topbar [data-testid=timer-chip]:not([hidden])') ? 'timer' : ''))}`,
        );
    }
    if (seen.length === 2) break;
    await advance(page, kind);
  }
  expect(seen.sort()).toEqual(['card', 'council']);
  const good = await page.locator('[data-testid^=meter-good-]').allTextContents();
  const meters = await page.locator('#hud .meter').count();
  await page.evaluate(() => {
    const s = (window as unknown as G).__GAME__.session;
    s?.send({ type: 'endNow' });
    if (s?.snapshot().matches({ playing: 'outcome' })) s.continue();
  });
  await page.getByTestId('ending-title').waitFor();
  await page.screenshot({
    path: join(ARTIFACTS, `layout-${size.width}-${largest ? 'large' : 'normal'}-ending.png`),
  });
  bad.push(...(await covered(page, 'ending')));
  await page.locator('[data-key=debrief]').click();
  await page.locator('.debrief').waitFor();
  await page.locator('.charts').screenshot({
    path: join(ARTIFACTS, `layout-${size.width}-${largest ? 'large' : 'normal'}-charts.png`),
  });
  bad.push(...(await covered(page, 'debrief')));
  await context.close();
  return { bad, hidden, errors, good, meters, places };
}

describe('nothing covers a control or a value', () => {
  for (const size of [
    { width: 1920, height: 1080 },
    { width: 1366, height: 768 },
  ]) {
    for (const largest of [false, true]) {
      const lang = largest ? 'en' : 'nl';
      it(`at ${size.width}×${size.height}, ${largest ? 'largest text, en' : 'normal text, nl'}`, async () => {
        const { bad, hidden, errors, good, meters, places } = await walk(size, largest, lang);
        expect(bad).toEqual([]);
        expect(places.sort()).toEqual(['card: timer', 'card: toggle', 'council: toggle']);
        // Budgets and meters in view without scrolling the right panel (at the normal text size;
        // the largest text may scroll the panel, but nothing covers a value).
        if (!largest) expect(hidden).toEqual([]);
        // Each meter says which way is good, in the UI language.
        expect(meters).toBeGreaterThan(0);
        expect(good.length).toBe(meters);
        for (const g of good) expect(g).toMatch(lang === 'nl' ? /^[▲▼] beter$/ : /^[▲▼] better$/);
        expect(errors).toEqual([]);
      }, 90_000);
    }
  }
});
