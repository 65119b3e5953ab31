/**
 * Browser figures (issue 4), each against a bare Phaser page built in the same run:
 * - JavaScript loaded before the start screen is usable, gzipped: ≤ 1.25 × bare Phaser;
 * - all JavaScript the start screen and the game can load, gzipped: ≤ 1.6 × bare Phaser — the
 *   chunks reachable from index.html in Vite's manifest, without the tools a trainer or a room
 *   opens on purpose (the studio with its editor and its analysis worker, room mode), which are
 *   printed apart;
 * - the start screen usable (Start button visible and working): ≤ 1.3 × the time bare Phaser
 *   takes to reach its first scene (medians of several cold loads);
 * - while tokens move: median frame interval ≤ 17.5 ms, 95th percentile ≤ 34 ms over 5 s,
 *   counted with requestAnimationFrame.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { buildGame, launch, serve } from '../tests/browser/harness';

const ROOT = resolve(import.meta.dirname, '..');
const LOADS = 5;

async function buildBarePhaser(): Promise<string> {
  // Inside node_modules so that `phaser` resolves from the project's own install.
  const root = join(ROOT, 'node_modules', '.cache', 'dd-bench-bare');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head>' +
      '<body><div id="game"></div><script type="module" src="./main.js"></script></body></html>',
  );
  writeFileSync(
    join(root, 'main.js'),
    `import * as Phaser from 'phaser';
class First extends Phaser.Scene { create() { this.add.text(10, 10, 'bare'); window.__ready = performance.now(); } }
new Phaser.Game({ type: Phaser.WEBGL, parent: 'game', width: 1280, height: 720, banner: false,
  audio: { noAudio: true }, scene: [First] });
`,
  );
  const outDir = join(root, 'dist');
  await build({ root, base: './', logLevel: 'error', build: { outDir, emptyOutDir: true } });
  return outDir;
}

async function buildGameProduction(): Promise<string> {
  const outDir = join(ROOT, 'node_modules', '.cache', 'dd-bench-game');
  // The manifest tells which chunk imports which (statically or lazily): see gameChunks.
  await build({ root: ROOT, logLevel: 'error', build: { outDir, emptyOutDir: true, manifest: true } });
  return outDir;
}

const gz = (file: string) => gzipSync(readFileSync(file)).length;

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

/**
 * The lazily loaded tools, by the source of the chunk a route imports: nothing on the start
 * screen or in a game reaches them; a trainer opens the studio, a facilitator a room.
 */
