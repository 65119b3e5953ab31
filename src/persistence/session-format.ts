/**
 * The saved-session file format, version 1 (see docs/sessions.md): the engine's record, the
 * scenario source text itself (so a session resumes even when the file changed or came from a
 * drop), and what the screen needs to come back at the same moment (timer, language, …).
 *
 * `parseSavedSession` is the one door every saved text comes in by — from IndexedDB,
 * localStorage or an imported file. It never throws: every failure is a coded problem with a
 * plain message and, where the text allows, a line and column. Pure: no DOM, no clock.
 */
import { z } from 'zod';
import { sourceHash } from './hash';
import { checkJsonSyntax, locatePath, type PathKey, positionAt } from './json-locate';
import { PlainName, SessionRecordSchema } from './record-schema';

export const SESSION_FORMAT = 'dd-session';
export const SESSION_VERSION = 1;
/** A scenario of a thousand cards is well under this; a save bigger than it is not ours. */
export const MAX_SOURCE_CHARS = 5_000_000;
/** Scenario plus a long session's actions stay far below this; anything bigger is refused unread. */
export const MAX_SESSION_CHARS = 20_000_000;

export const SessionIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,100}$/, { error: 'a session id is 1–100 letters, digits, "-" or "_"' });

/** Small extra UI settings the shell may keep (flat, JSON scalars, ordinary keys only). */
const ExtraKey = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_.-]{0,63}$/);
const ExtraValue = z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]);

export const SessionUiSchema = z.strictObject({
  /** Discussion time left on the current decision; null when no timer runs. */
  timerRemainingMs: z.number().min(0).nullable(),
  /** Discussion time per decision set at setup; 0 = no timer. */
  timerLengthMs: z.number().min(0),
  language: z.string().regex(/^[a-z]{2,3}$/),
  /** The round shown in the saved-session list (the record is the truth). */
  round: z.number().int().min(0),
  /** Player names, for the saved-session list. */
  players: z.array(PlainName).max(64),
  paused: z.boolean().optional(),
  textSize: z.enum(['normal', 'large']).optional(),
  extra: z.record(ExtraKey, ExtraValue).optional(),
});

export const SavedSessionSchema = z.strictObject({
  format: z.literal(SESSION_FORMAT),
  version: z.literal(SESSION_VERSION),
  id: SessionIdSchema,
  savedAt: z.iso.datetime({ offset: true }),
  record: SessionRecordSchema,
  scenario: z.strictObject({
    /** The scenario file's text exactly as loaded. */
    source: z.string().max(MAX_SOURCE_CHARS),
    /** The file name it came from (shown in errors), e.g. "urk-2015.yaml". */
    file: z.string().max(500),
    /** Content hash of `source`; equals `record.scenario.hash`. */
    hash: z.string().min(1).max(200),
    /** The title in the session's language, for the list without loading the scenario. */
    title: z.string().max(500),
  }),
  ui: SessionUiSchema,
});

export type SavedSession = z.infer<typeof SavedSessionSchema>;
export type SessionUi = z.infer<typeof SessionUiSchema>;

export type SessionProblemCode = 'corrupt' | 'truncated' | 'future-version' | 'not-a-session' | 'invalid';

export interface SessionProblem {
  code: SessionProblemCode;
  /** English sentence for the facilitator; the UI may show a translation of `code` above it. */
  message: string;
  line?: number;
  col?: number;
  /** Where in the session, e.g. "record.actions[3].type". */
  path?: string;
  /** The newer format version, for 'future-version'. */
  version?: number;
}

export type ParseResult = { ok: true; session: SavedSession } | { ok: false; problem: SessionProblem };

export function formatPath(path: readonly PathKey[]): string {
  let out = '';
  for (const k of path) out += typeof k === 'number' ? `[${k}]` : out ? `.${k}` : k;
  return out;
}

function fail(problem: SessionProblem): ParseResult {
  return { ok: false, problem };
}

