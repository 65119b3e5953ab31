/**
 * Resuming a stored session in one call, for the start screen: read it, check its scenario and
 * replay it. A failure says what went wrong and carries the raw text (when there is one) so the
 * screen can offer it as a download and a way to start fresh — never a blank screen.
 */
import type { SessionStore } from './port';
import { type CheckedSession, checkSession, type ImportProblem, type SessionFile } from './session-file';
import { parseSavedSession } from './session-format';

export type ResumeResult =
  | ({ ok: true } & CheckedSession)
  | {
      ok: false;
      /** `damaged`: unreadable, future-version or not replayable (see `problem`); `failed`: storage refused. */
      reason: 'not-found' | 'failed' | 'damaged';
      message: string;
      problem?: ImportProblem;
      raw?: string;
    };

export async function resumeSession(store: SessionStore, id: string): Promise<ResumeResult> {
  const raw = await store.loadRaw(id);
  if (!raw.ok) {
    return {
      ok: false,
      reason: raw.error.code === 'not-found' ? 'not-found' : 'failed',
      message: raw.error.message,
    };
  }
  const text = raw.value;
  const damaged = (problem: ImportProblem): ResumeResult => ({
    ok: false,
    reason: 'damaged',
    message: problem.message,
    problem,
    raw: text,
  });
  const parsed = parseSavedSession(text);
  if (!parsed.ok) return damaged(parsed.problem);
  if (parsed.session.id !== id) {
    return damaged({
      code: 'invalid',
      message: `the entry "${id}" holds session "${parsed.session.id}"`,
      path: 'id',
    });
  }
  try {
    const checked = checkSession(parsed.session, text);
    return checked.ok ? checked : damaged(checked.problem);
  } catch (e) {
    return damaged({ code: 'invalid', message: `this session could not be checked: ${String(e)}` });
  }
}

/** The raw text of a damaged save as a file to download (kept as it is, for a bug report or repair). */
export function damagedSaveFile(id: string, raw: string): SessionFile {
  const safe = id.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 100) || 'sessie';
  return { fileName: `${safe}.damaged.dd-session.txt`, text: raw, mime: 'text/plain' };
}
