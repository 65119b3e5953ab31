import { describe, expect, it } from 'vitest';
import type { Scenario } from '../scenario/schema';
import { discardCopy, drawFrom, putOnTop, setupPiles } from './decks';
import { bareState, cardGame, draftOf, scenario } from './fixtures';
import type { CardCopy, GameState } from './types';

/** A deck of `ids` (file order); a card named `late-*` qualifies only from round 3, `flag-*` only with flag x. */
function deckScenario(ids: string[], options: { shuffle?: boolean; reshuffle?: boolean } = {}): Scenario {
  return scenario({
    decks: [
      {
        id: 'stapel',
        name: 'Stapel',
        shuffle: options.shuffle ?? false,
        reshuffle: options.reshuffle ?? true,
        cards: ids.map((id) => ({
          id,
          kind: 'event',
          title: id,
          effects: [],
          ...(id.startsWith('late') ? { when: { round: { atLeast: 3 } } } : {}),
          ...(id.startsWith('flag') ? { when: { flag: 'x' } } : {}),
        })),
      },
    ],
  });
}

const ids = (copies: CardCopy[]) => copies.map((c) => c.card);
/** Draw pile from top to bottom. */
const topDown = (state: GameState) => ids(state.piles.stapel.draw).reverse();

describe('setupPiles', () => {
  it('keeps file order (first card on top) when shuffle is false', () => {
    const sc = deckScenario(['a', 'b', 'c']);
    expect(topDown(bareState(sc))).toEqual(['a', 'b', 'c']);
  });

  it('shuffles by the deck stream: same seed same order, other seed other order', () => {
    const sc = deckScenario(
      Array.from({ length: 12 }, (_, i) => `k${i}`),
      { shuffle: true },
    );
    const a = setupPiles(sc, {}, 'seed-a');
    const again = setupPiles(sc, {}, 'seed-a');
    const b = setupPiles(sc, {}, 'seed-b');
    expect(again).toEqual(a);
    expect(b).not.toEqual(a);
    expect(ids(a.stapel.draw).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `k${i}`).sort());
  });

  it('gives each deck its own stream, so one deck never changes another', () => {
    const one = scenario({
      decks: [
        {
          id: 'x',
          name: 'X',
          cards: Array.from({ length: 8 }, (_, i) => ({
            id: `x${i}`,
            kind: 'event',
            title: 'x',
            effects: [],
          })),
        },
      ],
      turnDeck: 'x',
    });
    const two = scenario({
      decks: [
        {
          id: 'w',
          name: 'W',
          cards: Array.from({ length: 8 }, (_, i) => ({
            id: `w${i}`,
            kind: 'event',
            title: 'w',
            effects: [],
          })),
        },
        {
          id: 'x',
          name: 'X',
          cards: Array.from({ length: 8 }, (_, i) => ({
            id: `x${i}`,
            kind: 'event',
            title: 'x',
            effects: [],
          })),
        },
      ],
      turnDeck: 'x',
    });
    expect(setupPiles(two, {}, 's').x).toEqual(setupPiles(one, {}, 's').x);
  });

  it('starts with empty discard piles', () => {
    expect(bareState(cardGame()).piles.aanvragen.discard).toEqual([]);
  });
});

