/**
 * The working copy one `step` mutates. A step never changes the state it was given: the draft
 * is a shallow copy whose records (resources, meters, flags, streams, the log, each
 * player, each deck's piles) are copied on their first write (`own`, `playerOf`, `pileOf`, `drawPileOf`, `discardPileOf`),
 * and whose `pending`, `scheduled`, `invested`, `priorities`, `inject` and `chosen` are
 * replaced, never mutated. The log is copied once per step that logs (O(length):
 * a few hundred entries at most in a workshop game; the bench measures it).
 */
import type { Scenario } from '../scenario/schema';
import { type Prepared, prepare } from './prepare';
import { draw } from './rng';
import type { CardCopy, GameState, LogEntry, Pile, Player, Seat } from './types';

export interface Ctx {
  scenario: Scenario;
  p: Prepared;
  s: GameState;
  /** The active seat for log entries and `move`: the turn's player, or null outside a turn. */
  seat: Seat | null;
  /** Per deck, which parts of its piles this draft already copied (bits, see `touch`). */
  touchedPiles: Record<string, number> | null;
  /** Which records of `s` are already this draft's own copies (copy on first write). */
  owned: Owned;
}

interface Owned {
  resources: boolean;
  meters: boolean;
  flags: boolean;
  rng: boolean;
  log: boolean;
  players: boolean[] | null;
}

/**
 * Starts a draft of `state`. With `consume`, the caller hands the state over (it will never
 * look at it again: the simulator, replay, setup): the draft then is that very state and is
 * changed in place, with no copies at all.
 */
export function beginDraft(scenario: Scenario, state: GameState, consume = false): Ctx {
  if (consume) return consumeDraft(scenario, state);
  // An explicit literal: much faster than a spread in the hot path (see bench/).
  const s: GameState = {
    version: state.version,
    seed: state.seed,
    round: state.round,
    players: state.players,
    resources: state.resources,
    meters: state.meters,
    flags: state.flags,
    piles: state.piles,
    scheduled: state.scheduled,
    invested: state.invested,
    priorities: state.priorities,
    chosen: state.chosen,
    rng: state.rng,
    inject: state.inject,
    pending: state.pending,
    turnSeat: state.turnSeat,
    log: state.log,
    ending: state.ending,
    actions: state.actions,
  };
  const owned: Owned = {
    resources: false,
    meters: false,
    flags: false,
    rng: false,
    log: false,
    players: null,
  };
  return { scenario, p: prepare(scenario), s, seat: activeSeat(state), touchedPiles: null, owned };
}

function consumeDraft(scenario: Scenario, state: GameState): Ctx {
  const owned: Owned = {
    resources: true,
    meters: true,
    flags: true,
    rng: true,
    log: true,
    players: state.players.map(() => true),
  };
  const touchedPiles: Record<string, number> = {};
  for (const deck in state.piles) touchedPiles[deck] = PILE | DRAW | DISCARD;
  return { scenario, p: prepare(scenario), s: state, seat: activeSeat(state), touchedPiles, owned };
}

type OwnedRecord = 'resources' | 'meters' | 'flags' | 'rng';

/**
 * A record of the draft, copied on first write so the given state stays untouched. One copy
 * function per record keeps each copy site monomorphic (fast in V8).
 */
export function own<K extends OwnedRecord>(ctx: Ctx, key: K): GameState[K] {
  if (!ctx.owned[key]) {
    const s = ctx.s;
    if (key === 'resources') s.resources = { ...s.resources };
    else if (key === 'meters') s.meters = { ...s.meters };
    else if (key === 'rng') s.rng = { ...s.rng };
    else s.flags = { ...s.flags };
    ctx.owned[key] = true;
  }
  return ctx.s[key];
}

/** A player of the draft, copied on first write. */
export function playerOf(ctx: Ctx, seat: Seat): Player {
  let mine = ctx.owned.players;
  if (!mine) {
    ctx.s.players = ctx.s.players.slice();
    mine = ctx.owned.players = ctx.s.players.map(() => false);
  }
  if (!mine[seat]) {
    ctx.s.players[seat] = { ...ctx.s.players[seat] };
    mine[seat] = true;
  }
  return ctx.s.players[seat];
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

/** Bits of `Ctx.touchedPiles`: which parts of a deck's piles the draft already copied. */
const PILE = 1;
const DRAW = 2;
const DISCARD = 4;

function touch(ctx: Ctx, deck: string, parts: number): Pile {
  if (!ctx.touchedPiles) {
    ctx.touchedPiles = {};
    ctx.s.piles = { ...ctx.s.piles };
  }
  const done = ctx.touchedPiles[deck] ?? 0;
  let pile = ctx.s.piles[deck];
  if ((done & PILE) === 0) {
    pile = { draw: pile.draw, discard: pile.discard };
    ctx.s.piles[deck] = pile;
  }
  if (parts & DRAW && (done & DRAW) === 0) pile.draw = pile.draw.slice();
  if (parts & DISCARD && (done & DISCARD) === 0) pile.discard = pile.discard.slice();
  ctx.touchedPiles[deck] = done | PILE | parts;
  return pile;
}

/** A deck's piles, both copied into the draft on first touch. */
export function pileOf(ctx: Ctx, deck: string): Pile {
  return touch(ctx, deck, DRAW | DISCARD);
}

/** A deck's draw pile (top at the end), copied into the draft on first touch. */
export function drawPileOf(ctx: Ctx, deck: string): CardCopy[] {
  return touch(ctx, deck, DRAW).draw;
}

/** A deck's discard pile, copied into the draft on first touch. */
export function discardPileOf(ctx: Ctx, deck: string): CardCopy[] {
  return touch(ctx, deck, DISCARD).discard;
}

/**
 * Appends a log entry; returns its index. Callers write `at: ctx.s.round, seat: ctx.seat` first
 * in the literal (the round and the active seat): a complete literal keeps one object shape per
 * entry kind, which measurably beats stamping or spreading in the hot path.
 */
export function log(ctx: Ctx, entry: LogEntry): number {
  if (!ctx.owned.log) {
    ctx.s.log = ctx.s.log.slice();
    ctx.owned.log = true;
  }
  ctx.s.log.push(entry);
  return ctx.s.log.length - 1;
}

/** One number in [0, 1) from a named stream of the draft. */
export function random(ctx: Ctx, stream: string): number {
  return draw(own(ctx, 'rng'), ctx.s.seed, stream);
}

export function emptyDeltas(): { resources: Record<string, number>; meters: Record<string, number> } {
  return { resources: {}, meters: {} };
}
