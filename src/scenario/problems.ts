/**
 * Problems the loader reports: located, coded, and worded for a trainer. The message text is
 * built from a code and its parameters (see `messages.ts`), so that a Dutch wording can be
 * added later without touching the checks.
 */
import { type MessageParams, messageText } from './messages';

export type Severity = 'error' | 'warning';

/**
 * How a check reports a problem at a path (checks.ts and the checks it calls). It lives here, not
 * beside checkScenario, so the checks it calls do not import the module that calls them.
 */
export type Reporter = (
  path: PathSegment[],
  code: string,
  params: MessageParams,
  severity?: Severity,
  atKey?: boolean,
) => void;
export type PathSegment = string | number;

export interface Problem {
  file: string;
  /** 1-based line of the offending node. */
  line: number;
  /** 1-based column of the offending node. */
  col: number;
  /** Where in the scenario, e.g. ['decks', 0, 'cards', 3, 'options', 1, 'effects', 0, 'resource']. */
  path: PathSegment[];
  severity: Severity;
  /** Stable machine code, e.g. 'unknown-ref' (see messages.ts for every code). */
  code: string;
  /** The English sentence, context included: `card "x", option "y": unknown resource "wm0" (…)`. */
  message: string;
  /** The message's parameters, for a translation of `code`. */
  params?: MessageParams;
  /** The context prefix of `message` (`card "x", option "y"`), empty when none. */
  context?: string;
}

export interface Located {
  line: number;
  col: number;
}

export function makeProblem(
  file: string,
  at: Located,
  path: PathSegment[],
  severity: Severity,
  code: string,
  params: MessageParams = {},
  context = '',
): Problem {
  params = clipParams(params);
  const text = messageText(code, params);
  return {
    file,
    line: Math.max(1, at.line),
    col: Math.max(1, at.col),
    path,
    severity,
    code,
    message: context ? `${context}: ${text}` : text,
    params,
    context,
  };
}

/** How much of one value a message quotes: a 3 MB id made a 9-million-character message. */
export const MAX_QUOTED = 500;

function clipParams(params: MessageParams): MessageParams {
  let out: MessageParams | null = null;
  for (const key of Object.keys(params)) {
    const v = params[key];
    if (typeof v !== 'string' || v.length <= MAX_QUOTED) continue;
    out ??= { ...params };
    out[key] = `${v.slice(0, MAX_QUOTED)}… (${v.length} characters)`;
  }
  return out ?? params;
}

/** `urk.yaml:48:15 card "mevrouw-de-vries", option "thuiszorg": unknown resource "wm0" (known: …)` */
export function formatProblem(p: Problem): string {
  const tag = p.severity === 'warning' ? 'warning: ' : '';
  return `${p.file}:${p.line}:${p.col} ${tag}${p.message}`;
}

/**
 * Where each line of `source` starts, for the last source asked about: the CLI and the loader ask
 * for one line per problem, and scanning from the top each time made 100,000 problems quadratic.
 */
let indexed: { source: string; starts: number[] } | null = null;
function lineStarts(source: string): number[] {
  if (indexed?.source === source) return indexed.starts;
  const starts = [0];
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  indexed = { source, starts };
  return starts;
}

/** The number of lines in `source` (a last line without a line break counts). */
export function lineCount(source: string): number {
  return lineStarts(source).length;
}

/** The source line (1-based) a problem points at, without its line break; '' when out of range. */
export function sourceLine(source: string, line: number): string {
  const starts = lineStarts(source);
  if (!Number.isInteger(line) || line < 1 || line > starts.length) return '';
  const start = starts[line - 1]!;
  const end = line < starts.length ? starts[line]! - 1 : source.length;
  return source.slice(start, end).replace(/\r$/, '');
}

/** At most this many errors (and as many warnings) are listed; the rest are counted. */
export const MAX_LISTED = 100;

/**
 * `problems` (sorted, of one severity) cut to MAX_LISTED, with a last `more-errors` (or
 * `more-warnings`) problem at the first one left out that says how many more there are: a file
 * with 100,000 mistakes needs its first ones fixed, and a list that long only hangs a screen.
 */
export function capProblems(problems: Problem[], file: string): Problem[] {
  if (problems.length <= MAX_LISTED) return problems;
  const next = problems[MAX_LISTED]!;
  const code = next.severity === 'warning' ? 'more-warnings' : 'more-errors';
  const more = makeProblem(file, next, [], next.severity, code, { count: problems.length - MAX_LISTED });
  return [...problems.slice(0, MAX_LISTED), more];
}

/** How many problems `listed` stands for: a `more-…` problem counts the ones it replaces. */
export function problemTotal(listed: readonly Problem[]): number {
  let n = 0;
  for (const p of listed)
    n += p.code === 'more-errors' || p.code === 'more-warnings' ? Number(p.params?.count ?? 0) : 1;
  return n;
}

/** Sort problems by position so a trainer reads them top to bottom. */
export function byPosition(a: Problem, b: Problem): number {
  return a.line - b.line || a.col - b.col;
}
