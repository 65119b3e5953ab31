/**
 * The session record — seed + scenario + players + actions — is the truth of a session; a state
 * is a cache of replaying it.
 *
 * `undo` goes back to the moment before the last decision settled: it removes the actions back
 * to and including the last decision action, and everything after it (a roll that followed, a
 * note). Decision actions: `choose`, `vote`, `breakTie`, `invest`, `decline`, `setPriorities`,
 * `votePriorities`, `breakPriorityTie`, `transfer`, `closeVote`. A whole vote is one decision: all
 * its votes, the facilitator's closing of it and its tie-break go (also the votes of a vote still in progress); questions asked before the
 * first vote stay, as do facilitator notes made before it.
 */
import type { Scenario } from '../scenario/schema';
import { logChain } from './draft';
import { RNG_VERSION } from './rng';
import { newGame } from './setup';
import { step } from './step';
import type { Action, GameState, PlayerSetup, SessionRecord } from './types';

export function newRecord(
  scenario: Scenario,
  hash: string,
  seed: string,
  players: PlayerSetup[],
  actions: Action[] = [],
): SessionRecord {
  return { version: 1, scenario: { id: scenario.id, hash }, seed, rng: RNG_VERSION, players, actions };
}

/** A new record with `action` appended (the given record is not changed). */
export function appendAction(record: SessionRecord, action: Action): SessionRecord {
  return { ...record, actions: [...record.actions, action] };
}

/** Why a record cannot be replayed on this engine at all (before any action), or null. */
export function rngMismatch(record: SessionRecord): string | null {
  if (record.rng === undefined || record.rng === RNG_VERSION) return null;
  return `this session was recorded with random generator ${record.rng}, this engine has ${RNG_VERSION}`;
}

/**
 * Rebuilds the state: a new game from the record's seed and players, then every action in order.
 * Linear in the record: the states in between are dropped, so each step appends to the log the
 * step before made (a `LogChain`) instead of copying it.
 */
export function replay(scenario: Scenario, record: SessionRecord): GameState {
  const result = replayUntilRefused(scenario, record);
  if ('error' in result) throw result.error;
  return result.state;
}

/**
 * `replay`, or the index of the first action that fails and its error (-1: the game cannot be
 * set up, or the record's random generator is not this engine's) — in one pass, for a session
 * file's located problem.
 */
export function replayUntilRefused(
  scenario: Scenario,
  record: SessionRecord,
): { state: GameState } | { index: number; error: unknown } {
  const mismatch = rngMismatch(record);
  if (mismatch) return { index: -1, error: new Error(mismatch) };
  let state: GameState;
  try {
    state = newGame(scenario, { seed: record.seed, players: record.players });
  } catch (error) {
    return { index: -1, error };
  }
  const chain = logChain();
  const { actions } = record;
  for (let i = 0; i < actions.length; i++) {
    try {
      state = step(scenario, state, actions[i]!, chain);
    } catch (error) {
      return { index: i, error };
    }
  }
  return { state };
}

const DECISIONS = new Set<Action['type']>([
  'choose',
  'vote',
  'breakTie',
  'invest',
  'decline',
  'setPriorities',
  'votePriorities',
  'breakPriorityTie',
  'transfer',
  'closeVote',
]);

/** Where each decision action's decision begins: a vote's first vote, else the action itself. */
export function decisionStarts(record: SessionRecord): number[] {
  const seats = record.players.length;
  const starts: number[] = [];
  let open: { kind: 'vote' | 'votePriorities'; start: number; count: number } | null = null;
  // kind null: a vote closed before anyone voted (either kind's tie-break belongs to it).
  let lastClosed: { kind: 'vote' | 'votePriorities' | null; start: number } | null = null;
  record.actions.forEach((a, i) => {
    if (a.type === 'vote' || a.type === 'votePriorities') {
      if (!open || open.kind !== a.type) open = { kind: a.type, start: i, count: 0 };
      open.count++;
      starts[i] = open.start;
      if (open.count === seats) {
        lastClosed = { kind: open.kind, start: open.start };
        open = null;
      }
      return;
    }
    if (a.type === 'closeVote') {
      // The facilitator closed the vote: the close belongs to it, as a last vote would.
      const current = open as { kind: 'vote' | 'votePriorities'; start: number } | null;
      starts[i] = current ? current.start : i;
      lastClosed = { kind: current ? current.kind : null, start: starts[i] };
      open = null;
      return;
    }
    if (a.type === 'breakTie' || a.type === 'breakPriorityTie') {
      const kind = a.type === 'breakTie' ? 'vote' : 'votePriorities';
      const closed = lastClosed as { kind: string | null; start: number } | null;
      starts[i] = closed && (closed.kind === kind || closed.kind === null) ? closed.start : i;
      lastClosed = null;
      return;
    }
    if (a.type === 'note') {
      starts[i] = i;
      return;
    }
    // Any other action ends a vote in progress (skipCard, a roll after a settled vote...).
    open = null;
    if (a.type !== 'injectCard') lastClosed = null;
    starts[i] = i;
  });
  return starts;
}

/** The record without its last decision (see the module comment); unchanged when there is none. */
export function undo(_scenario: Scenario, record: SessionRecord): SessionRecord {
  const starts = decisionStarts(record);
  for (let i = record.actions.length - 1; i >= 0; i--) {
    if (DECISIONS.has(record.actions[i].type)) {
      return { ...record, actions: record.actions.slice(0, starts[i]) };
    }
  }
  return record;
}

/** Whether the record holds a decision `undo` can take back. */
export function canUndo(record: SessionRecord): boolean {
  return record.actions.some((a) => DECISIONS.has(a.type));
}
