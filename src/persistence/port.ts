/**
 * The session store port: what the game shell may ask of storage. Every call answers with a
 * result, never an exception, so a full disk or a blocked browser is a warning on screen and
 * the game goes on.
 */
import type { SavedSession, SessionProblem } from './session-format';

/**
 * What the UI shows about storage: `ok` (IndexedDB), `fallback` (localStorage: works, smaller,
 * worth a quiet note), `unavailable` (memory only: sessions vanish with the tab — warn clearly).
 */
export type StorageStatus = 'ok' | 'fallback' | 'unavailable';

export type StoreErrorCode =
  /** The browser's storage is full: nothing was written (the previous save is intact). */
  | 'quota'
  | 'not-found'
  /** The stored text is damaged or from a newer game: see `problem`; `raw` can be offered as a download. */
  | 'corrupt'
  /** Storage refused for another reason (blocked, closed, a browser bug): see `message`. */
  | 'failed';

export interface StoreError {
  code: StoreErrorCode;
  message: string;
  problem?: SessionProblem;
  raw?: string;
}

export type StoreResult<T> = { ok: true; value: T } | { ok: false; error: StoreError };

/** One line of the start screen's saved-session list. */
export interface SessionSummary {
  id: string;
  scenarioTitle: string;
  scenarioId: string;
  savedAt: string;
  round: number;
  players: string[];
}

/** A stored entry that could not be read is listed too, with its raw text for a download. */
export type SessionListEntry =
  | { id: string; ok: true; summary: SessionSummary }
  | { id: string; ok: false; problem: SessionProblem; raw: string };

export interface SessionStore {
  readonly status: StorageStatus;
  /** Which storage is behind it, and why it is not the first choice (for the warning's details). */
  readonly backend: 'indexeddb' | 'localstorage' | 'memory';
  readonly reason?: string;
  /** Writes (replaces) the session under `session.id`. */
  save(session: SavedSession): Promise<StoreResult<void>>;
  load(id: string): Promise<StoreResult<SavedSession>>;
  /** The stored text as it is, readable or not (to download a damaged save). */
  loadRaw(id: string): Promise<StoreResult<string>>;
  /** Every stored session, newest first; unreadable ones after them. */
  list(): Promise<StoreResult<SessionListEntry[]>>;
  remove(id: string): Promise<StoreResult<void>>;
}

export function summarize(session: SavedSession): SessionSummary {
  return {
    id: session.id,
    scenarioTitle: session.scenario.title,
    scenarioId: session.record.scenario.id,
    savedAt: session.savedAt,
    round: session.ui.round,
    players: [...session.ui.players],
  };
}
