/**
 * Properties of the rules over random play: on hand-made scenarios and on random scenarios
 * (random-scenario.ts), with random seeds, player counts and strategies.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../scenario/schema';
import { boardGame, cardGame, scenario } from './fixtures';
import { legalActions } from './legal';
import { freeze } from './play';
import { randomScenario } from './random-scenario';
import { newRecord, replay } from './record';
import { createRandom } from './rng';
import { newGame } from './setup';
import { canStep, step } from './step';
import type { Action, GameState } from './types';
import { view } from './view';

const MAX_ACTIONS = 3000;

interface Game {
  states: GameState[];
  actions: Action[];
  final: GameState;
}

/** Plays one game with a uniform random strategy; `choose` may replace the pick. */
function playRandom(
  sc: Scenario,
  seed: string,
  players: number,
  strategySeed: string,
  choose?: (state: GameState, legal: Action[]) => Action,
): Game {
  const r = createRandom(strategySeed);
  let state = newGame(sc, { seed, players: Array.from({ length: players }, (_, i) => ({ name: `P${i}` })) });
  const states = [state];
  const actions: Action[] = [];
  while (state.pending.kind !== 'ended') {
    const legal = legalActions(sc, state);
    if (legal.length === 0) throw new Error(`dead end while ${state.pending.kind}`);
    const action = choose ? choose(state, legal) : legal[r.int(legal.length)];
    actions.push(action);
    state = step(sc, state, action);
    states.push(state);
    if (actions.length > MAX_ACTIONS) throw new Error('no end in sight');
  }
  return { states, actions, final: state };
}

const fixed: [string, () => Scenario][] = [
  ['card game, group', () => cardGame('group')],
  ['card game, vote', () => cardGame('vote')],
  ['board game, vote', () => boardGame('vote')],
  ['board game, group', () => boardGame('group')],
];
const scenarios = fixed.map(([name, make]) => [name, make()] as const);

/** A seed, a scenario (fixed or random) and a player count within its bounds. */
const gameArb = fc
  .record({
    which: fc.integer({ min: 0, max: scenarios.length }),
    randomSeed: fc.integer({ min: 0, max: 1_000_000 }),
    seed: fc.string({ maxLength: 8 }),
    strategy: fc.integer({ min: 0, max: 1_000_000 }),
    playersPick: fc.nat(),
  })
  .map(({ which, randomSeed, seed, strategy, playersPick }) => {
    const sc = which < scenarios.length ? scenarios[which][1] : randomScenario(randomSeed);
    const { min, max } = sc.players;
    return { sc, seed, strategy: `s${strategy}`, players: min + (playersPick % (max - min + 1)) };
  });

const RUNS = { numRuns: 60 };

describe('properties of random play', () => {
  it('has no dead ends: every state before the end offers an action, and the game ends', () => {
    fc.assert(
      fc.property(gameArb, ({ sc, seed, strategy, players }) => {
        const game = playRandom(sc, seed, players, strategy);
        expect(game.final.pending.kind).toBe('ended');
        expect(game.final.ending).not.toBeNull();
      }),
      RUNS,
    );
  });

  it('replay of the record equals the state played', () => {
    fc.assert(
      fc.property(gameArb, ({ sc, seed, strategy, players }) => {
        const game = playRandom(sc, seed, players, strategy);
        const setups = game.final.players.map((p) => ({ name: p.name }));
        const record = newRecord(sc, 'h', seed, setups, game.actions);
        expect(replay(sc, record)).toEqual(game.final);
        // A prefix replays to the state at that point too.
        const half = Math.floor(game.actions.length / 2);
        expect(replay(sc, { ...record, actions: game.actions.slice(0, half) })).toEqual(game.states[half]);
      }),
      RUNS,
    );
  });

  it('keeps every meter within its bounds, rounded to 2 decimals, in every state', () => {
    fc.assert(
      fc.property(gameArb, ({ sc, seed, strategy, players }) => {
        const game = playRandom(sc, seed, players, strategy);
        for (const state of game.states) {
          for (const m of sc.meters) {
            const v = state.meters[m.id];
            expect(v).toBeGreaterThanOrEqual(m.min);
            if (m.max !== undefined) expect(v).toBeLessThanOrEqual(m.max);
            expect(Math.round(v * 100) / 100).toBe(v);
          }
        }
      }),
      RUNS,
    );
  });

  it('keeps money in whole euros, floored resources at or above the floor when they start there', () => {
    fc.assert(
      fc.property(gameArb, ({ sc, seed, strategy, players }) => {
        const game = playRandom(sc, seed, players, strategy);
        for (const state of game.states) {
          for (const res of sc.resources) {
            expect(Number.isInteger(state.resources[res.id])).toBe(true);
            const floor = res.floor ?? null;
            if (floor !== null && res.start >= floor && res.income >= 0) {
              expect(state.resources[res.id]).toBeGreaterThanOrEqual(floor);
            }
          }
        }
      }),
      RUNS,
    );
  });

  it('adds up the money ledger: the logged deltas sum to final − start', () => {
    fc.assert(
      fc.property(gameArb, ({ sc, seed, strategy, players }) => {
        const { final } = playRandom(sc, seed, players, strategy);
        const sums: Record<string, number> = {};
        for (const entry of final.log) {
          if (!('deltas' in entry)) continue;
          for (const [id, d] of Object.entries(entry.deltas.resources)) sums[id] = (sums[id] ?? 0) + d;
        }
        for (const res of sc.resources) expect(sums[res.id] ?? 0).toBe(final.resources[res.id] - res.start);
      }),
      RUNS,
    );
  });

  it('adds up the meter ledger too (within rounding)', () => {
    fc.assert(
      fc.property(gameArb, ({ sc, seed, strategy, players }) => {
        const { final } = playRandom(sc, seed, players, strategy);
        const sums: Record<string, number> = {};
        for (const entry of final.log) {
          if (!('deltas' in entry)) continue;
          for (const [id, d] of Object.entries(entry.deltas.meters)) sums[id] = (sums[id] ?? 0) + d;
        }
        for (const m of sc.meters) expect(sums[m.id] ?? 0).toBeCloseTo(final.meters[m.id] - m.start, 6);
      }),
      RUNS,
    );
  });

  it('gives the same game for the same seed and actions', () => {
    fc.assert(
      fc.property(gameArb, ({ sc, seed, strategy, players }) => {
        const a = playRandom(sc, seed, players, strategy);
        const b = playRandom(sc, seed, players, strategy);
        expect(b.actions).toEqual(a.actions);
        expect(b.final).toEqual(a.final);
      }),
      { numRuns: 25 },
    );
  });

  it('never changes a state by looking at it: view, legalActions and canStep on frozen states', () => {
    fc.assert(
      fc.property(gameArb, ({ sc, seed, strategy, players }) => {
        const game = playRandom(sc, seed, players, strategy);
        for (const state of game.states) {
          freeze(state);
          const v = view(sc, state);
          for (const a of legalActions(sc, state)) {
            expect(canStep(sc, state, a)).toEqual({ ok: true });
            expect(v.allowed).toContain(a.type);
          }
        }
      }),
      { numRuns: 25 },
    );
  });

  it('never changes a state once stepped from: every state of a game is as it was when made', () => {
    fc.assert(
      fc.property(gameArb, ({ sc, seed, strategy, players }) => {
        const pure = playRandom(sc, seed, players, strategy);
        let state = newGame(sc, { seed, players: pure.final.players.map((p) => ({ name: p.name })) });
        const made = [JSON.stringify(state)];
        const states = [state];
        for (const action of pure.actions) {
          state = step(sc, state, action);
          states.push(state);
          made.push(JSON.stringify(state));
        }
        expect(states.map((s) => JSON.stringify(s))).toEqual(made);
      }),
      { numRuns: 25 },
    );
  });

  it('keeps states plain JSON', () => {
    fc.assert(
      fc.property(gameArb, ({ sc, seed, strategy, players }) => {
        const { final } = playRandom(sc, seed, players, strategy);
        expect(JSON.parse(JSON.stringify(final))).toEqual(final);
      }),
      { numRuns: 25 },
    );
  });
});

