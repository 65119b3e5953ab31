/** Changes as a person reads them: "Wmo 2015 − € 4.200 ▼", "Werkdruk wijkteam + 0,5 ▼ slechter". */
import type { Deltas } from '../engine/types';
import { currentLang, t } from '../i18n';
import { formatMeterDelta, formatMoneyDelta, meterVerdict } from '../i18n/money';
import type { Scenario } from '../scenario/schema';
import { localize } from '../scenario/text';
import { h } from './dom';

export function changeChips(scenario: Scenario, deltas: Deltas, testid = 'change'): HTMLElement[] {
  const lang = currentLang();
  const text = (v: Parameters<typeof localize>[0]) => localize(v, lang, scenario.languages);
  const chips: HTMLElement[] = [];
  for (const r of scenario.resources) {
    const d = deltas.resources[r.id];
    if (!d) continue;
    chips.push(
      h(
        'span',
        { class: `delta ${d > 0 ? 'better' : 'worse'}`, 'data-testid': `${testid}-${r.id}` },
        `${text(r.name)} ${formatMoneyDelta(d)}`,
      ),
    );
  }
  for (const m of scenario.meters) {
    const d = deltas.meters[m.id];
    if (!d) continue;
    const verdict = meterVerdict(d, m.good);
    chips.push(
      h(
        'span',
        { class: `delta ${verdict}`, 'data-testid': `${testid}-${m.id}` },
        `${text(m.name)} ${formatMeterDelta(d, m.good, lang)} ${verdict === 'better' ? t('hud.better') : t('hud.worse')}`,
      ),
    );
  }
  return chips;
}

/** A cost shown on an option or question: the money (and, with reveal: all, the meters). */
export function costText(
  scenario: Scenario,
  money: Record<string, number> | null,
  meters: Record<string, number> | null,
): string {
  const lang = currentLang();
  const text = (v: Parameters<typeof localize>[0]) => localize(v, lang, scenario.languages);
  const parts: string[] = [];
  for (const r of scenario.resources) {
    const d = money?.[r.id];
    if (d) parts.push(`${text(r.name)} ${formatMoneyDelta(d)}`);
  }
  for (const m of scenario.meters) {
    const d = meters?.[m.id];
    if (d) parts.push(`${text(m.name)} ${formatMeterDelta(d, m.good, lang)}`);
  }
  return parts.join(' · ');
}
