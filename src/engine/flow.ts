/**
 * The order of play between two player actions: round start (income, scheduled cards arriving),
 * turns in seat order (wait-skips included), round end (drift with priority drift, `perRound` in
 * file order, `upkeep`, immediate endings), council meetings (before round 1 when `atStart`,
 * after every `every`-th round except the last, on council spaces) and the final ending.
 *
 * It is a small trampoline: each automatic step returns the next one, or null when the game
 * waits for the table (a new `pending`) or has ended. `run` loops until then and checks the
 * immediate endings once more where it stops.
 */
import { applyEventEffects, offeredIds, settleCard } from './cards';
import { firstStep } from './council';
import { discardCopy, drawFrom, putOnTop } from './decks';
import { type Ctx, emptyDeltas, log, playerOf } from './draft';
import { applyEffects, setMeter, setResource } from './effects';
import { checkImmediate, endFinal } from './endings';
import { cardById } from './prepare';
import type { CardCopy, Resume, Seat } from './types';

export type Next =
  | { to: 'roundStart' }
  | { to: 'turn'; seat: Seat }
  /** The turn's player may act: an injected card first, else the roll or draw. */
  | { to: 'turnReady' }
  /** The turn's card, investment or meeting is done: an injected card first, else the next seat. */
  | { to: 'afterTurnAction' }
  | { to: 'nextSeat' }
  | { to: 'roundEnd' }
  | { to: 'council'; after: number; seat: Seat | null }
  | { to: 'final' };

// The steps without data are shared constants: `exec` only reads a Next, so none is allocated.
const ROUND_START: Next = { to: 'roundStart' };
const TURN_READY: Next = { to: 'turnReady' };
const AFTER_TURN_ACTION: Next = { to: 'afterTurnAction' };
const NEXT_SEAT: Next = { to: 'nextSeat' };
const ROUND_END: Next = { to: 'roundEnd' };
const FINAL: Next = { to: 'final' };

export function run(ctx: Ctx, next: Next | null): void {
  let n = next;
  while (n !== null) n = exec(ctx, n);
  checkImmediate(ctx);
}

function exec(ctx: Ctx, n: Next): Next | null {
  const s = ctx.s;
  switch (n.to) {
    case 'roundStart':
      roundStart(ctx);
      return { to: 'turn', seat: 0 };
    case 'turn': {
      s.turnSeat = n.seat;
      ctx.seat = n.seat;
      const player = s.players[n.seat];
      if (player.skip > 0) {
        playerOf(ctx, n.seat).skip -= 1;
        log(ctx, { at: ctx.s.round, seat: ctx.seat, kind: 'skipTurn', left: s.players[n.seat].skip });
        return NEXT_SEAT;
      }
      return TURN_READY;
    }
    case 'turnReady':
      if (s.inject.length > 0) return presentInjected(ctx, 'turn');
      s.pending = { kind: 'turn', seat: s.turnSeat };
      return null;
    case 'afterTurnAction':
      if (s.inject.length > 0) return presentInjected(ctx, 'endTurn');
      return NEXT_SEAT;
    case 'nextSeat':
      return s.turnSeat + 1 < s.players.length ? { to: 'turn', seat: s.turnSeat + 1 } : ROUND_END;
    case 'roundEnd':
      roundEnd(ctx);
      if (checkImmediate(ctx)) return null;
      if (s.round >= ctx.scenario.rounds.count) return FINAL;
      {
        const every = ctx.scenario.council?.every;
        if (every !== undefined && s.round % every === 0)
          return { to: 'council', after: s.round, seat: null };
      }
      return ROUND_START;
    case 'council':
      return startCouncil(ctx, n.after, n.seat);
    case 'final':
      endFinal(ctx);
      return null;
  }
}

/** What follows a finished meeting: the turn goes on after a council space, else the next round. */
export function afterCouncil(seat: Seat | null): Next {
  return seat !== null ? AFTER_TURN_ACTION : ROUND_START;
}

/** What follows a settled card. */
export function afterCard(resume: Resume): Next {
  return resume === 'turn' ? TURN_READY : AFTER_TURN_ACTION;
}

