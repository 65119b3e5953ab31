/**
 * Who may send an action now: `mayAct(scenario, state, by, action)`. `by` is a seat or the
 * facilitator. A seat votes only for itself; the turn, the card's choice, a tie and an
 * investment belong to the active seat; council business to the chair (seat 0) or the seat
 * whose council space called the meeting; anyone may ask a kitchen-table question; the rest
 * (note, skip, bring in a card, end, close a vote) is the facilitator's. The facilitator may
 * also act for any seat (a seat without a phone is played from the console). Then the rules
 * judge the action itself (`canStep`). Every driver — the laptop, the room server, the phone
 * deciding which buttons to show — asks this one function, so they cannot disagree.
 */
import type { Scenario } from '../scenario/schema';
import { type ActorRefusal, canStep, type Verdict } from './refusals';
import type { Action, ActionType, GameState, Seat } from './types';

export type Actor = Seat | 'facilitator';

/** The seat that chairs council meetings (and breaks a tie in the priorities). */
export const CHAIR: Seat = 0;

/** Actions that belong to whoever decides now (the active seat; at a meeting the chair or caller). */
export const DECIDER_ACTIONS: ReadonlySet<ActionType> = new Set<ActionType>([
  'roll',
  'draw',
  'choose',
  'breakTie',
  'invest',
  'decline',
  'setPriorities',
  'breakPriorityTie',
  'transfer',
  'endTransfers',
]);

/** Actions a seat sends for itself: its own vote. */
const OWN_VOTE: ReadonlySet<ActionType> = new Set<ActionType>(['vote', 'votePriorities']);

export function mayAct(scenario: Scenario, state: GameState, by: Actor, action: Action): Verdict {
  const refusal = actorRefusal(state, by, action);
  if (refusal !== null) return { ok: false, reason: refusal };
  return canStep(scenario, state, action);
}

/** Why `by` may not send this action (whatever the rules say of it), or null. */
export function actorRefusal(state: GameState, by: Actor, action: Action): ActorRefusal | null {
  if (by === 'facilitator') return null;
  if (OWN_VOTE.has(action.type)) return (action as { seat: Seat }).seat === by ? null : 'not-your-seat';
  if (action.type === 'ask') return null;
  if (DECIDER_ACTIONS.has(action.type)) return deciders(state).includes(by) ? null : 'not-your-turn';
  return 'facilitator-only';
}

/** The seats that decide now: the active seat; at a council meeting the chair and the seat that called it. */
export function deciders(state: GameState): Seat[] {
  const p = state.pending;
  switch (p.kind) {
    case 'turn':
    case 'card':
    case 'invest':
      return [p.seat];
    case 'council':
      return p.seat === null || p.seat === CHAIR ? [CHAIR] : [CHAIR, p.seat];
    case 'ended':
      return [];
  }
}

/**
 * For each action kind the rules allow now, the seats that may send it (the facilitator may send
 * every one of them, so it is not listed). Facilitator-only kinds are left out.
 */
export function seatsThatMay(
  state: GameState,
  allowed: readonly ActionType[],
): Partial<Record<ActionType, Seat[]>> {
  const out: Partial<Record<ActionType, Seat[]>> = {};
  const p = state.pending;
  const everyone = state.players.map((_, seat) => seat);
  for (const type of allowed) {
    if (OWN_VOTE.has(type)) {
      const votes: readonly unknown[] = p.kind === 'card' || p.kind === 'council' ? p.votes : [];
      out[type] = everyone.filter((seat) => votes[seat] === null);
    } else if (type === 'ask') out[type] = everyone;
    else if (DECIDER_ACTIONS.has(type)) out[type] = deciders(state);
  }
  return out;
}
