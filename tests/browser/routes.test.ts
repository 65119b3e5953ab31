/**
 * One URL per screen (issue 13), in Chromium: on every route a reload shows the same screen
 * again, and the browser's Back and Forward go between screens the way a person walked them.
 * The setup form keeps what was typed through a reload; the game resumes at the same decision.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { legalActions } from '../../src/engine/legal';
import { replay } from '../../src/engine/record';
import { step } from '../../src/engine/step';
import type { Action, SessionRecord } from '../../src/engine/types';
import { loadScenario } from '../../src/scenario';
import { buildGame, launch, serve } from './harness';

const ZEEWIJK = loadScenario(
  readFileSync(join(resolve(import.meta.dirname, '..', '..'), 'scenarios/demo.yaml'), 'utf8'),
  'demo.yaml',
);
if (!ZEEWIJK.ok) throw new Error('demo.yaml does not load');
const zeewijk = ZEEWIJK.scenario;

let browser: Browser;
let server: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  const [dir, b] = await Promise.all([buildGame(), launch()]);
  browser = b;
  server = await serve(dir);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Snap {
  matches(s: unknown): boolean;
  context: { state: { pending: { kind: string }; log: unknown[] } | null };
}
type G = {
  __GAME__: {
    ready: boolean;
    live?: { id: string; session: { snapshot(): Snap; send(a: unknown): void; continue(): void } };
    workshop: { flush(): Promise<unknown>; table: { current: { id: string } | null } };
  };
};

async function open(context: BrowserContext, path = ''): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // A failed load is reported with its address (below); the start screen asks for the room
  // server, which this static server does not run: that one answer is expected.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  const roomProbe = (url: string) => new URL(url).pathname.endsWith('/room-api/info');
  page.on('response', (r) => {
    if (r.status() >= 400 && !roomProbe(r.url())) errors.push(`${r.status()} ${r.url()}`);
  });
  page.on('requestfailed', (r) => {
    // A reload or Back cancels what the page was still loading (ERR_ABORTED): that is no fault.
    if (!roomProbe(r.url()) && r.failure()?.errorText !== 'net::ERR_ABORTED') {
      errors.push(`failed: ${r.url()} ${r.failure()?.errorText}`);
    }
  });
  await page.goto(server.url + path);
  await ready(page);
  return { page, errors };
}

async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as G).__GAME__?.ready === true);
}

async function reload(page: Page): Promise<void> {
  await page.reload();
  await ready(page);
}

const hash = (page: Page) => page.evaluate(() => location.hash);

/** The moment on the table: who is to act on what, and how far the log has come. */
function where(page: Page): Promise<{ id: string; pending: string; log: number } | null> {
  return page.evaluate(() => {
    const live = (window as unknown as G).__GAME__.live;
    const table = (window as unknown as G).__GAME__.workshop.table.current;
    const state = live?.session.snapshot().context.state;
    if (!live || !table || table.id !== live.id || !state) return null;
    return { id: live.id, pending: JSON.stringify(state.pending), log: state.log.length };
  });
}

async function onTable(page: Page, id: string): Promise<void> {
  await page.waitForFunction((want) => {
    const g = (window as unknown as G).__GAME__;
    return g.workshop.table.current?.id === want && !!g.live?.session.snapshot().context.state;
  }, id);
}

