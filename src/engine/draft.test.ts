import { describe, expect, it } from 'vitest';
import {
  activeSeat,
  beginDraft,
  discardPileOf,
  drawPileOf,
  log,
  own,
  pileOf,
  playerOf,
  random,
} from './draft';
import { bareState, boardGame, cardGame } from './fixtures';
import { freeze } from './play';
import { prepare } from './prepare';
import type { GameState } from './types';

const sc = cardGame();

function frozen(): GameState {
  return freeze(bareState(sc, 'draft', 3));
}

describe('beginDraft', () => {
  it('shares every record with the given state until something is written', () => {
    const state = frozen();
    const ctx = beginDraft(sc, state);
    expect(ctx.s).not.toBe(state);
    expect(ctx.s).toEqual(state);
    expect(ctx.s.resources).toBe(state.resources);
    expect(ctx.s.log).toBe(state.log);
    expect(ctx.s.piles).toBe(state.piles);
    expect(ctx.p).toBe(prepare(sc));
  });

  it('takes the active seat from the pending turn', () => {
    const state = { ...bareState(sc), pending: { kind: 'turn' as const, seat: 2 } };
    expect(beginDraft(sc, state).seat).toBe(2);
  });
});

describe('copy on first write', () => {
  it('own copies a record once, leaving the original', () => {
    const state = frozen();
    const ctx = beginDraft(sc, state);
    const resources = own(ctx, 'resources');
    resources.wmo = 1;
    expect(own(ctx, 'resources')).toBe(resources);
    expect(state.resources.wmo).toBe(20000);
    own(ctx, 'meters').welzijn = 7;
    own(ctx, 'flags').x = true;
    expect(state.meters.welzijn).toBe(50);
    expect(state.flags).toEqual({});
  });

  it('playerOf copies only the player written', () => {
    const state = frozen();
    const ctx = beginDraft(sc, state);
    playerOf(ctx, 1).space = 4;
    expect(ctx.s.players[1].space).toBe(4);
    expect(ctx.s.players[0]).toBe(state.players[0]);
    expect(state.players[1].space).toBe(0);
    expect(playerOf(ctx, 1)).toBe(ctx.s.players[1]);
  });

  it('copies a draw or discard pile only when that part is touched', () => {
    const state = frozen();
    const ctx = beginDraft(sc, state);
    const discard = discardPileOf(ctx, 'aanvragen');
    discard.push({ card: 'storm' });
    expect(ctx.s.piles.aanvragen.draw).toBe(state.piles.aanvragen.draw);
    expect(state.piles.aanvragen.discard).toEqual([]);
    const draw = drawPileOf(ctx, 'aanvragen');
    draw.pop();
    expect(state.piles.aanvragen.draw).toHaveLength(6);
    expect(ctx.s.piles.aanvragen.draw).toHaveLength(5);
    expect(discardPileOf(ctx, 'aanvragen')).toBe(discard);
    expect(pileOf(ctx, 'aanvragen').discard).toBe(discard);
  });

  it('log appends to a copy of the log, once per draft', () => {
    const state = frozen();
    const ctx = beginDraft(sc, state);
    expect(log(ctx, { at: 1, seat: 1, kind: 'note', text: 'a' })).toBe(0);
    const copy = ctx.s.log;
    expect(log(ctx, { at: 1, seat: 1, kind: 'note', text: 'b' })).toBe(1);
    expect(ctx.s.log).toBe(copy);
    expect(state.log).toEqual([]);
    expect(ctx.s.log).toEqual([
      { at: 1, seat: 1, kind: 'note', text: 'a' },
      { at: 1, seat: 1, kind: 'note', text: 'b' },
    ]);
  });

  it('random advances a copy of the streams', () => {
    const state = frozen();
    const ctx = beginDraft(sc, state);
    const before = { ...state.rng };
    const x = random(ctx, 'chance');
    expect(x).toBeGreaterThanOrEqual(0);
    expect(state.rng).toEqual(before);
    expect(ctx.s.rng.chance).toBeDefined();
  });
});

describe('activeSeat', () => {
  it('is the turn’s seat during a turn, a card or an investment, the space’s seat at its meeting, else null', () => {
    const b = boardGame();
    const base = bareState(b);
    expect(activeSeat({ ...base, pending: { kind: 'turn', seat: 1 } })).toBe(1);
    expect(activeSeat({ ...base, pending: { kind: 'invest', seat: 2, investment: 'x' } })).toBe(2);
    expect(
      activeSeat({
        ...base,
        pending: {
          kind: 'council',
          after: 1,
          step: 'transfers',
          votes: [],
          tie: null,
          offer: null,
          seat: null,
        },
      }),
    ).toBeNull();
    expect(
      activeSeat({
        ...base,
        pending: { kind: 'council', after: 1, step: 'transfers', votes: [], tie: null, offer: null, seat: 1 },
      }),
    ).toBe(1);
    expect(activeSeat({ ...base, pending: { kind: 'ended' } })).toBeNull();
  });
});
