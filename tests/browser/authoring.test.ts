/**
 * A trainer's own scenario file in the real game (issue 6): opened with the file picker or
 * dropped anywhere on the scenario choice, a broken file lists its problems (position, message in
 * the UI language, the line with a caret) and a valid one is played at once. Then the dev server:
 * saving a file under scenarios/ reloads it at the setup screen and in a game in progress, and a
 * broken one is listed in the choice with its problems.
 */
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer as netServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, buildGame, launch, serve } from './harness';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BROKEN = readFileSync(join(ROOT, 'docs/examples/broken/wijkteam-zuid.yaml'), 'utf8');
const DECK = readFileSync(join(ROOT, 'scenarios/demo-deck.yaml'), 'utf8');

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

async function openGame(url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url);
  await page.locator('[data-testid=start-workshop]').click();
  await page.locator('[data-key=open-file]').waitFor();
  return { page, errors };
}

/** A file dropped on the page the way a browser delivers one: dragenter, dragover, drop. */
async function drop(page: Page, name: string, text: string): Promise<void> {
  await page.evaluate(
    ({ name, text }) => {
      const data = new DataTransfer();
      data.items.add(new File([text], name, { type: 'text/yaml' }));
      const target = document.querySelector('.choose h1') ?? document.body;
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
      }
    },
    { name, text },
  );
}

