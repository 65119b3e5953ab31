/**
 * Workshop facilitation in Chromium (issue 5): sessions survive 20 closes and reloads at seeded
 * random moments; a corrupt save and blocked storage get a message and the game goes on; a
 * session file round trip; undo; pause stops the timer; a what-if branch that differs from its
 * original; an exported debrief whose scenario text holds <script> and <img onerror> shows them
 * as text; the service worker serves the game offline; the single-file build plays from file://.
 * The game is driven through the test seam `window.__GAME__` where a person's clicks add nothing
 * to what is tested (the full click-through lives in game.test.ts).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_LABEL, HOSTILE_TITLE, hostileScenario, playHostile } from '../../src/debrief/fixtures';
import { legalActions } from '../../src/engine/legal';
import { newRecord, replay } from '../../src/engine/record';
import { step } from '../../src/engine/step';
import type { Action, SessionRecord } from '../../src/engine/types';
import { serializeSession } from '../../src/persistence/session-format';
import { loadScenario } from '../../src/scenario';
import { ARTIFACTS, buildGame, launch, serve } from './harness';

const ROOT = resolve(import.meta.dirname, '..', '..');
const DEMO = loadScenario(readFileSync(join(ROOT, 'scenarios/demo-deck.yaml'), 'utf8'), 'demo-deck.yaml');
if (!DEMO.ok) throw new Error('demo-deck.yaml does not load');
const demo = DEMO.scenario;
const DEMO_SOURCE = readFileSync(join(ROOT, 'scenarios/demo-deck.yaml'), 'utf8');

/** A session file of the demo deck played to the end by `script` (for import and compare). */
function demoSessionFile(id: string, seed: string, variant: number): string {
  const record = newRecord(demo, DEMO.ok ? DEMO.hash : '', seed, [
    { name: 'Anna' },
    { name: 'Bram' },
    { name: 'Cem' },
  ]);
  const full = { ...record, actions: script(record, 4, variant) };
  return serializeSession({
    format: 'dd-session',
    version: 1,
    id,
    savedAt: '2026-11-29T10:00:00.000+01:00',
    record: full,
    scenario: { source: DEMO_SOURCE, file: 'demo-deck.yaml', hash: DEMO.ok ? DEMO.hash : '', title: 'Demo' },
    ui: {
      timerRemainingMs: null,
      timerLengthMs: 0,
      language: 'nl',
      round: 2,
      players: ['Anna', 'Bram', 'Cem'],
    },
  });
}

let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let singleDir = '';

beforeAll(async () => {
  singleDir = mkdtempSync(join(tmpdir(), 'dd-single-'));
  const [dir, b] = await Promise.all([
    buildGame(),
    launch(),
    build({
      root: ROOT,
      configFile: join(ROOT, 'vite.single.config.ts'),
      logLevel: 'error',
      build: { outDir: singleDir, emptyOutDir: true },
    }),
  ]);
  browser = b;
  server = await serve(dir);
  mkdirSync(ARTIFACTS, { recursive: true });
}, 180_000);

const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `facil-${name}.png`) });

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (singleDir) rmSync(singleDir, { recursive: true, force: true });
});

interface Live {
  record: SessionRecord;
  pending: unknown;
  log: number;
  timer: { lengthMs: number; remainingMs: number };
  paused: boolean;
  ended: boolean;
}

type G = {
  __GAME__: {
    ready: boolean;
    session?: {
      send(a: Action): void;
      continue(): void;
      snapshot(): {
        matches(s: unknown): boolean;
        context: {
          record: SessionRecord;
          state: { pending: unknown; log: unknown[] };
          timer: { lengthMs: number; remainingMs: number };
        };
      };
    };
    workshop: { flush(): Promise<unknown> };
  };
};

async function open(context: BrowserContext, url = server.url): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as G).__GAME__?.ready === true);
  return { page, errors };
}

async function startDemo(page: Page, timer = '0'): Promise<void> {
  await page.getByTestId('start-workshop').click();
  await page.locator('.scenario[data-scenario="demo-stapel"]').click();
  await page.getByTestId('setup-timer').selectOption(timer);
  await page.locator('[data-key=play]').click();
  await waitSession(page);
}

