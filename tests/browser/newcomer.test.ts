/**
 * A newcomer's first five minutes, and nothing a reload can take (issue 27), in Chromium: the
 * flagship is marked and focused on the scenario list; a phone at the room server is sent to its
 * table instead of a list of broken scenarios; priority ticks not yet confirmed, the console note
 * being typed and the debrief's scroll position come back after a reload.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { withoutScenarios } from '../../src/room/server';
import { builtGame, type GameSeam } from './harness';

const game = builtGame();

type G = GameSeam;

async function open(context: BrowserContext, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await ready(page);
  return { page, errors };
}

async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as G).__GAME__?.ready === true);
}

async function reload(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as G).__GAME__.workshop.flush());
  await page.reload();
  await ready(page);
}

/** Zeewijk (a council with priorities before the first turn), from the start screen. */
async function startZeewijk(page: Page): Promise<void> {
  await page.getByTestId('start-workshop').click();
  await page.locator('.scenario[data-scenario="demo-zeewijk"]').click();
  await page.locator('[data-key=play]').click();
  await page.waitForFunction(() => !!(window as unknown as G).__GAME__?.session?.snapshot().context.record);
}

describe('the first screens', () => {
  it('marks the flagship as the place to start, first in the list and focused', async () => {
    const context = await game.browser().newContext({ viewport: { width: 1366, height: 768 } });
    const { page, errors } = await open(context, game.url());
    await page.getByTestId('start-workshop').click();
    await page.locator('.scenario[data-scenario]').first().waitFor();
    const first = page.locator('.scenario[data-scenario]').first();
    expect(await first.getAttribute('data-scenario')).toBe('urk-2015');
    await expect.poll(() => first.getByTestId('recommended').textContent()).toBe('Aanbevolen: begin hier');
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.scenario))
      .toBe('urk-2015');
    // One recommendation, not one per card; in English too.
    expect(await page.getByTestId('recommended').count()).toBe(1);
    await page.keyboard.press('l');
    await expect.poll(() => first.getByTestId('recommended').textContent()).toBe('Recommended: start here');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('sends a phone at the room server to its table, with no broken scenario cards', async () => {
    // The room server answers 403 to a phone asking for a scenario file (they hold hidden briefs).
    const phoneServer = await serveRefusingScenarios(game.dir());
    const context = await game
      .browser()
      .newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const { page } = await open(context, phoneServer.url);
    await page.getByTestId('start-workshop').click();
    await page.getByTestId('choose-phone').waitFor();
    const text = (await page.locator('.choose').textContent()) ?? '';
    expect(text).not.toContain('fouten');
    expect(text).not.toContain('403');
    // No card for a refused file: what is listed can be played (small files are inlined in the build).
    expect(await page.locator('.scenario:not([data-scenario])').count()).toBe(0);
    await page.getByTestId('choose-phone').getByRole('button').click();
    await page.waitForFunction(() => location.hash === '#/join');
    await context.close();
    await phoneServer.close();
  });
});

describe('room mode without a room server', () => {
  it('says how to start it, in the UI language after L too, and offers the way back', async () => {
    const context = await game.browser().newContext({ viewport: { width: 1366, height: 768 } });
    // A room page boots no board, so the test seam's `ready` is not waited for here.
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${game.url()}#/room`);
    const why = page.getByTestId('room-no-server');
    await why.waitFor();
    expect(await page.locator('.room-new').textContent()).toContain('npm run room');
    expect(await why.textContent()).toContain('zaalserver');
    await page.keyboard.press('l');
    await expect.poll(() => why.textContent()).toContain('room server');
    await page.locator('[data-key=room-back]').click();
    await page.getByTestId('start-workshop').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('nothing a reload can take', () => {
  it('keeps priority ticks not yet confirmed', async () => {
    const context = await game.browser().newContext({ viewport: { width: 1366, height: 768 } });
    const { page, errors } = await open(context, game.url());
    await startZeewijk(page);
    const boxes = page.locator('input[type=checkbox][data-key^=priority-]');
    await boxes.first().waitFor();
    // Zeewijk's first meeting picks one of two: the second, so a default could not pass for it.
    await boxes.nth(1).check();
    const ticked = () =>
      page.$$eval('input[type=checkbox][data-key^=priority-]', (list) =>
        (list as HTMLInputElement[]).filter((b) => b.checked).map((b) => b.value),
      );
    const before = await ticked();
    expect(before).toEqual(['kosten']);
    await reload(page);
    await boxes.first().waitFor();
    expect(await ticked()).toEqual(before);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps the console note being typed', async () => {
    const context = await game.browser().newContext({ viewport: { width: 1366, height: 768 } });
    const { page } = await open(context, game.url());
    await startZeewijk(page);
    await page.keyboard.press('f');
    const note = page.getByTestId('facil-note-text');
    await note.waitFor();
    await note.fill('De wethouder wil eerst de wijkteams horen');
    await reload(page);
    await page.keyboard.press('f');
    await note.waitFor();
    expect(await note.inputValue()).toBe('De wethouder wil eerst de wijkteams horen');
    // Once added to the table's notes, the draft is gone: a reload does not bring it back.
    await page.getByTestId('facil-note').click();
    await reload(page);
    await page.keyboard.press('f');
    expect(await note.inputValue()).toBe('');
    await context.close();
  });

  it("keeps the debrief's scroll position", async () => {
    const context = await game.browser().newContext({ viewport: { width: 1366, height: 768 } });
    const { page } = await open(context, game.url());
    await startZeewijk(page);
    await page.evaluate(() => {
      const g = (window as unknown as G).__GAME__;
      g.session?.send({ type: 'endNow' });
      if (g.session?.snapshot().matches({ playing: 'outcome' })) g.session.continue();
    });
    await page.locator('[data-key=debrief]').click();
    await page.locator('.debrief').waitFor();
    const scrolled = await page.evaluate(() => {
      const s = document.getElementById('screen') as HTMLElement;
      s.scrollTop = Math.min(600, s.scrollHeight - s.clientHeight);
      return s.scrollTop;
    });
    expect(scrolled).toBeGreaterThan(100);
    // The position is kept on the next frame after the scroll.
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    await reload(page);
    await page.locator('.debrief').waitFor();
    await expect
      .poll(() => page.evaluate(() => (document.getElementById('screen') as HTMLElement).scrollTop))
      .toBe(scrolled);
    await context.close();
  });
});

/** The build served as the room server serves it to a phone: every scenario file refused. */
async function serveRefusingScenarios(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
  };
  const s: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (/\.ya?ml$/i.test(path)) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end('read on the laptop only');
      return;
    }
    let file = normalize(join(root, decodeURIComponent(path)));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(root) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    // As the room server does: a phone's offline cache leaves out what it may not fetch.
    if (file.endsWith('sw.js')) res.end(withoutScenarios(readFileSync(file, 'utf8')));
    else createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
  const { port } = s.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => s.close(() => ok())) };
}