describe('opening a scenario file', () => {
  it("lists a broken file's problems with position, Dutch message and the line with a caret", async () => {
    const { page, errors } = await openGame(server.url);
    // Markup in the file must stay text: it is quoted in the panel.
    const hostile = BROKEN.replace(
      'efects: [ { resource: wmo, add: -4000 } ]',
      'efects: [ { resource: wmo, add: -4000 } ] # <img src=x onerror=alert(1)>',
    );
    await page.locator('input.open-file-input').setInputFiles({
      name: 'wijkteam-zuid.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.from(hostile),
    });
    const panel = page.locator('.open-file-panel.errors');
    await panel.waitFor();
    await expect.poll(() => panel.locator('h2').textContent()).toBe('wijkteam-zuid.yaml heeft 3 fouten');
    const first = panel.locator('.problem').first();
    expect(await first.locator('.where').textContent()).toBe('wijkteam-zuid.yaml:25:13');
    expect(await first.locator('.message').textContent()).toBe(
      'kaart "mevrouw-de-vries", keuze "thuiszorg": onbekend veld "efects"; bedoelt u "effects"? (hier toegestaan: id, label, effects, when, tags, stances)',
    );
    expect(await first.locator('.quote').textContent()).toBe(
      '            efects: [ { resource: wmo, add: -4000 } ] # <img src=x onerror=alert(1)>\n            ^',
    );
    // The warning is listed too, marked as one.
    expect(await panel.locator('.problem.warning .message').textContent()).toMatch(
      /hier staat geen en-tekst/,
    );
    // The heading has focus, so a keyboard or screen-reader user lands on the problems.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
    expect(await page.locator('img[src=x]').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'nl-open-file-errors.png') });

    // The language switch re-words the problems.
    await page.keyboard.press('l');
    await expect.poll(() => panel.locator('h2').textContent()).toBe('wijkteam-zuid.yaml has 3 errors');
    expect(await panel.locator('.problem').first().locator('.message').textContent()).toMatch(
      /^card "mevrouw-de-vries", option "thuiszorg": unknown field "efects"/,
    );
    // Escape closes the panel and stays on the scenario choice.
    await page.keyboard.press('Escape');
    expect(await page.locator('.open-file-panel').count()).toBe(0);
    expect(await page.locator('h1').first().textContent()).toBe('Choose a scenario');

    // A file far larger than any scenario is refused before it is read.
    await page.locator('input.open-file-input').setInputFiles({
      name: 'huge.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.alloc(2 * 1024 * 1024 + 1, 'a'),
    });
    await expect
      .poll(() => page.locator('.open-file-panel p').textContent())
      .toMatch(/too large for a scenario/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses a Windows-1252 file, picked or dropped, and words YAML mistakes plainly', async () => {
    const { page, errors } = await openGame(server.url);
    // "Cliëntenraad" saved in Windows-1252: ë is the single byte 0xEB.
    const [head, tail] = DECK.split('Budget, en: Budget', 2) as [string, string];
    const bytes = [...Buffer.from(`${head}Cli`), 0xeb, ...Buffer.from(`ntenraad, en: Budget${tail}`)];
    await page.locator('input.open-file-input').setInputFiles({
      name: 'ansi.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.from(bytes),
    });
    const panel = page.locator('.open-file-panel.errors');
    await panel.waitFor();
    expect(await panel.locator('.problem').count()).toBe(1);
    expect(await panel.locator('.problem .message').textContent()).toBe(
      'het bestand is geen UTF-8-tekst: bewaar het als UTF-8 (deze byte is ongeldig)',
    );
    expect(await page.locator('body').textContent()).not.toContain('\uFFFD');
    await page.keyboard.press('Escape');

    await page.evaluate((bytes) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes)], 'ansi.yaml', { type: 'text/yaml' }));
      const target = document.querySelector('.choose h1') ?? document.body;
      for (const type of ['dragenter', 'dragover', 'drop'])
        target.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
    }, bytes);
    await panel.waitFor();
    expect(await panel.locator('.problem .message').textContent()).toMatch(
      /^het bestand is geen UTF-8-tekst/,
    );
    await page.keyboard.press('Escape');

    // A tab, a text with a colon, an option one level too deep: one problem each, in plain words,
    // with the line quoted and a caret.
    const mistakes: [string, string, string, RegExp][] = [
      ['    name: { nl: Budget', '\tname: { nl: Budget', 'tab.yaml', /^spring in met spaties, niet met tabs/],
      [
        'title: { nl: "Demo: de stapel van Zeewijk", en: "Demo: the Zeewijk deck" }',
        'title: Let op: nieuw',
        'dubbele-punt.yaml',
        /zet de tekst tussen aanhalingstekens: title: "Let op: nieuw"$/,
      ],
      [
        '          - id: verhuizen',
        '            - id: verhuizen',
        'inspringen.yaml',
        /hoort op dit niveau in kolom 11, zoals regel \d+ \(de items van "options"\)/,
      ],
    ];
    for (const [from, to, name, message] of mistakes) {
      expect(DECK).toContain(from);
      await page.locator('input.open-file-input').setInputFiles({
        name,
        mimeType: 'text/yaml',
        buffer: Buffer.from(DECK.replace(from, to)),
      });
      await expect.poll(() => panel.locator('h2').textContent()).toBe(`${name} heeft 1 fout`);
      expect(await panel.locator('.problem').count()).toBe(1);
      expect(await panel.locator('.problem .message').textContent()).toMatch(message);
      const quote = (await panel.locator('.problem .quote').textContent()) ?? '';
      expect(quote.split('\n')[0]).toBe(
        DECK.replace(from, to)
          .split('\n')
          .find((l) => l.includes(to.trim())),
      );
      expect(quote.split('\n')[1]).toMatch(/^\s*\^$/);
      await page.keyboard.press('Escape');
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('plays a valid file dropped anywhere on the page: setup, then the game', async () => {
    const { page, errors } = await openGame(server.url);
    const own = DECK.replace('id: demo-stapel', 'id: eigen-stapel').replace(
      'title: { nl: "Demo: de stapel van Zeewijk"',
      'title: { nl: "Ons eigen spel"',
    );
    await drop(page, 'eigen.yaml', own);
    await expect.poll(() => page.locator('h1').first().textContent()).toMatch(/^Ons eigen spel — /);
    // Away from the scenario choice a dropped file is refused, so the browser never opens it in place of the game.
    const refused = await page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(['x'], 'x.yaml'));
      return !document.body.dispatchEvent(
        new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
      );
    });
    expect(refused).toBe(true);
    expect(await page.locator('h1').first().textContent()).toMatch(/^Ons eigen spel — /);
    await page.locator('[data-key=play]').click();
    await page.waitForFunction(() => {
      const g = (
        window as unknown as {
          __GAME__: { session?: { snapshot(): { context: { scenario: { id: string } } } } };
        }
      ).__GAME__;
      return g.session?.snapshot().context.scenario.id === 'eigen-stapel';
    });
    await page.locator('#stage > [data-moment]').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows warnings without blocking: the file can be played from the panel', async () => {
    const { page, errors } = await openGame(server.url);
    const warned = DECK.replace(
      'title: { nl: "Demo: de stapel van Zeewijk", en: "Demo: the Zeewijk deck" }',
      'title: { nl: "Met een waarschuwing" }',
    );
    await page.locator('input.open-file-input').setInputFiles({
      name: 'waarschuwing.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.from(warned),
    });
    const panel = page.locator('.open-file-panel.warnings');
    await panel.waitFor();
    expect(await panel.locator('h2').textContent()).toBe('waarschuwing.yaml: 1 waarschuwing');
    expect(await panel.locator('.where').textContent()).toBe('waarschuwing.yaml:7:8');
    await page.screenshot({ path: join(ARTIFACTS, 'nl-open-file-warnings.png') });
    await page.locator('[data-key=open-file-play]').click();
    await expect.poll(() => page.locator('h1').first().textContent()).toMatch(/^Met een waarschuwing — /);
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** A free loopback port for the dev server. */
function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = netServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => ok(port));
    });
  });
}

