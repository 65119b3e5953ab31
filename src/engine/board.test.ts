import { describe, expect, it } from 'vitest';
import { moveBy, throwDice } from './board';
import { draftOf, orderedDeck, scenario } from './fixtures';
import { entries, onTable, play, start } from './play';
import { canStep } from './step';
import type { GameState } from './types';

/**
 * A six-space board with a two-sided die. Dice come from the seed, so tests put a token on a
 * space and look for a seed that rolls what they need (see `rollFrom`).
 */
function boardScenario(extra: Record<string, unknown> = {}, spaces?: unknown[]) {
  return scenario({
    players: { min: 1, max: 3 },
    rounds: { count: 3, label: 'R' },
    resources: [{ id: 'geld', name: 'G', start: 1000, floor: 0 }],
    meters: [{ id: 'm', name: 'M', min: 0, max: 10, start: 5 }],
    turnDeck: undefined,
    board: {
      dice: { count: 1, sides: 2 },
      spaces: spaces ?? [
        { id: 'start', kind: 'start', name: 'S', effects: [{ resource: 'geld', add: 100 }] },
        { id: 'rust', kind: 'rest', name: 'R' },
        { id: 'dorp', kind: 'draw', deck: 'stapel', name: 'D' },
        { id: 'huis', kind: 'invest', investment: 'huis', name: 'H' },
        { id: 'wacht', kind: 'wait', turns: 2, name: 'W' },
        { id: 'raad', kind: 'council', name: 'Raad' },
      ],
    },
    decks: orderedDeck([
      {
        id: 'k',
        kind: 'request',
        title: 'K',
        options: [
          { id: 'weg', label: 'W', effects: [{ move: 'start' }] },
          { id: 'blijf', label: 'B' },
        ],
      },
    ]),
    investments: [
      { id: 'huis', name: 'H', cost: [{ resource: 'geld', add: -500 }], perRound: [{ meter: 'm', add: 1 }] },
    ],
    ...extra,
  });
}

/** The state with seat's token moved to `space` (before its roll). */
function at(state: GameState, seat: number, space: number): GameState {
  return { ...state, players: state.players.map((p, i) => (i === seat ? { ...p, space } : p)) };
}

/** Rolls for seat 0 from `space`, trying seeds until the die shows `die`. */
function rollFrom(sc: ReturnType<typeof boardScenario>, space: number, die: number, players = 2) {
  for (let i = 0; i < 200; i++) {
    const s0 = at(start(sc, players, `seed-${i}`), 0, space);
    const s = play(sc, s0, { type: 'roll' });
    if (entries(s, 'roll')[0].dice[0] === die) return s;
  }
  throw new Error('no seed rolls that');
}

describe('moveBy', () => {
  it('moves forward and wraps around the loop, counting passes of the start', () => {
    expect(moveBy(0, 3, 6)).toEqual({ to: 3, passedStart: 0 });
    expect(moveBy(4, 3, 6)).toEqual({ to: 1, passedStart: 1 });
    expect(moveBy(4, 2, 6)).toEqual({ to: 0, passedStart: 1 });
    expect(moveBy(5, 13, 6)).toEqual({ to: 0, passedStart: 3 });
    expect(moveBy(1, 12, 2)).toEqual({ to: 1, passedStart: 6 });
  });
});

describe('throwDice', () => {
  it('throws count dice of sides sides from the dice stream only', () => {
    const sc = boardScenario({
      board: { dice: { count: 3, sides: 4 }, spaces: boardScenario().board?.spaces },
    });
    const ctx = draftOf(sc);
    const seen = new Set<number>();
    for (let i = 0; i < 100; i++) {
      const dice = throwDice(ctx);
      expect(dice).toHaveLength(3);
      for (const d of dice) {
        expect(d).toBeGreaterThanOrEqual(1);
        expect(d).toBeLessThanOrEqual(4);
        seen.add(d);
      }
    }
    expect(seen).toEqual(new Set([1, 2, 3, 4]));
    expect(Object.keys(ctx.s.rng).sort()).toEqual(['dice']);
  });
});