describe('a URL per screen', () => {
  it('start, choose and compare: a reload stays, Back and Forward walk the way back', async () => {
    const context = await browser.newContext();
    const { page, errors } = await open(context);
    await page.getByTestId('start-workshop').click();
    expect(await hash(page)).toBe('#/choose');
    await page.locator('.scenario[data-scenario="demo-stapel"]').waitFor();
    await reload(page);
    await page.locator('.scenario[data-scenario="demo-stapel"]').waitFor();
    expect(await hash(page)).toBe('#/choose');

    await page.goBack();
    await page.getByTestId('start-workshop').waitFor();
    await page.goForward();
    await page.locator('.choose').waitFor();
    await page.goBack();
    await page.getByTestId('start-workshop').waitFor();

    // Compare used to fall back to the start screen on a reload.
    await page.getByTestId('open-compare').click();
    await page.getByTestId('compare-screen').waitFor();
    expect(await hash(page)).toBe('#/compare');
    await reload(page);
    await page.getByTestId('compare-screen').waitFor();
    await page.goBack();
    await page.getByTestId('start-workshop').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('setup keeps the names, the player count, the seed and the timer as typed through a reload', async () => {
    const context = await browser.newContext();
    const { page, errors } = await open(context);
    await page.getByTestId('start-workshop').click();
    await page.locator('.scenario[data-scenario="demo-stapel"]').click();
    expect(await hash(page)).toBe('#/setup/demo-stapel');
    await page.locator('[data-key=count]').selectOption('3');
    await page.locator('[data-key=name-0]').fill('Anna');
    await page.locator('[data-key=name-2]').fill('Chris');
    await page.getByTestId('seed').fill('4242');
    const timer = page.getByTestId('setup-timer');
    const longest = await timer.locator('option').last().getAttribute('value');
    await timer.selectOption(longest!);
    await reload(page);
    await page.locator('.setup').waitFor();
    expect(await hash(page)).toBe('#/setup/demo-stapel');
    expect(await page.locator('[data-key=count]').inputValue()).toBe('3');
    expect(await page.locator('[data-key=name-0]').inputValue()).toBe('Anna');
    expect(await page.locator('[data-key=name-1]').inputValue()).toBe('');
    expect(await page.locator('[data-key=name-2]').inputValue()).toBe('Chris');
    expect(await page.getByTestId('seed').inputValue()).toBe('4242');
    expect(await page.getByTestId('setup-timer').inputValue()).toBe(longest);

    // Back to the choice and forward again: still what was typed.
    await page.goBack();
    await page.locator('.choose').waitFor();
    await page.goForward();
    await page.locator('.setup').waitFor();
    expect(await page.locator('[data-key=name-0]').inputValue()).toBe('Anna');
    // A bookmark of the setup opens it in a new tab too (the form starts empty there).
    const other = await open(context, '#/setup/demo-stapel');
    await other.page.locator('.setup').waitFor();
    expect(await other.page.locator('[data-key=name-0]').inputValue()).toBe('');
    expect([...errors, ...other.errors]).toEqual([]);
    await context.close();
  }, 60_000);

  it('a trainer’s own file keeps its setup address through a reload', async () => {
    const context = await browser.newContext();
    const { page, errors } = await open(context);
    const own = readFileSync(
      join(resolve(import.meta.dirname, '..', '..'), 'scenarios/demo-deck.yaml'),
      'utf8',
    )
      .replace('id: demo-stapel', 'id: eigen-stapel')
      .replace('"Demo: de stapel van Zeewijk"', '"Onze eigen stapel"');
    await page.getByTestId('start-workshop').click();
    await page.locator('[data-key=open-file]').waitFor();
    await page.locator('input.open-file-input').setInputFiles({
      name: 'eigen.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.from(own),
    });
    await page.locator('.setup').waitFor();
    expect(await hash(page)).toBe('#/setup/eigen-stapel');
    await page.locator('[data-key=name-0]').fill('Dana');
    await reload(page);
    await page.locator('.setup').waitFor();
    expect(await page.locator('.setup h1').textContent()).toContain('Onze eigen stapel');
    expect(await page.locator('[data-key=name-0]').inputValue()).toBe('Dana');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('play and debrief: a reload resumes at the same decision; Back leaves the board, Forward resumes', async () => {
    const context = await browser.newContext();
    const { page, errors } = await open(context);
    await page.getByTestId('start-workshop').click();
    await page.locator('.scenario[data-scenario="demo-stapel"]').click();
    await page.locator('[data-key=play]').click();
    await page.waitForFunction(() => location.hash.startsWith('#/play/'));
    const id = decodeURIComponent((await hash(page)).slice('#/play/'.length));
    await onTable(page, id);
    // Two decisions in, through the buttons a table presses.
    for (let i = 0; i < 2; i++) {
      await page.locator('#stage [data-autofocus]').first().click();
      await page.waitForTimeout(50);
    }
    await page.evaluate(() => (window as unknown as G).__GAME__.workshop.flush());
    const before = await where(page);
    expect(before?.log).toBeGreaterThan(0);

    await reload(page);
    await onTable(page, id);
    expect(await hash(page)).toBe(`#/play/${id}`);
    expect(await where(page)).toEqual(before);

    // Back: the setup screen, and the game off the board (kept).
    await page.goBack();
    await page.locator('.setup').waitFor();
    expect(await page.evaluate(() => (window as unknown as G).__GAME__.workshop.table.current)).toBeNull();
    await page.goForward();
    await onTable(page, id);
    expect(await where(page)).toEqual(before);

    // To the end, then the debrief has its own URL.
    await page.evaluate(async () => {
      const s = (window as unknown as G).__GAME__.live!.session;
      s.send({ type: 'endNow' });
      if (s.snapshot().matches({ playing: 'outcome' })) s.continue();
      await (window as unknown as G).__GAME__.workshop.flush();
    });
    await page.locator('[data-key=debrief]').click();
    await page.locator('.debrief').waitFor();
    expect(await hash(page)).toBe(`#/debrief/${id}`);
    await reload(page);
    await page.locator('.debrief').waitFor();
    expect(await hash(page)).toBe(`#/debrief/${id}`);
    await page.goBack();
    await page.getByTestId('ending-title').waitFor();
    expect(await hash(page)).toBe(`#/play/${id}`);
    await page.goForward();
    await page.locator('.debrief').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it('an unknown address shows the start screen; #console is still the facilitator window', async () => {
    const context = await browser.newContext();
    const { page } = await open(context, '#/nowhere/at/all');
    await page.getByTestId('start-workshop').waitFor();
    expect(await hash(page)).toBe('#/');
    const remote = await context.newPage();
    await remote.goto(`${server.url}#console`);
    await remote.getByTestId('facil-waiting').waitFor();
    expect(await remote.evaluate(() => location.hash)).toBe('#console');
    await context.close();
  }, 60_000);
});

describe('every visible string in the language of the table', () => {
  it('in English the pause overlay says Pause, once, and the window title is English', async () => {
    const context = await browser.newContext();
    const { page, errors } = await open(context);
    expect(await page.title()).toBe("Decentralisatie-dilemma's");
    await page.keyboard.press('l');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.title()).toBe('Decentralisation dilemmas');
    await page.getByTestId('start-workshop').click();
    await page.locator('.scenario[data-scenario="demo-stapel"]').click();
    await page.locator('[data-key=play]').click();
    await page.waitForFunction(() => !!(window as unknown as G).__GAME__.live);
    await page.locator('#stage [data-autofocus]').first().waitFor();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('p');
    const word = page.locator('#pause-overlay .pause-word');
    await word.waitFor();
    expect(await word.textContent()).toBe('Pause');
    // Said once: the table under the overlay does not say it again (issue 21).
    expect(await page.locator(':text-is("Pause"):visible').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});

describe('the board scene', () => {
  type Board = {
    __GAME__: {
      board: {
        listenerCounts(): { diceClick: number; scaleResize: number };
        dicePoint(): { x: number; y: number };
      };
      game: { scale: { listenerCount(e: string): number }; scene: { stop(key: string): void } };
      live?: {
        session: {
          snapshot(): {
            matches(s: unknown): boolean;
            context: { record: SessionRecord; state: { log: { kind: string }[] } };
          };
          send(a: Action): void;
          continue(): void;
        };
      };
    };
  };

  it('relayouts add no listeners: one click on the dice rolls once; shutdown removes its listeners', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const { page, errors } = await open(context);
    await page.getByTestId('start-workshop').click();
    await page.locator('.scenario[data-scenario="demo-zeewijk"]').click();
    await page.locator('[data-key=play]').click();
    await page.waitForFunction(() => location.hash.startsWith('#/play/'));
    await page.waitForFunction(() => !!(window as unknown as Board).__GAME__.live);
    const counts = () => page.evaluate(() => (window as unknown as Board).__GAME__.board.listenerCounts());
    const first = await counts();
    expect(first.diceClick).toBe(1);
    // Every resize lays the board out again.
    for (const [w, h] of [
      [1100, 700],
      [900, 650],
      [1280, 720],
      [1000, 760],
      [1280, 720],
    ]) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(100);
    }
    expect(await counts()).toEqual(first);

    // A click on the dice is the roll button's shortcut: one click, one roll.
    const rolls = () =>
      page.evaluate(
        () =>
          (window as unknown as Board).__GAME__
            .live!.session.snapshot()
            .context.state.log.filter((e) => e.kind === 'roll').length,
      );
    // The table decides until it is someone's turn to roll (the game may open with a meeting).
    const record = await page.evaluate(
      () => (window as unknown as Board).__GAME__.live!.session.snapshot().context.record,
    );
    let state = replay(zeewijk, record);
    const toTurn: Action[] = [];
    while (state.pending.kind !== 'turn') {
      const a = legalActions(zeewijk, state)[0];
      state = step(zeewijk, state, a);
      toTurn.push(a);
    }
    await page.evaluate((list) => {
      const s = (window as unknown as Board).__GAME__.live!.session;
      for (const a of list) {
        s.send(a);
        if (s.snapshot().matches({ playing: 'outcome' })) s.continue();
      }
    }, toTurn);
    await page.waitForFunction(() =>
      (window as unknown as Board).__GAME__.live!.session.snapshot().matches({ playing: 'turn' }),
    );
    expect(await rolls()).toBe(0);
    const dice = await page.evaluate(() => (window as unknown as Board).__GAME__.board.dicePoint());
    const canvas = (await page.locator('#board canvas').boundingBox())!;
    await page.mouse.click(canvas.x + dice.x, canvas.y + dice.y);
    await page.waitForFunction(() =>
      (window as unknown as Board).__GAME__
        .live!.session.snapshot()
        .context.state.log.some((e) => e.kind === 'roll'),
    );
    await page.waitForTimeout(300);
    expect(await rolls()).toBe(1);

    const resizeListeners = await page.evaluate(() =>
      (window as unknown as Board).__GAME__.game.scale.listenerCount('resize'),
    );
    await page.evaluate(() => (window as unknown as Board).__GAME__.game.scene.stop('board'));
    expect(
      await page.evaluate(() => (window as unknown as Board).__GAME__.game.scale.listenerCount('resize')),
    ).toBe(resizeListeners - 1);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
