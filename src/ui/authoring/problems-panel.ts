/**
 * The readable list of a scenario file's problems: for each one `file:line:col`, the message in
 * the UI language, and the offending line of the file quoted with a caret under the column.
 * Everything from the file goes in through text nodes (the `h` builder), never as markup.
 */
import { currentLang, t } from '../../i18n';
import type { MessageLang, Problem } from '../../scenario';
import { caretLines, problemMessage } from '../../scenario/localized';
import { h } from '../dom';

/** The problems shown at most; a file with more is cut off with a note saying how many. */
const MAX_SHOWN = 50;

export function problemItem(p: Problem, source: string, lang: MessageLang): HTMLElement {
  const quoted = caretLines(source, p.line, p.col);
  return h(
    'li',
    { class: `problem ${p.severity}`, 'data-code': p.code },
    h('code', { class: 'where' }, `${p.file}:${p.line}:${p.col}`),
    ' ',
    p.severity === 'warning' ? h('strong', {}, `${t('authoring.warning')}: `) : null,
    h('span', { class: 'message' }, problemMessage(p, lang)),
    quoted.length
      ? h('pre', { class: 'quote', 'aria-label': t('authoring.line', { n: p.line }) }, quoted.join('\n'))
      : null,
  );
}

export function problemList(problems: readonly Problem[], source: string): HTMLElement {
  const lang: MessageLang = currentLang() === 'nl' ? 'nl' : 'en';
  const list = h(
    'ol',
    { class: 'problems' },
    problems.slice(0, MAX_SHOWN).map((p) => problemItem(p, source, lang)),
  );
  if (problems.length > MAX_SHOWN)
    list.append(h('li', { class: 'more' }, t('authoring.more', { count: problems.length - MAX_SHOWN })));
  return list;
}
