import type { LogEntry } from '../engine/types';
import { t } from '../i18n';
import type { Scenario } from '../scenario/schema';
import { lineChart } from './charts';
import { h } from './dom';
import { seriesFromLog } from './series';

type Text = (v: Parameters<typeof import('../scenario/text').localize>[0]) => string;

/** One chart per budget and per meter, a point per round end. */
export function charts(
  scenario: Scenario,
  log: readonly LogEntry[],
  lang: string,
  text: Text,
  money: (v: number) => string,
  meter: (v: number, lang: string) => string,
): HTMLElement {
  const series = seriesFromLog(scenario, log);
  const labels = series.rounds.map((r) => (r === 0 ? t('debrief.start') : String(r)));
  return h(
    'div',
    { class: 'charts' },
    scenario.resources.map((r) =>
      h(
        'figure',
        { class: 'chart', 'data-testid': `chart-${r.id}` },
        lineChart({
          title: text(r.name),
          values: series.resources[r.id],
          labels,
          format: money,
          money: true,
        }),
      ),
    ),
    scenario.meters.map((m) =>
      h(
        'figure',
        { class: 'chart', 'data-testid': `chart-${m.id}` },
        lineChart({
          title: text(m.name),
          values: series.meters[m.id],
          labels,
          format: (v) => meter(v, lang),
          money: false,
        }),
      ),
    ),
  );
}
