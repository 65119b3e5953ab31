/**
 * Sessions as files: export one to take it to another laptop, import it there. An import is
 * checked all the way down — the save's own format, the scenario text inside it (with the
 * loader, so its problems come with line and column), and a replay of every recorded action —
 * so a file that opens here also resumes here. Pure: no DOM; the shell does the download/upload.
 */
import { replayUntilRefused, rngMismatch } from '../engine/record';
import type { GameState } from '../engine/types';
import { formatProblem, loadScenario, type Problem, type Scenario } from '../scenario';
import { locatePath, type PathKey } from './json-locate';
import {
  formatPath,
  parseSavedSession,
  type SavedSession,
  type SessionProblem,
  serializeSession,
} from './session-format';

export const SESSION_FILE_SUFFIX = '.dd-session.json';
export const SESSION_FILE_MIME = 'application/json';

export interface SessionFile {
  fileName: string;
  text: string;
  mime: string;
}

export interface CheckedSession {
  session: SavedSession;
  scenario: Scenario;
  /** The replayed state: where the session resumes. */
  state: GameState;
  /** The scenario's warnings (they do not stop a session). */
  warnings: Problem[];
}

export type ImportProblem = SessionProblem & {
  /** Every error of the embedded scenario, located in the scenario's own text. */
  scenarioProblems?: Problem[];
};

export type CheckResult = ({ ok: true } & CheckedSession) | { ok: false; problem: ImportProblem };

/** `urk-2015-2026-11-29-1432.dd-session.json`: scenario id and the save's own (local) date and time. */
export function sessionFileName(session: SavedSession): string {
  const id = session.record.scenario.id.replace(/[^a-z0-9-]/gi, '-').slice(0, 60) || 'sessie';
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)/.exec(session.savedAt);
  const when = m ? `${m[1]}-${m[2]}-${m[3]}-${m[4]}${m[5]}` : 'zonder-datum';
  return `${id}-${when}${SESSION_FILE_SUFFIX}`;
}

export function exportSessionFile(session: SavedSession): SessionFile {
  return { fileName: sessionFileName(session), text: serializeSession(session), mime: SESSION_FILE_MIME };
}

function invalid(
  path: PathKey[],
  message: string,
  text?: string,
  extra: Partial<ImportProblem> = {},
): CheckResult {
  const where = formatPath(path);
  const at = text === undefined ? undefined : locatePath(text, path);
  return {
    ok: false,
    problem: { code: 'invalid', message: `${where}: ${message}`, path: where, ...at, ...extra },
  };
}

/**
 * Loads the embedded scenario and replays the record. `text` is the session's own file text,
 * when there is one, to locate problems in it.
 */
export function checkSession(session: SavedSession, text?: string): CheckResult {
  const loaded = loadScenario(session.scenario.source, session.scenario.file || 'scenario.yaml');
  if (!loaded.ok) {
    const n = loaded.errors.length;
    const first = loaded.errors[0];
    return invalid(
      ['scenario', 'source'],
      `the scenario inside this session has ${n} error${n === 1 ? '' : 's'}${first ? `; the first: ${formatProblem(first)}` : ''}`,
      text,
      { scenarioProblems: loaded.errors },
    );
  }
  const { scenario } = loaded;
  if (scenario.id !== session.record.scenario.id) {
    return invalid(
      ['record', 'scenario', 'id'],
      `the record is of scenario "${session.record.scenario.id}", the scenario inside is "${scenario.id}"`,
      text,
    );
  }
  if (loaded.hash !== session.record.scenario.hash) {
    return invalid(
      ['record', 'scenario', 'hash'],
      'the record was played on another version of the scenario',
      text,
    );
  }
  // One pass, linear in the record: the failing action (or the setup) comes out of the replay.
  const replayed = replayUntilRefused(scenario, session.record);
  if ('state' in replayed)
    return { ok: true, session, scenario, state: replayed.state, warnings: loaded.warnings };
  const reason = replayed.error instanceof Error ? replayed.error.message : String(replayed.error);
  if (rngMismatch(session.record)) return invalid(['record', 'rng'], reason, text);
  if (replayed.index < 0) {
    // The game cannot even be set up: the players or the seed are at fault, not an action.
    return invalid(['record', 'players'], `the game cannot be set up from this record: ${reason}`, text);
  }
  const k = replayed.index;
  const action = session.record.actions[k];
  return invalid(
    ['record', 'actions', k],
    `action ${k + 1} (${action?.type ?? '?'}) cannot be replayed on this scenario: ${reason}`,
    text,
  );
}

/** Reads an imported file: the format first, then the scenario and the replay. Never throws. */
export function importSessionFile(text: string): CheckResult {
  const parsed = parseSavedSession(text);
  if (!parsed.ok) return parsed;
  try {
    return checkSession(parsed.session, text);
  } catch (e) {
    return {
      ok: false,
      problem: { code: 'invalid', message: `this session could not be checked: ${String(e)}` },
    };
  }
}
