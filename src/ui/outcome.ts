/**
 * The consequence beat: what the last action did, read from the new log entries — the chosen
 * option stays visible with its changes; a delayed consequence shows as a sealed envelope
 * without saying which; round changes, events, investments and skipped turns get a line each.
 * Continue with Enter.
 */
import { Mail } from 'lucide-static';
import type { GameState, LogEntry } from '../engine/types';
import { currentLang, t } from '../i18n';
import type { Scenario } from '../scenario/schema';
import { localize } from '../scenario/text';
import type { KeyedElement } from './card';
import { h, icon } from './dom';
import { changeChips } from './effects-text';
import { roundText, stoppedText } from './hud';
import { findCard, findInvestment, findPriority } from './lookup';

export function outcomePanel(
  scenario: Scenario,
  state: GameState,
  entries: LogEntry[],
  onContinue: () => void,
): KeyedElement {
  const lang = currentLang();
  const text = (v: Parameters<typeof localize>[0]) => localize(v, lang, scenario.languages);
  const name = (seat: number | null) => (seat !== null ? (state.players[seat]?.name ?? '') : '');
  const parts: (HTMLElement | null)[] = [];
  let title = '';
  for (const e of entries) {
    switch (e.kind) {
      case 'decision': {
        const card = findCard(scenario, e.card);
        title ||= text(card.title);
        parts.push(
          h('div', { class: 'kind' }, t(`kind.${card.kind}`)),
          h('h1', { id: 'outcome-title', 'data-testid': 'outcome-title' }, text(card.title)),
        );
        const option = card.options?.find((o) => o.id === e.option);
        if (option) {
          parts.push(
            h(
              'div',
              { class: 'btn option chosen', 'data-testid': 'chosen-option' },
              h('span', { class: 'num', 'aria-hidden': 'true' }, '✓'),
              h('span', { class: 'label' }, `${t('card.chosen')}: ${text(option.label)}`),
            ),
          );
        }
        if (e.votes) {
          const split = new Set(e.votes.filter(Boolean)).size > 1;
          parts.push(
            h(
              'p',
              { 'data-testid': 'vote-result' },
              `${t('card.votes')}: ${e.votes
                .map(
                  (v, seat) =>
                    `${name(seat)} → ${text(card.options?.find((o) => o.id === v)?.label ?? v ?? '')}`,
                )
                .join(' · ')}${split ? ` (${t('debrief.split')})` : ''}`,
            ),
          );
        }
        const chips = changeChips(scenario, e.deltas, 'outcome');
        parts.push(
          h('div', { class: 'outcome' }, chips.length > 0 ? chips : h('span', {}, t('card.noEffect'))),
        );
        const arriving = e.scheduled.some((i) => {
          const s = state.log[i];
          return s?.kind === 'schedule' && s.arrives;
        });
        if (arriving)
          parts.push(
            h('p', { class: 'sealed', 'data-testid': 'consequences' }, icon(Mail), t('card.consequences')),
          );
        break;
      }
      case 'event': {
        const card = findCard(scenario, e.card);
        title ||= text(card.title);
        parts.push(
          h('div', { class: 'kind' }, t('kind.event')),
          h('h1', { id: 'outcome-title', 'data-testid': 'outcome-title' }, text(card.title)),
          card.text ? h('p', {}, text(card.text)) : null,
          h('div', { class: 'outcome' }, changeChips(scenario, e.deltas, 'outcome')),
        );
        break;
      }
      case 'invest':
      case 'decline': {
        const label = text(findInvestment(scenario, e.investment).name);
        parts.push(
          h(
            'h2',
            { 'data-testid': 'outcome-invest' },
            `${e.kind === 'invest' ? t('invest.buy') : t('invest.decline')}: ${label}`,
          ),
        );
        if (e.kind === 'invest')
          parts.push(h('div', { class: 'outcome' }, changeChips(scenario, e.deltas, 'outcome')));
        break;
      }
      case 'priorities': {
        const names = e.chosen.map((id) => text(findPriority(scenario, id).name));
        parts.push(
          h('h2', {}, t('hud.priorities')),
          h('p', { 'data-testid': 'outcome-priorities' }, names.join(' · ')),
        );
        break;
      }
      case 'skipTurn':
        parts.push(
          h(
            'p',
            {},
            e.left > 0
              ? t('turn.waiting', { name: name(e.seat), count: e.left })
              : t('turn.skip', { name: name(e.seat) }),
          ),
        );
        break;
      case 'drawNothing':
        parts.push(h('p', {}, t('card.nothing')));
        break;
      case 'log':
        parts.push(h('p', {}, text(e.text)));
        break;
      case 'roundEnd':
        parts.push(
          h(
            'p',
            { class: 'round-line', 'data-testid': 'round-end' },
            t('round.end', { label: roundText(scenario, e.round) }),
          ),
        );
        break;
      case 'roundStart':
        parts.push(
          h(
            'h2',
            { class: 'round-line', 'data-testid': 'round-start' },
            t('round.start', { label: roundText(scenario, e.round) }),
          ),
        );
        break;
      // The facilitator's own steps: said, so the beat is never an empty dialog.
      case 'skipCard':
      case 'inject': {
        const skip = e.kind === 'skipCard';
        parts.push(
          h(
            'p',
            { 'data-testid': skip ? 'outcome-skip' : 'outcome-inject' },
            `${t(skip ? 'export.kindSkip' : 'export.kindInject')}: ${text(findCard(scenario, e.card).title)}`,
          ),
        );
        break;
      }
      case 'ending':
        parts.push(
          h(
            'h2',
            { 'data-testid': 'outcome-ending' },
            e.stopped === undefined ? t('ending.title') : stoppedText({ scenario }, e.stopped),
          ),
        );
        break;
      default:
        break;
    }
  }
  const button = h(
    'button',
    {
      class: 'btn primary',
      type: 'button',
      'data-key': 'continue',
      'data-autofocus': true,
      onclick: onContinue,
    },
    t('card.continue'),
  );
  const panel: KeyedElement = h(
    'section',
    {
      class: 'dialog',
      role: 'dialog',
      'aria-labelledby': 'outcome-title',
      'aria-label': title || t('card.effects'),
      'data-testid': 'outcome',
    },
    parts,
    h('div', { class: 'actions' }, button),
  );
  panel.onKey = (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      onContinue();
      return true;
    }
    return false;
  };
  return panel;
}
