/**
 * Test helpers: play actions in a row and freeze states deeply, so a test fails loudly if a step
 * ever mutates the state it was given. Test-only: nothing in the engine imports this.
 */
import type { Scenario } from '../scenario/schema';
import { newGame } from './setup';
import { step } from './step';
import type { Action, GameState, LogEntry } from './types';

export function freeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) freeze(v);
  }
  return value;
}

/** Plays the actions one by one on frozen states (a mutation would throw). */
export function play(scenario: Scenario, state: GameState, ...actions: Action[]): GameState {
  let s = state;
  for (const action of actions) s = step(scenario, freeze(s), action);
  return s;
}

export function start(scenario: Scenario, players = 2, seed = 'seed'): GameState {
  return newGame(scenario, { seed, players: Array.from({ length: players }, (_, i) => ({ name: `P${i}` })) });
}

/** The log entries of one kind. */
export function entries<K extends LogEntry['kind']>(
  state: GameState,
  kind: K,
): Extract<LogEntry, { kind: K }>[] {
  return state.log.filter((e): e is Extract<LogEntry, { kind: K }> => e.kind === kind);
}

/** The card on the table, or null. */
export function onTable(state: GameState): string | null {
  return state.pending.kind === 'card' ? state.pending.copy.card : null;
}