const TOOLS: { name: string; test: RegExp; worker?: RegExp }[] = [
  {
    name: 'studio (editor, Play/Balance/Cards; its worker checks and balances)',
    test: /^src\/studio\//,
    worker: /^studio\.worker-/,
  },
  { name: 'room mode', test: /^src\/ui\/room\// },
];

/**
 * From the build's manifest: the files the start screen and the game can load (everything
 * reachable from index.html, up front or lazily, except through a tool's chunk), and each tool's
 * own files. A script no chunk names (a Web Worker's) goes with the tool whose name it carries.
 */
export function gameChunks(dist: string): { game: Set<string>; tools: Map<string, Set<string>> } {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const reach = (
    roots: string[],
    stop: (key: string) => boolean,
    into: Set<string>,
    seen = new Set<string>(),
  ) => {
    const todo = [...roots];
    while (todo.length > 0) {
      const key = todo.pop() as string;
      if (seen.has(key) || !manifest[key]) continue;
      seen.add(key);
      into.add(manifest[key].file);
      for (const next of [...(manifest[key].imports ?? []), ...(manifest[key].dynamicImports ?? [])])
        if (!stop(next)) todo.push(next);
    }
    return into;
  };
  const isTool = (key: string) => TOOLS.some((t) => t.test.test(key));
  const entries = Object.keys(manifest).filter((k) => manifest[k].isEntry);
  const game = reach(entries, isTool, new Set());
  const tools = new Map<string, Set<string>>();
  const named = new Set(Object.values(manifest).map((c) => c.file));
  for (const tool of TOOLS) {
    const roots = Object.keys(manifest).filter((k) => tool.test.test(k));
    // Not through the game's chunks (they are counted already) nor into another tool.
    const stop = (k: string) => game.has(manifest[k]?.file ?? '') || (isTool(k) && !tool.test.test(k));
    tools.set(tool.name, reach(roots, stop, new Set()));
  }
  for (const f of readdirSync(join(dist, 'assets'))) {
    const file = `assets/${f}`;
    if (!f.endsWith('.js') || named.has(file)) continue;
    const tool = TOOLS.find((t) => t.worker?.test(f));
    if (tool) tools.get(tool.name)?.add(file);
  }
  return { game, tools };
}

/** Gzipped bytes of the scripts the HTML loads up front (entry + modulepreloads), and of all JS. */
export function jsSizes(dist: string): { initial: number; all: number } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const upfront = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) upfront.add(m[1]);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) upfront.add(m[1]);
  const initial = [...upfront].reduce((sum, src) => sum + gz(join(dist, src.replace(/^\.\//, ''))), 0);
  const assets = join(dist, 'assets');
  const all = readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + gz(join(assets, f)), 0);
  return { initial, all };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

async function coldLoad(
  browser: Browser,
  url: string,
  ready: (page: Page) => Promise<number>,
): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.addInitScript(WATCH_START_BUTTON);
  await page.goto(url);
  const ms = await ready(page);
  await context.close();
  return ms;
}

/**
 * Watches from the very first frame (an init script, so a busy main thread later cannot delay
 * the reading): the time of the first animation frame — just before a paint — at which the
 * Start button is in the page and visible.
 */
const WATCH_START_BUTTON = `(() => {
  const look = () => {
    const button = document.querySelector('[data-testid="start-workshop"]');
    if (button && button.offsetParent !== null) window.__startVisible = performance.now();
    else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})()`;

async function startUsable(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => (window as unknown as { __startVisible?: number }).__startVisible ?? null,
    null,
    { timeout: 30_000 },
  );
  const ms = (await handle.jsonValue()) as number;
  // "Usable" means it works: pressing it brings up the scenario choice.
  await page.click('[data-testid="start-workshop"]');
  await page.waitForSelector('[data-testid="start-workshop"]', { state: 'detached', timeout: 10_000 });
  return ms;
}

async function bareReady(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => (window as unknown as { __ready?: number }).__ready ?? null,
    null,
    {
      polling: 'raf',
      timeout: 30_000,
    },
  );
  return (await handle.jsonValue()) as number;
}

const MOVE_TOKENS_FOR_5_SECONDS = `(async () => {
  const board = window.__GAME__.board;
  const kinds = ['start', 'draw', 'draw', 'invest', 'draw', 'council', 'draw', 'wait', 'draw', 'rest', 'draw', 'draw'];
  const spaces = Array.from({ length: 24 }, (_, i) => ({
    id: 's' + i, kind: kinds[i % kinds.length], name: 'Wijk ' + i, kindLabel: kinds[i % kinds.length],
  }));
  const players = ['Anna', 'Bram', 'Cem', 'Dewi'].map((name) => ({ name, space: 0 }));
  board.setModel({ spaces, players, active: 0, headline: 'Anna is aan de beurt', deckLabel: 'Stapel' });
  document.getElementById('screen')?.replaceChildren();
  const positions = [0, 0, 0, 0];
  let running = true;
  const mover = (async () => {
    for (let turn = 0; running; turn++) {
      const seat = turn % 4;
      const die = 1 + (turn % 6);
      const from = positions[seat];
      positions[seat] = (from + die) % 24;
      // The board walks the token over every space it passes (BoardScene.roll's walk).
      const walk = Array.from({ length: die }, (_, i) => (from + i + 1) % 24);
      await board.roll([die], seat, walk);
    }
  })();
  const out = [];
  await new Promise((done) => {
    let last = performance.now();
    const end = last + 5000;
    const frame = (now) => {
      out.push(now - last);
      last = now;
      if (now < end) requestAnimationFrame(frame);
      else done();
    };
    requestAnimationFrame(frame);
  });
  running = false;
  await mover;
  return out.slice(1);
})()`;

