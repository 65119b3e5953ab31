/**
 * Effects, applied in order to a draft (see draft.ts), with the format's rules:
 * - money is whole euros; a change that would take a floored resource below its floor is
 *   skipped on its own and logged as `refused` (a rise is never refused, even below the floor);
 * - meters are clamped to [min, max] and rounded half away from zero to 2 decimals after every
 *   change;
 * - `costFactor`: the caller passes the product of the matching factors; every negative money
 *   `add` (nested `chance`/`when` included) becomes −round_half_up(|N| × factor); `set` is never
 *   touched;
 * - `chance` draws exactly one number from the `chance` stream when reached, even for P 0 or 1;
 *   a branch not taken draws nothing;
 * - `schedule` logs a `schedule` entry (its `cause` is the entry the effects belong to) and, when
 *   round R + after is not past the last round, queues the card (R = the current round; a
 *   council meeting after round R runs while `round` is still R, the one before round 1 at 0).
 */
import type { Effect } from '../scenario/schema';
import { holds } from './conditions';
import { addCardCopy, removeCardCopies } from './decks';
import { type Ctx, log, own, ownMeters, ownResources, playerOf, random } from './draft';
import type { Deltas, GameState } from './types';

export interface EffectEnv {
  /** Where the actual changes are summed (the log entry's deltas). */
  deltas: Deltas;
  /** The costFactor product for negative money adds; 1 when none applies. */
  factor: number;
  /** The log index of the entry these effects belong to (the cause of scheduled cards). */
  cause: number;
  /** Collects the log indices of `schedule` entries (a decision lists what it scheduled). */
  scheduled?: number[];
}

/** Rounds half away from zero to 2 decimals, tolerant of binary noise (0.1 + 0.2 → 0.3). */
export function round2(value: number): number {
  const sign = value < 0 ? -1 : 1;
  return (sign * Math.round(Math.abs(value) * 100 + 1e-7)) / 100;
}

/** Whole euros after a costFactor: round half up of the magnitude, tolerant of binary noise. */
export function discounted(amount: number, factor: number): number {
  if (factor === 1 || amount >= 0) return amount;
  const magnitude = Math.floor(Math.abs(amount) * factor + 0.5 + 1e-9);
  return magnitude === 0 ? 0 : -magnitude;
}

export function applyEffects(ctx: Ctx, effects: readonly Effect[], env: EffectEnv): void {
  for (let i = 0; i < effects.length; i++) applyEffect(ctx, effects[i], env);
}

function applyEffect(ctx: Ctx, e: Effect, env: EffectEnv): void {
  if ('resource' in e) {
    const current = ctx.s.resources[e.resource] ?? 0;
    const next = 'add' in e ? current + discounted(e.add, env.factor) : e.set;
    setResource(ctx, e.resource, next, env.deltas);
  } else if ('meter' in e) {
    const current = ctx.s.meters[e.meter] ?? 0;
    setMeter(ctx, e.meter, 'add' in e ? current + e.add : e.set, env.deltas);
  } else if ('flag' in e) {
    if (ctx.s.flags[e.flag] !== e.set) own(ctx, 'flags')[e.flag] = e.set;
  } else if ('schedule' in e) {
    schedule(ctx, e.schedule.card, e.schedule.deck, e.schedule.after, env);
  } else if ('addCard' in e) {
    addCardCopy(ctx, e.addCard.deck, e.addCard.card);
  } else if ('removeCard' in e) {
    removeCardCopies(ctx, e.removeCard.deck, e.removeCard.card);
  } else if ('move' in e) {
    const index = ctx.p.spaces.get(e.move);
    if (index !== undefined && ctx.seat !== null && ctx.s.players[ctx.seat])
      playerOf(ctx, ctx.seat).space = index;
  } else if ('chance' in e) {
    const r = random(ctx, 'chance');
    if (r < e.chance) applyEffects(ctx, e.effects, env);
    else if (e.else) applyEffects(ctx, e.else, env);
  } else if ('when' in e) {
    if (holds(e.when, ctx.s)) applyEffects(ctx, e.effects, env);
    else if (e.else) applyEffects(ctx, e.else, env);
  } else if ('log' in e) {
    log(ctx, { at: ctx.s.round, seat: ctx.seat, kind: 'log', text: e.log });
  }
}

/**
 * Sets a resource unless that would take it below its floor (and lower than it is now): then the
 * change is skipped and logged as `refused`. Returns whether it applied.
 */
