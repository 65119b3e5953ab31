import { describe, expect, it } from 'vitest';
import { ScenarioSchema } from '../scenario/schema';
import { legalActions } from './legal';
import { createRandom } from './rng';
import { createStrategy, playGame, STRATEGIES, simulate } from './simulate';
import {
  bestMeterStrategy,
  cheapestStrategy,
  expectedChange,
  isStrategyShape,
  strategiesFor,
} from './strategies';
import type { GameState } from './types';

/**
 * One card a turn; options trade money against wellbeing and workload. `duur` is tagged
 * `preventie`, which the priority `preventie` makes 90% cheaper.
 */
function game(extra: Record<string, unknown> = {}) {
  return ScenarioSchema.parse({
    format: 1,
    id: 'strategie',
    title: 'Strategie',
    summary: '.',
    languages: ['nl'],
    players: { min: 1, max: 3 },
    rounds: { count: 3, label: 'R{{n}}' },
    resources: [
      { id: 'geld', name: 'Geld', start: 100000 },
      { id: 'extra', name: 'Extra', start: 0 },
    ],
    meters: [
      { id: 'welzijn', name: 'Welzijn', min: 0, max: 100, start: 50 },
      { id: 'werkdruk', name: 'Werkdruk', min: 0, max: 100, start: 50, good: 'low' },
    ],
    turnDeck: 'stapel',
    decks: [
      {
        id: 'stapel',
        name: 'Stapel',
        cards: [
          {
            id: 'keuze',
            kind: 'dilemma',
            title: 'Keuze',
            conversation: [
              { ask: 'Geld?', reveals: '.', cost: [{ resource: 'geld', add: -10 }] },
              { ask: 'Druk?', reveals: '.', cost: [{ meter: 'werkdruk', add: 1 }] },
            ],
            options: [
              {
                id: 'duur',
                label: 'Duur',
                tags: ['preventie'],
                effects: [
                  { resource: 'geld', add: -3000 },
                  { meter: 'welzijn', add: 1 },
                ],
              },
              {
                id: 'gok',
                label: 'Gok',
                effects: [
                  { resource: 'geld', add: -1000 },
                  {
                    chance: 0.5,
                    effects: [{ meter: 'welzijn', add: 6 }],
                    else: [{ resource: 'geld', add: -50000 }],
                  },
                ],
              },
              {
                id: 'goedkoop',
                label: 'Goedkoop',
                effects: [
                  { resource: 'geld', add: -500 },
                  { resource: 'extra', add: -500 },
                  { meter: 'werkdruk', add: -2 },
                ],
              },
              { id: 'ook-goedkoop', label: 'Ook', effects: [{ resource: 'geld', add: -1000 }] },
            ],
          },
        ],
      },
    ],
    endings: [{ id: 'eind', title: 'Eind', text: '.' }],
    ...extra,
  });
}

/** Every decision of `games` games: the chosen option and the questions asked. */
function decisions(
  scenario: ReturnType<typeof game>,
  name: Parameters<typeof createStrategy>[1],
  games = 40,
) {
  const out: { option: string | null; asked: number[] }[] = [];
  for (let g = 0; g < games; g++) {
    const { state } = playGame(scenario, `g${g}`, 2, createStrategy(scenario, name, `s${g}`));
    for (const e of state.log) if (e.kind === 'decision') out.push({ option: e.option, asked: e.asked });
  }
  return out;
}

describe('strategy names', () => {
  it('are random, cheapest and best-<meter> for each meter', () => {
    expect(strategiesFor(game())).toEqual(['random', 'cheapest', 'best-welzijn', 'best-werkdruk']);
    expect(STRATEGIES).toEqual(['random', 'cheapest']);
    expect(isStrategyShape('best-welzijn')).toBe(true);
    expect(isStrategyShape('best-')).toBe(false);
    expect(isStrategyShape('greedy')).toBe(false);
    expect(() => simulate(game(), { games: 1, seed: 's', strategy: 'best-nope' })).toThrow(
      /unknown strategy "best-nope"/,
    );
  });
});

describe('cheapest', () => {
  it('picks the option that spends least money over all resources (as shown), ties at random', () => {
    const picks = decisions(game(), 'cheapest');
    // goedkoop and ook-goedkoop both spend 1,000 in total; gok shows 1,000 too (its chance is not shown).
    const counts = new Map<string, number>();
    for (const p of picks) counts.set(p.option ?? '-', (counts.get(p.option ?? '-') ?? 0) + 1);
    expect(counts.get('duur')).toBeUndefined();
    for (const id of ['gok', 'goedkoop', 'ook-goedkoop'])
      expect(counts.get(id)).toBeGreaterThan(picks.length / 6);
  });

  it('follows costFactor: under a 90% discount the dear option is the cheapest', () => {
    const scenario = game({
      priorities: {
        choose: 1,
        options: [{ id: 'preventie', name: 'P', modifiers: [{ tag: 'preventie', costFactor: 0.1 }] }],
      },
      council: { atStart: true },
    });
    const picks = decisions(scenario, 'cheapest', 10);
    expect(picks.every((p) => p.option === 'duur')).toBe(true);
  });

  it('never asks a question that costs money, and asks a free one about half the time', () => {
    const picks = decisions(game(), 'cheapest', 100);
    expect(picks.some((p) => p.asked.includes(0))).toBe(false);
    const share = picks.filter((p) => p.asked.includes(1)).length / picks.length;
    expect(share).toBeGreaterThan(0.4);
    expect(share).toBeLessThan(0.6);
  });
});

