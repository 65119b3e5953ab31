import { describe, expect, it } from 'vitest';
import { draftOf, orderedDeck, scenario } from './fixtures';
import { afterCard, afterCouncil, drawCard, presentCard, run } from './flow';
import { entries, onTable, play, start } from './play';
import type { GameState } from './types';

function simple(extra: Record<string, unknown> = {}) {
  return scenario({
    players: { min: 1, max: 4 },
    rounds: { count: 4, label: 'R' },
    resources: [{ id: 'geld', name: 'G', start: 1000 }],
    decks: [
      {
        id: 'stapel',
        name: 'S',
        shuffle: false,
        cards: Array.from({ length: 5 }, (_, i) => ({
          id: `k${i}`,
          kind: 'request',
          title: 'K',
          options: [
            { id: 'a', label: 'A' },
            { id: 'b', label: 'B' },
          ],
        })),
      },
    ],
    ...extra,
  });
}

/** Draw and choose `b` for every turn until the round is `round` or the game waits for something else. */
function playRounds(sc: ReturnType<typeof simple>, s: GameState, until: number): GameState {
  let state = s;
  while (state.round < until && state.pending.kind !== 'ended') {
    if (state.pending.kind === 'turn') state = play(sc, state, { type: 'draw' });
    else if (state.pending.kind === 'card') state = play(sc, state, { type: 'choose', option: 'b' });
    else break;
  }
  return state;
}

describe('continuations', () => {
  it('a settled card goes back to the turn or ends it', () => {
    expect(afterCard('turn')).toEqual({ to: 'turnReady' });
    expect(afterCard('endTurn')).toEqual({ to: 'afterTurnAction' });
  });

  it('a finished meeting goes on with the turn after a council space, else with the next round', () => {
    expect(afterCouncil(2)).toEqual({ to: 'afterTurnAction' });
    expect(afterCouncil(null)).toEqual({ to: 'roundStart' });
  });
});

describe('round start', () => {
  it('logs a refused negative income at a floor, under the round start', () => {
    const sc = simple({ resources: [{ id: 'geld', name: 'G', start: 100, income: -150, floor: 0 }] });
    const s = start(sc, 1);
    expect(s.resources.geld).toBe(100);
    expect(s.log.map((e) => e.kind)).toEqual(['roundStart', 'refused']);
    expect(s.log[1]).toMatchObject({ resource: 'geld', amount: -150, floor: 0, at: 1 });
  });

  it('puts arrivals on each deck on top, per deck', () => {
    const sc = simple({
      decks: [
        {
          id: 'stapel',
          name: 'S',
          shuffle: false,
          cards: [{ id: 'k', kind: 'event', title: 'K', effects: [] }],
        },
        {
          id: 'ander',
          name: 'A',
          shuffle: false,
          cards: [{ id: 'j', kind: 'event', title: 'J', effects: [] }],
        },
      ],
      reserveCards: [
        { id: 'x', kind: 'event', title: 'X', effects: [] },
        { id: 'y', kind: 'event', title: 'Y', effects: [] },
      ],
    });
    const ctx = draftOf(sc, { ...start(sc, 1), round: 1 });
    ctx.s.scheduled = [
      { card: 'x', deck: 'ander', round: 2, cause: 3 },
      { card: 'y', deck: 'stapel', round: 2, cause: 4 },
      { card: 'x', deck: 'stapel', round: 3, cause: 5 },
    ];
    ctx.s.pending = { kind: 'turn', seat: 0 };
    run(ctx, { to: 'roundStart' });
    expect(ctx.s.round).toBe(2);
    expect(ctx.s.piles.ander.draw.at(-1)).toEqual({ card: 'x', once: true, cause: 3 });
    expect(ctx.s.piles.stapel.draw.at(-1)).toEqual({ card: 'y', once: true, cause: 4 });
    expect(ctx.s.scheduled).toEqual([{ card: 'x', deck: 'stapel', round: 3, cause: 5 }]);
    expect(entries(ctx.s, 'arrive').map((e) => [e.card, e.deck, e.cause])).toEqual([
      ['x', 'ander', 3],
      ['y', 'stapel', 4],
    ]);
  });
});

