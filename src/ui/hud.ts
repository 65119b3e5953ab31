/**
 * The HUD: every budget in euros with a sparkline, every meter as a labelled bar with its number
 * and which way is good ("▼ beter" for Werkdruk), all in view without scrolling; right after an action, the change it made (sign, arrow and "beter/slechter", never colour
 * alone). The top bar: the round, whose turn it is, the active priorities, and the controls.
 */
import type { Deltas, GameState } from '../engine/types';
import { view } from '../engine/view';
import { currentLang, t } from '../i18n';
import { formatMeter, formatMeterDelta, formatMoney, formatMoneyDelta, meterVerdict } from '../i18n/money';
import type { Scenario } from '../scenario/schema';
import { localize, roundLabel } from '../scenario/text';
import { initials, playerColour, playerInk } from '../theme/players';
import { h } from './dom';
import { findPriority, priorityList } from './lookup';
import type { Series } from './series';
import { sparkline } from './spark';

export interface HudInput {
  scenario: Scenario;
  state: GameState;
  series: Series;
  /** What the last action changed, shown next to the values while its outcome is on screen. */
  changes: Deltas | null;
}

export function roundText(scenario: Scenario, round: number): string {
  if (round <= 0) return t('hud.beforeStart');
  const lang = currentLang();
  const label = roundLabel(scenario.rounds.label, round, lang, scenario.languages);
  return t('hud.round', { label, count: scenario.rounds.count });
}

export function renderHud({ scenario, state, series, changes }: HudInput): HTMLElement {
  const lang = currentLang();
  const text = (v: Parameters<typeof localize>[0]) => localize(v, lang, scenario.languages);
  const budgets = scenario.resources.map((r) => {
    const value = state.resources[r.id] ?? 0;
    const delta = changes?.resources[r.id] ?? 0;
    return h(
      'div',
      { class: 'budget', 'data-resource': r.id },
      h(
        'div',
        { class: 'name' },
        h('span', {}, text(r.name)),
        sparkline(
          series.resources[r.id] ?? [value],
          `${text(r.name)}: ${series.resources[r.id]?.map(formatMoney).join(', ') ?? ''}`,
        ),
      ),
      h(
        'div',
        { class: 'row' },
        h(
          'span',
          { class: `amount${value < 0 ? ' deficit' : ''}`, 'data-testid': `amount-${r.id}` },
          formatMoney(value),
        ),
        delta !== 0
          ? h(
              'span',
              { class: `delta ${delta > 0 ? 'better' : 'worse'}`, 'data-testid': `delta-${r.id}` },
              formatMoneyDelta(delta),
            )
          : null,
      ),
    );
  });
  const hasPriorities = priorityList(scenario).length > 0;
  const meters = scenario.meters.map((m) => {
    const value = state.meters[m.id] ?? 0;
    const top = m.max ?? (m.unit === 'percent' ? 100 : Math.max(10, m.start * 2, value));
    const share = Math.max(0, Math.min(1, (value - m.min) / Math.max(1e-9, top - m.min)));
    const delta = changes?.meters[m.id] ?? 0;
    const verdict = meterVerdict(delta, m.good);
    const unit = m.unit === 'percent' ? '%' : '';
    return h(
      'div',
      { class: 'meter', 'data-meter': m.id },
      h(
        'div',
        { class: 'name' },
        h('span', { class: 'label' }, text(m.name)),
        // Which way is good, in words and an arrow (higher Werkdruk is worse), never colour alone.
        h(
          'span',
          {
            class: 'good',
            'data-testid': `meter-good-${m.id}`,
            title: m.good === 'low' ? t('hud.goodLowLong') : t('hud.goodHighLong'),
          },
          m.good === 'low' ? t('hud.goodLow') : t('hud.goodHigh'),
        ),
        h('span', { class: 'value', 'data-testid': `meter-${m.id}` }, `${formatMeter(value, lang)}${unit}`),
      ),
      h(
        'div',
        {
          class: 'bar',
          role: 'meter',
          'aria-label': `${text(m.name)} (${m.good === 'low' ? t('hud.goodLowLong') : t('hud.goodHighLong')})`,
          'aria-valuemin': m.min,
          'aria-valuemax': top,
          'aria-valuenow': value,
        },
        h('span', { style: `width:${(share * 100).toFixed(1)}%` }),
      ),
      delta !== 0
        ? h(
            'span',
            { class: `delta ${verdict}`, 'data-testid': `meter-delta-${m.id}` },
            `${formatMeterDelta(delta, m.good, lang)} ${verdict === 'better' ? t('hud.better') : t('hud.worse')}`,
          )
        : null,
    );
  });
  return h(
    'div',
    {},
    hasPriorities ? h('h2', {}, t('hud.priorities')) : null,
    hasPriorities
      ? h(
          'div',
          { class: 'chips', 'data-testid': 'priorities' },
          state.priorities.length > 0
            ? state.priorities.map((id) =>
                h('span', { class: 'chip' }, text(findPriority(scenario, id).name)),
              )
            : h('span', { class: 'chip' }, t('hud.noPriorities')),
        )
      : null,
    h('h2', {}, t('hud.budgets')),
    budgets,
    scenario.meters.length > 0 ? h('h2', {}, t('hud.meters')) : null,
    meters,
  );
}

export function renderTopbar(
  scenario: Scenario,
  state: GameState | null,
  controls: HTMLElement,
): HTMLElement[] {
  const parts: HTMLElement[] = [];
  if (state) {
    parts.push(h('span', { class: 'round', 'data-testid': 'round' }, roundText(scenario, state.round)));
    const seat = view(scenario, state).activeSeat;
    if (seat !== null && state.players[seat]) {
      const p = state.players[seat];
      parts.push(
        h(
          'span',
          { class: 'active', 'data-testid': 'active-player' },
          h(
            'span',
            {
              class: 'swatch',
              style: `background:${playerColour(seat)};color:${playerInk(seat)}`,
              'aria-hidden': 'true',
            },
            initials(p.name),
          ),
          t('hud.turn', { name: p.name }),
        ),
      );
    }
  }
  parts.push(controls);
  return parts;
}

/** "Afgebroken na Kwartaal 1 van 4", or "tijdens" the first round when none was completed. */
export function stoppedText(ctx: { scenario: Scenario }, completed: number): string {
  return completed <= 0
    ? t('ending.stoppedDuring', { round: roundText(ctx.scenario, 1) })
    : t('ending.stoppedAfter', { round: roundText(ctx.scenario, completed) });
}
