/**
 * Endings. Immediate endings are checked in list order after every action the table takes and
 * after every round end (and once more when the automatic steps stop at the next player action,
 * so income, event cards or start-space effects end the game before the table acts again).
 * After the last round — or when the facilitator ends the game, marked as stopped early — the first
 * ending in list order whose `when` holds wins, else the fallback (the one without `when`). Role goals are judged on
 * the final state, for every role in play that has a goal.
 */
import type { Scenario } from '../scenario/schema';
import { holds } from './conditions';
import { type Ctx, log } from './draft';
import type { GameState } from './types';

/** The first immediate ending that holds now, or null. */
export function immediateEnding(scenario: Scenario, state: GameState): string | null {
  for (const e of scenario.endings) if (e.immediate && e.when && holds(e.when, state)) return e.id;
  return null;
}

/** The ending after the last round: the first whose `when` holds, else the fallback. */
export function finalEnding(scenario: Scenario, state: GameState): string {
  for (const e of scenario.endings) if (e.when && holds(e.when, state)) return e.id;
  const fallback = scenario.endings.find((e) => !e.when) ?? scenario.endings[scenario.endings.length - 1];
  return fallback.id;
}

/** Each role in play with a goal → whether the goal holds in `state`. */
export function roleGoals(scenario: Scenario, state: GameState): Record<string, boolean> {
  const goals: Record<string, boolean> = {};
  for (const player of state.players) {
    if (player.role === null) continue;
    const role = scenario.roles.find((r) => r.id === player.role);
    if (role?.goal) goals[role.id] = holds(role.goal, state);
  }
  return goals;
}

/** Ends the game with `ending`: goals judged, logged, nothing pending any more. */
export function endGame(ctx: Ctx, ending: string, immediate: boolean, stopped?: number): void {
  const goals = roleGoals(ctx.scenario, ctx.s);
  ctx.s.ending = stopped === undefined ? { id: ending, goals } : { id: ending, goals, stopped };
  ctx.s.pending = { kind: 'ended' };
  ctx.s.inject = [];
  const entry = { at: ctx.s.round, seat: ctx.seat, kind: 'ending' as const, ending, immediate, goals };
  log(ctx, stopped === undefined ? entry : { ...entry, stopped });
}

/** Ends the game when an immediate ending holds; returns whether it did. */
export function checkImmediate(ctx: Ctx): boolean {
  if (ctx.s.pending.kind === 'ended') return true;
  if (!ctx.p.hasImmediate) return false;
  const ending = immediateEnding(ctx.scenario, ctx.s);
  if (ending === null) return false;
  endGame(ctx, ending, true);
  return true;
}

/** Ends the game with the final ending (after the last round, or the facilitator's `endNow`). */
export function endFinal(ctx: Ctx): void {
  endGame(ctx, finalEnding(ctx.scenario, ctx.s), false);
}

/**
 * The facilitator ends the game before its last round is over (a workshop out of time): the
 * ending and the goals are judged on the state as it is, and marked as stopped after the rounds
 * completed, so no screen claims the year was played through.
 */
export function endEarly(ctx: Ctx): void {
  let completed = 0;
  for (const e of ctx.s.log) if (e.kind === 'roundEnd') completed++;
  endGame(ctx, finalEnding(ctx.scenario, ctx.s), false, completed);
}
