/**
 * The decision on the table as a phone (or the facilitator) sees and operates it in room mode:
 * the card in readable text, its kitchen-table questions, the options to choose or vote on, a
 * tie to break, an investment, and the council's steps. The card's texts come in the seat view
 * (a phone has no cards); who may send what comes from the engine's view (`mayAct`, per action
 * kind); the server asks the engine again (mayAct) and refuses what is not this seat's.
 */
import type { Action, ActionType, Seat } from '../../engine/types';
import type { CardView } from '../../engine/view';
import { prioritiesAction } from '../../engine/view-actions';
import { currentLang, t } from '../../i18n';
import type { SeatView } from '../../protocol/room';
import type { Scenario, Text } from '../../scenario/schema';
import { localize } from '../../scenario/text';
import { h } from '../dom';
import { costText } from '../effects-text';
import { findInvestment, findPriority } from '../lookup';
import { transferForm } from '../transfer-form';

/** `seat`: the phone's own seat; 'facilitator': acts for the active seat (or `playFor`). */
export interface Actor {
  seat: Seat | 'facilitator';
  /**
   * The priorities ticked so far, kept by the screen: the panel is rebuilt whenever someone
   * else votes, and a half-made choice must survive that.
   */
  draft?: { key: string; picked: Set<string> };
  /**
   * The money form being filled in, kept by the screen for the same reason: a repaint puts the
   * same element back (patch.ts moves it, never rewrites it), so a typed amount survives.
   */
  transfer?: KeptTransfer;
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
  const fac = typeof actor.seat !== 'number';
  // The engine says which seats may send each kind of action now; the facilitator may send all.
  const may = (type: ActionType | null) => fac || (type !== null && mayFor(sv, type, actor.seat));
  const btn = (key: string, label: string, action: Action, extra: Record<string, string> = {}) =>
    h(
      'button',
      { class: 'btn big', type: 'button', 'data-key': key, ...extra, onclick: () => send(action) },
      label,
    );
  const name = (seat: Seat | null) => v.players[seat ?? -1]?.name ?? '';

  if (sv.paused) return h('p', { class: 'room-note', 'data-testid': 'room-paused' }, t('room.paused'));
  if (v.phase === 'ended')
    return h('p', { class: 'room-note', 'data-testid': 'room-ended' }, t('room.ended'));
  if (v.phase === 'turn') {
    if (!may(v.turnAction) || !v.turnAction)
      return h('p', { class: 'room-note' }, t('room.waitTurn', { name: name(v.activeSeat) }));
    return btn(v.turnAction, t(v.turnAction === 'roll' ? 'room.roll' : 'room.draw'), { type: v.turnAction });
  }
  if (v.card && sv.card) return cardPanel(scenario, sv, v.card, sv.card, actor, text, btn);
  if (v.invest) {
    if (!may('decline'))
      return h('p', { class: 'room-note' }, t('room.waitTurn', { name: name(v.activeSeat) }));
    return investButtons(scenario, v.invest, btn, text);
  }
  const council = v.council;
  if (!council) return h('div');
  const title = h('h2', {}, t('room.council'));
  if (council.step === 'investments' && council.offer) {
    if (!may('decline')) return h('div', {}, title, h('p', { class: 'room-note' }, t('room.chairDecides')));
    return h('div', {}, title, investButtons(scenario, council.offer, btn, text));
  }
  if (council.step === 'transfers') {
    if (!may('endTransfers'))
      return h('div', {}, title, h('p', { class: 'room-note' }, t('room.chairDecides')));
    // The form only while the engine lets money move (some budget can give) and lets this screen.
    const movable = (v.mayAct.transfer ?? []).length > 0 && may('transfer');
    return h(
      'div',
      { 'data-testid': 'room-transfers' },
      title,
      movable ? keptTransferForm(scenario, sv, actor, send) : null,
      // Beside the form the laptop's "done"; without it, "move no money, go on".
      btn('end-transfers', t(movable ? 'council.doneTransfers' : 'room.endTransfers'), {
        type: 'endTransfers',
      }),
    );
  }
  const pr = council.priorities;
  if (!pr) return title;
  // A vote: this phone's seat while it may still vote; the facilitator votes for a played seat.
  const voter = pr.pick === 'votePriorities' ? voterFor(sv, 'votePriorities', actor) : null;
  if (pr.pick === 'votePriorities' && voter === null) return h('div', {}, title, votesLine(sv));
  if (pr.pick !== 'votePriorities' && !may(pr.pick))
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
    fac && voter !== null ? h('p', {}, t('room.playFor', { name: v.players[voter]?.name ?? '' })) : null,
    h('p', {}, t('room.pickPriorities', { count: pr.prioritiesToPick })),
    boxes,
    confirm,
  );
}

export interface KeptTransfer {
  key: string;
  form: HTMLElement | null;
}

let formsBuilt = 0;

/** The laptop's transfer form (transfer-form.ts), built again only when the money or the meeting changed. */
function keptTransferForm(
  scenario: Scenario,
  sv: SeatView,
  actor: Actor,
  send: (a: Action) => void,
): HTMLElement {
  const v = sv.view;
  const limits = v.council?.transferLimits ?? {};
  const balances = Object.fromEntries(v.resources.map((r) => [r.id, r.value]));
  const kept = actor.transfer ?? { key: '', form: null };
  const key = JSON.stringify([v.round, v.council?.after, limits, balances, currentLang()]);
  if (kept.key !== key || !kept.form) {
    kept.key = key;
    kept.form = transferForm({ scenario, balances, limits, send, big: true });
    // A key of its own, so patch.ts swaps the old form for this one instead of patching it
    // (patched, the old fields would run this form's handlers, which read this form's fields).
    kept.form.setAttribute('data-key', `transfer-form-${++formsBuilt}`);
  }
  return kept.form;
}

