/**
 * A card on the table (LOOK-AND-FEEL, "The rhythm of a decision"): kind, title, text, tags; the
 * kitchen-table questions, each revealing its answer in place; big numbered options showing
 * what `reveal` allows; in vote mode a row of voters. Keys: 1–9 choose, Q asks the next question.
 */
import { Mail, Vote } from 'lucide-static';
import type { Action, GameState } from '../engine/types';
import { optionAction } from '../engine/view-actions';
import { currentLang, t } from '../i18n';
import type { Scenario } from '../scenario/schema';
import { localize } from '../scenario/text';
import { initials, playerColour, playerInk } from '../theme/players';
import { h, icon } from './dom';
import { costText } from './effects-text';
import type { CardShown } from './table';

export type KeyedElement = HTMLElement & { onKey?: (e: KeyboardEvent) => boolean };

export function cardHeader(
  scenario: Scenario,
  shown: Pick<CardShown, 'card' | 'scheduled'>,
): (HTMLElement | null)[] {
  const lang = currentLang();
  const text = (v: Parameters<typeof localize>[0]) => localize(v, lang, scenario.languages);
  const { card } = shown;
  return [
    h(
      'div',
      { class: 'kind' },
      h('span', { 'data-testid': 'card-kind' }, t(`kind.${card.kind}`)),
      shown.scheduled ? h('span', { class: 'sealed' }, icon(Mail), t('card.arrived')) : null,
    ),
    h('h1', { id: 'card-title', 'data-testid': 'card-title' }, text(card.title)),
    card.text ? h('p', { 'data-testid': 'card-text' }, text(card.text)) : null,
    card.tags.length > 0
      ? h(
          'div',
          { class: 'tags' },
          card.tags.map((tag) => h('span', { class: 'tag' }, tag)),
        )
      : null,
  ];
}

export function cardDialog(
  scenario: Scenario,
  state: GameState,
  shown: CardShown,
  send: (a: Action) => void,
): KeyedElement {
  const lang = currentLang();
  const text = (v: Parameters<typeof localize>[0]) => localize(v, lang, scenario.languages);
  const votes = shown.votes;
  // Who acts next and what a pick sends are the engine's (view: nextVoter, tieCandidates, pick).
  const votingSeat = shown.nextVoter ?? -1;
  const tieBreaker = shown.tieCandidates ? shown.tieBreaker : -1;

  const questions = shown.questions.map((q) =>
    h(
      'div',
      { class: 'question' },
      q.asked
        ? [
            h('strong', {}, text(q.ask)),
            h('p', { class: 'answer', 'data-testid': `answer-${q.index}` }, text(q.reveals)),
          ]
        : h(
            'button',
            {
              class: 'btn',
              type: 'button',
              'data-key': `ask-${q.index}`,
              disabled: !q.allowed,
              onclick: () => send({ type: 'ask', question: q.index }),
            },
            h('span', { class: 'label' }, t('card.ask', { question: text(q.ask) })),
            h('span', { class: 'cost' }, costText(scenario, q.money, q.effects) || t('card.free')),
          ),
    ),
  );

  const choose = (optionId: string) => {
    const action = optionAction(shown.view, optionId);
    if (action) send(action);
  };
  const selectable = shown.options.filter((o) => o.selectable);
  const options = shown.options.map((o) => {
    const n = selectable.indexOf(o) + 1;
    const cost = costText(scenario, o.money, o.effects);
    const label = text(o.label);
    return h(
      'button',
      {
        class: 'btn option',
        type: 'button',
        'data-key': `option-${o.id}`,
        'data-option': o.id,
        disabled: n === 0,
        'aria-label':
          n > 0
            ? `${t('card.choose', { n, label })}${cost ? `. ${cost}` : ''}`
            : `${label}: ${t('card.notOffered')}`,
        onclick: () => choose(o.id),
      },
      h('span', { class: 'num', 'aria-hidden': 'true' }, n > 0 ? String(n) : '–'),
      h('span', { class: 'label' }, label),
      h('span', { class: 'cost' }, n > 0 ? cost : t('card.notOffered')),
    );
  });

  const voters = votes
    ? h(
        'div',
        { class: 'voters', 'aria-label': t('card.votes') },
        icon(Vote, t('card.votes')),
        state.players.map((p, seat) =>
          h(
            'span',
            {
              class: `voter${seat === votingSeat || seat === tieBreaker ? ' current' : ''}`,
              'data-testid': `voter-${seat}`,
            },
            h(
              'span',
              {
                class: 'swatch',
                style: `background:${playerColour(seat)};color:${playerInk(seat)}`,
                'aria-hidden': 'true',
              },
              initials(p.name),
            ),
            votes[seat] !== null
              ? t('card.voted', { name: p.name })
              : seat === votingSeat
                ? t('card.voteFor', { name: p.name })
                : p.name,
          ),
        ),
      )
    : null;

  const dialog: KeyedElement = h(
    'section',
    { class: 'dialog enter', role: 'dialog', 'aria-labelledby': 'card-title', 'data-testid': 'card' },
    cardHeader(scenario, shown),
    shown.questions.length > 0 ? h('h2', {}, t('card.questions')) : null,
    questions,
    h('h2', {}, t('card.options')),
    voters,
    shown.tieCandidates
      ? h('p', { 'data-testid': 'tie' }, t('card.tie', { name: state.players[shown.tieBreaker]?.name ?? '' }))
      : null,
    h('div', { class: 'options' }, options),
  );
  const first = dialog.querySelector<HTMLElement>('.option:not([disabled])');
  first?.setAttribute('data-autofocus', '');
  dialog.onKey = (e) => {
    if (/^[1-9]$/.test(e.key)) {
      const o = selectable[Number(e.key) - 1];
      if (o) choose(o.id);
      return true;
    }
    if (e.key === 'q' || e.key === 'Q') {
      const q = shown.questions.find((x) => !x.asked && x.allowed);
      if (q) send({ type: 'ask', question: q.index });
      return true;
    }
    return false;
  };
  return dialog;
}