describe('turns', () => {
  it('goes on without input when every player skips, and counts the skipped turns', () => {
    const sc = scenario({
      players: { min: 2, max: 2 },
      rounds: { count: 5, label: 'R' },
      turnDeck: undefined,
      board: {
        dice: { count: 1, sides: 2 },
        spaces: [
          { id: 'start', kind: 'start', name: 'S' },
          { id: 'wacht', kind: 'wait', turns: 2, name: 'W' },
          { id: 'wacht2', kind: 'wait', turns: 2, name: 'W2' },
        ],
      },
      decks: [{ id: 'stapel', name: 'S', cards: [{ id: 'k', kind: 'event', title: 'K', effects: [] }] }],
    });
    let s = play(sc, start(sc, 2), { type: 'roll' }, { type: 'roll' });
    // Both landed on a wait space (2 turns): rounds 2 and 3 pass without anyone playing.
    expect(s.round).toBe(4);
    expect(s.pending).toEqual({ kind: 'turn', seat: 0 });
    expect(entries(s, 'skipTurn').map((e) => [e.at, e.seat, e.left])).toEqual([
      [2, 0, 1],
      [2, 1, 1],
      [3, 0, 0],
      [3, 1, 0],
    ]);
    s = play(sc, s, { type: 'roll' });
    expect(s.players[0].space).not.toBe(0);
  });

  it('shows an injected card at the start of the next turn when it was injected at a meeting between rounds', () => {
    const sc = simple({
      council: { every: 1 },
      investments: [{ id: 'huis', name: 'H', cost: [] }],
    });
    let s = playRounds(sc, start(sc, 1), 2);
    expect(s.pending).toMatchObject({ kind: 'council', after: 1 });
    s = play(sc, s, { type: 'injectCard', card: 'k4' });
    expect(s.pending).toMatchObject({ kind: 'council' });
    s = play(sc, s, { type: 'decline' });
    expect(s.round).toBe(2);
    expect(s.pending).toMatchObject({ kind: 'card', copy: { card: 'k4', once: true }, resume: 'turn' });
    s = play(sc, s, { type: 'choose', option: 'a' });
    expect(s.pending).toEqual({ kind: 'turn', seat: 0 });
  });

  it('shows injected cards one after another, in the order injected', () => {
    const sc = simple();
    let s = play(
      sc,
      start(sc, 2),
      { type: 'draw' },
      { type: 'injectCard', card: 'k3' },
      { type: 'injectCard', card: 'k4' },
    );
    s = play(sc, s, { type: 'choose', option: 'a' });
    expect(onTable(s)).toBe('k3');
    s = play(sc, s, { type: 'choose', option: 'a' });
    expect(onTable(s)).toBe('k4');
    s = play(sc, s, { type: 'choose', option: 'a' });
    expect(s.pending).toEqual({ kind: 'turn', seat: 1 });
    expect(s.inject).toEqual([]);
  });

  it('drops injected cards that still wait when the game ends', () => {
    const sc = simple();
    const s = play(
      sc,
      start(sc, 1),
      { type: 'draw' },
      { type: 'injectCard', card: 'k3' },
      { type: 'endNow' },
    );
    expect(s.inject).toEqual([]);
  });
});