async function waitSession(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const s = (window as unknown as G).__GAME__?.session;
    return !!s && !!s.snapshot().context.record;
  });
}

function live(page: Page): Promise<Live> {
  return page.evaluate(() => {
    const snap = (window as unknown as G).__GAME__.session!.snapshot();
    return {
      record: snap.context.record,
      pending: snap.context.state.pending,
      log: snap.context.state.log.length,
      timer: snap.context.timer,
      paused: snap.matches('paused'),
      ended: snap.matches('ended'),
    };
  });
}

/** Sends actions as the table would, stepping past each consequence; then waits for the save. */
async function send(page: Page, actions: Action[]): Promise<void> {
  await page.evaluate(async (list) => {
    const g = (window as unknown as G).__GAME__;
    for (const a of list) {
      g.session!.send(a);
      if (g.session!.snapshot().matches({ playing: 'outcome' })) g.session!.continue();
    }
    await g.workshop.flush();
  }, actions);
}

/** A whole scripted game on the demo deck for this record's seed and players (seeded picks). */
function script(record: SessionRecord, seed = 7, variant = 0): Action[] {
  let state = replay(demo, record);
  let x = seed;
  const rand = () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
  const out: Action[] = [];
  for (let i = 0; i < 500 && state.pending.kind !== 'ended'; i++) {
    const legal = legalActions(demo, state);
    const a = variant === 1 ? legal[0] : legal[Math.floor(rand() * legal.length)];
    state = step(demo, state, a);
    out.push(a);
  }
  return out;
}

