/** Changes as a person reads them: "Wmo 2015 − € 4.200 ▼", "Werkdruk wijkteam + 0,5 ▼ slechter". */
import type { Deltas } from '../engine/types';
import { currentLang, t } from '../i18n';
import { formatMeter, formatMeterDelta, formatMoney, formatMoneyDelta, meterVerdict } from '../i18n/money';
import type { Effect, Scenario } from '../scenario/schema';
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

/** A cost shown on an option or question: its money (`reveal: cost`) or every effect (`reveal: all`). */
export function costText(
  scenario: Scenario,
  money: Record<string, number> | null,
  effects: readonly Effect[] | null,
): string {
  if (effects) return effectsText(scenario, effects);
  const lang = currentLang();
  const text = (v: Parameters<typeof localize>[0]) => localize(v, lang, scenario.languages);
  const parts: string[] = [];
  for (const r of scenario.resources) {
    const d = money?.[r.id];
    if (d) parts.push(`${text(r.name)} ${formatMoneyDelta(d)}`);
  }
  return parts.join(' · ');
}

/** Effects in words, as the engine's view gives them (discounts already applied). */
export function effectsText(scenario: Scenario, effects: readonly Effect[]): string {
  const lang = currentLang();
  const text = (v: Parameters<typeof localize>[0]) => localize(v, lang, scenario.languages);
  const name = (id: string, list: readonly { id: string; name: Parameters<typeof localize>[0] }[]) =>
    text(list.find((x) => x.id === id)?.name ?? id);
  const parts: string[] = [];
  for (const e of effects) {
    if ('resource' in e) {
      parts.push(
        'add' in e
          ? `${name(e.resource, scenario.resources)} ${formatMoneyDelta(e.add)}`
          : `${name(e.resource, scenario.resources)} = ${formatMoney(e.set)}`,
      );
    } else if ('meter' in e) {
      const m = scenario.meters.find((x) => x.id === e.meter);
      parts.push(
        'add' in e
          ? `${name(e.meter, scenario.meters)} ${formatMeterDelta(e.add, m?.good ?? 'high', lang)}`
          : `${name(e.meter, scenario.meters)} = ${formatMeter(e.set, lang)}`,
      );
    } else if ('chance' in e) {
      parts.push(
        t('card.chance', { p: Math.round(e.chance * 100), effects: effectsText(scenario, e.effects) }),
      );
      if (e.else?.length) parts.push(t('card.otherwise', { effects: effectsText(scenario, e.else) }));
    } else if ('when' in e) {
      parts.push(t('card.sometimes', { effects: effectsText(scenario, e.effects) }));
    } else if ('schedule' in e) {
      parts.push(t('card.later'));
    }
  }
  return parts.filter(Boolean).join(' · ');
}
