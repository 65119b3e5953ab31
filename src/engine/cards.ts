/**
 * A card on the table: which options and questions are offered, and settling it.
 *
 * Offered options: those whose `when` holds and whose money effects outside `chance`/`when`,
 * after `costFactor`, keep every floored resource at or above its floor. A question is offered
 * when it was not asked yet and its cost (never discounted) keeps the floors. A card left with no
 * offered option is settled without a choice (see `settleWithoutChoice`).
 */
import type { Card, Option } from '../scenario/schema';
import { holdsOrAbsent } from './conditions';
import { discardCopy } from './decks';
import { type Ctx, emptyDeltas, log } from './draft';
import { applyEffects, costFactor, keepsFloors } from './effects';
import type { Prepared } from './prepare';
import type { CardCopy, GameState, Seat } from './types';

type Rules = Pick<Ctx, 'p'>;

/** Why an option is not offered: its `when` is false, or paying it would cross a floor. */
export type OptionBlock = 'when-false' | 'below-floor';

export function optionTags(p: Prepared, option: Option): readonly string[] {
  return p.optionTags.get(option) ?? option.tags;
}

/** The costFactor product for an option under the chosen priorities. */
export function optionFactor(r: Rules, state: GameState, option: Option): number {
  if (state.priorities.length === 0) return 1;
  return costFactor(r, state.priorities, optionTags(r.p, option));
}

export function optionBlock(r: Rules, state: GameState, option: Option): OptionBlock | null {
  if (!holdsOrAbsent(option.when, state)) return 'when-false';
  if (!keepsFloors(r, state, option.effects, optionFactor(r, state, option))) return 'below-floor';
  return null;
}

/** The ids of the offered options, in card order. */
export function offeredOptions(r: Rules, state: GameState, card: Card): string[] {
  const fixed = r.p.alwaysOffered.get(card);
  if (fixed !== undefined) return fixed.slice();
  return computeOffered(r, state, card);
}

/**
 * The offered option ids for reading only (the list may be shared: never change or keep it);
 * cheaper than `offeredOptions` for a card whose options are always offered.
 */
export function offeredIds(r: Rules, state: GameState, card: Card): readonly string[] {
  return r.p.alwaysOffered.get(card) ?? computeOffered(r, state, card);
}

function computeOffered(r: Rules, state: GameState, card: Card): string[] {
  const out: string[] = [];
  for (const option of card.options ?? []) if (optionBlock(r, state, option) === null) out.push(option.id);
  return out;
}

function optionById(card: Card, id: string): Option | undefined {
  const options = card.options;
  if (options) for (let i = 0; i < options.length; i++) if (options[i].id === id) return options[i];
  return undefined;
}

export function isOffered(r: Rules, state: GameState, card: Card, optionId: string): boolean {
  const fixed = r.p.alwaysOffered.get(card);
  if (fixed !== undefined) return fixed.includes(optionId);
  const option = optionById(card, optionId);
  return option !== undefined && optionBlock(r, state, option) === null;
}

/** Why a question cannot be asked now, or null when it can. */
export function questionBlock(
  r: Rules,
  state: GameState,
  card: Card,
  index: number,
  asked: readonly number[],
): string | null {
  const question = card.conversation[index];
  if (!question) return 'unknown-question';
  if (asked.includes(index)) return 'already-asked';
  if (!keepsFloors(r, state, question.cost, 1)) return 'unaffordable';
  return null;
}

/** Applies a card's event `effects` when it is drawn (logged as `event`). */
export function applyEventEffects(ctx: Ctx, card: Card): void {
  if (!card.effects || card.effects.length === 0) return;
  const deltas = emptyDeltas();
  const cause = log(ctx, { at: ctx.s.round, seat: ctx.seat, kind: 'event', card: card.id, deltas });
  applyEffects(ctx, card.effects, { deltas, factor: 1, cause });
}

export interface Settlement {
  deck: string;
  copy: CardCopy;
  option: string | null;
  offered: string[];
  votes: (string | null)[] | null;
  tieBrokenBy: Seat | null;
  asked: number[];
}

/** Settles the card: logs the decision, applies the chosen option's effects, discards the copy. */
export function settleCard(ctx: Ctx, card: Card, s: Settlement): void {
  const deltas = emptyDeltas();
  const scheduled: number[] = [];
  const cause = log(ctx, {
    at: ctx.s.round,
    seat: ctx.seat,
    kind: 'decision',
    card: card.id,
    deck: s.deck,
    offered: s.offered,
    option: s.option,
    votes: s.votes,
    tieBrokenBy: s.tieBrokenBy,
    asked: s.asked,
    deltas,
    scheduled,
  });
  if (s.option !== null) {
    const option = optionById(card, s.option);
    if (option) {
      // Only pairs some `chose` condition asks about are remembered (the log has every decision).
      const key =
        ctx.p.choseKeys.size === 0 ? '' : (ctx.p.choiceKey.get(option) ?? `${card.id}/${option.id}`);
      if (ctx.p.choseKeys.has(key) && !ctx.s.chosen.includes(key)) {
        const chosen = ctx.s.chosen.slice();
        chosen.push(key);
        ctx.s.chosen = chosen;
      }
      applyEffects(ctx, option.effects, {
        deltas,
        factor: optionFactor(ctx, ctx.s, option),
        cause,
        scheduled,
      });
    }
  }
  discardCopy(ctx, s.deck, s.copy);
}

/** The plurality winner of a vote, or the tied options (in card order) when the most votes tie. */
export function tally(
  votes: readonly (string | null)[],
  order: readonly string[],
): { winner: string } | { tied: string[] } {
  const counts = new Map<string, number>();
  let best = 0;
  for (const v of votes) {
    if (v === null) continue;
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > best) best = n;
  }
  const top = order.filter((id) => counts.get(id) === best);
  return top.length === 1 ? { winner: top[0] } : { tied: top };
}
