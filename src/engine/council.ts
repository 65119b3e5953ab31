/**
 * Council meetings: (1) choose exactly `priorities.choose` priorities, when the scenario has
 * priorities; (2) transfers, when `council.transfers` and there are at least two resources;
 * (3) every investment not yet bought and affordable, offered one at a time in file order (buy
 * or decline). A meeting with none of these to do is skipped and logged.
 *
 * Priorities in vote mode: every seat votes a set of exactly `choose` priorities; the `choose`
 * priorities with the most votes are chosen. When the cut-off ties (the last place shares its
 * count with priorities left out), those above the tie are chosen and the chair (seat 0)
 * completes the set by choosing among the tied ones only (`breakPriorityTie` names just the
 * tied priorities it picks).
 */
import type { Investment, Scenario } from '../scenario/schema';
import type { Ctx } from './draft';
import { costFactor, keepsFloors } from './effects';
import type { CouncilStep, GameState } from './types';

type Rules = Pick<Ctx, 'p'>;

export const COUNCIL_STEPS: readonly CouncilStep[] = ['priorities', 'transfers', 'investments'];

export function hasPriorityStep(scenario: Scenario): boolean {
  return (scenario.priorities?.options.length ?? 0) > 0;
}

export function hasTransferStep(scenario: Scenario): boolean {
  return (scenario.council?.transfers ?? false) && scenario.resources.length >= 2;
}

export function investmentFactor(r: Rules, state: GameState, investment: Investment): number {
  if (state.priorities.length === 0) return 1;
  return costFactor(r, state.priorities, investment.tags);
}

/** Whether paying the investment's cost (after costFactor) keeps every floored resource at or above its floor. */
export function affordable(r: Rules, state: GameState, investment: Investment): boolean {
  return keepsFloors(r, state, investment.cost, investmentFactor(r, state, investment));
}

/** The first investment after file index `after` that is not bought and is affordable, or null. */
export function nextOffer(scenario: Scenario, r: Rules, state: GameState, after: number): string | null {
  const list = scenario.investments;
  for (let i = after + 1; i < list.length; i++) {
    const inv = list[i];
    if (!state.invested.includes(inv.id) && affordable(r, state, inv)) return inv.id;
  }
  return null;
}

/**
 * The first step of a meeting from `from` on (inclusive), with the investment to offer: null
 * when nothing is left to do.
 */
export function firstStep(
  scenario: Scenario,
  r: Rules,
  state: GameState,
  from: CouncilStep,
): { step: CouncilStep; offer: string | null } | null {
  const start = COUNCIL_STEPS.indexOf(from);
  for (let i = start; i < COUNCIL_STEPS.length; i++) {
    const step = COUNCIL_STEPS[i];
    if (step === 'priorities' && hasPriorityStep(scenario)) return { step, offer: null };
    if (step === 'transfers' && hasTransferStep(scenario)) return { step, offer: null };
    if (step === 'investments') {
      const offer = nextOffer(scenario, r, state, -1);
      if (offer !== null) return { step, offer };
    }
  }
  return null;
}

/** The most money a transfer may take from a resource: max(0, balance − (floor or 0)). */
export function transferLimit(r: Rules, state: GameState, from: string): number {
  return Math.max(0, (state.resources[from] ?? 0) - (r.p.floorOf.get(from) ?? 0));
}

/** Why a priority set is not a valid choice, or null: exactly `choose` distinct known priorities. */
export function prioritySetBlock(scenario: Scenario, set: readonly string[]): string | null {
  const options = scenario.priorities?.options ?? [];
  if (set.length !== (scenario.priorities?.choose ?? 0)) return 'wrong-count';
  if (new Set(set).size !== set.length) return 'duplicate';
  for (const id of set) if (!options.some((o) => o.id === id)) return 'unknown-priority';
  return null;
}

/** Puts a priority set in file order, so equal choices give equal states. */
export function inFileOrder(scenario: Scenario, set: readonly string[]): string[] {
  return (scenario.priorities?.options ?? []).map((o) => o.id).filter((id) => set.includes(id));
}

/** Tallies priority votes (see the module comment): the chosen set, or those above the cut-off and the tied ones. */
export function tallyPriorities(
  scenario: Scenario,
  votes: readonly (readonly string[] | null)[],
): { chosen: string[]; tied: string[] | null } {
  const choose = scenario.priorities?.choose ?? 0;
  const order = (scenario.priorities?.options ?? []).map((o) => o.id);
  const counts = new Map<string, number>(order.map((id) => [id, 0]));
  for (const v of votes) for (const id of v ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
  const ranked = [...order].sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0));
  const cut = counts.get(ranked[choose - 1]) ?? 0;
  const above = order.filter((id) => (counts.get(id) ?? 0) > cut);
  const atCut = order.filter((id) => (counts.get(id) ?? 0) === cut);
  if (above.length + atCut.length === choose)
    return { chosen: inFileOrder(scenario, [...above, ...atCut]), tied: null };
  return { chosen: above, tied: atCut };
}