function located(text: string, code: SessionProblemCode, path: PathKey[], message: string): ParseResult {
  const at = locatePath(text, path);
  const where = formatPath(path);
  return fail({ code, message: where ? `${where}: ${message}` : message, path: where || undefined, ...at });
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reads a saved session from text. Never throws. */
export function parseSavedSession(text: string): ParseResult {
  try {
    return parseUnsafe(text);
  } catch (e) {
    // Nothing above should throw; if something does, it is still an answer, not a crash.
    return fail({ code: 'corrupt', message: `this save could not be read (${String(e)})` });
  }
}

function parseUnsafe(text: string): ParseResult {
  if (typeof text !== 'string') return fail({ code: 'not-a-session', message: 'this is not text' });
  if (text.length > MAX_SESSION_CHARS) {
    return fail({
      code: 'not-a-session',
      message: `this file is too large to be a saved session (${Math.round(text.length / 1e6)} million characters)`,
    });
  }
  const start = text.search(/\S/);
  if (start < 0) return fail({ code: 'truncated', message: 'the save is empty', line: 1, col: 1 });
  if (text[start] !== '{') {
    return fail({
      code: 'not-a-session',
      message: 'this is not a saved session: a session file is JSON and starts with "{"',
      ...positionAt(text, start),
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const syntax = checkJsonSyntax(text);
    if (syntax.ok)
      return fail({ code: 'corrupt', message: `the save is not valid JSON (${(e as Error).message})` });
    const at = positionAt(text, syntax.offset);
    return syntax.truncated
      ? fail({ code: 'truncated', message: `the save is cut off: ${syntax.message}`, ...at })
      : fail({ code: 'corrupt', message: `the save is damaged: ${syntax.message}`, ...at });
  }
  if (!isPlainObject(data) || data.format !== SESSION_FORMAT) {
    return fail({
      code: 'not-a-session',
      message: `this JSON is not a saved session (it has no "format": "${SESSION_FORMAT}")`,
      line: 1,
      col: 1,
    });
  }
  const version = data.version;
  if (typeof version === 'number' && Number.isInteger(version) && version > SESSION_VERSION) {
    const at = locatePath(text, ['version']);
    return fail({
      code: 'future-version',
      message: `this session was saved by a newer version of the game (session format ${version}); this version reads format ${SESSION_VERSION}. Open it in the newer game, or start a new session here.`,
      version,
      path: 'version',
      ...at,
    });
  }
  const parsed = SavedSessionSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const first = issues[0]!;
    const more =
      issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
    const path = first.path as PathKey[];
    // An unknown key is pointed at itself, not at the object around it.
    const at = first.code === 'unrecognized_keys' ? [...path, first.keys[0]!] : path;
    return located(text, 'invalid', at, `${issueText(first)}${more}`);
  }
  const session = parsed.data;
  if (sourceHash(session.scenario.source) !== session.scenario.hash) {
    return located(
      text,
      'invalid',
      ['scenario', 'hash'],
      'the scenario text inside this save does not match its fingerprint: the file was edited or damaged',
    );
  }
  if (session.record.scenario.hash !== session.scenario.hash) {
    return located(
      text,
      'invalid',
      ['record', 'scenario', 'hash'],
      'the record was played on another version of the scenario than the one inside this save',
    );
  }
  return { ok: true, session };
}

function issueText(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys')
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return issue.message;
}

/** A session without its save time: what the shell hands to the autosaver, which stamps `savedAt`. */
export type SessionDraft = Omit<SavedSession, 'savedAt'> & { savedAt?: string };

export function sessionDraft(parts: Pick<SavedSession, 'id' | 'record' | 'scenario' | 'ui'>): SessionDraft {
  return { format: SESSION_FORMAT, version: SESSION_VERSION, ...parts };
}

/** The text that is stored and exported: indented, so a located error points somewhere useful. */
export function serializeSession(session: SavedSession): string {
  return `${JSON.stringify(session, null, 2)}\n`;
}
