/**
 * The game in a real browser (Debian's Chromium, software WebGL): a whole workshop from the
 * start screen to the debrief, by keyboard only in Dutch and by clicks in English. Screenshots
 * of every screen go to tests/artifacts/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, buildGame, launch, serve } from './harness';
import { playToEnd } from './play';

let browser: Browser;
let server: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  const [dir, b] = await Promise.all([buildGame(), launch()]);
  browser = b;
  server = await serve(dir);
  mkdirSync(ARTIFACTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh page that collects console errors (the harmless WebGL ReadPixels notice is a warning). */
async function open(options: { reducedMotion?: boolean; width?: number; height?: number } = {}) {
  const page = await browser.newPage({
    viewport: { width: options.width ?? 1280, height: options.height ?? 720 },
    reducedMotion: options.reducedMotion ? 'reduce' : 'no-preference',
  });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  await page.goto(server.url);
  await page.waitForFunction(
    () => (window as unknown as { __GAME__?: { ready: boolean } }).__GAME__?.ready === true,
  );
  return { page, errors };
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

async function pickScenario(page: Page, id: string, mode: 'keyboard' | 'click') {
  const card = page.locator(`.scenario[data-scenario="${id}"]`);
  await card.waitFor();
  if (mode === 'click') {
    await card.click();
    return;
  }
  // Tab through the list until the scenario has focus, then Enter.
  for (let i = 0; i < 60; i++) {
    if (await card.evaluate((el) => el === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  expect(await card.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press('Enter');
}

describe('the game in Chromium', () => {
  it('boots Phaser with WebGL and draws a board that is not blank', async () => {
    const { page, errors } = await open();
    await page.evaluate(() =>
      (window as unknown as { __GAME__: { board: { awake: (ms: number) => void } } }).__GAME__.board.awake(
        5000,
      ),
    );
    const info = await page.evaluate(async () => {
      const g = (
        window as unknown as {
          __GAME__: {
            game: { renderer: { type: number; snapshot: (cb: (img: HTMLImageElement) => void) => void } };
          };
        }
      ).__GAME__.game;
      const img = await new Promise<HTMLImageElement>((resolve) => g.renderer.snapshot(resolve));
      await img.decode().catch(() => undefined);
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d') as CanvasRenderingContext2D;
      ctx.drawImage(img, 0, 0);
      return { type: g.renderer.type, url: c.toDataURL().length };
    });
    expect(info.type).toBe(2); // Phaser.WEBGL
    await page.getByRole('button', { name: 'Start workshop' }).click();
    await pickScenario(page, 'demo-zeewijk', 'click');
    await page.getByRole('button', { name: 'Begin het spel' }).click();
    await page.waitForSelector('#stage > [data-moment]');
    await page.evaluate(() =>
      (window as unknown as { __GAME__: { board: { awake: (ms: number) => void } } }).__GAME__.board.awake(
        5000,
      ),
    );
    const colours = await page.evaluate(async () => {
      const g = (
        window as unknown as {
          __GAME__: { game: { renderer: { snapshot: (cb: (img: HTMLImageElement) => void) => void } } };
        }
      ).__GAME__.game;
      const img = await new Promise<HTMLImageElement>((resolve) => g.renderer.snapshot(resolve));
      await img.decode().catch(() => undefined);
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d') as CanvasRenderingContext2D;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < data.length; i += 4 * 97)
        seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      return { distinct: seen.size, url: c.toDataURL().length };
    });
    expect(colours.url).toBeGreaterThan(10_000);
    expect(colours.distinct).toBeGreaterThan(8);
    await shot(page, 'board-1280');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.waitForFunction(
      () => (document.querySelector('#board canvas') as HTMLCanvasElement | null)?.width !== 0,
    );
    await page.waitForTimeout(600); // Phaser checks the parent size on its resize interval
    const canvas = await page.locator('#board canvas').boundingBox();
    expect(canvas?.width ?? 0).toBeGreaterThan(1200);
    await shot(page, 'board-1920');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('plays the demo from the start screen to the debrief with the keyboard only, in Dutch', async () => {
    const { page, errors } = await open({ reducedMotion: true });
    await shot(page, 'nl-start');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nl');
    await page.keyboard.press('Tab'); // focus "Start workshop"
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Start workshop');
    await page.keyboard.press('Enter');
    await shot(page, 'nl-choose');
    await pickScenario(page, 'demo-zeewijk', 'keyboard');
    await page.locator('h1', { hasText: 'Spelers en rollen' }).waitFor();
    await shot(page, 'nl-setup');
    await page.locator('body').focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('#stage > [data-moment]');
    await expect(page.textContent('[data-testid=round]')).resolves.toMatch(/Voor de start|Kwartaal 1 van 3/);
    const played = await playToEnd(page, 'keyboard', 'nl');
    expect(played.decisions.length).toBeGreaterThan(0);
    expect(played.questionsAsked).toBe(1);
    expect([...played.rounds]).toEqual(
      expect.arrayContaining(['Kwartaal 1 van 3', 'Kwartaal 2 van 3', 'Kwartaal 3 van 3']),
    );
    // The outcome shows exactly the cost the option showed, and the budget moved by it.
    expect(played.firstCost).not.toBeNull();
    const fc = played.firstCost!;
    expect(fc.chip).toBe(fc.option.split(' · ')[0]);
    const moved = euros(fc.after) - euros(fc.before);
    if (fc.roundChange) expect(moved).not.toBe(0);
    else expect(moved).toBe(signedEuros(fc.chip));
    await shot(page, 'nl-ending');
    await page.keyboard.press('Enter');
    const timeline = page.locator('[data-testid=timeline-item][data-card]');
    await timeline.first().waitFor();
    await shot(page, 'nl-debrief');
    await expect(timeline.count()).resolves.toBe(played.decisions.length);
    const listed = await timeline.locator('strong').allTextContents();
    expect(listed).toEqual(played.decisions);
    // The council's own decisions stand beside the cards (the demo opens with a meeting).
    expect(await page.locator('[data-testid=timeline-item][data-kind=priorities]').count()).toBeGreaterThan(
      0,
    );
    await expect(page.locator('[data-testid^=chart-]').count()).resolves.toBeGreaterThanOrEqual(4);
    await expect(page.locator('.not-chosen').count()).resolves.toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('plays a boardless vote scenario with the keyboard: every voter in turn, split votes in the debrief', async () => {
    const { page, errors } = await open({ reducedMotion: true });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await pickScenario(page, 'demo-stapel', 'keyboard');
    await page.locator('h1', { hasText: 'Spelers en rollen' }).waitFor();
    await page.locator('body').focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('#stage > [data-moment]');
    await page.locator('.turn-panel').waitFor();
    await shot(page, 'nl-vote-turn');
    const turnButton = await page.evaluate(
      () => document.querySelector('.turn-panel button')?.textContent ?? '',
    );
    expect(turnButton).toContain('Trek een kaart');
    const played = await playToEnd(page, 'keyboard', 'nl-vote');
    expect(played.moments.has('card')).toBe(true);
    expect(played.voted).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await page.locator('[data-testid=timeline-item]').first().waitFor();
    await shot(page, 'nl-vote-debrief');
    await expect(page.locator('[data-testid=timeline-item][data-card]').count()).resolves.toBe(
      played.decisions.length,
    );
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('plays a board scenario with clicks, in English, with animated dice and tokens', async () => {
    const { page, errors } = await open();
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await page.getByRole('button', { name: 'Start workshop' }).click();
    await pickScenario(page, 'demo-zeewijk', 'click');
    await page.getByRole('heading', { name: /Players and roles/ }).waitFor();
    await page.getByLabel('Name of player 1').fill('Anna de Vries');
    await page.getByLabel('Name of player 2').fill('Bram');
    await page.getByRole('button', { name: 'Start the game' }).click();
    await page.waitForSelector('#stage > [data-moment]');
    const played = await playToEnd(page, 'click', 'en');
    expect(played.moments.has('turn')).toBe(true);
    expect(played.moments.has('card')).toBe(true);
    expect(played.transfers).toBe(1);
    // The table hears the dice and the cards (the sound port records what was asked for).
    const cues = await page.evaluate(
      () => (window as unknown as { __GAME__: { sound: { requested: string[] } } }).__GAME__.sound.requested,
    );
    expect(cues).toEqual(expect.arrayContaining(['dice', 'card']));
    expect([...played.rounds]).toEqual(expect.arrayContaining(['Quarter 1 of 3', 'Quarter 3 of 3']));
    await page.getByRole('button', { name: 'To the debrief' }).click();
    await page.getByRole('heading', { name: /Debrief/ }).waitFor();
    await shot(page, 'en-debrief');
    await expect(page.locator('[data-testid=timeline-item][data-card]').count()).resolves.toBe(
      played.decisions.length,
    );
    // Switching language re-renders everything, the debrief too.
    await page.keyboard.press('l');
    await page.getByRole('heading', { name: /Nabespreking/ }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  }, 150_000);

  it('keeps the roll button clear of every space, at every text size and on a 4:3 projector', async () => {
    for (const [width, height] of [
      [1280, 720],
      [1024, 768],
    ]) {
      const { page, errors } = await open({ width, height });
      await page.getByTestId('start-workshop').click();
      await pickScenario(page, 'demo-zeewijk', 'click');
      await page.locator('[data-key=play]').click();
      // The demo opens with a council meeting: choose its priority, read what it did, then the
      // first turn comes.
      for (let i = 0; i < 10 && !(await page.locator('.turn-panel').count()); i++) {
        const el = await page.waitForSelector('#stage > [data-moment]');
        const moment = (await el.getAttribute('data-moment')) ?? '';
        if (moment.startsWith('council')) {
          await page.keyboard.press('1');
          await page.keyboard.press('Enter');
        } else if (moment.startsWith('outcome')) {
          await page.keyboard.press('Enter');
        }
        await page.waitForFunction(
          (m) => document.querySelector<HTMLElement>('#stage > [data-moment]')?.dataset.moment !== m,
          moment,
        );
      }
      await page.locator('.turn-panel').waitFor();
      for (const step of ['normal', 'A+', 'A++']) {
        if (step !== 'normal') await page.getByRole('button', { name: 'Grotere tekst' }).click();
        // The board lays itself out again for the measured button; wait until it has settled.
        let clear = false;
        let report = '';
        for (let tries = 0; tries < 20 && !clear; tries++) {
          await page.waitForTimeout(150);
          const found = await page.evaluate(`(() => {
            const canvas = document.querySelector('canvas').getBoundingClientRect();
            const button = document.querySelector('.turn-panel').getBoundingClientRect();
            const spaces = window.__GAME__.board.spaceRects();
            const hits = spaces.filter((s) =>
              canvas.left + s.x < button.right && button.left < canvas.left + s.x + s.width &&
              canvas.top + s.y < button.bottom && button.top < canvas.top + s.y + s.height);
            return { hits: hits.length, spaces: spaces.length, button: [button.left, button.top, button.width, button.height] };
          })()`);
          const r = found as { hits: number; spaces: number; button: number[] };
          expect(r.spaces).toBeGreaterThan(0);
          clear = r.hits === 0;
          report = JSON.stringify(r);
        }
        expect(clear, `${width}×${height} ${step}: ${report}`).toBe(true);
        // Every control of the top bar stays on the screen.
        const offscreen = await page.evaluate(
          `[...document.querySelectorAll('.topbar button')].filter((b) => b.getBoundingClientRect().right > innerWidth + 1).length`,
        );
        expect(offscreen, `${width}×${height} ${step}`).toBe(0);
        await shot(page, `board-turn-${width}-${step}`);
      }
      expect(errors).toEqual([]);
      await page.close();
    }
  }, 90_000);
});

/** "€ 1.250.000" → 1250000; "− € 4.200" → -4200. */
function euros(text: string): number {
  const negative = text.includes('\u2212');
  const n = Number(text.replace(/[^\d]/g, ''));
  return negative ? -n : n;
}

/** The signed amount in a change chip such as "Wmo − € 4.200 ▼". */
function signedEuros(chip: string): number {
  const m = /(\+|\u2212) € ([\d.]+)/.exec(chip);
  if (!m) return Number.NaN;
  const n = Number(m[2].replace(/\./g, ''));
  return m[1] === '+' ? n : -n;
}
