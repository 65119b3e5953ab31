/** A comparison (src/debrief/compare.ts) as an HTML table; differing rows are marked in words too. */
import type { Comparison } from '../../debrief/compare';
import { t } from '../../i18n';
import { h } from '../dom';

export function comparisonTable(c: Comparison, testid = 'compare-table'): HTMLElement {
  const head = h(
    'tr',
    {},
    h('th', { scope: 'col' }, t('compare.card')),
    c.labels.map((l) => h('th', { scope: 'col' }, l)),
  );
  const rows = (list: Comparison['choices']) =>
    list.map((r) =>
      h(
        'tr',
        { class: r.differs ? 'differs' : '', 'data-key': r.key },
        h(
          'th',
          { scope: 'row' },
          r.label,
          r.differs ? h('span', { class: 'differs-mark' }, ` (${t('compare.differs')})`) : null,
        ),
        r.cells.map((cell) => h('td', {}, cell)),
      ),
    );
  return h(
    'table',
    { class: 'compare', 'data-testid': testid },
    h('thead', {}, head),
    h('tbody', {}, rows(c.choices)),
    h(
      'tbody',
      { class: 'outcomes' },
      h('tr', {}, h('th', { colspan: String(c.labels.length + 1) }, t('compare.outcomes'))),
      rows(c.outcomes),
    ),
  );
}
