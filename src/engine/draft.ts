/**
 * The working copy one `step` mutates. A step never changes the state it was given: the draft
 * is a shallow copy whose records (resources, meters, flags, streams, the log, each
 * player, each deck's piles) are copied on their first write (`own`, `playerOf`, `pileOf`, `drawPileOf`, `discardPileOf`),
 * and whose `pending`, `scheduled`, `invested`, `priorities`, `inject` and `chosen` are
 * replaced, never mutated. The log is copied once per step that logs (O(length)), except in a
 * `LogChain`: a loop that drops each state for the next (replay, a simulated game) lets each step
 * append to the log its previous step made, which keeps a replay of 200,000 notes linear.
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
  /**
   * Which records of `s` are already this draft's own copies (copy on first write). Plain
   * fields rather than a record keyed by name: each check is one monomorphic property read.
   */
  ownResources: boolean;
  ownMeters: boolean;
  ownFlags: boolean;
  ownRng: boolean;
  ownLog: boolean;
  /** Per seat, whether the player is already copied; null while `players` itself is not. */
  ownPlayers: boolean[] | null;
  /** Whether the `piles` record itself is the draft's copy. */
  ownPilesRecord: boolean;
  /**
   * Which parts of a deck's piles this draft already copied (bits, see `touch`): the first deck
   * touched in plain fields (a step rarely touches more than one), any further one in a record.
   */
  firstDeck: string | null;
  firstDeckParts: number;
  touchedPiles: Record<string, number> | null;
}

/**
 * A loop that steps each state once and then drops it (`replay`, `playGame`): the log the last
 * step produced is referenced by that step's result only, so the next step may append to it
 * instead of copying it. The chain knows the one state allowed to do so; any other state (an
 * earlier one, one made outside the chain, one that shares the log) copies as usual. Create one
 * per loop with `logChain()` and never let it outlive the loop.
 */
export interface LogChain {
  state: GameState | null;
}

export function logChain(): LogChain {
  return { state: null };
}

/**
 * Starts a draft of `state`, which it never changes (except, inside a `LogChain`, by appending to
 * a log that only the chain's previous state holds). (An in-place mode for callers that drop
 * the old state was removed: it bought 1.0–1.3× on the shipped scenarios, and a state handed
 * over that still shared piles with its parent changed the parent.)
 */
export function beginDraft(scenario: Scenario, state: GameState, chain?: LogChain): Ctx {
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
  return {
    scenario,
    p: prepare(scenario),
    s,
    seat: activeSeat(state),
    ownResources: false,
    ownMeters: false,
    ownFlags: false,
    ownRng: false,
    ownLog: chain !== undefined && chain.state === state,
    ownPlayers: null,
    ownPilesRecord: false,
    firstDeck: null,
    firstDeckParts: 0,
    touchedPiles: null,
  };
}

/**
 * Ends a step in `chain`: its result may extend its log in the next step only when the log is
 * this draft's own (copied in this step, or already the chain's), so no other state holds it.
 */
export function handOn(chain: LogChain | undefined, ctx: Ctx): GameState {
  if (chain) chain.state = ctx.ownLog ? ctx.s : null;
  return ctx.s;
}

type OwnedRecord = 'resources' | 'meters' | 'flags' | 'rng';

/**
 * A record of the draft, copied on first write so the given state stays untouched. One copy
 * function per record keeps each copy site monomorphic (fast in V8).
 */
export function own<K extends OwnedRecord>(ctx: Ctx, key: K): GameState[K] {
  switch (key) {
    case 'resources':
      return ownResources(ctx) as GameState[K];
    case 'meters':
      return ownMeters(ctx) as GameState[K];
    case 'rng':
      return ownRng(ctx) as GameState[K];
    default:
      if (!ctx.ownFlags) {
        ctx.s.flags = { ...ctx.s.flags };
        ctx.ownFlags = true;
      }
      return ctx.s.flags as GameState[K];
  }
}

