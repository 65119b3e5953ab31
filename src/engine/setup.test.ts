import { describe, expect, it } from 'vitest';
import { boardGame, cardGame, request, scenario } from './fixtures';
import { newGame, SetupError, seedOf, setupView } from './setup';

const players = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `Speler ${i + 1}` }));

describe('newGame: players', () => {
  it('seats the players in the order given', () => {
    const s = newGame(cardGame(), { seed: 'x', players: players(3) });
    expect(s.players.map((p) => p.name)).toEqual(['Speler 1', 'Speler 2', 'Speler 3']);
  });

  it('refuses fewer than min or more than max players with a stable code', () => {
    const sc = boardGame();
    expect(() => newGame(sc, { seed: 'x', players: players(1) })).toThrow(SetupError);
    expect(() => newGame(sc, { seed: 'x', players: players(6) })).toThrow(/2–5 players/);
    try {
      newGame(sc, { seed: 'x', players: players(1) });
    } catch (e) {
      expect((e as SetupError).code).toBe('player-count');
    }
    expect(() => newGame(sc, { seed: 'x', players: players(2) })).not.toThrow();
    expect(() => newGame(sc, { seed: 'x', players: players(5) })).not.toThrow();
  });

  it('puts every token on the first space with no turns to skip', () => {
    const s = newGame(boardGame(), { seed: 'x', players: players(4) });
    for (const p of s.players) expect(p.skip).toBe(0);
    // Nobody has rolled yet: the first player is to roll.
    expect(s.players.map((p) => p.space)).toEqual([0, 0, 0, 0]);
  });
});

describe('newGame: roles', () => {
  it('keeps chosen roles and deals the rest by the roles stream', () => {
    const sc = cardGame();
    const s = newGame(sc, {
      seed: 'x',
      players: [{ name: 'A', role: 'oppositie' }, { name: 'B' }, { name: 'C' }],
    });
    expect(s.players[0].role).toBe('oppositie');
    expect(new Set(s.players.map((p) => p.role))).toEqual(
      new Set(['oppositie', 'wethouder', 'professional']),
    );
  });

  it('deals the same roles for the same seed and can deal differently for another', () => {
    const sc = cardGame();
    const deal = (seed: string) => newGame(sc, { seed, players: players(2) }).players.map((p) => p.role);
    expect(deal('a')).toEqual(deal('a'));
    const deals = new Set(Array.from({ length: 20 }, (_, i) => deal(`s${i}`).join(',')));
    expect(deals.size).toBeGreaterThan(1);
  });

  it('gives no role to players beyond the number of roles', () => {
    const sc = scenario({
      players: { min: 1, max: 4 },
      roles: [{ id: 'enige', name: 'Enige', brief: 'b' }],
    });
    const s = newGame(sc, { seed: 'x', players: players(3) });
    expect(s.players.map((p) => p.role).filter((r) => r !== null)).toEqual(['enige']);
    expect(s.players.filter((p) => p.role === null)).toHaveLength(2);
  });

  it('plays without roles at all', () => {
    const s = newGame(scenario({ decks: [{ id: 'stapel', name: 'S', cards: [request('k')] }] }), {
      seed: 'x',
      players: players(2),
    });
    expect(s.players.map((p) => p.role)).toEqual([null, null]);
  });

  it('refuses an unknown or twice chosen role', () => {
    const sc = cardGame();
    expect(() => newGame(sc, { seed: 'x', players: [{ name: 'A', role: 'koning' }] })).toThrow(
      /unknown role "koning"/,
    );
    expect(() =>
      newGame(sc, {
        seed: 'x',
        players: [
          { name: 'A', role: 'wethouder' },
          { name: 'B', role: 'wethouder' },
        ],
      }),
    ).toThrow(/chosen twice/);
  });

  it('gives the same state when the dealt roles are named instead (as a saved record does)', () => {
    const sc = cardGame();
    const dealt = newGame(sc, { seed: 'x', players: players(3) });
    const named = newGame(sc, {
      seed: 'x',
      players: dealt.players.map((p) => ({ name: p.name, role: p.role ?? undefined })),
    });
    expect(named).toEqual(dealt);
    expect(dealt.rng.roles).toBeUndefined();
  });

  it('does not change the decks or dice when roles are chosen instead of dealt', () => {
    const sc = cardGame();
    const dealt = newGame(sc, { seed: 'x', players: players(3) });
    const chosen = newGame(sc, {
      seed: 'x',
      players: [
        { name: 'A', role: 'professional' },
        { name: 'B', role: 'wethouder' },
        { name: 'C', role: 'oppositie' },
      ],
    });
    expect(chosen.piles).toEqual(dealt.piles);
  });
});