describe('nothing is lost', () => {
  it('closing or reloading at 20 seeded moments resumes every time at the same state', async () => {
    const context = await browser.newContext();
    let { page, errors } = await open(context);
    await startDemo(page, '120000');
    const start = await live(page);
    const actions = script(start.record, 11);
    expect(actions.length).toBeGreaterThan(20);
    let x = 2026;
    const cuts = new Set<number>();
    while (cuts.size < 20) {
      x = (x * 48271) % 2147483647;
      cuts.add(1 + (x % (actions.length - 1)));
    }
    let done = 0;
    for (const [n, cut] of [...cuts].sort((a, b) => a - b).entries()) {
      await send(page, actions.slice(done, cut));
      done = cut;
      const before = await live(page);
      if (n % 2 === 0) await page.reload();
      else {
        await page.close();
        ({ page, errors } = await open(context));
      }
      await page.waitForFunction(() => (window as unknown as G).__GAME__?.ready === true);
      await waitSession(page);
      const after = await live(page);
      expect(after.record).toEqual(before.record);
      expect(after.pending).toEqual(before.pending);
      expect(after.log).toBe(before.log);
      expect(after.timer.lengthMs).toBe(120_000);
      expect(Math.abs(after.timer.remainingMs - before.timer.remainingMs)).toBeLessThan(2500);
    }
    // The resumed session plays on to its end.
    await send(page, actions.slice(done));
    expect((await live(page)).ended).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('a reload while the consequences of a decision are on screen shows them again, then play goes on', async () => {
    const context = await browser.newContext();
    let { page, errors } = await open(context);
    await startDemo(page);
    const actions = script((await live(page)).record, 11);
    // Play up to the first decision (the demo deck votes: the last vote decides) and leave its
    // consequences on screen.
    await page.evaluate((list) => {
      const session = (window as unknown as G).__GAME__.session!;
      for (const a of list) {
        session.send(a);
        if (session.snapshot().matches({ playing: 'outcome' })) return;
      }
    }, actions);
    const outcome = page.getByTestId('outcome');
    await outcome.waitFor();
    const shown = await outcome.textContent();
    await page.evaluate(() => (window as unknown as G).__GAME__.workshop.flush());
    for (const how of ['reload', 'close']) {
      if (how === 'reload') await page.reload();
      else {
        await page.close();
        ({ page, errors } = await open(context));
      }
      await page.waitForFunction(() => (window as unknown as G).__GAME__?.ready === true);
      await waitSession(page);
      await page.getByTestId('outcome').waitFor();
      expect(await page.getByTestId('outcome').textContent(), how).toBe(shown);
    }
    // Continue: the game goes on from the next moment, and a reload now does not show them again.
    await page.locator('[data-testid=outcome] [data-key=continue]').click();
    await page.waitForSelector('[data-testid=outcome]', { state: 'detached' });
    const next = await live(page);
    await page.evaluate(() => (window as unknown as G).__GAME__.workshop.flush());
    await page.reload();
    await page.waitForFunction(() => (window as unknown as G).__GAME__?.ready === true);
    await waitSession(page);
    expect((await live(page)).pending).toEqual(next.pending);
    expect(await page.getByTestId('outcome').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('a corrupt save gets a message, its raw data as a download, and a way to start fresh', async () => {
    const context = await browser.newContext();
    const { page } = await open(context);
    const raw = '{"format":"dd-session","version":1,"id":"kapot","rec';
    await page.evaluate((text) => {
      localStorage.setItem('dd-session:kapot', text);
      localStorage.setItem('dd.activeSession', 'kapot');
    }, raw);
    await page.reload();
    await page.getByTestId('damaged-save').waitFor();
    expect(await page.getByTestId('damaged-code').textContent()).toContain('afgebroken');
    await shot(page, 'damaged');
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('damaged-download').click(),
    ]);
    expect(readFileSync((await file.path())!, 'utf8')).toBe(raw);
    await page.getByTestId('damaged-fresh').click();
    await page.getByTestId('start-workshop').waitFor();
    // A future-version save in the list is named as such, not hidden.
    await page.evaluate(() =>
      localStorage.setItem('dd-session:nieuw', '{"format":"dd-session","version":9,"id":"nieuw"}'),
    );
    await page.reload();
    await page.locator('[data-testid=saved-entry][data-id=nieuw]').waitFor();
    expect(await page.locator('[data-testid=saved-entry][data-id=nieuw]').textContent()).toContain(
      'nieuwere',
    );
    await context.close();
  }, 60_000);

  it('blocked storage: a visible warning, and the game goes on', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      const blocked = () => {
        throw new DOMException('blocked', 'SecurityError');
      };
      Object.defineProperty(window, 'indexedDB', { get: blocked });
      Object.defineProperty(window, 'localStorage', { get: blocked });
    });
    const { page, errors } = await open(context);
    await startDemo(page);
    await page.getByTestId('storage-warning').waitFor();
    expect(await page.getByTestId('storage-warning').getAttribute('data-kind')).toBe('unavailable');
    const start = await live(page);
    await send(page, script(start.record).slice(0, 6));
    expect((await live(page)).record.actions).toHaveLength(6);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('export → import on another laptop resumes the same session; a broken file gets a located error', async () => {
    const one = await browser.newContext();
    const { page } = await open(one);
    await startDemo(page);
    const start = await live(page);
    await send(page, script(start.record, 5).slice(0, 9));
    const before = await live(page);
    await page.keyboard.press('f');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('facil-export').click(),
    ]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(download.suggestedFilename()).toMatch(/^demo-stapel-.*\.dd-session\.json$/);
    await one.close();

    const two = await browser.newContext();
    const { page: other } = await open(two);
    const dir = mkdtempSync(join(tmpdir(), 'dd-import-'));
    writeFileSync(
      join(dir, 'broken.dd-session.json'),
      text.replace('"actions": [', '"actions": [ {"type": "fly"},'),
    );
    await other.getByTestId('import-session').setInputFiles(join(dir, 'broken.dd-session.json'));
    await other.getByTestId('import-problem').waitFor({ state: 'visible' });
    expect(await other.getByTestId('import-problem').textContent()).toMatch(/line \d+, column \d+/);
    writeFileSync(join(dir, 'good.dd-session.json'), text);
    await other.getByTestId('import-session').setInputFiles(join(dir, 'good.dd-session.json'));
    await waitSession(other);
    const after = await live(other);
    expect(after.record).toEqual(before.record);
    expect(after.pending).toEqual(before.pending);
    // The same file once more, on a laptop that already keeps it (and played it on to the end):
    // it opens as a copy beside the kept session, which is not overwritten.
    const endGame = async () => {
      await other.keyboard.press('f');
      await other.getByTestId('facil-end').click();
      await other.getByTestId('facil-end-yes').click();
      await other.locator('[data-key=debrief]').click();
      await other.locator('[data-key=again]').click();
    };
    await endGame();
    await other.getByTestId('import-session').setInputFiles(join(dir, 'good.dd-session.json'));
    await other.waitForFunction(
      () => !(window as unknown as G).__GAME__.session?.snapshot().matches('ended'),
    );
    expect((await live(other)).record.actions).toEqual(before.record.actions);
    await endGame();
    await other.locator('[data-testid=saved-entry]').nth(1).waitFor();
    expect(await other.locator('[data-testid=saved-entry]').count()).toBe(2);
    rmSync(dir, { recursive: true, force: true });
    await two.close();
  }, 60_000);
});

describe('the facilitator console', () => {
  it('undo takes back the last decision after a confirmation; a note goes into the log', async () => {
    const context = await browser.newContext();
    const { page } = await open(context);
    await startDemo(page);
    const start = await live(page);
    const actions = script(start.record, 3, 1);
    // Up to and including the first settled decision (all seats voted).
    const seats = start.record.players.length;
    const firstDecision = actions.findIndex(
      (a, i) =>
        a.type === 'vote' && actions.slice(0, i + 1).filter((b) => b.type === 'vote').length === seats,
    );
    await send(page, actions.slice(0, firstDecision + 1));
    const decided = await live(page);
    await page.keyboard.press('f');
    await page.getByTestId('facil-note-text').fill('De tafel wilde eerst de buurt horen');
    await page.getByTestId('facil-note').click();
    await page.waitForFunction(
      () =>
        (window as unknown as G).__GAME__.session!.snapshot().context.record.actions.at(-1)?.type === 'note',
    );
    await shot(page, 'console');
    await page.getByTestId('facil-undo').click();
    expect(await live(page)).toMatchObject({ record: { actions: expect.any(Array) } });
    expect((await live(page)).record.actions.length).toBe(decided.record.actions.length + 1); // nothing yet
    await page.getByTestId('facil-undo-yes').click();
    const undone = await live(page);
    expect(undone.record.actions.length).toBeLessThan(decided.record.actions.length);
    expect((undone.pending as { kind: string }).kind).toBe('card');
    await context.close();
  }, 60_000);

  it('pause freezes the timer and shows "Pauze" large; resume lets it run again', async () => {
    const context = await browser.newContext();
    const { page } = await open(context);
    await startDemo(page, '60000');
    await send(page, [{ type: 'draw' }]);
    await page.waitForTimeout(600);
    const running = (await live(page)).timer.remainingMs;
    expect(running).toBeLessThan(60_000);
    // The countdown and the facilitator's button stand side by side in the top bar (issue 21).
    const chip = await page.locator('#topbar .timer-chip').boundingBox();
    const toggle = await page.locator('#topbar .facil-toggle').boundingBox();
    expect(chip && toggle).toBeTruthy();
    if (chip && toggle) expect(chip.x + chip.width).toBeLessThanOrEqual(toggle.x);
    await shot(page, 'timer');
    await page.keyboard.press('p');
    await page.getByTestId('pause-overlay').waitFor({ state: 'visible' });
    expect(await page.getByTestId('pause-overlay').textContent()).toContain('Pauze');
    await shot(page, 'pause');
    const paused = (await live(page)).timer.remainingMs;
    await page.waitForTimeout(1200);
    expect((await live(page)).timer.remainingMs).toBe(paused);
    expect((await live(page)).paused).toBe(true);
    // Input is frozen: the overlay covers the table's buttons.
    const covered = await page.evaluate(() => {
      const el = document.elementFromPoint(innerWidth / 2, innerHeight - 40);
      return !!el?.closest('#pause-overlay');
    });
    expect(covered).toBe(true);
    await page.keyboard.press('p');
    await page.waitForTimeout(700);
    expect((await live(page)).timer.remainingMs).toBeLessThan(paused);
    await context.close();
  }, 60_000);
});

describe('the console in its own window', () => {
  it('shows the game and drives it from its own window: pause, a note while paused, resume', async () => {
    const context = await browser.newContext();
    const { page } = await open(context);
    await startDemo(page, '60000');
    await send(page, [{ type: 'draw' }]);
    await page.keyboard.press('f');
    const [popup] = await Promise.all([
      context.waitForEvent('page'),
      page.getByTestId('facil-window').click(),
    ]);
    await popup.getByTestId('facil-pause').click();
    await page.getByTestId('pause-overlay').waitFor({ state: 'visible' });
    expect((await live(page)).paused).toBe(true);
    await popup.getByTestId('facil-note-text').fill('Vanuit het andere venster');
    await popup.getByTestId('facil-note').click();
    await page.waitForFunction(() => {
      const a = (window as unknown as G).__GAME__.session!.snapshot().context.record.actions.at(-1);
      return a?.type === 'note' && a.text === 'Vanuit het andere venster';
    });
    expect((await live(page)).paused).toBe(true);
    await popup.getByTestId('facil-resume').click();
    await page.getByTestId('pause-overlay').waitFor({ state: 'hidden' });
    await popup.getByTestId('facil-notes').waitFor();
    expect(await popup.getByTestId('facil-notes').textContent()).toContain('Vanuit het andere venster');
    await context.close();
  }, 60_000);
});

describe('compare tables', () => {
  it('sessions of one scenario and seed side by side; another seed is refused by name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dd-compare-'));
    writeFileSync(join(dir, 'raad.dd-session.json'), demoSessionFile('raad', 'zeewijk', 0));
    writeFileSync(join(dir, 'or.dd-session.json'), demoSessionFile('or', 'zeewijk', 1));
    writeFileSync(join(dir, 'ander.dd-session.json'), demoSessionFile('ander', 'elders', 1));
    const context = await browser.newContext();
    const { page } = await open(context);
    await page.getByTestId('open-compare').click();
    await page
      .getByTestId('compare-files')
      .setInputFiles(['raad', 'or', 'ander'].map((n) => join(dir, `${n}.dd-session.json`)));
    await page.getByTestId('compare-table').waitFor();
    const heads = await page.locator('[data-testid=compare-table] thead th').allTextContents();
    expect(heads).toHaveLength(3);
    expect(heads[1]).toContain('raad');
    expect(heads[2]).toContain('or');
    expect(await page.locator('[data-testid=compare-table] tr.differs').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('compare-problems').textContent()).toContain('ander.dd-session.json');
    await shot(page, 'compare');
    // A reload on #/compare shows the same tables again (issue 13), checked anew.
    await page.reload();
    await page.getByTestId('compare-table').waitFor();
    expect(await page.locator('[data-testid=compare-table] thead th').allTextContents()).toEqual(heads);
    await page.getByTestId('compare-clear').click();
    await page
      .getByTestId('compare-screen')
      .getByText(/No sessions|Nog geen/)
      .waitFor();
    await page.reload();
    await page.getByTestId('compare-screen').waitFor();
    expect(await page.getByTestId('compare-table').count()).toBe(0);
    rmSync(dir, { recursive: true, force: true });
    await context.close();
  }, 60_000);
});

