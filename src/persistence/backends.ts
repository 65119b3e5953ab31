/**
 * The places a session's text can live: IndexedDB (first choice: large, asynchronous),
 * localStorage (fallback: about 5 MB, synchronous) and memory (last resort: gone with the tab).
 */
import { type DBSchema, type IDBPDatabase, wrap } from 'idb';
import { isQuotaError, type TextBackend } from './text-store';

export const DB_NAME = 'decentralisation-dilemmas';
export const DB_VERSION = 1;
export const LOCAL_PREFIX = 'dd-session:';

interface SessionsDb extends DBSchema {
  sessions: { key: string; value: string };
  /** A scratch store for the write probe at open time, so the sessions store holds sessions only. */
  meta: { key: string; value: string };
}

export function memoryBackend(): TextBackend {
  const texts = new Map<string, string>();
  return {
    name: 'memory',
    async get(id) {
      return texts.get(id);
    },
    async put(id, text) {
      texts.set(id, text);
    },
    async delete(id) {
      texts.delete(id);
    },
    async entries() {
      return [...texts.entries()];
    },
  };
}

export function localStorageBackend(storage: Storage, prefix = LOCAL_PREFIX): TextBackend {
  return {
    name: 'localstorage',
    async get(id) {
      return storage.getItem(prefix + id) ?? undefined;
    },
    async put(id, text) {
      storage.setItem(prefix + id, text);
    },
    async delete(id) {
      storage.removeItem(prefix + id);
    },
    async entries() {
      const out: [string, string][] = [];
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (key?.startsWith(prefix)) out.push([key.slice(prefix.length), storage.getItem(key) ?? '']);
      }
      return out;
    },
  };
}

/** Writes and removes a scratch key: some private modes let you open storage but not write to it. */
export function probeLocalStorage(storage: Storage): void {
  const key = `${LOCAL_PREFIX}__probe__`;
  storage.setItem(key, '1');
  storage.removeItem(key);
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

/**
 * Opens the sessions database on the given factory (injected, so tests and odd hosts can pass
 * their own) and proves a write works. Rejects when IndexedDB is missing, blocked, or hangs
 * (an open blocked by another tab can wait forever, hence the timeout).
 */
export async function openIndexedDbBackend(
  factory: IDBFactory,
  dbName = DB_NAME,
  timeoutMs = 3000,
): Promise<TextBackend> {
  let current: Promise<IDBPDatabase<SessionsDb>> | null = null;
  const open = (): Promise<IDBPDatabase<SessionsDb>> => {
    const request = factory.open(dbName, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains('sessions')) db.createObjectStore('sessions');
      if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta');
    };
    const opened = wrap(request) as unknown as Promise<IDBPDatabase<SessionsDb>>;
    const ready = withTimeout(opened, timeoutMs, 'IndexedDB').then(
      (db) => {
        // Another tab upgrading the database, or the browser clearing it, closes ours: reopen then.
        db.addEventListener('versionchange', () => {
          db.close();
          if (current === ready) current = null;
        });
        db.addEventListener('close', () => {
          if (current === ready) current = null;
        });
        return db;
      },
      (e) => {
        // A late success after the timeout must not leave a connection open.
        opened.then((db) => db.close()).catch(() => {});
        if (current === ready) current = null;
        throw e;
      },
    );
    return ready;
  };
  const db = () => {
    current ??= open();
    return current;
  };

  const first = await db();
  try {
    const probe = first.transaction('meta', 'readwrite');
    await Promise.all([probe.store.put('1', 'probe'), probe.done]);
  } catch (e) {
    // A full disk is a warning at save time, not a reason to hide the sessions stored here.
    if (!isQuotaError(e)) {
      first.close();
      throw e;
    }
  }

  // One retry on a connection that closed under us (not on quota or other refusals).
  const run = async <T>(fn: (d: IDBPDatabase<SessionsDb>) => Promise<T>): Promise<T> => {
    try {
      return await fn(await db());
    } catch (e) {
      // InvalidStateError: our connection was closed; UnknownError: Safari's "connection to
      // Indexed Database server lost". A fresh connection fixes both; anything else is reported.
      const name = (e as { name?: string })?.name;
      if (name !== 'InvalidStateError' && name !== 'UnknownError') throw e;
      current = null;
      return fn(await db());
    }
  };

  return {
    name: 'indexeddb',
    get: (id) => run((d) => d.get('sessions', id)),
    put: (id, text) =>
      run(async (d) => {
        const tx = d.transaction('sessions', 'readwrite');
        // Await both: a quota error surfaces as the transaction's abort, not the request's.
        await Promise.all([tx.store.put(text, id), tx.done]);
      }),
    delete: (id) => run((d) => d.delete('sessions', id)),
    entries: () =>
      run(async (d) => {
        const tx = d.transaction('sessions', 'readonly');
        const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll(), tx.done]);
        return keys.map((k, i): [string, string] => [k, values[i]!]);
      }),
  };
}
