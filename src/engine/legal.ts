/**
 * `legalActions`: the concrete actions the table may take now, for strategies (the simulator's
 * `random`) and the no-dead-end tests. Facilitator actions are left out, and so are individual
 * transfers (any amount is allowed; a strategy that wants one builds it from the view's
 * limits): at the transfers step `endTransfers` is listed. Priority sets are every combination
 * of `choose` priorities in file order, capped at `MAX_PRIORITY_SETS` (the first ones in
 * lexicographic order) so a scenario with many priorities stays cheap.
 * Every action listed is one `canStep` allows; a game that has not ended always has one.
 */
import type { Scenario } from '../scenario/schema';
import { offeredIds, questionBlock } from './cards';
import { affordable } from './council';
import { prepare } from './prepare';
import type { Action, GameState } from './types';

export const MAX_PRIORITY_SETS = 120;

export function legalActions(scenario: Scenario, state: GameState): Action[] {
  const p = state.pending;
  const prepared = prepare(scenario);
  const r = prepared.rules;
  switch (p.kind) {
    case 'ended':
      return [];
    case 'turn':
      return [scenario.board ? { type: 'roll' } : { type: 'draw' }];
    case 'card': {
      if (p.tie !== null) return p.tie.map((option) => ({ type: 'breakTie', option }));
      const card = prepared.cards.get(p.copy.card)!;
      const out: Action[] = [];
      let votingStarted = false;
      for (let i = 0; i < p.votes.length && !votingStarted; i++) votingStarted = p.votes[i] !== null;
      if (!votingStarted) {
        for (let q = 0; q < card.conversation.length; q++) {
          if (questionBlock(r, state, card, q, p.asked) === null) out.push({ type: 'ask', question: q });
        }
      }
      const offered = offeredIds(r, state, card);
      if (scenario.decision === 'group') {
        for (const option of offered) out.push({ type: 'choose', option });
      } else {
        for (let seat = 0; seat < p.votes.length; seat++) {
          if (p.votes[seat] !== null) continue;
          for (const option of offered) out.push({ type: 'vote', seat, option });
        }
      }
      return out;
    }
    case 'invest': {
      const inv = prepared.investments.get(p.investment);
      const out: Action[] = [];
      if (inv && affordable(r, state, inv.investment)) out.push({ type: 'invest' });
      out.push({ type: 'decline' });
      return out;
    }
    case 'council': {
      if (p.step === 'transfers') return [{ type: 'endTransfers' }];
      if (p.step === 'investments') {
        const inv = p.offer ? prepared.investments.get(p.offer) : undefined;
        const out: Action[] = [];
        if (inv && affordable(r, state, inv.investment)) out.push({ type: 'invest' });
        out.push({ type: 'decline' });
        return out;
      }
      const ids = (scenario.priorities?.options ?? []).map((o) => o.id);
      const choose = scenario.priorities?.choose ?? 0;
      if (p.tie !== null) {
        return combinations(p.tie.tied, choose - p.tie.chosen.length).map((priorities) => ({
          type: 'breakPriorityTie',
          priorities,
        }));
      }
      const sets = combinations(ids, choose);
      if (scenario.decision === 'group')
        return sets.map((priorities) => ({ type: 'setPriorities', priorities }));
      const out: Action[] = [];
      for (let seat = 0; seat < p.votes.length; seat++) {
        if (p.votes[seat] !== null) continue;
        for (const priorities of sets) out.push({ type: 'votePriorities', seat, priorities });
      }
      return out;
    }
  }
}

/** The k-element subsets of `items`, in lexicographic order of positions, at most MAX_PRIORITY_SETS. */
export function combinations<T>(items: readonly T[], k: number, limit = MAX_PRIORITY_SETS): T[][] {
  const out: T[][] = [];
  if (k < 0 || k > items.length) return out;
  const idx = Array.from({ length: k }, (_, i) => i);
  while (out.length < limit) {
    out.push(idx.map((i) => items[i]));
    let i = k - 1;
    while (i >= 0 && idx[i] === items.length - k + i) i--;
    if (i < 0) break;
    idx[i]++;
    for (let j = i + 1; j < k; j++) idx[j] = idx[j - 1] + 1;
  }
  return out;
}
