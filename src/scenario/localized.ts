/**
 * Loader problems in the reader's language. The loader words every problem in English (its
 * `message`, used by existing callers and tests); these functions rebuild the sentence from the
 * problem's code and parameters in Dutch or English, so the CLI (`--lang nl`) and the game's
 * scenario screen speak the trainer's language.
 */
import { type LoadResult, loadScenario } from './load';
import { type MessageParams, messageText } from './messages';
import { dutchContext, dutchParams, nl } from './messages-nl';
import { lineCount, type Problem, sourceLine } from './problems';

export type MessageLang = 'nl' | 'en';

/** `nl` for anything that asks for Dutch (`nl`, `nl-NL`), else English. */
export function messageLang(lang: string | undefined): MessageLang {
  return lang?.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

/** One message, without its context, in `lang`. */
export function messageIn(code: string, params: MessageParams, lang: MessageLang): string {
  if (lang === 'en') return messageText(code, params);
  const make = nl[code];
  return make ? make(dutchParams(code, params)) : messageText(code, params);
}

/** The problem's whole sentence (context included) in `lang`. */
export function problemMessage(p: Problem, lang: MessageLang): string {
  if (lang === 'en' || !p.params) return p.message;
  const text = messageIn(p.code, p.params, lang);
  const context = lang === 'nl' ? dutchContext(p.context ?? '') : (p.context ?? '');
  return context ? `${context}: ${text}` : text;
}

/** The problem with its `message` in `lang`; everything else unchanged. */
export function localizeProblem(p: Problem, lang: MessageLang): Problem {
  return lang === 'en' ? p : { ...p, message: problemMessage(p, lang) };
}

/** A load result whose problems speak `lang`. */
export function localizeResult(result: LoadResult, lang: MessageLang): LoadResult {
  if (lang === 'en') return result;
  const warnings = result.warnings.map((p) => localizeProblem(p, lang));
  return result.ok
    ? { ...result, warnings }
    : { ...result, errors: result.errors.map((p) => localizeProblem(p, lang)), warnings };
}

/** `loadScenario` with its problems in `lang` (English when not asked). */
export function loadScenarioIn(
  source: string | Uint8Array,
  file: string,
  lang: MessageLang = 'en',
): LoadResult {
  return localizeResult(loadScenario(source, file), lang);
}

/** `file:line:col [warning: ]message`, as `formatProblem`, in `lang`. */
export function formatProblemIn(p: Problem, lang: MessageLang): string {
  const tag = p.severity === 'warning' ? (lang === 'nl' ? 'waarschuwing: ' : 'warning: ') : '';
  return `${p.file}:${p.line}:${p.col} ${tag}${problemMessage(p, lang)}`;
}

/** How much of a long line the caret view shows. */
const WIDTH = 120;

/**
 * The offending source line with a caret under the column, for a readable error panel or a
 * terminal: `["    efects: [ … ]", "    ^"]`. Tabs before the column are kept so the caret lines
 * up; an empty array when the line is not in the source.
 */
export function caretLines(source: string, line: number, col: number): [string, string] | [] {
  // sourceLine indexes the lines once per source: one caret per problem stays linear.
  if (!Number.isInteger(line) || line < 1 || line > lineCount(source)) return [];
  let text = sourceLine(source, line);
  let upto = Math.max(0, Math.min(col - 1, text.length));
  // A very long line (a one-line map) is cut to a window around the column.
  if (text.length > WIDTH) {
    const start = Math.max(0, Math.min(upto - 40, text.length - WIDTH));
    const head = start > 0 ? '…' : '';
    text = head + text.slice(start, start + WIDTH) + (start + WIDTH < text.length ? '…' : '');
    upto = upto - start + head.length;
  }
  const pad = text.slice(0, upto).replace(/[^\t]/g, ' ');
  return [text, `${pad}^`];
}
