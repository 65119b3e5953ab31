/**
 * Opening storage with fallbacks: IndexedDB (with localStorage underneath, see layered.ts), else
 * localStorage, else memory — and the status the UI shows. This never fails: the worst answer is a memory store with status `unavailable`, so a
 * workshop in a locked-down browser still plays (and is told its session will not survive a reload).
 */
import { localStorageBackend, memoryBackend, openIndexedDbBackend, probeLocalStorage } from './backends';
import { layeredBackend } from './layered';
import type { SessionStore } from './port';
import { createTextStore } from './text-store';

export interface StorageEnv {
  indexedDB?: IDBFactory;
  localStorage?: Storage;
}

export interface OpenOptions {
  dbName?: string;
  /** How long to wait for IndexedDB to open before falling back (ms). */
  timeoutMs?: number;
}

function usableLocalStorage(storage: Storage | undefined): Storage | undefined {
  if (!storage) return undefined;
  try {
    probeLocalStorage(storage);
    return storage;
  } catch {
    return undefined;
  }
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The browser's storage, read carefully: touching `localStorage` itself throws when it is blocked. */
export function browserStorage(): StorageEnv {
  const env: StorageEnv = {};
  try {
    env.indexedDB = globalThis.indexedDB;
  } catch {
    // blocked: leave it out
  }
  try {
    env.localStorage = globalThis.localStorage;
  } catch {
    // blocked: leave it out
  }
  return env;
}

export async function openSessionStore(
  env: StorageEnv = browserStorage(),
  options: OpenOptions = {},
): Promise<SessionStore> {
  const reasons: string[] = [];
  if (env.indexedDB) {
    try {
      const backend = await openIndexedDbBackend(env.indexedDB, options.dbName, options.timeoutMs);
      const under = usableLocalStorage(env.localStorage);
      return createTextStore(under ? layeredBackend(backend, localStorageBackend(under)) : backend, 'ok');
    } catch (e) {
      reasons.push(`IndexedDB: ${message(e)}`);
    }
  } else reasons.push('IndexedDB: not available');

  if (env.localStorage) {
    try {
      probeLocalStorage(env.localStorage);
      return createTextStore(localStorageBackend(env.localStorage), 'fallback', reasons.join('; '));
    } catch (e) {
      reasons.push(`localStorage: ${message(e)}`);
    }
  } else reasons.push('localStorage: not available');

  return createTextStore(memoryBackend(), 'unavailable', reasons.join('; '));
}
