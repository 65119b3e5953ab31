/**
 * Browser-test harness: builds the game once (`vite build --mode test`, which keeps the test seam
 * `window.__GAME__`), serves it from a tiny static server on a free loopback port, and launches
 * Debian's Chromium through playwright-core. Nothing is downloaded.
 */
import { createReadStream, existsSync, mkdtempSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--enable-unsafe-swiftshader',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--mute-audio',
];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wav': 'audio/wav',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json',
};

export async function buildGame(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'dd-game-'));
  await build({ root: ROOT, mode: 'test', logLevel: 'error', build: { outDir, emptyOutDir: true } });
  return outDir;
}

export async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export const ARTIFACTS = join(ROOT, 'tests', 'artifacts');

/**
 * The game built and served, and Chromium launched, for one test file (closed after it). The
 * getters are read inside the tests, once `beforeAll` has run.
 */
export function builtGame(): { browser: () => Browser; url: () => string; dir: () => string } {
  let browser: Browser | undefined;
  let server: { url: string; close: () => Promise<void> } | undefined;
  let dir = '';
  beforeAll(async () => {
    const [built, b] = await Promise.all([buildGame(), launch()]);
    dir = built;
    browser = b;
    server = await serve(built);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const need = <T>(x: T | undefined): T => {
    if (x === undefined) throw new Error('the game is not built yet (use it inside a test)');
    return x;
  };
  return { browser: () => need(browser), url: () => need(server).url, dir: () => dir };
}

/** The test seam `window.__GAME__` of a `vite build --mode test` build, as the browser tests read it. */
export type GameSeam = {
  __GAME__: {
    ready: boolean;
    session?: {
      send(a: unknown): void;
      continue(): void;
      snapshot(): { matches(s: unknown): boolean; context: { record: unknown; state: { log: unknown[] } } };
    };
    workshop: { flush(): Promise<unknown> };
  };
};
