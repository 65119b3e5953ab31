/**
 * Whether an action is allowed now, and if not, why: a stable reason code the UI translates and
 * replay checks. `canStep` never changes or draws anything.
 */
import type { Card, Scenario } from '../scenario/schema';
import { isOffered, questionBlock } from './cards';
import { affordable, prioritySetBlock, transferLimit } from './council';
import { type Prepared, prepare } from './prepare';
import type { Action, GameState } from './types';

/** Every reason an action can be refused. */
export type RefusalReason =
  | 'ended'
  | 'wrong-phase'
  | 'wrong-mode'
  | 'roll-instead'
  | 'draw-instead'
  | 'unknown-question'
  | 'already-asked'
  | 'voting-started'
  | 'unaffordable'
  | 'unknown-option'
  | 'option-not-offered'
  | 'unknown-seat'
  | 'already-voted'
  | 'tie-pending'
  | 'no-tie'
  | 'not-tied'
  | 'wrong-count'
  | 'duplicate'
  | 'unknown-priority'
  | 'unknown-resource'
  | 'same-resource'
  | 'bad-amount'
  | 'over-limit'
  | 'unknown-card'
  | 'unknown-deck'
  | 'empty-note'
  | 'no-open-vote'
  | ActorRefusal;

/** Who may send an action (see may-act.ts): `mayAct` gives these, `canStep` never does. */
export type ActorRefusal = 'not-your-turn' | 'not-your-seat' | 'facilitator-only';

export type Verdict = { ok: true } | { ok: false; reason: RefusalReason };

const OK: Verdict = { ok: true };
const no = (reason: RefusalReason): Verdict => ({ ok: false, reason });

export function canStep(scenario: Scenario, state: GameState, action: Action): Verdict {
  const p = state.pending;
  const prepared = prepare(scenario);
  const r = prepared.rules;
  if (action.type === 'note')
    return typeof action.text === 'string' && action.text.trim() !== '' ? OK : no('empty-note');
  if (p.kind === 'ended') return no('ended');
  switch (action.type) {
    case 'roll':
      if (p.kind !== 'turn') return no('wrong-phase');
      return scenario.board ? OK : no('draw-instead');
    case 'draw':
      if (p.kind !== 'turn') return no('wrong-phase');
      return scenario.board ? no('roll-instead') : OK;
    case 'ask': {
      if (p.kind !== 'card') return no('wrong-phase');
      if (p.votes.some((v) => v !== null)) return no('voting-started');
      const block = questionBlock(r, state, prepared.cards.get(p.copy.card)!, action.question, p.asked);
      return block === null ? OK : no(block as RefusalReason);
    }
    case 'choose':
      if (p.kind !== 'card') return no('wrong-phase');
      if (scenario.decision !== 'group') return no('wrong-mode');
      return optionVerdict(prepared, state, p.copy.card, action.option);
    case 'vote': {
      if (p.kind !== 'card') return no('wrong-phase');
      if (scenario.decision !== 'vote') return no('wrong-mode');
      if (p.tie !== null) return no('tie-pending');
      const seat = seatVerdict(state, p.votes, action.seat);
      return seat.ok ? optionVerdict(prepared, state, p.copy.card, action.option) : seat;
    }
    case 'breakTie':
      if (p.kind !== 'card') return no('wrong-phase');
      if (p.tie === null) return no('no-tie');
      return p.tie.includes(action.option) ? OK : no('not-tied');
    case 'invest':
    case 'decline': {
      const offer =
        p.kind === 'invest'
          ? p.investment
          : p.kind === 'council' && p.step === 'investments'
            ? p.offer
            : null;
      if (offer === null) return no('wrong-phase');
      if (action.type === 'decline') return OK;
      const inv = prepared.investments.get(offer);
      return inv && affordable(r, state, inv.investment) ? OK : no('unaffordable');
    }
    case 'setPriorities':
      if (p.kind !== 'council' || p.step !== 'priorities') return no('wrong-phase');
      if (scenario.decision !== 'group') return no('wrong-mode');
      return setVerdict(scenario, action.priorities);
    case 'votePriorities': {
      if (p.kind !== 'council' || p.step !== 'priorities') return no('wrong-phase');
      if (scenario.decision !== 'vote') return no('wrong-mode');
      if (p.tie !== null) return no('tie-pending');
      const seat = seatVerdict(state, p.votes, action.seat);
      return seat.ok ? setVerdict(scenario, action.priorities) : seat;
    }
    case 'breakPriorityTie': {
      if (p.kind !== 'council' || p.step !== 'priorities') return no('wrong-phase');
      if (p.tie === null) return no('no-tie');
      const picks = action.priorities;
      const need = (scenario.priorities?.choose ?? 0) - p.tie.chosen.length;
      if (!Array.isArray(picks) || picks.length !== need) return no('wrong-count');
      if (new Set(picks).size !== picks.length) return no('duplicate');
      return picks.every((id) => p.tie?.tied.includes(id)) ? OK : no('not-tied');
    }
    case 'transfer': {
      if (p.kind !== 'council' || p.step !== 'transfers') return no('wrong-phase');
      if (!prepared.resources.has(action.from) || !prepared.resources.has(action.to))
        return no('unknown-resource');
      if (action.from === action.to) return no('same-resource');
      if (!Number.isInteger(action.amount) || action.amount <= 0) return no('bad-amount');
      return action.amount <= transferLimit(r, state, action.from) ? OK : no('over-limit');
    }
    case 'endTransfers':
      return p.kind === 'council' && p.step === 'transfers' ? OK : no('wrong-phase');
    case 'skipCard':
      return p.kind === 'card' ? OK : no('wrong-phase');
    case 'injectCard':
      if (!prepared.cards.has(action.card)) return no('unknown-card');
      if (action.deck !== undefined && !prepared.decks.has(action.deck)) return no('unknown-deck');
      return OK;
    case 'endNow':
      return OK;
    case 'closeVote':
      return openVote(scenario, state) ? OK : no('no-open-vote');
    default:
      return no('wrong-phase');
  }
}

/** Whether a vote is open now: a card or the council's priorities in vote mode, no tie pending. */
export function openVote(scenario: Scenario, state: GameState): boolean {
  const p = state.pending;
  if (scenario.decision !== 'vote') return false;
  if (p.kind === 'card') return p.tie === null;
  return (
    p.kind === 'council' && p.step === 'priorities' && p.tie === null && scenario.priorities !== undefined
  );
}

function optionVerdict(prepared: Prepared, state: GameState, cardId: string, option: string): Verdict {
  const card = prepared.cards.get(cardId);
  const options = card?.options;
  let known = false;
  if (options) for (let i = 0; i < options.length && !known; i++) known = options[i].id === option;
  if (!known) return no('unknown-option');
  return isOffered(prepared.rules, state, card as Card, option) ? OK : no('option-not-offered');
}

function seatVerdict(state: GameState, votes: readonly unknown[], seat: number): Verdict {
  if (!Number.isInteger(seat) || seat < 0 || seat >= state.players.length) return no('unknown-seat');
  return votes[seat] === null ? OK : no('already-voted');
}

function setVerdict(scenario: Scenario, set: readonly string[]): Verdict {
  if (!Array.isArray(set)) return no('wrong-count');
  const block = prioritySetBlock(scenario, set);
  return block === null ? OK : no(block as RefusalReason);
}
