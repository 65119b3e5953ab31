/**
 * One SessionStore over any place that keeps text by key (IndexedDB, localStorage, memory).
 * Sessions are stored as their serialized text, so every backend reads back through the same
 * `parseSavedSession` door and a damaged entry is reported the same way wherever it lives.
 */
import type { SessionListEntry, SessionStore, StorageStatus, StoreError, StoreResult } from './port';
import { summarize } from './port';
import { parseSavedSession, type SavedSession, SessionIdSchema, serializeSession } from './session-format';

/** The minimal storage a backend offers; it may throw or reject, the store turns that into results. */
export interface TextBackend {
  readonly name: 'indexeddb' | 'localstorage' | 'memory';
  get(id: string): Promise<string | undefined>;
  put(id: string, text: string): Promise<void>;
  delete(id: string): Promise<void>;
  entries(): Promise<[string, string][]>;
}

/** Whether a thrown value is the browser saying "storage is full" (names differ per browser). */
export function isQuotaError(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  const { name, code } = e as { name?: unknown; code?: unknown };
  return (
    name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014
  );
}

function describe(e: unknown): string {
  if (e && typeof e === 'object' && 'message' in e) {
    const { name, message } = e as { name?: unknown; message?: unknown };
    return [name, message].filter((x) => typeof x === 'string' && x).join(': ') || String(e);
  }
  return String(e);
}

export function toStoreError(e: unknown, action: string): StoreError {
  if (isQuotaError(e)) {
    return { code: 'quota', message: `the browser's storage is full: could not ${action} (${describe(e)})` };
  }
  return { code: 'failed', message: `could not ${action}: ${describe(e)}` };
}

function badId(id: string): StoreResult<never> | null {
  return SessionIdSchema.safeParse(id).success
    ? null
    : { ok: false, error: { code: 'not-found', message: `"${id}" is not a session id` } };
}

export function createTextStore(backend: TextBackend, status: StorageStatus, reason?: string): SessionStore {
  const loadRaw = async (id: string): Promise<StoreResult<string>> => {
    const wrong = badId(id);
    if (wrong) return wrong;
    try {
      const text = await backend.get(id);
      if (text === undefined)
        return { ok: false, error: { code: 'not-found', message: `no saved session "${id}"` } };
      return { ok: true, value: text };
    } catch (e) {
      return { ok: false, error: toStoreError(e, 'read the saved session') };
    }
  };

  return {
    status,
    backend: backend.name,
    reason,

    async save(session: SavedSession) {
      const wrong = badId(session.id);
      if (wrong) return wrong;
      let text: string;
      try {
        text = serializeSession(session);
      } catch (e) {
        return {
          ok: false,
          error: { code: 'failed', message: `could not serialize the session: ${describe(e)}` },
        };
      }
      try {
        await backend.put(session.id, text);
        return { ok: true, value: undefined };
      } catch (e) {
        return { ok: false, error: toStoreError(e, 'save the session') };
      }
    },

    loadRaw,

    async load(id: string) {
      const raw = await loadRaw(id);
      if (!raw.ok) return raw;
      const parsed = parseSavedSession(raw.value);
      if (!parsed.ok) {
        const { problem } = parsed;
        return { ok: false, error: { code: 'corrupt', message: problem.message, problem, raw: raw.value } };
      }
      if (parsed.session.id !== id) {
        const problem = {
          code: 'invalid' as const,
          message: `the entry "${id}" holds session "${parsed.session.id}"`,
          path: 'id',
        };
        return { ok: false, error: { code: 'corrupt', message: problem.message, problem, raw: raw.value } };
      }
      return { ok: true, value: parsed.session };
    },

    async list() {
      let entries: [string, string][];
      try {
        entries = await backend.entries();
      } catch (e) {
        return { ok: false, error: toStoreError(e, 'list the saved sessions') };
      }
      const good: SessionListEntry[] = [];
      const bad: SessionListEntry[] = [];
      for (const [id, raw] of entries) {
        const parsed = typeof raw === 'string' ? parseSavedSession(raw) : null;
        if (parsed?.ok) good.push({ id, ok: true, summary: { ...summarize(parsed.session), id } });
        else {
          const problem =
            parsed?.ok === false
              ? parsed.problem
              : { code: 'corrupt' as const, message: 'the entry is not text' };
          bad.push({ id, ok: false, problem, raw: typeof raw === 'string' ? raw : String(raw) });
        }
      }
      // Newest first: ISO times with offsets compare correctly only as instants.
      const at = (e: SessionListEntry) => (e.ok ? Date.parse(e.summary.savedAt) : 0);
      good.sort((a, b) => at(b) - at(a) || a.id.localeCompare(b.id));
      bad.sort((a, b) => a.id.localeCompare(b.id));
      return { ok: true, value: [...good, ...bad] };
    },

    async remove(id: string) {
      const wrong = badId(id);
      if (wrong) return wrong;
      try {
        await backend.delete(id);
        return { ok: true, value: undefined };
      } catch (e) {
        return { ok: false, error: toStoreError(e, 'delete the saved session') };
      }
    },
  };
}
