/**
 * The decision on the table as a phone (or the facilitator) sees and operates it in room mode:
 * the card in readable text, its kitchen-table questions, the options to choose or vote on, a
 * tie to break, an investment, and the council's steps. What may be sent comes from the
 * engine's view; the server checks it again (canStep) and refuses what is not this seat's.
 */
import type { Action, Seat } from '../../engine/types';
import type { CardView } from '../../engine/view';
import { prioritiesAction } from '../../engine/view-actions';
import { currentLang, t } from '../../i18n';
import type { SeatView } from '../../room/protocol';
import type { Scenario, Text } from '../../scenario/schema';
import { localize } from '../../scenario/text';
import { h } from '../dom';
import { costText } from '../effects-text';
import { findCard, findInvestment, findPriority } from '../lookup';

/** `seat`: the phone's own seat; 'facilitator': acts for the active seat (or `playFor`). */
export interface Actor {
  seat: Seat | 'facilitator';
  /**
   * The priorities ticked so far, kept by the screen: the panel is rebuilt whenever someone
   * else votes, and a half-made choice must survive that.
   */
  draft?: { key: string; picked: Set<string> };
  /** Seats without a phone, voted for from the facilitator's screen. */
  playFor: Seat[];
}

export function decisionPanel(
  scenario: Scenario,
  sv: SeatView,
  actor: Actor,
  send: (a: Action) => void,
): HTMLElement {
  const text = (v: Text | undefined) => localize(v, currentLang(), scenario.languages);
  const v = sv.view;
  const fac = actor.seat === 'facilitator';
  const mine = (seat: Seat | null) => fac || seat === actor.seat;
  const btn = (key: string, label: string, action: Action, extra: Record<string, string> = {}) =>
    h(
      'button',
      { class: 'btn big', type: 'button', 'data-key': key, ...extra, onclick: () => send(action) },
      label,
    );
  const name = (seat: Seat | null) => (seat === null ? '' : (v.players[seat]?.name ?? ''));

  if (sv.paused) return h('p', { class: 'room-note', 'data-testid': 'room-paused' }, t('room.paused'));
  if (v.phase === 'ended')
    return h('p', { class: 'room-note', 'data-testid': 'room-ended' }, t('room.ended'));
  if (v.phase === 'turn') {
    if (!mine(v.activeSeat) || !v.turnAction)
      return h('p', { class: 'room-note' }, t('room.waitTurn', { name: name(v.activeSeat) }));
    return btn(v.turnAction, t(v.turnAction === 'roll' ? 'room.roll' : 'room.draw'), { type: v.turnAction });
  }
  if (v.card) return cardPanel(scenario, sv, v.card, actor, text, btn);
  if (v.invest) {
    if (!mine(v.activeSeat))
      return h('p', { class: 'room-note' }, t('room.waitTurn', { name: name(v.activeSeat) }));
    return investButtons(scenario, v.invest, btn, text);
  }
  const council = v.council;
  if (!council) return h('div');
  const chair = fac || actor.seat === council.chair || actor.seat === council.seat;
  const title = h('h2', {}, t('room.council'));
  if (council.step === 'investments' && council.offer) {
    if (!chair) return h('div', {}, title, h('p', { class: 'room-note' }, t('room.chairDecides')));
    return h('div', {}, title, investButtons(scenario, council.offer, btn, text));
  }
  if (council.step === 'transfers') {
    if (!chair) return h('div', {}, title, h('p', { class: 'room-note' }, t('room.chairDecides')));
    return h('div', {}, title, btn('end-transfers', t('room.endTransfers'), { type: 'endTransfers' }));
  }
  const pr = council.priorities;
  if (!pr) return title;
  const voter = pr.pick === 'votePriorities' ? (fac ? (actor.playFor[0] ?? null) : actor.seat) : null;
  if (pr.pick === 'votePriorities' && (voter === null || sv.votes?.mine !== null))
    return h('div', {}, title, votesLine(sv));
  if (pr.pick !== 'votePriorities' && !chair)
    return h('div', {}, title, h('p', { class: 'room-note' }, t('room.chairDecides')));
  const draft = actor.draft ?? { key: '', picked: new Set<string>() };
  const key = JSON.stringify([v.round, council.after, pr.pick, pr.candidates]);
  if (draft.key !== key) {
    draft.key = key;
    draft.picked.clear();
  }
  const picked = draft.picked;
  const confirm = h(
    'button',
    {
      class: 'btn big primary',
      type: 'button',
      'data-key': 'confirm-priorities',
      disabled: picked.size !== pr.prioritiesToPick,
      onclick: () => {
        const base = prioritiesAction(pr, [...picked]);
        if (!base) return;
        send(base.type === 'votePriorities' ? { ...base, seat: voter as Seat } : base);
      },
    },
    t('room.confirm', { count: pr.prioritiesToPick }),
  );
  // Handlers through h(): the screen is patched in place (patch.ts), so a kept box or button
  // runs the newest handler; they find their neighbours from the event, not from this build.
  const boxes = pr.candidates.map((id) => {
    const input = h('input', {
      type: 'checkbox',
      'data-priority': id,
      checked: picked.has(id),
      onchange: (e: Event) => {
        const box = e.currentTarget as HTMLInputElement;
        if (box.checked) picked.add(id);
        else picked.delete(id);
        const panel = box.closest('[data-testid=room-priorities]');
        const button = panel?.querySelector<HTMLButtonElement>('[data-key=confirm-priorities]');
        if (button) button.disabled = picked.size !== pr.prioritiesToPick;
      },
    }) as HTMLInputElement;
    return h('label', { class: 'room-check' }, input, text(findPriority(scenario, id).name));
  });
  return h(
    'div',
    { 'data-testid': 'room-priorities' },
    title,
    h('p', {}, t('room.pickPriorities', { count: pr.prioritiesToPick })),
    boxes,
    confirm,
  );
}