describe('two tables, one seed', () => {
  /** Questions cost a `chance` (so asking draws numbers); options are the same for both tables. */
  const talkative = scenario({
    players: { min: 2, max: 4 },
    rounds: { count: 6, label: 'R' },
    meters: [{ id: 'm', name: 'M', min: 0, max: 100, start: 50 }],
    decks: [
      {
        id: 'stapel',
        name: 'S',
        cards: Array.from({ length: 9 }, (_, i) => ({
          id: `k${i}`,
          kind: 'request',
          title: 'K',
          conversation: [
            { ask: 'V', reveals: 'A', cost: [{ chance: 0.5, effects: [{ meter: 'm', add: 1 }] }] },
            { ask: 'W', reveals: 'B', cost: [{ chance: 0.5, effects: [{ meter: 'm', add: -1 }] }] },
          ],
          options: [
            { id: 'a', label: 'A', effects: [{ chance: 0.5, effects: [{ resource: 'geld', add: -10 }] }] },
            { id: 'b', label: 'B' },
          ],
        })),
      },
    ],
  });

  const drawn = (state: GameState) =>
    state.log.filter((e) => e.kind === 'draw').map((e) => (e.kind === 'draw' ? `${e.deck}:${e.card}` : ''));
  const rolls = (state: GameState) =>
    state.log.filter((e) => e.kind === 'roll').map((e) => (e.kind === 'roll' ? e.dice : []));

  /** Always the first option or vote offered; asks questions only when `ask`. */
  const policy =
    (ask: boolean) =>
    (_: GameState, legal: Action[]): Action =>
      (ask ? legal.find((a) => a.type === 'ask') : undefined) ??
      legal.find((a) => a.type !== 'ask' && a.type !== 'decline') ??
      legal[0];

  it('draw the same cards whether or not they ask questions (card game)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 10 }), fc.integer({ min: 2, max: 4 }), (seed, players) => {
        const quiet = playRandom(talkative, seed, players, 'x', policy(false));
        const curious = playRandom(talkative, seed, players, 'x', policy(true));
        expect(curious.final.log.some((e) => e.kind === 'ask')).toBe(true);
        expect(drawn(curious.final)).toEqual(drawn(quiet.final));
      }),
      { numRuns: 40 },
    );
  });

  it('roll the same dice and draw the same cards whether or not they ask questions (board game)', () => {
    const sc = boardGame('group');
    fc.assert(
      fc.property(fc.string({ maxLength: 10 }), fc.integer({ min: 2, max: 5 }), (seed, players) => {
        const quiet = playRandom(sc, seed, players, 'x', policy(false));
        const curious = playRandom(sc, seed, players, 'x', policy(true));
        expect(rolls(curious.final)).toEqual(rolls(quiet.final));
        expect(drawn(curious.final)).toEqual(drawn(quiet.final));
      }),
      { numRuns: 40 },
    );
  });
});
