/**
 * The engine's contract: the plain-JSON game state, the player actions that move it, the
 * session record that reproduces it, and the log the debrief reads. Everything here is JSON:
 * no classes, Maps, functions or Dates, so a state can be saved, replayed and compared.
 *
 * `step(scenario, state, action) → state` (see step.ts) is the only way a state changes.
 */

/** Seat numbers are 0-based indices into `players` (seat 0 is the chair at council meetings). */
export type Seat = number;

export interface PlayerSetup {
  name: string;
  /** A role id; when left out the seed deals one (see setup.ts). */
  role?: string;
}

export interface Player {
  name: string;
  role: string | null;
  /** Index into scenario.board.spaces; 0 without a board. */
  space: number;
  /** Turns still to skip after landing on a `wait` space. */
  skip: number;
}

/** One copy of a card in a pile. `once` marks a scheduled one-off copy that leaves the game when settled. */
export interface CardCopy {
  card: string;
  once?: boolean;
  /** Index of the log entry whose decision scheduled this copy (the debrief links them). */
  cause?: number;
}

export interface Pile {
  draw: CardCopy[];
  discard: CardCopy[];
}

export interface ScheduledCard {
  card: string;
  deck: string;
  /** The round at whose start it arrives. */
  round: number;
  cause: number;
}

/** State of one named random stream (see rng.ts): the 32-bit mulberry32 state as a plain number. */
export type RngState = number;

/** What happens when a card on the table settles: the turn goes on (`turn`: the player still rolls or draws) or ends. */
export type Resume = 'turn' | 'endTurn';

export type CouncilStep = 'priorities' | 'transfers' | 'investments';

/** What the game is waiting for. */
export type Pending =
  /** The active player rolls (board) or draws (turnDeck). */
  | { kind: 'turn'; seat: Seat }
  /** A card is on the table: ask questions, then choose (group) or vote. */
  | {
      kind: 'card';
      seat: Seat;
      deck: string;
      copy: CardCopy;
      asked: number[];
      /** Vote mode: option id per seat, null while not yet cast ([] in group mode). Questions only before the first vote. */
      votes: (string | null)[];
      /** Vote mode: set when the votes tied; the active player (`seat`) chooses among these. */
      tie: string[] | null;
      /** What follows when this card settles (a facilitator's injected card may come before the roll). */
      resume: Resume;
    }
  /** A token landed on an `invest` space: buy or decline. */
  | { kind: 'invest'; seat: Seat; investment: string }
  /** A council meeting; `after` is the round it follows (0 = before round 1); `step` the part now running. */
  | {
      kind: 'council';
      after: number;
      step: CouncilStep;
      /** Vote mode, priorities step: each seat's chosen set, null while not yet cast. */
      votes: (string[] | null)[];
      /** Vote mode: the priorities above a tied cut-off, and the tied ones the chair (seat 0) completes the set from. */
      tie: { chosen: string[]; tied: string[] } | null;
      /** Investments step: the investment now offered (file order). */
      offer: string | null;
      /** The seat whose turn it was when a `council` space triggered this meeting, else null. */
      seat: Seat | null;
    }
  | { kind: 'ended' };

/** What a table or its facilitator can do: one definition, the zod schema in action.ts. */
export type { Action } from './action';

import type { Action } from './action';

export type ActionType = Action['type'];

/** Money and meter changes of one log entry, by id (only ids that changed). */
export interface Deltas {
  resources: Record<string, number>;
  meters: Record<string, number>;
}

/**
 * The session log: ids and numbers, never rendered text (the facilitator's note is the only free
 * text). `at` is the round (0 before round 1) and `seat` the active seat, when there is one.
 *
 * An entry that applies effects (roundStart, roundEnd, roll, ask, decision, event, invest,
 * transfer) is written before its consequences, so the `schedule`, `refused` and `log` entries
 * its effects cause follow it, and its index is their cause. Every money change is in exactly
 * one entry's `deltas`: summed over the log they give final − start (the money ledger).
 */
