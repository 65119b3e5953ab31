/**
 * The session store in real Chromium: IndexedDB through `idb` (not the fake), sessions that
 * survive a reload, and the fallbacks when IndexedDB or both storages are blocked. The
 * persistence module is bundled on its own (no game), served, and driven through `window.P`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Persistence from '../../src/persistence';
import { makeSession } from '../../src/persistence/fixtures';
import { serializeSession } from '../../src/persistence/session-format';
import { launch, serve } from './harness';

type P = typeof Persistence;
declare global {
  interface Window {
    P: P;
  }
}

const ROOT = resolve(import.meta.dirname, '..', '..');
let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let outDir = '';

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'dd-persistence-'));
  const [, b] = await Promise.all([
    build({
      configFile: false,
      logLevel: 'error',
      root: ROOT,
      build: {
        outDir,
        emptyOutDir: true,
        minify: false,
        lib: {
          entry: join(ROOT, 'src/persistence/index.ts'),
          formats: ['es'],
          fileName: () => 'persistence.js',
        },
      },
    }),
    launch(),
  ]);
  writeFileSync(
    join(outDir, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>p</title><script type="module">import * as P from "./persistence.js"; window.P = P; document.title = "ready";</script>',
  );
  browser = b;
  server = await serve(outDir);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

async function open(page: Page, blocked: 'none' | 'indexeddb' | 'both' = 'none') {
  if (blocked !== 'none') {
    await page.addInitScript((both) => {
      // What a locked-down browser looks like: IndexedDB refuses to open; maybe localStorage throws too.
      Object.defineProperty(window, 'indexedDB', {
        get() {
          return {
            open() {
              throw new DOMException('The user denied permission to access the database.', 'SecurityError');
            },
          };
        },
      });
      if (both) {
        Object.defineProperty(window, 'localStorage', {
          get() {
            throw new DOMException('Access is denied for this document.', 'SecurityError');
          },
        });
      }
    }, blocked === 'both');
  }
  await page.goto(server.url);
  await page.waitForFunction(() => document.title === 'ready');
}

const SESSION = makeSession();

describe('the session store in Chromium', () => {
  it('saves to IndexedDB and finds the session again after a reload', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await open(page);
    const status = await page.evaluate(async (text) => {
      const store = await window.P.openSessionStore();
      const parsed = window.P.parseSavedSession(text);
      if (!parsed.ok) throw new Error(parsed.problem.message);
      const saver = window.P.createAutosaver(store, Date);
      saver.save(parsed.session);
      await saver.flush();
      return [store.status, store.backend];
    }, serializeSession(SESSION));
    expect(status).toEqual(['ok', 'indexeddb']);

    await page.reload();
    await page.waitForFunction(() => document.title === 'ready');
    const after = await page.evaluate(async () => {
      const store = await window.P.openSessionStore();
      const list = await store.list();
      const load = await store.load('sessie-1');
      const inIdb = await new Promise<number>((ok) => {
        const req = indexedDB.open('decentralisation-dilemmas');
        req.onsuccess = () => {
          const tx = req.result.transaction('sessions', 'readonly');
          const count = tx.objectStore('sessions').count();
          count.onsuccess = () => ok(count.result);
        };
      });
      return { list, round: load.ok && load.value.ui.round, inIdb };
    });
    expect(after.list.ok && after.list.value.map((e) => e.id)).toEqual(['sessie-1']);
    expect(after.round).toBe(2);
    expect(after.inIdb).toBe(1);
    await context.close();
  });

  it('falls back to localStorage when IndexedDB is blocked, and the session survives a reload', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await open(page, 'indexeddb');
    const first = await page.evaluate(async (text) => {
      const store = await window.P.openSessionStore();
      const parsed = window.P.parseSavedSession(text);
      if (!parsed.ok) throw new Error(parsed.problem.message);
      const saved = await store.save(parsed.session);
      return { status: store.status, reason: store.reason, saved: saved.ok, keys: Object.keys(localStorage) };
    }, serializeSession(SESSION));
    expect(first.status).toBe('fallback');
    expect(first.reason).toMatch(/denied permission/);
    expect(first.saved).toBe(true);
    expect(first.keys).toContain('dd-session:sessie-1');

    await page.reload();
    await page.waitForFunction(() => document.title === 'ready');
    const load = await page.evaluate(async () => {
      const r = await (await window.P.openSessionStore()).load('sessie-1');
      return r.ok;
    });
    expect(load).toBe(true);
    await context.close();
  });

  it('plays on in memory, status unavailable, when all storage is blocked', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await open(page, 'both');
    const r = await page.evaluate(async (text) => {
      const store = await window.P.openSessionStore();
      const parsed = window.P.parseSavedSession(text);
      if (!parsed.ok) throw new Error(parsed.problem.message);
      const saved = await store.save(parsed.session);
      return { status: store.status, saved: saved.ok, listed: (await store.list()).ok };
    }, serializeSession(SESSION));
    expect(r).toEqual({ status: 'unavailable', saved: true, listed: true });
    await context.close();
  });

  it('lists a damaged stored entry instead of failing the list', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await open(page);
    const entries = await page.evaluate(async (text) => {
      const store = await window.P.openSessionStore();
      const parsed = window.P.parseSavedSession(text);
      if (!parsed.ok) throw new Error(parsed.problem.message);
      await store.save(parsed.session);
      // Damage an entry behind the store's back, as a crash mid-write in an older version might.
      await new Promise<void>((ok) => {
        const req = indexedDB.open('decentralisation-dilemmas');
        req.onsuccess = () => {
          const tx = req.result.transaction('sessions', 'readwrite');
          tx.objectStore('sessions').put(text.slice(0, 100), 'kapot');
          tx.oncomplete = () => ok();
        };
      });
      const list = await store.list();
      return list.ok ? list.value.map((e) => [e.id, e.ok ? 'ok' : e.problem.code]) : list.error.message;
    }, serializeSession(SESSION));
    expect(entries).toEqual([
      ['sessie-1', 'ok'],
      ['kapot', 'truncated'],
    ]);
    await context.close();
  });
});
