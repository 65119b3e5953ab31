/**
 * Setup: a new game from a scenario, a seed and the seated players.
 *
 * Players are seated in the order given (seat 0 is the chair). A player's chosen role is kept;
 * the roles nobody chose are shuffled by the `roles` stream and dealt in seat order to the
 * players without one (more players than roles: the last ones get none; more roles than
 * players: only the dealt roles are in play). Tokens start on the first space, decks are
 * shuffled by their own streams, resources and meters are at `start`. Then the automatic steps
 * run up to the first player action: the council meeting before round 1 when `atStart`, else
 * round 1's start and the first turn.
 */

import type { Scenario } from '../scenario/schema';
import { withoutControls } from '../scenario/text';
import { turnActionOf } from './board';
import { setupPiles } from './decks';
import { beginDraft } from './draft';
import { run } from './flow';
import { shuffleInPlace } from './rng';
import type { GameState, Player, PlayerSetup } from './types';

export interface NewGameOptions {
  /** The seed every stream derives from; defaults to the scenario's `seed`, else "0". */
  seed?: string | number;
  players: PlayerSetup[];
}

/** A setup the scenario does not allow; `code` is stable for the UI to translate. */
export class SetupError extends Error {
  constructor(
    readonly code: 'player-count' | 'unknown-role' | 'duplicate-role',
    message: string,
  ) {
    super(message);
  }
}

export function seedOf(scenario: Scenario, seed: string | number | undefined): string {
  return String(seed ?? scenario.seed ?? '0');
}

/** What a setup screen may offer before a game exists: the table size, the roles, how it decides. */
export interface SetupView {
  players: { min: number; max: number };
  /** Role ids in file order (a seat may take one, or the seed deals them). */
  roles: string[];
  decision: 'group' | 'vote';
  turnAction: 'roll' | 'draw';
}

export function setupView(scenario: Scenario): SetupView {
  return {
    players: { min: scenario.players.min, max: scenario.players.max },
    roles: scenario.roles.map((r) => r.id),
    decision: scenario.decision,
    turnAction: turnActionOf(scenario),
  };
}

export function newGame(scenario: Scenario, options: NewGameOptions): GameState {
  const { min, max } = scenario.players;
  const setups = options.players;
  if (setups.length < min || setups.length > max) {
    throw new SetupError('player-count', `this scenario needs ${min}–${max} players, not ${setups.length}`);
  }
  const seed = seedOf(scenario, options.seed);
  const players = seatPlayers(scenario, setups, seed);
  const state = initialState(scenario, seed, players);
  const ctx = beginDraft(scenario, state);
  ctx.seat = null;
  run(ctx, scenario.council?.atStart ? { to: 'council', after: 0, seat: null } : { to: 'roundStart' });
  return ctx.s;
}

function seatPlayers(scenario: Scenario, setups: PlayerSetup[], seed: string): Player[] {
  const known = new Set(scenario.roles.map((r) => r.id));
  const taken = new Set<string>();
  for (const s of setups) {
    if (s.role === undefined) continue;
    if (!known.has(s.role)) {
      throw new SetupError(
        'unknown-role',
        `unknown role "${s.role}" (known: ${[...known].join(', ') || 'none'})`,
      );
    }
    if (taken.has(s.role)) throw new SetupError('duplicate-role', `role "${s.role}" is chosen twice`);
    taken.add(s.role);
  }
  const free = scenario.roles.map((r) => r.id).filter((id) => !taken.has(id));
  // The `roles` stream is used here only, and kept out of the state: a record that names the
  // roles dealt then replays to exactly the same state as the deal did.
  if (free.length > 1 && setups.some((s) => s.role === undefined)) shuffleInPlace(free, {}, seed, 'roles');
  return setups.map((s) => ({
    // A control character or direction override typed or pasted into a name is dropped: it
    // would turn the name and what follows it around on every screen and export.
    name: withoutControls(s.name),
    role: s.role ?? free.shift() ?? null,
    space: 0,
    skip: 0,
  }));
}

/**
 * The state before anything has run: resources and meters at their start, decks shuffled by
 * the seed, round 0, the first seat waiting. `newGame` runs the automatic steps from here; unit
 * tests of single rules start from it too.
 */
export function initialState(scenario: Scenario, seed: string, players: Player[]): GameState {
  const rng: Record<string, number> = {};
  return {
    version: 1,
    seed,
    round: 0,
    players,
    resources: Object.fromEntries(scenario.resources.map((r) => [r.id, r.start])),
    meters: Object.fromEntries(scenario.meters.map((m) => [m.id, m.start])),
    flags: {},
    piles: setupPiles(scenario, rng, seed),
    scheduled: [],
    invested: [],
    priorities: [],
    chosen: [],
    rng,
    inject: [],
    pending: { kind: 'turn', seat: 0 },
    turnSeat: 0,
    log: [],
    ending: null,
    actions: 0,
  };
}