function roundStart(ctx: Ctx): void {
  const s = ctx.s;
  s.round += 1;
  ctx.seat = null;
  const deltas = emptyDeltas();
  log(ctx, { at: ctx.s.round, seat: ctx.seat, kind: 'roundStart', round: s.round, deltas });
  for (const r of ctx.scenario.resources) {
    if (r.income !== 0) setResource(ctx, r.id, (s.resources[r.id] ?? 0) + r.income, deltas);
  }
  if (s.scheduled.length > 0 && s.scheduled.some((c) => c.round === s.round)) {
    const due = s.scheduled.filter((c) => c.round === s.round);
    s.scheduled = s.scheduled.filter((c) => c.round !== s.round);
    // Scheduled in chronological order: per deck, the earliest scheduled ends on top.
    const byDeck = new Map<string, CardCopy[]>();
    for (const c of due) {
      const list = byDeck.get(c.deck) ?? [];
      list.push({ card: c.card, once: true, cause: c.cause });
      byDeck.set(c.deck, list);
      log(ctx, {
        at: ctx.s.round,
        seat: ctx.seat,
        kind: 'arrive',
        card: c.card,
        deck: c.deck,
        cause: c.cause,
      });
    }
    for (const [deck, copies] of byDeck) if (s.piles[deck]) putOnTop(ctx, deck, copies);
  }
}

function roundEnd(ctx: Ctx): void {
  const s = ctx.s;
  ctx.seat = null;
  const deltas = emptyDeltas();
  const cause = log(ctx, { at: ctx.s.round, seat: ctx.seat, kind: 'roundEnd', round: s.round, deltas });
  for (const m of ctx.scenario.meters) {
    let drift = m.drift;
    for (const id of s.priorities) {
      const priority = ctx.p.priorities.get(id);
      if (!priority) continue;
      for (const mod of priority.modifiers) if ('meter' in mod && mod.meter === m.id) drift += mod.drift;
    }
    if (drift !== 0) setMeter(ctx, m.id, (s.meters[m.id] ?? m.start) + drift, deltas);
  }
  for (const inv of ctx.scenario.investments) {
    if (inv.perRound.length > 0 && s.invested.includes(inv.id)) {
      applyEffects(ctx, inv.perRound, { deltas, factor: 1, cause });
    }
  }
  if (ctx.scenario.upkeep.length > 0) applyEffects(ctx, ctx.scenario.upkeep, { deltas, factor: 1, cause });
}

function startCouncil(ctx: Ctx, after: number, seat: Seat | null): Next | null {
  ctx.seat = seat;
  const first = firstStep(ctx.scenario, ctx, ctx.s, 'priorities');
  if (first === null) {
    log(ctx, { at: ctx.s.round, seat: ctx.seat, kind: 'councilSkipped', after });
    return afterCouncil(seat);
  }
  log(ctx, { at: ctx.s.round, seat: ctx.seat, kind: 'council', after });
  const players = ctx.s.players.length;
  ctx.s.pending = {
    kind: 'council',
    after,
    step: first.step,
    votes: first.step === 'priorities' && ctx.scenario.decision === 'vote' ? Array(players).fill(null) : [],
    tie: null,
    offer: first.offer,
    seat,
  };
  return null;
}

/** Draws a card from `deck` for the active seat and puts it on the table (or settles it at once). */
export function drawCard(ctx: Ctx, deck: string, resume: Resume): Next | null {
  const copy = drawFrom(ctx, deck);
  if (copy === null) {
    log(ctx, { at: ctx.s.round, seat: ctx.seat, kind: 'drawNothing', deck });
    return afterCard(resume);
  }
  log(ctx, {
    at: ctx.s.round,
    seat: ctx.seat,
    kind: 'draw',
    deck,
    card: copy.card,
    scheduled: copy.once === true,
    cause: copy.cause,
  });
  return presentCard(ctx, deck, copy, resume);
}

function presentInjected(ctx: Ctx, resume: Resume): Next | null {
  const [first, ...rest] = ctx.s.inject;
  ctx.s.inject = rest;
  return presentCard(ctx, first.deck, { card: first.card, once: true }, resume);
}

/**
 * A card comes on the table: an event's effects apply first; a card without options settles at
 * once (discarded); a card whose options are all filtered out settles without a choice; else
 * the table decides.
 */
export function presentCard(ctx: Ctx, deck: string, copy: CardCopy, resume: Resume): Next | null {
  const card = cardById(ctx.p, copy.card);
  applyEventEffects(ctx, card);
  if (!card.options || card.options.length === 0) {
    discardCopy(ctx, deck, copy);
    return afterCard(resume);
  }
  if (offeredIds(ctx, ctx.s, card).length === 0) {
    settleCard(ctx, card, {
      deck,
      copy,
      option: null,
      offered: [],
      votes: null,
      tieBrokenBy: null,
      asked: [],
    });
    return afterCard(resume);
  }
  const seat = ctx.seat ?? ctx.s.turnSeat;
  ctx.s.pending = {
    kind: 'card',
    seat,
    deck,
    copy,
    asked: [],
    votes: ctx.scenario.decision === 'vote' ? Array(ctx.s.players.length).fill(null) : [],
    tie: null,
    resume,
  };
  return null;
}