describe('newGame: the start', () => {
  it('sets resources and meters at start (before round 1 income)', () => {
    const sc = boardGame();
    const s = newGame(sc, { seed: 'x', players: players(2) });
    expect(s.resources).toEqual({ geld: 10000, reserve: 2000 });
    expect(s.meters).toEqual({ vertrouwen: 5 });
  });

  it('runs round 1 start and waits for the first player to roll', () => {
    const s = newGame(boardGame(), { seed: 'x', players: players(2) });
    expect(s.round).toBe(1);
    expect(s.pending).toEqual({ kind: 'turn', seat: 0 });
    expect(s.log.map((e) => e.kind)).toEqual(['roundStart']);
  });

  it('holds a council meeting before round 1 when atStart', () => {
    const s = newGame(cardGame(), { seed: 'x', players: players(2) });
    expect(s.round).toBe(0);
    expect(s.pending).toMatchObject({ kind: 'council', after: 0, step: 'priorities', seat: null });
    expect(s.log.map((e) => e.kind)).toEqual(['council']);
  });

  it('gives round 1 income before the first turn', () => {
    const sc = scenario({
      resources: [{ id: 'geld', name: 'Geld', start: 100, income: 50 }],
      decks: [{ id: 'stapel', name: 'S', cards: [request('k')] }],
    });
    const s = newGame(sc, { seed: 'x', players: players(1) });
    expect(s.resources.geld).toBe(150);
    expect(s.log[0]).toMatchObject({ kind: 'roundStart', round: 1, deltas: { resources: { geld: 50 } } });
  });

  it('shuffles the decks at setup, by the seed', () => {
    const sc = boardGame();
    const a = newGame(sc, { seed: 'a', players: players(2) });
    const b = newGame(sc, { seed: 'b', players: players(2) });
    expect(newGame(sc, { seed: 'a', players: players(2) }).piles).toEqual(a.piles);
    expect(b.piles).not.toEqual(a.piles);
  });

  it('returns plain JSON', () => {
    const s = newGame(cardGame(), { seed: 'x', players: players(3) });
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });

  it('records the seed and starts counting actions at 0', () => {
    const s = newGame(cardGame(), { seed: 42, players: players(1) });
    expect(s.seed).toBe('42');
    expect(s.actions).toBe(0);
  });
});

describe('seedOf', () => {
  it('takes the given seed, else the scenario seed, else "0"', () => {
    expect(seedOf(scenario({ seed: 'urk' }), 'x')).toBe('x');
    expect(seedOf(scenario({ seed: 'urk' }), undefined)).toBe('urk');
    expect(seedOf(scenario({ seed: 7 }), undefined)).toBe('7');
    expect(seedOf(scenario({}), undefined)).toBe('0');
  });
});

describe('setupView: what a setup screen may offer', () => {
  it('gives the table size, the roles in file order, the decision mode and the turn action', () => {
    const board = boardGame('group');
    expect(setupView(board)).toEqual({
      players: { min: 2, max: 5 },
      roles: [],
      decision: 'group',
      turnAction: 'roll',
    });
    const cards = cardGame('vote');
    const v = setupView(cards);
    expect(v).toMatchObject({ players: { min: 1, max: 4 }, decision: 'vote', turnAction: 'draw' });
    expect(v.roles).toEqual(cards.roles.map((r) => r.id));
    expect(v.roles.length).toBeGreaterThan(0);
  });
});