export function setResource(ctx: Ctx, id: string, next: number, deltas: Deltas): boolean {
  const current = ctx.s.resources[id] ?? 0;
  if (next === current) return true;
  const floor = ctx.p.floorOf.get(id);
  if (floor !== undefined && next < floor && next < current) {
    log(ctx, {
      at: ctx.s.round,
      seat: ctx.seat,
      kind: 'refused',
      resource: id,
      amount: next - current,
      floor,
    });
    return false;
  }
  ownResources(ctx)[id] = next;
  deltas.resources[id] = (deltas.resources[id] ?? 0) + (next - current);
  return true;
}

/** Sets a meter, clamped to its bounds and rounded to 2 decimals. */
export function setMeter(ctx: Ctx, id: string, value: number, deltas: Deltas): void {
  const meter = ctx.p.meters.get(id);
  if (!meter) return;
  const current = ctx.s.meters[id] ?? meter.start;
  let v = value;
  if (v < meter.min) v = meter.min;
  if (meter.max !== undefined && v > meter.max) v = meter.max;
  v = round2(v);
  if (v === current) return;
  ownMeters(ctx)[id] = v;
  deltas.meters[id] = round2((deltas.meters[id] ?? 0) + (v - current));
}

function schedule(ctx: Ctx, card: string, deck: string, after: number, env: EffectEnv): void {
  const round = ctx.s.round + after;
  const arrives = round <= ctx.scenario.rounds.count;
  const index = log(ctx, {
    at: ctx.s.round,
    seat: ctx.seat,
    kind: 'schedule',
    card,
    deck,
    round,
    arrives,
    cause: env.cause,
  });
  env.scheduled?.push(index);
  if (arrives) ctx.s.scheduled = [...ctx.s.scheduled, { card, deck, round, cause: env.cause }];
}

/**
 * The product of every `costFactor` modifier of the chosen priorities whose tag is among `tags`
 * (the card's plus the option's, or an investment's): each matching modifier counts once.
 */
export function costFactor(
  ctx: Pick<Ctx, 'p'>,
  priorities: readonly string[],
  tags: readonly string[],
): number {
  let factor = 1;
  if (tags.length === 0) return factor;
  for (const id of priorities) {
    const priority = ctx.p.priorities.get(id);
    if (!priority) continue;
    for (const m of priority.modifiers) if ('tag' in m && tags.includes(m.tag)) factor *= m.costFactor;
  }
  return factor;
}

/**
 * Whether applying the money effects of `effects` outside any `chance`/`when`, in order and after
 * `factor`, keeps every floored resource at or above its floor: the test for offering an option,
 * a question and an investment. Each change is checked where it happens, exactly as applying
 * them would refuse it. Never draws a random number.
 */
export function keepsFloors(
  ctx: Pick<Ctx, 'p'>,
  state: GameState,
  effects: readonly Effect[],
  factor: number,
): boolean {
  if (ctx.p.floors.length === 0) return true;
  let balances: Record<string, number> | null = null;
  for (const e of effects) {
    if (!('resource' in e)) continue;
    const floor = ctx.p.floorOf.get(e.resource);
    if (floor === undefined) continue;
    if (!balances) balances = {};
    const current = balances[e.resource] ?? state.resources[e.resource] ?? 0;
    const next = 'add' in e ? current + discounted(e.add, factor) : e.set;
    if (next < floor && next < current) return false;
    balances[e.resource] = next;
  }
  return true;
}

/** The money changes `effects` would make outside `chance`/`when`, after `factor` (shown costs). */
export function moneyPreview(effects: readonly Effect[], factor: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of effects) {
    if ('resource' in e && 'add' in e) out[e.resource] = (out[e.resource] ?? 0) + discounted(e.add, factor);
  }
  return out;
}

/** A copy of `effects` with every negative money `add` discounted by `factor`, nested ones too (for previews). */
export function discountEffects(effects: readonly Effect[], factor: number): Effect[] {
  return effects.map((e): Effect => {
    if ('resource' in e && 'add' in e) return { resource: e.resource, add: discounted(e.add, factor) };
    if ('chance' in e)
      return {
        chance: e.chance,
        effects: discountEffects(e.effects, factor),
        ...(e.else ? { else: discountEffects(e.else, factor) } : {}),
      };
    if ('when' in e)
      return {
        when: e.when,
        effects: discountEffects(e.effects, factor),
        ...(e.else ? { else: discountEffects(e.else, factor) } : {}),
      };
    return e;
  });
}
