/**
 * The list of problems under the editor: each one with its line and column and the message in
 * the UI language, as `scenario validate` says it; a click puts the cursor on it.
 */
import { t } from '../i18n';
import { problemTotal } from '../scenario/problems';
import { h } from '../ui/dom';
import type { Checked, Diagnosis } from './lint';

/** Problems listed at most; more are counted (the underlines show all of them). */
const MAX_LISTED = 100;

/**
 * `stale`: the text changed since `checked` and its check is still running. The list stays (it is
 * still the best guess) but the summary says "checking…", never "no problems" for a text that
 * has not been checked yet (a large file takes seconds).
 */
export function problemsPanel(
  checked: Checked | null,
  _text: string,
  goto: (d: Diagnosis) => void,
  stale = false,
): HTMLElement {
  if (!checked) return h('p', { role: 'status' }, t('studio.checking'));
  // The loader lists 100 of each and counts the rest in one `more-errors`/`more-warnings` problem.
  const errors = problemTotal(checked.diagnoses.filter((d) => d.severity === 'error').map((d) => d.problem));
  const warnings = problemTotal(
    checked.diagnoses.filter((d) => d.severity !== 'error').map((d) => d.problem),
  );
  const summary = stale
    ? t('studio.checking')
    : checked.diagnoses.length === 0
      ? t('studio.noProblems')
      : t('studio.problemCount', { errors, warnings });
  return h(
    'div',
    {
      'data-testid': 'studio-problems',
      'data-errors': errors,
      'data-warnings': warnings,
      'data-checking': stale ? 'true' : 'false',
    },
    h('h2', { class: stale ? 'checking' : errors ? 'bad' : 'good' }, summary),
    h(
      'ol',
      { class: 'problems' },
      checked.diagnoses
        .slice(0, MAX_LISTED)
        .map((d) =>
          h(
            'li',
            { class: `problem ${d.severity}`, 'data-code': d.problem.code, 'data-line': d.problem.line },
            h(
              'button',
              { class: 'link', type: 'button', onclick: () => goto(d) },
              h('code', { class: 'where' }, `${d.problem.line}:${d.problem.col}`),
              ' ',
              d.severity === 'warning' ? h('strong', {}, `${t('authoring.warning')}: `) : null,
              h('span', { class: 'message' }, d.message),
            ),
          ),
        ),
      checked.diagnoses.length > MAX_LISTED
        ? h('li', { class: 'more' }, t('authoring.more', { count: checked.diagnoses.length - MAX_LISTED }))
        : null,
    ),
  );
}
