/**
 * Decks: draw and discard piles of card copies.
 *
 * A pile's `draw` array has its **top at the end** (drawing pops), its bottom at index 0.
 * `discard` is in the order cards were discarded (first discarded at index 0).
 *
 * Drawing follows the format: a drawn card whose `when` is false goes to the bottom and drawing
 * goes on until a card qualifies or every card in the pile was seen once; then, with
 * `reshuffle: true`, the discards go under the draw pile (shuffled by the deck's stream, or in
 * discard order — first discarded drawn first — when `shuffle: false`) and each is checked
 * once, from the top of that part down, a failing one going to the very bottom. Nothing
 * qualifying means nothing is drawn (the caller logs it).
 */
import type { Scenario } from '../scenario/schema';
import { holdsOrAbsent } from './conditions';
import { appendDiscard, type Ctx, drawPileOf, ownRng, pileOf, random } from './draft';
import type { Prepared } from './prepare';
import { shuffleInPlace } from './rng';
import type { CardCopy, Pile } from './types';

export function deckStream(deck: string): string {
  return `deck:${deck}`;
}

/** The piles at setup: every deck's cards in file order, shuffled by its stream unless `shuffle: false`. */
export function setupPiles(
  scenario: Scenario,
  streams: Record<string, number>,
  seed: string,
): Record<string, Pile> {
  const piles: Record<string, Pile> = {};
  for (const deck of scenario.decks) {
    // File order from the top: the first card in the file is drawn first.
    const draw: CardCopy[] = deck.cards.map((c) => ({ card: c.id })).reverse();
    if (deck.shuffle) shuffleInPlace(draw, streams, seed, deckStream(deck.id));
    piles[deck.id] = { draw, discard: [] };
  }
  return piles;
}

function qualifies(ctx: Ctx, p: Prepared, copy: CardCopy): boolean {
  const card = p.cards.get(copy.card);
  return card !== undefined && holdsOrAbsent(card.when, ctx.s);
}

/** Draws the next qualifying card of `deck`, or null when none qualifies (see the module comment). */
export function drawFrom(ctx: Ctx, deck: string): CardCopy | null {
  const draw = drawPileOf(ctx, deck);
  for (let seen = draw.length; seen > 0; seen--) {
    const copy = draw.pop() as CardCopy;
    if (qualifies(ctx, ctx.p, copy)) return copy;
    draw.unshift(copy);
  }
  const spec = ctx.p.decks.get(deck);
  if (!spec?.reshuffle || ctx.s.piles[deck].discard.length === 0) return null;
  const pile = pileOf(ctx, deck);
  // The discards go under the draw pile; the first discarded nearest the top of that part.
  const under = pile.discard.slice().reverse();
  if (spec.shuffle) shuffleInPlace(under, ownRng(ctx), ctx.s.seed, deckStream(deck));
  pile.discard = [];
  const m = under.length;
  draw.unshift(...under);
  // The top of the former discards is at index m − 1; a failing card moves to index 0, which
  // brings the next one to m − 1 again.
  for (let k = 0; k < m; k++) {
    const [copy] = draw.splice(m - 1, 1);
    if (qualifies(ctx, ctx.p, copy)) return copy;
    draw.unshift(copy);
  }
  return null;
}

/** A settled card goes to the discard pile; a one-off (scheduled or injected) copy leaves the game. */
export function discardCopy(ctx: Ctx, deck: string, copy: CardCopy): void {
  if (copy.once) return;
  appendDiscard(ctx, deck, { card: copy.card });
}

/** Puts copies on top of a deck's draw pile; the first in `copies` ends on top (drawn first). */
export function putOnTop(ctx: Ctx, deck: string, copies: CardCopy[]): void {
  const draw = drawPileOf(ctx, deck);
  for (let i = copies.length - 1; i >= 0; i--) draw.push(copies[i]);
}

/** `addCard`: a copy shuffled into the draw pile (one number from the deck's stream), or at the bottom when `shuffle: false`. */
export function addCardCopy(ctx: Ctx, deck: string, card: string): void {
  if (!ctx.s.piles[deck]) return;
  const draw = drawPileOf(ctx, deck);
  const spec = ctx.p.decks.get(deck);
  if (spec && !spec.shuffle) {
    draw.unshift({ card });
    return;
  }
  const at = Math.floor(random(ctx, deckStream(deck)) * (draw.length + 1));
  draw.splice(at, 0, { card });
}

/** `removeCard`: every copy of the card leaves the deck's draw and discard piles (none: nothing happens). */
export function removeCardCopies(ctx: Ctx, deck: string, card: string): void {
  const current = ctx.s.piles[deck];
  if (!current) return;
  if (!current.draw.some((c) => c.card === card) && !current.discard.some((c) => c.card === card)) return;
  const pile = pileOf(ctx, deck);
  pile.draw = pile.draw.filter((c) => c.card !== card);
  pile.discard = pile.discard.filter((c) => c.card !== card);
}