/** The draft's resources, copied on first write. */
export function ownResources(ctx: Ctx): Record<string, number> {
  if (!ctx.ownResources) {
    ctx.s.resources = { ...ctx.s.resources };
    ctx.ownResources = true;
  }
  return ctx.s.resources;
}

/** The draft's meters, copied on first write. */
export function ownMeters(ctx: Ctx): Record<string, number> {
  if (!ctx.ownMeters) {
    ctx.s.meters = { ...ctx.s.meters };
    ctx.ownMeters = true;
  }
  return ctx.s.meters;
}

/** The draft's random streams, copied on first write. */
export function ownRng(ctx: Ctx): GameState['rng'] {
  if (!ctx.ownRng) {
    ctx.s.rng = { ...ctx.s.rng };
    ctx.ownRng = true;
  }
  return ctx.s.rng;
}

/** A player of the draft, copied on first write. */
export function playerOf(ctx: Ctx, seat: Seat): Player {
  let mine = ctx.ownPlayers;
  if (!mine) {
    ctx.s.players = ctx.s.players.slice();
    mine = ctx.ownPlayers = ctx.s.players.map(() => false);
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

function partsDone(ctx: Ctx, deck: string): number {
  if (ctx.firstDeck === deck) return ctx.firstDeckParts;
  return ctx.touchedPiles?.[deck] ?? 0;
}

function markDone(ctx: Ctx, deck: string, parts: number): void {
  if (ctx.firstDeck === null || ctx.firstDeck === deck) {
    ctx.firstDeck = deck;
    ctx.firstDeckParts = parts;
  } else {
    if (ctx.touchedPiles === null) ctx.touchedPiles = {};
    ctx.touchedPiles[deck] = parts;
  }
}

function touch(ctx: Ctx, deck: string, parts: number): Pile {
  if (!ctx.ownPilesRecord) {
    ctx.s.piles = { ...ctx.s.piles };
    ctx.ownPilesRecord = true;
  }
  const done = partsDone(ctx, deck);
  let pile = ctx.s.piles[deck];
  if ((done & PILE) === 0) {
    pile = { draw: pile.draw, discard: pile.discard };
    ctx.s.piles[deck] = pile;
  }
  if (parts & DRAW && (done & DRAW) === 0) pile.draw = pile.draw.slice();
  if (parts & DISCARD && (done & DISCARD) === 0) pile.discard = pile.discard.slice();
  markDone(ctx, deck, done | PILE | parts);
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

/**
 * Appends a copy to a deck's discard pile. A pile not yet copied is copied with the new card
 * in one go (copying and then pushing would copy it twice).
 */
export function appendDiscard(ctx: Ctx, deck: string, copy: CardCopy): void {
  const done = partsDone(ctx, deck);
  if (done & DISCARD) {
    ctx.s.piles[deck].discard.push(copy);
    return;
  }
  const pile = touch(ctx, deck, 0);
  pile.discard = withOneMore(pile.discard, copy);
  markDone(ctx, deck, partsDone(ctx, deck) | DISCARD);
}

/** A copy of `list` with `item` appended, copied once (the array stays dense: every slot is set). */
function withOneMore<T>(list: readonly T[], item: T): T[] {
  const n = list.length;
  const out: T[] = new Array(n + 1);
  for (let i = 0; i < n; i++) out[i] = list[i];
  out[n] = item;
  return out;
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
  if (!ctx.ownLog) {
    // One copy with room for the entry: a slice and then a push would copy the log twice (the
    // push outgrows the slice's exact capacity).
    ctx.s.log = withOneMore(ctx.s.log, entry);
    ctx.ownLog = true;
    return ctx.s.log.length - 1;
  }
  ctx.s.log.push(entry);
  return ctx.s.log.length - 1;
}

/** One number in [0, 1) from a named stream of the draft. */
export function random(ctx: Ctx, stream: string): number {
  return draw(ownRng(ctx), ctx.s.seed, stream);
}

export function emptyDeltas(): { resources: Record<string, number>; meters: Record<string, number> } {
  return { resources: {}, meters: {} };
}