/**
 * The dev server runs on a copy of the project (node_modules linked), so the scenario file this
 * test saves sits in a scenarios/ folder that the other tests, which read the real scenarios/
 * while they run in parallel, never see.
 */
function projectCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dd-live-'));
  for (const file of ['index.html', 'package.json', 'vite.config.ts', 'tsconfig.json'])
    copyFileSync(join(ROOT, file), join(dir, file));
  for (const folder of ['src', 'locales', 'assets', 'scenarios'])
    cpSync(join(ROOT, folder), join(dir, folder), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

describe('live reload on the dev server', () => {
  const name = 'zz-live-test.yaml';
  const id = 'live-test';
  let project = '';
  let file = '';
  let dev: ViteDevServer | null = null;
  let url = '';

  const write = (text: string) => writeFileSync(file, text);
  const base = () =>
    DECK.replace('id: demo-stapel', `id: ${id}`).replace(
      'title: { nl: "Demo: de stapel van Zeewijk"',
      'title: { nl: "Live versie 1"',
    );

  beforeAll(async () => {
    project = projectCopy();
    file = join(project, 'scenarios', name);
    write(base());
    const port = await freePort();
    dev = await createServer({
      root: project,
      configFile: join(project, 'vite.config.ts'),
      cacheDir: join(project, '.vite'),
      logLevel: 'error',
      // node_modules is a link to the real one: its files (fonts) may be served from there.
      server: { host: '127.0.0.1', port, strictPort: true, open: false, fs: { allow: [project, ROOT] } },
    });
    await dev.listen();
    url = `http://127.0.0.1:${port}/`;
  }, 60_000);

  afterAll(async () => {
    await dev?.close();
    if (project) rmSync(project, { recursive: true, force: true });
  });

  it('reloads a saved file at setup at once, and resumes a game in progress with its actions', async () => {
    const { page, errors } = await openGame(url);
    await page.locator(`.scenario[data-scenario="${id}"]`).click();
    await expect.poll(() => page.locator('h1').first().textContent()).toMatch(/^Live versie 1 — /);

    // At setup: the new title shows without touching the page, and what the table typed stays.
    await page.locator('[data-key=name-0]').fill('Anna');
    await page.locator('[data-testid=seed]').fill('vast-zaad');
    await page.locator('h1').first().click();
    write(base().replace('Live versie 1', 'Live versie 2'));
    await expect
      .poll(() => page.locator('h1').first().textContent(), { timeout: 15_000 })
      .toMatch(/^Live versie 2 — /);
    expect(await page.locator('[data-key=name-0]').inputValue()).toBe('Anna');
    expect(await page.locator('[data-testid=seed]').inputValue()).toBe('vast-zaad');
    expect(await page.locator('[data-testid=live-notice]').textContent()).toMatch(/opnieuw geladen/);

    // In a game: play a few actions, save an edit, and the same game goes on under the new version.
    await page.locator('[data-key=play]').click();
    await page.locator('#stage > [data-moment]').waitFor();
    const actions = await page.evaluate(async () => {
      type Snap = {
        matches(s: object): boolean;
        context: {
          record: { actions: unknown[] } | null;
          state: { pending: { kind: string; copy?: { card: string } } };
          scenario: { decks: { cards: { id: string; options?: { id: string }[] }[] }[] };
        };
      };
      const s = (
        window as unknown as {
          __GAME__: { session: { send(a: object): void; continue(): void; snapshot(): Snap } };
        }
      ).__GAME__.session;
      for (let i = 0; i < 12 && (s.snapshot().context.record?.actions.length ?? 0) < 4; i++) {
        const snap = s.snapshot();
        if (snap.matches({ playing: 'outcome' })) {
          s.continue();
          continue;
        }
        const pending = snap.context.state.pending;
        if (pending.kind === 'turn') s.send({ type: 'draw' });
        else if (pending.kind === 'card') {
          const card = snap.context.scenario.decks
            .flatMap((d) => d.cards)
            .find((c) => c.id === pending.copy?.card);
          const option = card?.options?.[0]?.id;
          for (let seat = 0; seat < 4; seat++) s.send({ type: 'vote', seat, option });
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      return s.snapshot().context.record?.actions.length ?? 0;
    });
    expect(actions).toBeGreaterThanOrEqual(2);

    write(base().replace('Live versie 1', 'Live versie 3'));
    await page.waitForFunction(
      () =>
        JSON.stringify(
          (
            window as unknown as {
              __GAME__: { session: { snapshot(): { context: { scenario: { title: unknown } } } } };
            }
          ).__GAME__.session.snapshot().context.scenario.title,
        ).includes('Live versie 3'),
      undefined,
      { timeout: 15_000 },
    );
    const after = await page.evaluate(
      () =>
        (
          window as unknown as {
            __GAME__: { session: { snapshot(): { context: { record: { actions: unknown[] } } } } };
          }
        ).__GAME__.session.snapshot().context.record.actions.length,
    );
    expect(after).toBe(actions);
    // The same game: its seed is the one typed at setup.
    expect(
      await page.evaluate(
        () =>
          (
            window as unknown as {
              __GAME__: { session: { snapshot(): { context: { record: { seed: string } } } } };
            }
          ).__GAME__.session.snapshot().context.record.seed,
      ),
    ).toBe('vast-zaad');
    expect(await page.locator('[data-testid=live-notice]').textContent()).toMatch(
      new RegExp(`hervat na ${actions} handelingen`),
    );

    // A save with an error keeps the game and lists the problem.
    write(base().replace('Live versie 1', 'Live versie 4').replace('format: 1', 'format: 1\nformat: 1'));
    await expect
      .poll(() => page.locator('[data-testid=live-notice]').textContent(), { timeout: 15_000 })
      .toMatch(/bewaard met 1 fout/);
    expect(await page.locator('[data-testid=live-notice] .where').textContent()).toMatch(
      new RegExp(`^${name}:\\d+:\\d+$`),
    );

    // A fresh page (a new browser context: no saved session to resume) lists the broken file in
    // the choice, its problems worded and quoted the same way.
    expect(errors).toEqual([]);
    await page.close();
    const fresh = await openGame(url);
    const broken = fresh.page.locator('.scenario', { hasText: name });
    await broken.locator('.problems .where').first().waitFor();
    expect(await broken.locator('.problems .where').first().textContent()).toMatch(
      new RegExp(`^${name}:\\d+:1$`),
    );
    expect(await broken.locator('.problems .message').first().textContent()).toMatch(/staat twee keer/);
    expect(await broken.locator('.problems .quote').first().textContent()).toBe('format: 1\n^');
    expect(fresh.errors).toEqual([]);
    await fresh.page.close();
  }, 90_000);

  it('keeps the notice clear of the card, its options and the controls, at every text size, at 1366×768', async () => {
    write(base());
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    await page.locator('[data-testid=start-workshop]').click();
    await page.locator(`.scenario[data-scenario="${id}"]`).click();
    await page.locator('[data-key=play]').click();
    await page.locator('#stage > [data-moment]').waitFor();
    await page.evaluate(() =>
      (window as unknown as { __GAME__: { session: { send(a: object): void } } }).__GAME__.session.send({
        type: 'draw',
      }),
    );
    await page.locator('[data-testid=card] .options button').first().waitFor();

    // The largest notice: a save with errors lists them, each with its line quoted.
    write(base().replace('format: 1', 'format: 1\nformat: 1').replace('  - id: budget', '\t- id: budget'));
    const notice = page.locator('[data-testid=live-notice]');
    await expect.poll(() => notice.textContent(), { timeout: 15_000 }).toMatch(/bewaard met/);

    for (const size of [0, 1, 2]) {
      if (size > 0) await page.keyboard.press('+');
      await page.waitForTimeout(400);
      const overlaps = await page.evaluate(() => {
        const box = document.querySelector('[data-testid=live-notice]')!.getBoundingClientRect();
        const targets = [
          document.querySelector('[data-testid=card]'),
          ...document.querySelectorAll(
            '[data-testid=card] button, #topbar button, #hud button, #stage button',
          ),
        ].filter((e): e is Element => e !== null);
        const found: string[] = [];
        for (const el of targets) {
          // A card taller than the space scrolls: an option counts as reachable when, scrolled
          // into view, it lies clear of the notice and a click on it lands on it.
          if (el.tagName === 'BUTTON') el.scrollIntoView({ block: 'nearest' });
          const r = el.getBoundingClientRect();
          if (r.width === 0 || r.height === 0) continue;
          if (r.bottom > box.top && r.top < box.bottom && r.right > box.left && r.left < box.right)
            found.push(`${el.tagName}.${el.className} overlaps the notice`);
          if (el.tagName === 'BUTTON') {
            const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            if (!hit || !el.contains(hit)) found.push(`${el.textContent} is covered`);
          }
        }
        return { found, options: document.querySelectorAll('[data-testid=card] .options button').length };
      });
      expect(overlaps.options).toBeGreaterThan(1);
      expect(overlaps.found, `text size ${size}`).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, `nl-live-notice-size-${size}.png`) });
    }
    // Closing the notice gives the page its full height back.
    await notice.locator('button').click();
    expect(await page.evaluate(() => document.querySelector('.app')!.getBoundingClientRect().height)).toBe(
      768,
    );

    // A save in Windows-1252 is refused, and the game keeps its text.
    const [head, tail] = base().split('Budget, en: Budget', 2) as [string, string];
    writeFileSync(
      file,
      Buffer.from([...Buffer.from(`${head}Cli`), 0xeb, ...Buffer.from(`ntenraad, en: Budget${tail}`)]),
    );
    await expect
      .poll(() => notice.textContent(), { timeout: 15_000 })
      .toMatch(/het bestand is geen UTF-8-tekst/);
    expect(await page.locator('body').textContent()).not.toContain('\uFFFD');
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});