describe('drawFrom', () => {
  it('draws the top card', () => {
    const sc = deckScenario(['a', 'b']);
    const ctx = draftOf(sc);
    expect(drawFrom(ctx, 'stapel')).toEqual({ card: 'a' });
    expect(topDown(ctx.s)).toEqual(['b']);
  });

  it('puts a card whose `when` is false at the bottom and draws on', () => {
    const sc = deckScenario(['late-1', 'b', 'c']);
    const ctx = draftOf(sc);
    expect(drawFrom(ctx, 'stapel')?.card).toBe('b');
    expect(topDown(ctx.s)).toEqual(['c', 'late-1']);
  });

  it('checks every card once and leaves the pile in order when none qualifies (no reshuffle)', () => {
    const sc = deckScenario(['late-1', 'late-2'], { reshuffle: false });
    const ctx = draftOf(sc);
    expect(drawFrom(ctx, 'stapel')).toBeNull();
    expect(topDown(ctx.s)).toEqual(['late-1', 'late-2']);
  });

  it('draws a card that qualifies in a later round', () => {
    const sc = deckScenario(['late-1', 'b']);
    const ctx = draftOf(sc, { ...bareState(sc), round: 3 });
    expect(drawFrom(ctx, 'stapel')?.card).toBe('late-1');
  });

  it('draws nothing from an empty pile with reshuffle false, even with discards', () => {
    const sc = deckScenario(['a'], { reshuffle: false });
    const ctx = draftOf(sc);
    ctx.s.piles = { stapel: { draw: [], discard: [{ card: 'a' }] } };
    expect(drawFrom(ctx, 'stapel')).toBeNull();
    expect(ctx.s.piles.stapel.discard).toEqual([{ card: 'a' }]);
  });

  it('with reshuffle, puts the discards under the pile in discard order (unshuffled deck) and draws from them', () => {
    const sc = deckScenario(['a', 'b', 'c', 'late-1']);
    const ctx = draftOf(sc);
    ctx.s.piles = {
      stapel: { draw: [{ card: 'late-1' }], discard: [{ card: 'a' }, { card: 'b' }, { card: 'c' }] },
    };
    expect(drawFrom(ctx, 'stapel')?.card).toBe('a');
    expect(topDown(ctx.s)).toEqual(['late-1', 'b', 'c']);
    expect(ctx.s.piles.stapel.discard).toEqual([]);
  });

  it('with reshuffle, checks each former discard once and sends failing ones to the bottom', () => {
    const sc = deckScenario(['flag-1', 'flag-2', 'b', 'late-1']);
    const ctx = draftOf(sc);
    ctx.s.piles = {
      stapel: {
        draw: [{ card: 'late-1' }],
        discard: [{ card: 'flag-1' }, { card: 'flag-2' }, { card: 'b' }],
      },
    };
    expect(drawFrom(ctx, 'stapel')?.card).toBe('b');
    expect(topDown(ctx.s)).toEqual(['late-1', 'flag-1', 'flag-2']);
  });

  it('draws nothing when neither the pile nor the discards qualify', () => {
    const sc = deckScenario(['flag-1', 'late-1']);
    const ctx = draftOf(sc);
    ctx.s.piles = { stapel: { draw: [{ card: 'late-1' }], discard: [{ card: 'flag-1' }] } };
    expect(drawFrom(ctx, 'stapel')).toBeNull();
    expect(ids(ctx.s.piles.stapel.draw).sort()).toEqual(['flag-1', 'late-1']);
  });

  it('shuffles the discards by the deck stream when the deck shuffles', () => {
    const sc = deckScenario(
      Array.from({ length: 10 }, (_, i) => `k${i}`),
      { shuffle: true },
    );
    const order = (seed: string) => {
      const ctx = draftOf(sc, { ...bareState(sc, seed) });
      ctx.s.piles = {
        stapel: { draw: [], discard: Array.from({ length: 10 }, (_, i) => ({ card: `k${i}` })) },
      };
      const drawn = [];
      for (let i = 0; i < 10; i++) drawn.push(drawFrom(ctx, 'stapel')?.card);
      return drawn;
    };
    expect(order('a')).toEqual(order('a'));
    expect(order('a')).not.toEqual(order('b'));
    expect([...order('a')].sort()).toEqual(Array.from({ length: 10 }, (_, i) => `k${i}`).sort());
  });

  it('cycles an unshuffled deck in file order forever', () => {
    const sc = deckScenario(['a', 'b', 'c']);
    const ctx = draftOf(sc);
    const drawn: string[] = [];
    for (let i = 0; i < 7; i++) {
      const copy = drawFrom(ctx, 'stapel');
      if (!copy) throw new Error('nothing drawn');
      drawn.push(copy.card);
      discardCopy(ctx, 'stapel', copy);
    }
    expect(drawn).toEqual(['a', 'b', 'c', 'a', 'b', 'c', 'a']);
  });

  it('never changes the piles of the state it was given', () => {
    const sc = deckScenario(['late-1', 'b']);
    const state = bareState(sc);
    const before = JSON.stringify(state.piles);
    drawFrom(draftOf(sc, state), 'stapel');
    expect(JSON.stringify(state.piles)).toBe(before);
  });
});

describe('discardCopy', () => {
  it('puts a normal copy on the discard pile', () => {
    const sc = deckScenario(['a']);
    const ctx = draftOf(sc);
    discardCopy(ctx, 'stapel', { card: 'a' });
    expect(ctx.s.piles.stapel.discard).toEqual([{ card: 'a' }]);
  });

  it('lets a one-off copy leave the game', () => {
    const sc = deckScenario(['a']);
    const ctx = draftOf(sc);
    discardCopy(ctx, 'stapel', { card: 'a', once: true, cause: 3 });
    expect(ctx.s.piles.stapel.discard).toEqual([]);
  });
});

describe('putOnTop', () => {
  it('puts the first copy on top, so it is drawn first', () => {
    const sc = deckScenario(['a', 'b']);
    const ctx = draftOf(sc);
    putOnTop(ctx, 'stapel', [
      { card: 'x', once: true },
      { card: 'y', once: true },
    ]);
    expect(topDown(ctx.s)).toEqual(['x', 'y', 'a', 'b']);
  });
});