/** Whether the engine lists this seat among those that may send this kind of action now. */
function mayFor(sv: SeatView, type: ActionType, seat: Seat | 'facilitator'): boolean {
  return typeof seat !== 'number' || (sv.view.mayAct[type] ?? []).includes(seat);
}

/** Who votes from this screen: its own seat while it may; for the facilitator, the first played seat that may. */
function voterFor(sv: SeatView, type: 'vote' | 'votePriorities', actor: Actor): Seat | null {
  const may = sv.view.mayAct[type] ?? [];
  const seats = typeof actor.seat !== 'number' ? actor.playFor : [actor.seat];
  return seats.find((seat) => may.includes(seat)) ?? null;
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
  shown: NonNullable<SeatView['card']>,
  actor: Actor,
  text: (v: Text | undefined) => string,
  btn: Btn,
): HTMLElement {
  const fac = typeof actor.seat !== 'number';
  const label = (id: string) => text(shown.options.find((o) => o.id === id)?.label ?? id);
  const nameOf = (seat: Seat | undefined) => sv.view.players[seat ?? -1]?.name ?? '';
  const parts: (HTMLElement | null)[] = [
    h('p', { class: 'kind' }, t(`kind.${shown.kind}`)),
    h('h2', { 'data-testid': 'room-card-title' }, text(shown.title)),
    shown.text ? h('p', { 'data-testid': 'room-card-text' }, text(shown.text)) : null,
  ];
  const questions = card.questions.map((q) => {
    const conv = shown.questions[q.index];
    if (q.asked)
      return h(
        'div',
        { class: 'question' },
        h('strong', {}, text(conv?.ask)),
        h('p', { class: 'answer' }, text(conv?.reveals ?? undefined)),
      );
    const b = btn(`ask-${q.index}`, t('room.ask', { question: text(conv?.ask) }), {
      type: 'ask',
      question: q.index,
    });
    b.disabled = !(q.offered && mayFor(sv, 'ask', actor.seat));
    return b;
  });
  if (questions.length > 0)
    parts.push(h('div', { class: 'room-questions', 'data-testid': 'room-questions' }, questions));
  // The seat view carries only what the scenario's `reveal` shows: money, every effect, or nothing.
  const cost = (id: string) => {
    const o = card.options.find((x) => x.id === id);
    return o ? costText(scenario, o.shownCost, o.effects.length > 0 ? o.effects : null) : '';
  };
  const optionButton = (id: string, action: Action, key: string) => {
    const b = btn(key, label(id), action, { 'data-option': id });
    const c = cost(id);
    if (c) b.append(h('span', { class: 'cost' }, c));
    return b;
  };
  const selectable = card.options.filter((o) => o.selectable).map((o) => o.id);
  if (card.pick === 'breakTie') {
    if (mayFor(sv, 'breakTie', actor.seat))
      parts.push(
        h('p', {}, t('room.breakTie')),
        ...selectable.map((id) => optionButton(id, { type: 'breakTie', option: id }, `option-${id}`)),
      );
    else
      parts.push(
        h('p', { class: 'room-note' }, t('room.tieWait', { name: nameOf(sv.view.mayAct.breakTie?.[0]) })),
      );
    if (sv.count?.tally) parts.push(tallyList(sv.count.tally, sv.count.total - sv.count.cast, label));
  } else if (card.pick === 'vote') {
    // The facilitator sees who has voted (never what): it votes for the first played seat still to vote.
    const seat = voterFor(sv, 'vote', actor);
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
      if (fac) parts.push(h('p', {}, t('room.playFor', { name: nameOf(seat) })));
      parts.push(
        ...selectable.map((id) => optionButton(id, { type: 'vote', seat, option: id }, `vote-${id}`)),
      );
    }
    parts.push(votesLine(sv));
  } else if (mayFor(sv, 'choose', actor.seat)) {
    parts.push(
      h('p', {}, t('room.chooseTogether')),
      ...selectable.map((id) => optionButton(id, { type: 'choose', option: id }, `option-${id}`)),
    );
  } else {
    parts.push(
      h('p', { class: 'room-note' }, t('room.proposes', { name: nameOf(sv.view.mayAct.choose?.[0]) })),
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

/** A counted vote's split per option, and how many did not vote (a closed vote). */
export function tallyList(
  tally: Record<string, number>,
  abstained: number,
  label: (id: string) => string,
  testid = 'room-split',
): HTMLElement {
  return h(
    'ul',
    { 'data-testid': testid },
    Object.entries(tally).map(([id, count]) => h('li', {}, t('room.split', { option: label(id), count }))),
    abstained > 0
      ? h('li', { 'data-testid': 'room-abstained' }, t('room.abstained', { count: abstained }))
      : null,
  );
}

/** A refusal from the room server in words: the room's own reasons, else a plain "not now" with the code. */
export function refusalText(reason: string): string {
  const known = t(`room.reason.${reason}`, { defaultValue: '' });
  return known || `${t('room.reason.other')} (${reason})`;
}