type Btn = (key: string, label: string, action: Action, extra?: Record<string, string>) => HTMLButtonElement;

function investButtons(
  scenario: Scenario,
  inv: NonNullable<SeatView['view']['invest']>,
  btn: Btn,
  text: (v: Text | undefined) => string,
): HTMLElement {
  const named = findInvestment(scenario, inv.investment);
  const yes = btn('invest', t('room.invest', { cost: costText(scenario, inv.shownCost, null) }), {
    type: 'invest',
  });
  yes.disabled = !inv.affordable;
  return h(
    'div',
    { class: 'room-invest' },
    h('h2', {}, text(named.name)),
    named.text ? h('p', {}, text(named.text)) : null,
    yes,
    btn('decline', t('room.decline'), { type: 'decline' }),
  );
}

function votesLine(sv: SeatView): HTMLElement {
  const votes = sv.votes;
  return h(
    'p',
    { class: 'room-note', 'data-testid': 'room-votes' },
    votes ? t('room.votes', { cast: votes.cast, total: votes.total }) : '',
  );
}

function cardPanel(
  scenario: Scenario,
  sv: SeatView,
  card: CardView,
  actor: Actor,
  text: (v: Text | undefined) => string,
  btn: Btn,
): HTMLElement {
  const found = findCard(scenario, card.card);
  const fac = actor.seat === 'facilitator';
  const label = (id: string) => text(found.options?.find((o) => o.id === id)?.label ?? id);
  const parts: (HTMLElement | null)[] = [
    h('p', { class: 'kind' }, t(`kind.${found.kind}`)),
    h('h2', { 'data-testid': 'room-card-title' }, text(found.title)),
    found.text ? h('p', { 'data-testid': 'room-card-text' }, text(found.text)) : null,
  ];
  const questions = card.questions.map((q) => {
    const conv = found.conversation[q.index];
    if (q.asked)
      return h(
        'div',
        { class: 'question' },
        h('strong', {}, text(conv?.ask)),
        h('p', { class: 'answer' }, text(conv?.reveals)),
      );
    const b = btn(`ask-${q.index}`, t('room.ask', { question: text(conv?.ask) }), {
      type: 'ask',
      question: q.index,
    });
    b.disabled = !(q.offered && sv.view.allowed.includes('ask'));
    return b;
  });
  if (questions.length > 0)
    parts.push(h('div', { class: 'room-questions', 'data-testid': 'room-questions' }, questions));
  const cost = (id: string) => {
    const o = card.options.find((x) => x.id === id);
    if (!o || sv.view.reveal === 'none') return '';
    return costText(scenario, o.shownCost, sv.view.reveal === 'all' ? o.effects : null);
  };
  const optionButton = (id: string, action: Action, key: string) => {
    const b = btn(key, label(id), action, { 'data-option': id });
    const c = cost(id);
    if (c) b.append(h('span', { class: 'cost' }, c));
    return b;
  };
  const selectable = card.options.filter((o) => o.selectable).map((o) => o.id);
  if (card.pick === 'breakTie') {
    if (fac || actor.seat === card.tieBreaker)
      parts.push(
        h('p', {}, t('room.breakTie')),
        ...selectable.map((id) => optionButton(id, { type: 'breakTie', option: id }, `option-${id}`)),
      );
    else
      parts.push(
        h(
          'p',
          { class: 'room-note' },
          t('room.tieWait', { name: sv.view.players[card.tieBreaker]?.name ?? '' }),
        ),
      );
  } else if (card.pick === 'vote') {
    // The facilitator sees who has voted (never what): it votes for the first played seat still to vote.
    const seat = fac ? (actor.playFor.find((s) => sv.voted?.[s] === false) ?? null) : (actor.seat as Seat);
    const mine = fac ? null : (sv.votes?.mine ?? null);
    if (mine !== null)
      parts.push(
        h(
          'p',
          { class: 'room-note', 'data-testid': 'room-my-vote' },
          t('room.voted', { label: label(String(mine)) }),
        ),
      );
    else if (seat !== null) {
      if (fac) parts.push(h('p', {}, t('room.playFor', { name: sv.view.players[seat]?.name ?? '' })));
      parts.push(
        ...selectable.map((id) => optionButton(id, { type: 'vote', seat, option: id }, `vote-${id}`)),
      );
    }
    parts.push(votesLine(sv));
  } else if (fac || actor.seat === card.seat) {
    parts.push(
      h('p', {}, t('room.chooseTogether')),
      ...selectable.map((id) => optionButton(id, { type: 'choose', option: id }, `option-${id}`)),
    );
  } else {
    parts.push(
      h('p', { class: 'room-note' }, t('room.proposes', { name: sv.view.players[card.seat]?.name ?? '' })),
    );
    parts.push(
      h(
        'ul',
        {},
        selectable.map((id) => h('li', {}, label(id), cost(id) ? ` (${cost(id)})` : '')),
      ),
    );
  }
  return h('div', { class: 'room-card', 'data-testid': 'room-card' }, parts);
}

/** A refusal from the room server in words: the room's own reasons, else a plain "not now" with the code. */
export function refusalText(reason: string): string {
  const known = t(`room.reason.${reason}`, { defaultValue: '' });
  return known || `${t('room.reason.other')} (${reason})`;
}
