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

/** `urk.yaml:48:15 card "mevrouw-de-vries", option "thuiszorg": unknown resource "wm0" (known: …)` */
export function formatProblem(p: Problem): string {
  const tag = p.severity === 'warning' ? 'warning: ' : '';
  return `${p.file}:${p.line}:${p.col} ${tag}${p.message}`;
}

/** The source line (1-based) a problem points at, without its line break; '' when out of range. */
export function sourceLine(source: string, line: number): string {
  if (!Number.isInteger(line) || line < 1) return '';
  let start = 0;
  for (let n = 1; n < line; n++) {
    const next = source.indexOf('\n', start);
    if (next < 0) return '';
    start = next + 1;
  }
  const end = source.indexOf('\n', start);
  return source.slice(start, end < 0 ? source.length : end).replace(/\r$/, '');
}

/** Sort problems by position so a trainer reads them top to bottom. */
export function byPosition(a: Problem, b: Problem): number {
  return a.line - b.line || a.col - b.col;
}