export type LogEntry = { at: number; seat: Seat | null } & (
  | { kind: 'roundStart'; round: number; deltas: Deltas }
  | { kind: 'roundEnd'; round: number; deltas: Deltas }
  | { kind: 'roll'; dice: number[]; from: number; to: number; passedStart: number; deltas: Deltas }
  | { kind: 'land'; space: string }
  | { kind: 'skipTurn'; left: number }
  | { kind: 'draw'; deck: string; card: string; scheduled: boolean; cause?: number }
  | { kind: 'drawNothing'; deck: string }
  | { kind: 'ask'; card: string; question: number; deltas: Deltas }
  | {
      kind: 'decision';
      card: string;
      deck: string;
      /** The options offered when it settled (after `when` and floors); `option` null: settled without a choice. */
      offered: string[];
      option: string | null;
      /** Vote mode: each seat's vote; a null one abstained (the facilitator closed the vote, `closeVote`). */
      votes: (string | null)[] | null;
      tieBrokenBy: Seat | null;
      asked: number[];
      deltas: Deltas;
      /** Log indices of the `schedule` entries this decision caused. */
      scheduled: number[];
    }
  | { kind: 'event'; card: string; deltas: Deltas }
  | { kind: 'schedule'; card: string; deck: string; round: number; arrives: boolean; cause: number }
  | { kind: 'arrive'; card: string; deck: string; cause: number }
  | { kind: 'invest'; investment: string; deltas: Deltas; where: 'space' | 'council' }
  | { kind: 'decline'; investment: string; where: 'space' | 'council' }
  | { kind: 'council'; after: number }
  | { kind: 'councilSkipped'; after: number }
  | { kind: 'priorities'; chosen: string[]; votes: (string[] | null)[] | null; tieBrokenBy: Seat | null }
  | { kind: 'transfer'; from: string; to: string; amount: number; deltas: Deltas }
  /** A money change skipped because it would cross the floor (`amount` is the change refused). */
  | { kind: 'refused'; resource: string; amount: number; floor: number }
  | { kind: 'log'; text: import('../scenario/schema').Text }
  | { kind: 'note'; text: string }
  | { kind: 'skipCard'; card: string }
  | { kind: 'inject'; card: string; deck: string }
  | {
      kind: 'ending';
      ending: string;
      immediate: boolean;
      goals: Record<string, boolean>;
      /** The facilitator stopped the game early, after this many completed rounds (see `endNow`). */
      stopped?: number;
    }
);

export interface GameState {
  version: 1;
  /** The seed every random stream is derived from (see rng.ts). */
  seed: string;
  round: number;
  players: Player[];
  resources: Record<string, number>;
  meters: Record<string, number>;
  flags: Record<string, boolean>;
  piles: Record<string, Pile>;
  scheduled: ScheduledCard[];
  invested: string[];
  priorities: string[];
  /**
   * The card/option pairs chosen so far that a `chose` condition of the scenario asks about, as
   * `"<card id>/<option id>"` (ids never hold a slash). The log has every decision.
   */
  chosen: string[];
  /** Random streams by name (`dice`, `chance`, `roles`, `deck:<id>`), created when first used. */
  rng: Record<string, RngState>;
  /** Cards a facilitator injected that wait for the table (see step.ts, `injectCard`). */
  inject: { card: string; deck: string }[];
  pending: Pending;
  /** The seat whose turn is running (or next), used between automatic steps. */
  turnSeat: Seat;
  log: LogEntry[];
  /**
   * How the game ended; `stopped`: the facilitator ended it early, after this many completed
   * rounds, so the ending and the goals are judged on the state at that moment, not on a whole game.
   */
  ending: { id: string; goals: Record<string, boolean>; stopped?: number } | null;
  /** Number of player actions applied so far. */
  actions: number;
}

/** Everything that reproduces a session: seed + scenario + the player actions, in order. */
export interface SessionRecord {
  version: 1;
  scenario: { id: string; hash: string };
  seed: string;
  /** The generator and stream derivation (rng.ts `RNG_VERSION`); absent means the current one. */
  rng?: string;
  players: PlayerSetup[];
  actions: Action[];
}

/** A refused action: the state is unchanged and the reason is a stable code the UI translates. */
export class ActionRefused extends Error {
  constructor(
    readonly code: string,
    readonly action: Action,
  ) {
    super(`action ${action.type} refused: ${code}`);
  }
}