/** rAF intervals for 5 s while four tokens keep walking around a 24-space board. */
async function frameIntervals(browser: Browser, url: string): Promise<number[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(
    () => (window as unknown as { __GAME__?: { ready?: boolean } }).__GAME__?.ready === true,
  );
  // Passed as text: tsx would otherwise wrap inner functions in a helper the page does not have.
  const intervals = (await page.evaluate(MOVE_TOKENS_FOR_5_SECONDS)) as number[];
  await context.close();
  return intervals;
}

function line(label: string, value: string, verdict: boolean): void {
  console.log(`  ${label.padEnd(46)} ${value.padStart(22)}  ${verdict ? 'ok' : 'MISSED'}`);
}

export async function benchBrowser(): Promise<boolean> {
  const [bareDist, gameDist, testDist] = [
    await buildBarePhaser(),
    await buildGameProduction(),
    await buildGame(),
  ];
  const bare = jsSizes(bareDist);
  const game = jsSizes(gameDist);
  const chunks = gameChunks(gameDist);
  const gzOf = (files: Iterable<string>) => [...files].reduce((sum, f) => sum + gz(join(gameDist, f)), 0);
  const gameJs = gzOf([...chunks.game].filter((f) => f.endsWith('.js')));
  const bareServer = await serve(bareDist);
  const gameServer = await serve(gameDist);
  const testServer = await serve(testDist);
  const browser = await launch();
  try {
    const bareTimes: number[] = [];
    const gameTimes: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      bareTimes.push(await coldLoad(browser, bareServer.url, bareReady));
      gameTimes.push(await coldLoad(browser, gameServer.url, startUsable));
    }
    const frames = await frameIntervals(browser, testServer.url);
    const sorted = [...frames].sort((a, b) => a - b);
    const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)];
    const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;
    const checks = [
      game.initial <= 1.25 * bare.all,
      gameJs <= 1.6 * bare.all,
      median(gameTimes) <= 1.3 * median(bareTimes),
      median(frames) <= 17.5,
      p95 <= 34,
    ];
    console.log(
      `  bare Phaser: ${kb(bare.all)} gzipped, first scene after ${median(bareTimes).toFixed(0)} ms`,
    );
    line(
      'JS before the start screen (≤ 1.25× bare)',
      `${kb(game.initial)} = ${(game.initial / bare.all).toFixed(2)}×`,
      checks[0],
    );
    line(
      'JS of the start screen and game (≤ 1.6× bare)',
      `${kb(gameJs)} = ${(gameJs / bare.all).toFixed(2)}×`,
      checks[1],
    );
    // The tools load only when opened: their own chunks, not counted above.
    for (const [name, files] of chunks.tools) {
      const names = [...files].map((f) => `${f.replace(/^assets\//, '')} ${kb(gz(join(gameDist, f)))}`);
      console.log(`    lazily, ${name}: ${kb(gzOf(files))} (${names.join(', ')})`);
    }
    console.log(`    all JS in the build: ${kb(game.all)}`);
    line(
      'start screen usable (≤ 1.3× bare first scene)',
      `${median(gameTimes).toFixed(0)} ms = ${(median(gameTimes) / median(bareTimes)).toFixed(2)}×`,
      checks[2],
    );
    line('frame interval while tokens move, median', `${median(frames).toFixed(1)} ms`, checks[3]);
    line(
      'frame interval while tokens move, p95',
      `${p95.toFixed(1)} ms (${frames.length} frames)`,
      checks[4],
    );
    return checks.every(Boolean);
  } finally {
    await browser.close();
    await Promise.all([bareServer.close(), gameServer.close(), testServer.close()]);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchBrowser().then((ok) => {
    process.exitCode = ok ? 0 : 1;
  });
}