describe('presentCard and drawCard', () => {
  it('settles an event whose options are all filtered out after its effects, and logs both', () => {
    const sc = simple({
      resources: [{ id: 'geld', name: 'G', start: 1000, floor: 0 }],
      decks: orderedDeck([
        {
          id: 'brand',
          kind: 'event',
          title: 'B',
          effects: [{ resource: 'geld', add: -900 }],
          options: [
            { id: 'herstel', label: 'H', effects: [{ resource: 'geld', add: -500 }] },
            { id: 'verzekering', label: 'V', when: { flag: 'verzekerd' } },
          ],
        },
      ]),
    });
    const s = play(sc, start(sc, 2), { type: 'draw' });
    expect(s.log.map((e) => e.kind)).toEqual(['roundStart', 'draw', 'event', 'decision']);
    expect(entries(s, 'decision')[0]).toMatchObject({ card: 'brand', option: null, offered: [] });
    expect(s.resources.geld).toBe(100);
    expect(s.pending).toEqual({ kind: 'turn', seat: 1 });
  });

  it('puts a drawn card on the table for the active seat with empty votes in group mode', () => {
    const sc = simple();
    const ctx = draftOf(sc, start(sc, 3));
    ctx.seat = 2;
    expect(drawCard(ctx, 'stapel', 'endTurn')).toBeNull();
    expect(ctx.s.pending).toEqual({
      kind: 'card',
      seat: 2,
      deck: 'stapel',
      copy: { card: 'k0' },
      asked: [],
      votes: [],
      tie: null,
      resume: 'endTurn',
    });
  });

  it('starts a vote with one empty vote per seat in vote mode', () => {
    const sc = simple({ decision: 'vote' });
    const ctx = draftOf(sc, start(sc, 3));
    presentCard(ctx, 'stapel', { card: 'k2', once: true }, 'turn');
    expect(ctx.s.pending).toMatchObject({
      votes: [null, null, null],
      copy: { card: 'k2', once: true },
      resume: 'turn',
    });
  });
});

describe('round end and councils', () => {
  it('holds a council after every round with every: 1, except after the last', () => {
    const sc = simple({
      council: { every: 1, transfers: true },
      resources: [
        { id: 'a', name: 'A', start: 5 },
        { id: 'b', name: 'B', start: 5 },
      ],
    });
    let s = start(sc, 1);
    const after: number[] = [];
    while (s.pending.kind !== 'ended') {
      if (s.pending.kind === 'council') {
        after.push(s.pending.after);
        s = play(sc, s, { type: 'endTransfers' });
      } else s = playRounds(sc, s, s.round + 1);
    }
    expect(after).toEqual([1, 2, 3]);
  });

  it('a council space meeting in the last seat’s turn is followed by the round end', () => {
    const sc = scenario({
      players: { min: 1, max: 1 },
      rounds: { count: 2, label: 'R' },
      resources: [
        { id: 'a', name: 'A', start: 5 },
        { id: 'b', name: 'B', start: 5 },
      ],
      meters: [{ id: 'm', name: 'M', min: 0, start: 0, drift: 1 }],
      council: { transfers: true },
      turnDeck: undefined,
      board: {
        dice: { count: 1, sides: 2 },
        spaces: [
          { id: 'start', kind: 'start', name: 'S' },
          { id: 'raad', kind: 'council', name: 'R' },
          { id: 'raad2', kind: 'council', name: 'R2' },
        ],
      },
      decks: [{ id: 'stapel', name: 'S', cards: [{ id: 'k', kind: 'event', title: 'K', effects: [] }] }],
    });
    let s = play(sc, start(sc, 1), { type: 'roll' });
    expect(s.pending).toMatchObject({ kind: 'council', seat: 0, after: 1, step: 'transfers' });
    s = play(sc, s, { type: 'transfer', from: 'a', to: 'b', amount: 5 }, { type: 'endTransfers' });
    expect(s.round).toBe(2);
    expect(s.meters.m).toBe(1);
    expect(s.pending).toEqual({ kind: 'turn', seat: 0 });
  });

  it('logs refused upkeep under the round end and still ends the round', () => {
    const sc = simple({
      resources: [{ id: 'geld', name: 'G', start: 100, floor: 0 }],
      upkeep: [{ resource: 'geld', add: -60 }],
    });
    const s = playRounds(sc, start(sc, 1), 3);
    expect(s.resources.geld).toBe(40);
    const kinds = s.log.map((e) => e.kind);
    expect(kinds.indexOf('refused')).toBe(kinds.lastIndexOf('roundEnd') + 1);
    expect(s.round).toBe(3);
  });
});
