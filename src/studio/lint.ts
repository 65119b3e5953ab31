/**
 * The project's validator as the editor's linter: the text goes through the very loader that
 * `scenario validate` uses (same problems, codes, lines, columns), each problem is worded in the
 * UI language by the same functions as the CLI's `--lang`, and mapped to a range of the text so
 * the editor can underline it. Pure: no editor here, so the benchmark and the tests call it too.
 */
import { type LoadResult, loadScenario, type MessageLang, type Problem, problemMessage } from '../scenario';
import type { OnDocument } from '../scenario/source';
import { lineStarts } from './lines';

export { lineStarts };

export interface Diagnosis {
  from: number;
  to: number;
  severity: 'error' | 'warning';
  message: string;
  problem: Problem;
}

export interface Checked {
  result: LoadResult;
  problems: Problem[];
  diagnoses: Diagnosis[];
}

const STOP = /[\s,:{}[\]#]/;

/**
 * The range to underline for a problem at (line, col): the word or value that starts there,
 * to the end of the line at most; at the end of a line (or on an empty one) the character before,
 * so there is always something to see.
 */
export function problemRange(
  text: string,
  starts: readonly number[],
  line: number,
  col: number,
): [number, number] {
  const n = Math.min(Math.max(1, line), starts.length);
  const lineFrom = starts[n - 1];
  const nextLine = n < starts.length ? starts[n] - 1 : text.length;
  const lineTo = text[nextLine - 1] === '\r' ? nextLine - 1 : nextLine;
  const from = Math.min(lineFrom + Math.max(0, col - 1), lineTo);
  let to = from;
  const quote = text[from];
  if (quote === '"' || quote === "'") {
    const close = text.indexOf(quote, from + 1);
    to = close >= 0 && close < lineTo ? close + 1 : lineTo;
  } else {
    while (to < lineTo && !STOP.test(text[to])) to++;
  }
  if (to === from) {
    if (from < lineTo) return [from, from + 1];
    return lineTo > lineFrom ? [lineTo - 1, lineTo] : [lineFrom, lineFrom];
  }
  return [from, to];
}

/** `onDocument`: see loadScenario (the worker keeps the document for the ids). */
export function checkText(text: string, file: string, lang: MessageLang, onDocument?: OnDocument): Checked {
  const result = loadScenario(text, file, onDocument);
  const problems = [...(result.ok ? [] : result.errors), ...result.warnings].sort(
    (a, b) => a.line - b.line || a.col - b.col,
  );
  const starts = lineStarts(text);
  const diagnoses = problems.map((p): Diagnosis => {
    const [from, to] = problemRange(text, starts, p.line, p.col);
    return { from, to, severity: p.severity, message: problemMessage(p, lang), problem: p };
  });
  return { result, problems, diagnoses };
}