describe('the debrief to keep', () => {
  it('what-if: a branch from a decision that goes another way is shown beside the original', async () => {
    const context = await browser.newContext();
    const { page } = await open(context);
    await startDemo(page);
    const start = await live(page);
    await send(page, script(start.record, 9, 1));
    expect((await live(page)).ended).toBe(true);
    await page.locator('[data-key=debrief]').click();
    await page.getByTestId('whatif').first().click();
    await page.waitForFunction(() => !(window as unknown as G).__GAME__.session!.snapshot().matches('ended'));
    const branch = await live(page);
    expect((branch.pending as { kind: string }).kind).toBe('card');
    // The table now votes for the last option every time, and plays on to the end.
    let record = branch.record;
    let state = replay(demo, record);
    const rest: Action[] = [];
    while (state.pending.kind !== 'ended') {
      const legal = legalActions(demo, state);
      const a = legal[legal.length - 1];
      state = step(demo, state, a);
      rest.push(a);
    }
    record = { ...record, actions: [...record.actions, ...rest] };
    await send(page, rest);
    await page.locator('[data-key=debrief]').click();
    await page.getByTestId('whatif-table').waitFor();
    const rows = await page.locator('[data-testid=whatif-table] tr.differs').count();
    expect(rows).toBeGreaterThan(0);
    const heads = await page.locator('[data-testid=whatif-table] thead th').allTextContents();
    expect(heads.slice(1)).toEqual(['Origineel', 'Wat-als']);
    await page.getByTestId('whatif-table').scrollIntoViewIfNeeded();
    await shot(page, 'whatif');
    await context.close();
  }, 60_000);

  it('an exported HTML debrief shows <script> and <img onerror> from the scenario as text', async () => {
    const game = playHostile();
    const { source, hash } = hostileScenario();
    const session = {
      format: 'dd-session' as const,
      version: 1 as const,
      id: 'vijandig',
      savedAt: '2026-11-29T10:00:00.000+01:00',
      record: game.record,
      scenario: { source, file: 'hostile.yaml', hash, title: 'hostile' },
      ui: {
        timerRemainingMs: null,
        timerLengthMs: 0,
        language: 'en',
        round: 2,
        players: ['Anna', 'Bram', 'Cem'],
      },
    };
    const dir = mkdtempSync(join(tmpdir(), 'dd-hostile-'));
    writeFileSync(join(dir, 'h.dd-session.json'), serializeSession(session));
    const context = await browser.newContext();
    const { page } = await open(context);
    await page.getByTestId('import-session').setInputFiles(join(dir, 'h.dd-session.json'));
    await page.locator('[data-key=debrief]').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-html').click(),
    ]);
    const html = readFileSync((await download.path())!, 'utf8');
    const csvDownload = Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    const csv = readFileSync((await (await csvDownload)[0].path())!, 'utf8');
    expect(csv).not.toMatch(/(^|,)=/m);
    writeFileSync(join(dir, 'debrief.html'), html);
    const view = await context.newPage();
    const alerts: string[] = [];
    view.on('dialog', (d) => {
      alerts.push(d.message());
      void d.dismiss();
    });
    const requests: string[] = [];
    view.on('request', (r) => requests.push(r.url()));
    await view.goto(`file://${join(dir, 'debrief.html')}`);
    // biome-ignore lint/performance/useDomNodeTextContent: what a reader sees, as rendered
    const text = await view.locator('body').innerText();
    expect(text).toContain(HOSTILE_TITLE);
    expect(text).toContain(HOSTILE_LABEL);
    expect(await view.locator('script, img').count()).toBe(0);
    expect(alerts).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
    // Printed to A4 nothing is wider than the page.
    await view.emulateMedia({ media: 'print' });
    const overflow = await view.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const pdf = await view.pdf({ format: 'A4' });
    writeFileSync(join(ARTIFACTS, 'facil-debrief.pdf'), pdf);
    expect(pdf.length).toBeGreaterThan(1000);
    rmSync(dir, { recursive: true, force: true });
    await context.close();
  }, 60_000);
});

