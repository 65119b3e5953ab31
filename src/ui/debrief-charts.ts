import type { LogEntry } from '../engine/types';
import { t } from '../i18n';
import type { Scenario } from '../scenario/schema';
import { lineChart } from './charts';
import { h } from './dom';
import { seriesFromLog } from './series';

type Text = (v: Parameters<typeof import('../scenario/text').localize>[0]) => string;

/** A meter's whole range, as the HUD's bar draws it: its max, 100 for a percentage, or its values'. */
export function meterRange(m: Scenario['meters'][number]): { lo: number; hi: number } | undefined {
  const hi = m.max ?? (m.unit === 'percent' ? 100 : undefined);
  return hi === undefined ? undefined : { lo: m.min, hi };
}

/** One chart per budget and per meter, a point per round end, each with its scale (min and max). */
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
          // The unit stays (Draagvlak 41%, as in the HUD), on the scale's labels too.
          format: (v) => `${meter(v, lang)}${m.unit === 'percent' ? '%' : ''}`,
          money: false,
          range: meterRange(m),
        }),
      ),
    ),
  );
}