describe('a turn on the board', () => {
  it('refuses draw on a board', () => {
    const sc = boardScenario();
    expect(canStep(sc, start(sc), { type: 'draw' })).toEqual({ ok: false, reason: 'roll-instead' });
  });

  it('rolls, moves, logs the roll and the landing', () => {
    const sc = boardScenario();
    const s = rollFrom(sc, 0, 1);
    expect(s.players[0].space).toBe(1);
    expect(entries(s, 'roll')[0]).toMatchObject({ dice: [1], from: 0, to: 1, passedStart: 0, seat: 0 });
    expect(entries(s, 'land')[0]).toMatchObject({ space: 'rust' });
    expect(s.pending).toEqual({ kind: 'turn', seat: 1 });
  });

  it('applies start effects once when passing the start', () => {
    const sc = boardScenario();
    const s = rollFrom(sc, 5, 2);
    expect(s.players[0].space).toBe(1);
    expect(s.resources.geld).toBe(1100);
    expect(entries(s, 'roll')[0]).toMatchObject({
      passedStart: 1,
      deltas: { resources: { geld: 100 }, meters: {} },
    });
  });

  it('applies start effects when landing on the start', () => {
    const sc = boardScenario();
    const s = rollFrom(sc, 5, 1);
    expect(s.players[0].space).toBe(0);
    expect(s.resources.geld).toBe(1100);
  });

  it('applies start effects once per pass when a roll goes around more than once', () => {
    const sc = boardScenario({}, [
      { id: 'start', kind: 'start', name: 'S', effects: [{ resource: 'geld', add: 100 }] },
      { id: 'rust', kind: 'rest', name: 'R' },
    ]);
    const big = boardScenario(
      { board: { dice: { count: 2, sides: 6 }, spaces: sc.board?.spaces } },
      sc.board?.spaces as unknown[],
    );
    const s = play(big, start(big, 1), { type: 'roll' });
    const roll = entries(s, 'roll')[0];
    const sum = roll.dice[0] + roll.dice[1];
    expect(roll.passedStart).toBe(Math.floor(sum / 2));
    expect(roll.deltas.resources.geld).toBe(100 * Math.floor(sum / 2));
  });

  it('draws a card on a draw space for the rolling player', () => {
    const sc = boardScenario();
    const s = rollFrom(sc, 1, 1);
    expect(onTable(s)).toBe('k');
    expect(s.pending).toMatchObject({ seat: 0, deck: 'stapel', resume: 'endTurn' });
  });

  it('moves the token with a `move` effect without passing effects or resolving the space', () => {
    const sc = boardScenario();
    const s = play(sc, rollFrom(sc, 1, 1), { type: 'choose', option: 'weg' });
    expect(s.players[0].space).toBe(0);
    expect(s.resources.geld).toBe(1000);
    expect(s.pending).toEqual({ kind: 'turn', seat: 1 });
  });

  it('offers an affordable investment on its space; buying pays and perRound applies at round end', () => {
    const sc = boardScenario();
    let s = rollFrom(sc, 2, 1, 1);
    expect(s.pending).toEqual({ kind: 'invest', seat: 0, investment: 'huis' });
    s = play(sc, s, { type: 'invest' });
    expect(s.invested).toEqual(['huis']);
    expect(s.resources.geld).toBe(500);
    expect(entries(s, 'invest')[0]).toMatchObject({
      where: 'space',
      deltas: { resources: { geld: -500 }, meters: {} },
    });
    expect(s.meters.m).toBe(6);
  });

  it('lets the table decline an investment', () => {
    const sc = boardScenario();
    const s = play(sc, rollFrom(sc, 2, 1), { type: 'decline' });
    expect(s.invested).toEqual([]);
    expect(entries(s, 'decline')[0]).toMatchObject({ investment: 'huis', where: 'space' });
    expect(s.pending).toEqual({ kind: 'turn', seat: 1 });
  });

  it('offers nothing on an invest space when the investment is bought or unaffordable', () => {
    const sc = boardScenario({ resources: [{ id: 'geld', name: 'G', start: 100, floor: 0 }] });
    const s = rollFrom(sc, 2, 1);
    expect(s.pending).toEqual({ kind: 'turn', seat: 1 });
  });

  it('sets the skip counter on a wait space; the next turns are skipped but count', () => {
    const sc = boardScenario();
    let s = rollFrom(sc, 3, 1);
    expect(s.players[0].skip).toBe(2);
    s = play(sc, s, { type: 'roll' });
    // Seat 1 rolled; round 2: seat 0 skips (counter 1), seat 1 is to roll.
    if (s.pending.kind === 'card') s = play(sc, s, { type: 'choose', option: 'blijf' });
    if (s.pending.kind === 'invest') s = play(sc, s, { type: 'decline' });
    if (s.pending.kind === 'council') s = play(sc, s, { type: 'decline' });
    expect(s.round).toBe(2);
    expect(s.players[0].skip).toBe(1);
    expect(entries(s, 'skipTurn')).toEqual([expect.objectContaining({ seat: 0, left: 1, at: 2 })]);
    expect(s.pending).toEqual({ kind: 'turn', seat: 1 });
  });

  it('holds a council meeting on a council space, then the next player goes on', () => {
    const sc = boardScenario({
      investments: [{ id: 'huis', name: 'H', cost: [{ resource: 'geld', add: -500 }] }],
    });
    let s = rollFrom(sc, 4, 1);
    expect(s.pending).toMatchObject({
      kind: 'council',
      after: 1,
      seat: 0,
      step: 'investments',
      offer: 'huis',
    });
    s = play(sc, s, { type: 'decline' });
    expect(s.pending).toEqual({ kind: 'turn', seat: 1 });
    expect(entries(s, 'council')).toEqual([expect.objectContaining({ after: 1, seat: 0 })]);
  });

  it('skips and logs a council space meeting with nothing to do', () => {
    const sc = boardScenario({
      investments: [{ id: 'huis', name: 'H', cost: [{ resource: 'geld', add: -5000 }] }],
    });
    const s = rollFrom(sc, 4, 1);
    expect(entries(s, 'councilSkipped')).toHaveLength(1);
    expect(s.pending).toEqual({ kind: 'turn', seat: 1 });
  });
});