describe('offline', () => {
  it('after the first load the service worker serves the game without a network', async () => {
    const context = await browser.newContext();
    const { page } = await open(context);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await page.waitForFunction(() => !!navigator.serviceWorker.controller);
    await context.setOffline(true);
    await page.reload();
    await page.waitForFunction(() => (window as unknown as G).__GAME__?.ready === true);
    await startDemo(page);
    expect((await live(page)).record.scenario.id).toBe('demo-stapel');
    await context.close();
  }, 60_000);

  it('the single-file build plays from file:// with no network at all', async () => {
    expect(readdirSync(singleDir)).toEqual(['index.html']);
    const html = readFileSync(join(singleDir, 'index.html'), 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=/);
    const context = await browser.newContext();
    const requests: string[] = [];
    context.on('request', (r) => requests.push(r.url()));
    await context.setOffline(true);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`file://${join(singleDir, 'index.html')}`);
    await page.getByTestId('start-workshop').click();
    await page.locator('.scenario[data-scenario="demo-stapel"]').click();
    await page.locator('[data-key=play]').click();
    // Play by keyboard: draw, then vote 1 for every seat, continue, until the first decision is shown.
    await page.locator('.turn-panel button').click();
    await page.waitForSelector('#stage [data-moment^="card"]');
    for (let i = 0; i < 8 && (await page.locator('#stage [data-moment^="card"]').count()) > 0; i++) {
      await page.keyboard.press('1');
      await page.waitForTimeout(50);
    }
    await page.waitForSelector('#stage [data-moment^="outcome"]');
    expect(errors).toEqual([]);
    expect(
      requests.filter((u) => !u.startsWith('file://') && !u.startsWith('data:') && !u.startsWith('blob:')),
    ).toEqual([]);
    await context.close();
  }, 60_000);
});
