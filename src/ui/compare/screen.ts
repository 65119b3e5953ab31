/**
 * Compare tables: open the session files of several tables that played the same scenario on the
 * same seed (the council, the works council, the project team) and see per card what each chose,
 * and where they ended, side by side. Every file is checked like an import; a file of another
 * scenario or seed is refused with its name.
 */
import { compareSessions } from '../../debrief/compare';
import { currentLang, t } from '../../i18n';
import { formatMeter, formatMoney } from '../../i18n/money';
import { type CheckedSession, importSessionFile } from '../../persistence';
import type { App, Screen } from '../app';
import { h } from '../dom';
import { readFile } from '../saved/download';
import { describeProblem } from '../saved/problem';
import { keepFiles, keptFiles } from './kept';
import { compareKinds } from './kinds';
import { comparisonTable } from './table';

export function compareScreen(app: App, onBack: () => void): Screen {
  const tables: { name: string; checked: CheckedSession; text: string }[] = [];
  const problems: string[] = [];
  let notKept = false;

  /** One session file, checked like an import; refused with its name when it does not fit. */
  const add = (name: string, text: string): void => {
    const result = importSessionFile(text);
    if (!result.ok) {
      problems.push(
        `${name}: ${t(`saved.problem.${result.problem.code}`)} — ${describeProblem(result.problem)}`,
      );
      return;
    }
    const first = tables[0]?.checked.session.record;
    const r = result.session.record;
    if (first && (first.scenario.hash !== r.scenario.hash || first.seed !== r.seed)) {
      problems.push(`${name}: ${t('compare.otherGame')}`);
      return;
    }
    tables.push({ name: name.replace(/\.dd-session\.json$/, ''), checked: result, text });
  };
  const keep = () => {
    notKept = !keepFiles(tables.map((x) => ({ name: x.name, text: x.text })));
  };
  // A reload on #/compare: the tables opened before it, checked again.
  for (const file of keptFiles()) add(file.name, file.text);

  const screen: Screen = {
    render() {
      const input = h('input', {
        type: 'file',
        multiple: true,
        accept: '.json,application/json',
        'data-testid': 'compare-files',
        'aria-label': t('compare.add'),
        onchange: async (e: Event) => {
          const files = [...((e.target as HTMLInputElement).files ?? [])];
          problems.length = 0;
          for (const file of files) add(file.name, await readFile(file));
          keep();
          app.rerender();
        },
      });
      const first = tables[0]?.checked;
      const lang = currentLang();
      const table =
        first && tables.length > 0
          ? comparisonTable(
              compareSessions(
                first.scenario,
                tables.map((x) => ({
                  label: `${x.name} (${x.checked.session.ui.players.join(', ')})`,
                  state: x.checked.state,
                })),
                lang,
                {
                  money: formatMoney,
                  meter: (v) => formatMeter(v, lang),
                  none: '·',
                  ending: t('compare.ending'),
                  kinds: compareKinds(),
                },
              ),
            )
          : h('p', { class: 'muted' }, t('compare.empty'));
      return h(
        'div',
        { class: 'debrief compare-screen', 'data-testid': 'compare-screen' },
        h('div', { class: 'row' }, h('h1', {}, t('compare.title')), app.controls()),
        h('p', {}, t('compare.intro')),
        h('label', { class: 'btn file' }, t('compare.add'), input),
        notKept ? h('p', { class: 'muted', 'data-testid': 'compare-not-kept' }, t('compare.notKept')) : null,
        problems.length
          ? h(
              'ul',
              { class: 'import-problem', role: 'alert', 'data-testid': 'compare-problems' },
              problems.map((p) => h('li', {}, p)),
            )
          : null,
        table,
        h(
          'div',
          { class: 'actions' },
          h('button', { class: 'btn', type: 'button', onclick: onBack }, t('compare.back')),
          tables.length > 0
            ? h(
                'button',
                {
                  class: 'btn',
                  type: 'button',
                  'data-testid': 'compare-clear',
                  onclick: () => {
                    tables.length = 0;
                    problems.length = 0;
                    keep();
                    app.rerender();
                  },
                },
                t('compare.clear'),
              )
            : null,
        ),
      );
    },
  };
  return screen;
}
