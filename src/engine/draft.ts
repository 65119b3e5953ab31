/**
 * The working copy one `step` mutates. A step never changes the state it was given: it starts a
 * draft that shallow-copies the small records (resources, meters, flags, players, streams) and
 * the log array, copies a deck's piles only when that deck is touched, and replaces — never
 * mutates — `pending`, `scheduled`, `invested`, `priorities`, `inject` and the arrays in
 * `chosen`. So per step the cost is a handful of small copies plus one log copy (O(log length),
 * a few hundred entries at most in a workshop game; measured in bench/).
 */
import type { Scenario } from '../scenario/schema';
import { type Prepared, prepare } from './prepare';
import { draw } from './rng';
import type { GameState, LogEntry, Pile, Seat } from './types';

/** Distributes `Omit` over a union, so each log entry kind keeps its own fields. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type NewLogEntry = DistributiveOmit<LogEntry, 'at' | 'seat'>;

export interface Ctx {
  scenario: Scenario;
  p: Prepared;
  s: GameState;
  /** The active seat for log entries and `move`: the turn's player, or null outside a turn. */
  seat: Seat | null;
  touchedPiles: Set<string> | null;
}

export function beginDraft(scenario: Scenario, state: GameState): Ctx {
  const s: GameState = {
    ...state,
    players: state.players.map((pl) => ({ ...pl })),
    resources: { ...state.resources },
    meters: { ...state.meters },
    flags: { ...state.flags },
    piles: { ...state.piles },
    chosen: { ...state.chosen },
    rng: { ...state.rng },
    log: state.log.slice(),
  };
  return { scenario, p: prepare(scenario), s, seat: activeSeat(state), touchedPiles: null };
}

/** The seat whose turn is running, or null at a council meeting between rounds / at the end. */
export function activeSeat(state: GameState): Seat | null {
  const pending = state.pending;
  switch (pending.kind) {
    case 'turn':
    case 'card':
    case 'invest':
      return pending.seat;
    case 'council':
      return pending.seat;
    default:
      return null;
  }
}

/** A deck's piles, copied into the draft on first touch. */
export function pileOf(ctx: Ctx, deck: string): Pile {
  if (!ctx.touchedPiles) ctx.touchedPiles = new Set();
  const current = ctx.s.piles[deck];
  if (ctx.touchedPiles.has(deck)) return current;
  const copy: Pile = { draw: current.draw.slice(), discard: current.discard.slice() };
  ctx.s.piles[deck] = copy;
  ctx.touchedPiles.add(deck);
  return copy;
}

/** Appends a log entry stamped with the round and active seat; returns its index. */
export function log(ctx: Ctx, entry: NewLogEntry): number {
  ctx.s.log.push({ at: ctx.s.round, seat: ctx.seat, ...entry } as LogEntry);
  return ctx.s.log.length - 1;
}

/** One number in [0, 1) from a named stream of the draft. */
export function random(ctx: Ctx, stream: string): number {
  return draw(ctx.s.rng, ctx.s.seed, stream);
}

export function emptyDeltas(): { resources: Record<string, number>; meters: Record<string, number> } {
  return { resources: {}, meters: {} };
}
