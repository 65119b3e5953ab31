import { describe, expect, it } from 'vitest';
import { ScenarioSchema } from '../scenario/schema';
import { createRandom } from './rng';
import { percentile, playGame, randomStrategy, simulate, spread } from './simulate';

/** Boardless: one request card (cheap or dear), two rounds, an immediate ending on a big deficit. */
const scenario = ScenarioSchema.parse({
  format: 1,
  id: 'sim-test',
  title: 'Sim test',
  summary: 'A tiny game for the simulator.',
  languages: ['nl'],
  players: { min: 2, max: 4 },
  rounds: { count: 2, label: 'Ronde {{n}}' },
  resources: [{ id: 'geld', name: 'Geld', start: 1000 }],
  meters: [{ id: 'welzijn', name: 'Welzijn', min: 0, max: 10, start: 5 }],
  turnDeck: 'stapel',
  decks: [
    {
      id: 'stapel',
      name: 'Stapel',
      cards: [
        {
          id: 'vraag',
          kind: 'request',
          title: 'Vraag',
          conversation: [{ ask: 'Wie?', reveals: 'Buren.' }],
          options: [
            {
              id: 'duur',
              label: 'Duur',
              effects: [
                { resource: 'geld', add: -800 },
                { meter: 'welzijn', add: 2 },
              ],
            },
            {
              id: 'goedkoop',
              label: 'Goedkoop',
              effects: [
                { resource: 'geld', add: -10 },
                { meter: 'welzijn', add: -1 },
              ],
            },
          ],
        },
        {
          id: 'nieuws',
          kind: 'event',
          title: 'Nieuws',
          effects: [{ chance: 0.5, effects: [{ meter: 'welzijn', add: 1 }] }],
        },
      ],
    },
  ],
  endings: [
    {
      id: 'failliet',
      title: 'Failliet',
      text: '.',
      when: { resource: 'geld', below: -1500 },
      immediate: true,
    },
    { id: 'tevreden', title: 'Tevreden', text: '.', when: { meter: 'welzijn', atLeast: 7 } },
    { id: 'gewoon', title: 'Gewoon', text: '.' },
  ],
});

describe('percentiles', () => {
  it('use the nearest rank', () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(sorted, 10)).toBe(1);
    expect(percentile(sorted, 50)).toBe(5);
    expect(percentile(sorted, 90)).toBe(9);
    expect(percentile(sorted, 100)).toBe(10);
  });
  it('summarise a spread of unsorted values', () => {
    expect(spread([30, 10, 20])).toEqual({ min: 10, p10: 10, p50: 20, p90: 30, max: 30 });
  });
});

describe('simulate', () => {
  it('reports the same figures for the same arguments, except speed', () => {
    const clockA = [0, 1000];
    const clockB = [0, 4000];
    const a = simulate(scenario, { games: 200, seed: 's', now: () => clockA.shift() ?? 0 });
    const b = simulate(scenario, { games: 200, seed: 's', now: () => clockB.shift() ?? 0 });
    expect({ ...a, seconds: 0, gamesPerSecond: 0 }).toEqual({ ...b, seconds: 0, gamesPerSecond: 0 });
    expect(a.gamesPerSecond).toBe(200);
    expect(b.gamesPerSecond).toBe(50);
  });

  it('gives other figures for another seed', () => {
    const a = simulate(scenario, { games: 200, seed: 'a' });
    const b = simulate(scenario, { games: 200, seed: 'b' });
    expect(a.cards).not.toEqual(b.cards);
  });

  it('counts every game in exactly one ending and reaches each of them', () => {
    const report = simulate(scenario, { games: 500, seed: 'endings', players: 4 });
    expect(Object.values(report.endings).reduce((x, y) => x + y, 0)).toBe(500);
    expect(report.endings.failliet).toBeGreaterThan(0);
    expect(report.endings.tevreden).toBeGreaterThan(0);
    expect(report.endings.gewoon).toBeGreaterThan(0);
    expect(report.errors).toBe(0);
  });

  it('defaults to the fewest players and counts deficits, draws and option picks', () => {
    const report = simulate(scenario, { games: 300, seed: 'x' });
    expect(report.players).toBe(2);
    expect(report.deficitGames).toBeGreaterThan(0);
    const vraag = report.cards.vraag;
    expect(vraag.drawn).toBe(vraag.options.duur + vraag.options.goedkoop);
    expect(vraag.options.duur).toBeGreaterThan(0.3 * vraag.drawn);
    expect(vraag.options.goedkoop).toBeGreaterThan(0.3 * vraag.drawn);
    // 2 players × 2 rounds = 4 turns, some of them events: fewer than 4 decisions a game on average.
    expect(report.decisionsPerGame).toBeGreaterThan(0.5);
    expect(report.decisionsPerGame).toBeLessThanOrEqual(4);
  });

  it('reports final budgets as the values at game end', () => {
    const report = simulate(scenario, { games: 300, seed: 'budget' });
    expect(report.resources.geld.max).toBeLessThanOrEqual(1000);
    expect(report.resources.geld.min).toBeLessThan(0);
    expect(report.meters.welzijn.min).toBeGreaterThanOrEqual(0);
    expect(report.meters.welzijn.max).toBeLessThanOrEqual(10);
  });
});

describe('the random strategy', () => {
  it('asks a question about half the time', () => {
    let asked = 0;
    let cards = 0;
    for (let g = 0; g < 300; g++) {
      const { state } = playGame(scenario, `q${g}`, 2, randomStrategy(createRandom(`q${g}`)));
      for (const e of state.log) {
        if (e.kind === 'decision' && e.card === 'vraag') {
          cards++;
          if (e.asked.length > 0) asked++;
        }
      }
    }
    expect(asked / cards).toBeGreaterThan(0.4);
    expect(asked / cards).toBeLessThan(0.6);
  });
});

describe('card counts', () => {
  it('count an event with effects and options once per draw', () => {
    const withEvent = ScenarioSchema.parse({
      ...scenario,
      decks: [
        {
          id: 'stapel',
          name: 'Stapel',
          cards: [
            {
              id: 'storm',
              kind: 'event',
              title: 'Storm',
              effects: [{ meter: 'welzijn', add: -1 }],
              options: [
                { id: 'herstel', label: 'Herstel', effects: [{ resource: 'geld', add: -100 }] },
                { id: 'wacht', label: 'Wacht', effects: [] },
              ],
            },
          ],
        },
      ],
    });
    const report = simulate(withEvent, { games: 20, seed: 'e', players: 2 });
    // 2 players × 2 rounds: four draws a game.
    expect(report.cards.storm.drawn).toBe(80);
    expect(report.cards.storm.options.herstel + report.cards.storm.options.wacht).toBe(80);
  });
});