describe('best-<meter>', () => {
  it('picks the option that moves the meter most in its good direction, chance-weighted', () => {
    expect(decisions(game(), 'best-welzijn').every((p) => p.option === 'gok')).toBe(true);
    expect(decisions(game(), 'best-werkdruk').every((p) => p.option === 'goedkoop')).toBe(true);
  });

  it('never asks a question that worsens its meter', () => {
    const picks = decisions(game(), 'best-werkdruk', 100);
    expect(picks.some((p) => p.asked.includes(1))).toBe(false);
    expect(picks.some((p) => p.asked.includes(0))).toBe(true);
  });

  it('judges `when` on the state and counts `set` from the current value', () => {
    const state = {
      resources: { geld: 10 },
      meters: { welzijn: 50 },
      flags: { x: true },
    } as unknown as GameState;
    const target = { meter: 'welzijn' };
    expect(
      expectedChange(
        [
          {
            when: { flag: 'x' },
            effects: [{ meter: 'welzijn', add: 4 }],
            else: [{ meter: 'welzijn', add: -4 }],
          },
        ],
        target,
        state,
      ),
    ).toBe(4);
    expect(expectedChange([{ meter: 'welzijn', set: 20 }], target, state)).toBe(-30);
    expect(
      expectedChange(
        [{ chance: 0.25, effects: [{ chance: 0.5, effects: [{ meter: 'welzijn', add: 8 }] }] }],
        target,
        state,
      ),
    ).toBe(1);
  });

  it('votes for its pick in every seat', () => {
    const scenario = game({ decision: 'vote' });
    const { state } = playGame(scenario, 'v', 3, createStrategy(scenario, 'best-welzijn', 'v'));
    const votes = state.log.flatMap((e) => (e.kind === 'decision' ? (e.votes ?? []) : []));
    expect(votes.length).toBe(27); // 3 rounds × 3 players, 3 votes each
    expect(votes.every((v) => v === 'gok')).toBe(true);
  });
});

describe('investing and priorities', () => {
  const scenario = game({
    council: { atStart: true, every: 1 },
    investments: [
      {
        id: 'rust',
        name: 'Rust',
        cost: [{ resource: 'geld', add: -100 }],
        perRound: [{ meter: 'werkdruk', add: -1 }],
      },
    ],
    priorities: {
      choose: 1,
      options: [
        { id: 'zorg', name: 'Zorg', modifiers: [{ meter: 'welzijn', drift: 1 }] },
        { id: 'kaal', name: 'Kaal', modifiers: [{ tag: 'preventie', costFactor: 0.5 }] },
      ],
    },
  });
  const choices = (name: Parameters<typeof createStrategy>[1]) => {
    const { state } = playGame(scenario, 'c', 1, createStrategy(scenario, name, 'c'));
    return {
      invested: state.invested,
      priorities: state.log.flatMap((e) => (e.kind === 'priorities' ? e.chosen : [])),
    };
  };

  it('in vote mode every seat votes the same priorities and the same investment choice', () => {
    const voting = { ...scenario, decision: 'vote' as const };
    const { state } = playGame(voting, 'v', 3, createStrategy(voting, 'best-welzijn', 'v'));
    const sets = state.log.flatMap((e) => (e.kind === 'priorities' ? (e.votes ?? []) : []));
    expect(sets.length).toBe(9); // meetings at the start and after rounds 1 and 2, three seats each
    expect(sets.every((set) => set?.join() === 'zorg')).toBe(true);
    expect(simulate(voting, { games: 30, seed: 'v', players: 3, strategy: 'cheapest' }).errors).toBe(0);
  });

  it('cheapest never invests and chooses the priority that cuts costs', () => {
    const c = choices('cheapest');
    expect(c.invested).toEqual([]);
    expect(new Set(c.priorities)).toEqual(new Set(['kaal']));
  });

  it('best-<meter> invests when that helps its meter and chooses the priority whose drift helps it', () => {
    expect(choices('best-werkdruk').invested).toEqual(['rust']);
    expect(new Set(choices('best-welzijn').priorities)).toEqual(new Set(['zorg']));
  });
});

describe('determinism', () => {
  it('the same seed gives the same picks; each strategy has its own stream', () => {
    const s = game();
    const run = (name: 'cheapest' | 'best-werkdruk') => {
      const strategy =
        name === 'cheapest'
          ? cheapestStrategy(s, createRandom('x', name))
          : bestMeterStrategy(s, s.meters[1], createRandom('x', name));
      const { state } = playGame(s, 'same', 2, strategy);
      return state.log;
    };
    expect(run('cheapest')).toEqual(run('cheapest'));
    const a = simulate(s, { games: 50, seed: 'd', strategy: 'cheapest' });
    const b = simulate(s, { games: 50, seed: 'd', strategy: 'cheapest' });
    expect(a.cards).toEqual(b.cards);
    expect(legalActions(s, playGame(s, 'z', 1, createStrategy(s, 'random', 'z')).state)).toEqual([]);
  });
});
