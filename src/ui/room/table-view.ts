/**
 * The table as the projector shows it in room mode, read only from the server's SeatView: the
 * round and whose turn it is, the budgets and meters, the card, how many have voted (then the
 * result and the split, with how many did not vote when the vote was closed), and the ending.
 * No rule here: every number and text comes from the engine's seat view (a phone has no cards).
 */
import { currentLang, t } from '../../i18n';
import { formatMeter, formatMoney } from '../../i18n/money';
import type { SeatView } from '../../protocol/room';
import type { Scenario, Text } from '../../scenario/schema';
import { localize } from '../../scenario/text';
import { h } from '../dom';
import { costText } from '../effects-text';
import { roundText } from '../hud';
import { tallyList } from './decide';

export function tableStatus(scenario: Scenario, sv: SeatView): HTMLElement {
  const text = (v: Text | undefined) => localize(v, currentLang(), scenario.languages);
  const v = sv.view;
  const active = v.activeSeat === null ? null : v.players[v.activeSeat];
  return h(
    'div',
    { class: 'room-status' },
    // The scenario's own word for a round, as on the single laptop ("Kwartaal 2 van 4").
    h('span', { 'data-testid': 'room-round' }, roundText(scenario, v.round)),
    active ? h('span', {}, t('room.turnOf', { name: active.name })) : null,
    h(
      'ul',
      { class: 'room-players' },
      v.players.map((p, i) =>
        h(
          'li',
          { class: i === v.activeSeat ? 'current' : '' },
          p.name,
          p.role ? ` · ${text(scenario.roles.find((r) => r.id === p.role)?.name)}` : '',
        ),
      ),
    ),
  );
}

export function meters(scenario: Scenario, sv: SeatView): HTMLElement {
  const lang = currentLang();
  const text = (v: Text | undefined) => localize(v, lang, scenario.languages);
  return h(
    'div',
    { class: 'room-meters', 'data-testid': 'room-meters' },
    sv.view.resources.map((r) =>
      h(
        'div',
        { class: 'room-meter', 'data-resource': r.id },
        h('span', { class: 'label' }, text(scenario.resources.find((x) => x.id === r.id)?.name)),
        h('strong', {}, formatMoney(r.value)),
      ),
    ),
    sv.view.meters.map((m) => {
      const def = scenario.meters.find((x) => x.id === m.id);
      return h(
        'div',
        { class: 'room-meter', 'data-meter': m.id },
        h('span', { class: 'label' }, text(def?.name)),
        h('strong', {}, `${formatMeter(m.value, lang)}${def?.unit === 'percent' ? '%' : ''}`),
      );
    }),
  );
}

/** The card on the table for everyone to read, with the vote count (never who voted what while open). */
export function projectorCard(scenario: Scenario, sv: SeatView): HTMLElement | null {
  const text = (v: Text | undefined) => localize(v, currentLang(), scenario.languages);
  const card = sv.view.card;
  const shown = sv.card;
  if (!card || !shown) return null;
  const label = (id: string) => text(shown.options.find((x) => x.id === id)?.label ?? id);
  return h(
    'div',
    { class: 'room-card projector', 'data-testid': 'room-card' },
    h('p', { class: 'kind' }, t(`kind.${shown.kind}`)),
    h('h2', { 'data-testid': 'room-card-title' }, text(shown.title)),
    shown.text ? h('p', {}, text(shown.text)) : null,
    h(
      'ol',
      { class: 'room-options' },
      card.options
        .filter((o) => o.offered)
        .map((o) => {
          // The seat view carries only what `reveal` shows: money, every effect, or nothing.
          const cost = costText(scenario, o.shownCost, o.effects.length > 0 ? o.effects : null);
          return h('li', {}, label(o.id), cost ? h('span', { class: 'cost' }, ` ${cost}`) : null);
        }),
    ),
    // A counted vote waiting for its tie to be broken: the split, never who voted what.
    sv.count?.tally ? tallyList(sv.count.tally, sv.count.total - sv.count.cast, label) : null,
    sv.votes
      ? h(
          'p',
          { class: 'room-count', 'data-testid': 'room-vote-count' },
          t('room.votes', { cast: sv.votes.cast, total: sv.votes.total }),
        )
      : null,
    sv.voted?.some((x) => !x)
      ? h(
          'p',
          { class: 'room-note', 'data-testid': 'room-not-voted' },
          t('room.notVoted', {
            names: sv.voted
              .map((x, seat) => (x ? null : sv.view.players[seat]?.name))
              .filter(Boolean)
              .join(', '),
          }),
        )
      : null,
  );
}

/**
 * The last settled decision: the option (or the council's priorities) chosen and, in vote mode,
 * how the votes split per option and how many did not vote (a vote the facilitator closed).
 */
export function lastResult(scenario: Scenario, sv: SeatView): HTMLElement | null {
  const last = sv.last;
  if (!last) return null;
  const text = (v: Text | undefined) => localize(v, currentLang(), scenario.languages);
  const label = (id: string) => text(last.labels[id] ?? id);
  const chosen =
    last.kind === 'priorities'
      ? t('room.prioritiesChosen', { names: last.chosen.map(label).join(', ') })
      : last.option
        ? t('room.result', { option: label(last.option) })
        : t('room.noChoice');
  return h(
    'div',
    { class: 'room-result', 'data-testid': 'room-result' },
    h('h3', {}, last.title ? text(last.title) : t('room.council')),
    h('p', {}, chosen),
    last.tally
      ? tallyList(
          last.tally,
          last.abstained,
          label,
          last.kind === 'card' ? 'room-split' : 'room-priority-split',
        )
      : null,
  );
}
