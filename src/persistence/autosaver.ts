/**
 * Save as it happens. The shell calls `save(session)` after every accepted action: the write
 * starts at once, and while one runs only the newest waiting session is kept and written next.
 * So writes never overlap (an older text can never land after a newer one), nothing is queued
 * up behind a slow disk, and the last action is always the last thing written.
 */
import type { SessionStore, StoreResult } from './port';
import type { SavedSession, SessionDraft } from './session-format';

/** Anything with `now()` in epoch ms — `Date` itself qualifies; tests pass a fake. */
export interface Clock {
  now(): number;
}

export interface SaveReport {
  id: string;
  savedAt: string;
  result: StoreResult<void>;
}

export interface Autosaver {
  /** Stamps `savedAt` from the clock now and writes (or queues as the one pending write). */
  save(session: SessionDraft): void;
  /** Resolves once nothing is running or pending, with the last write's report (null if none yet). */
  flush(): Promise<SaveReport | null>;
  /** The last finished write's report: the UI shows a warning when it is not ok. */
  readonly last: SaveReport | null;
  readonly busy: boolean;
  /** Called after every finished write; returns an unsubscribe function. */
  onResult(listener: (report: SaveReport) => void): () => void;
}

function pad(n: number, width = 2): string {
  return String(Math.abs(n)).padStart(width, '0');
}

/** ISO 8601 in the machine's local time with its offset, e.g. 2026-11-29T14:32:05.000+01:00. */
export function localIso(ms: number): string {
  const d = new Date(ms);
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` +
    `T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}` +
    `${sign}${pad(Math.trunc(off / 60))}:${pad(off % 60)}`
  );
}

export function createAutosaver(store: SessionStore, clock: Clock): Autosaver {
  let running = false;
  let pending: SavedSession | null = null;
  let last: SaveReport | null = null;
  const listeners = new Set<(report: SaveReport) => void>();
  let idle: (() => void)[] = [];

  const write = async (session: SavedSession): Promise<void> => {
    running = true;
    let result: StoreResult<void>;
    try {
      result = await store.save(session);
    } catch (e) {
      // The store promises not to throw; if one does anyway, the game still goes on.
      result = { ok: false, error: { code: 'failed', message: `could not save: ${String(e)}` } };
    }
    last = { id: session.id, savedAt: session.savedAt, result };
    for (const listener of listeners) {
      try {
        listener(last);
      } catch {
        // A broken listener must not stop the saving.
      }
    }
    const next = pending;
    pending = null;
    if (next) return write(next);
    running = false;
    const waiting = idle;
    idle = [];
    for (const resolve of waiting) resolve();
  };

  return {
    save(session) {
      const stamped: SavedSession = { ...session, savedAt: localIso(clock.now()) };
      if (running) pending = stamped;
      else void write(stamped);
    },
    flush() {
      if (!running) return Promise.resolve(last);
      return new Promise((resolve) => idle.push(() => resolve(last)));
    },
    get last() {
      return last;
    },
    get busy() {
      return running;
    },
    onResult(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
