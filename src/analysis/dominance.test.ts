import { describe, expect, it } from 'vitest';
import type { Effect } from '../scenario/schema';
import { dominatedOptions } from './dominance';
import { expectedRanges, lastingKinds } from './expected';
import { scenarioWith } from './test-scenarios';

/** A scenario with one card of the given options (effects by option id), plus optional extras. */
function oneCard(
  options: Record<string, Effect[]>,
  extra: Record<string, unknown> = {},
  when: Record<string, unknown> = {},
) {
  return scenarioWith({
    decks: [
      {
        id: 'stapel',
        name: 'Stapel',
        cards: [
          {
            id: 'kaart',
            kind: 'dilemma',
            title: 'Kaart',
            tags: ['zorg'],
            options: Object.entries(options).map(([id, effects]) => ({
              id,
              label: id,
              effects,
              ...(when[id] ? { when: when[id] } : {}),
            })),
          },
        ],
      },
    ],
    ...extra,
  });
}

const dominated = (s: ReturnType<typeof oneCard>) =>
  dominatedOptions(s).map((d) => `${d.option}<${d.by.join('+')}`);

describe('dominated options', () => {
  it('an option worse on money and no better on any meter is dominated', () => {
    const s = oneCard({
      duur: [
        { resource: 'geld', add: -1000 },
        { meter: 'welzijn', add: 1 },
      ],
      goedkoop: [
        { resource: 'geld', add: -500 },
        { meter: 'welzijn', add: 1 },
      ],
    });
    expect(dominated(s)).toEqual(['duur<goedkoop']);
  });

  it('a trade-off is a dilemma, not a dominance; equal options dominate neither', () => {
    expect(
      dominated(
        oneCard({
          duur: [
            { resource: 'geld', add: -1000 },
            { meter: 'welzijn', add: 2 },
          ],
          goedkoop: [
            { resource: 'geld', add: -500 },
            { meter: 'welzijn', add: 1 },
          ],
        }),
      ),
    ).toEqual([]);
    expect(
      dominated(oneCard({ a: [{ meter: 'welzijn', add: 1 }], b: [{ meter: 'welzijn', add: 1 }] })),
    ).toEqual([]);
  });

  it('follows each meter’s good direction: more workload is worse', () => {
    const s = oneCard({ zwaar: [{ meter: 'werkdruk', add: 2 }], licht: [{ meter: 'werkdruk', add: 1 }] });
    expect(dominated(s)).toEqual(['zwaar<licht']);
  });

  it('weighs chances, nested ones multiplied', () => {
    const gok = (p: number, q: number): Effect[] => [
      { chance: p, effects: [{ chance: q, effects: [{ meter: 'welzijn', add: 8 }] }] },
    ];
    // Expected +2 against a sure +3: the gamble is dominated; expected +4 against +3: the sure one is.
    expect(dominated(oneCard({ gok: gok(0.5, 0.5), zeker: [{ meter: 'welzijn', add: 3 }] }))).toEqual([
      'gok<zeker',
    ]);
    expect(dominated(oneCard({ gok: gok(1, 0.5), zeker: [{ meter: 'welzijn', add: 3 }] }))).toEqual([
      'zeker<gok',
    ]);
    expect(dominated(oneCard({ gok: gok(0.75, 0.5), zeker: [{ meter: 'welzijn', add: 3 }] }))).toEqual([]);
  });

  it('never calls an option with a lasting effect dominated, however deep it is', () => {
    const lasting: Effect[] = [
      { flag: 'x', set: true },
      { schedule: { card: 'kaart', deck: 'stapel', after: 1 } },
      { addCard: { card: 'kaart', deck: 'stapel' } },
      { removeCard: { card: 'kaart', deck: 'stapel' } },
    ];
    for (const effect of lasting) {
      const nested: Effect = { chance: 0.3, effects: [{ when: { flag: 'y' }, effects: [], else: [effect] }] };
      const s = oneCard({
        slecht: [{ meter: 'welzijn', add: -1 }, nested],
        goed: [{ meter: 'welzijn', add: 1 }],
      });
      expect(dominated(s)).toEqual([]);
    }
    expect(lastingKinds([{ chance: 0.5, effects: [], else: [{ move: 'start' }] }])).toEqual(['move']);
  });

  it('counts a `when` as either branch: dominated only when worse whichever way it goes', () => {
    const cond = { meter: 'welzijn', atLeast: 15 };
    // Either +5 or 0 against a sure +1: not dominated (it could be +5).
    expect(
      dominated(
        oneCard({
          misschien: [{ when: cond, effects: [{ meter: 'welzijn', add: 5 }] }],
          zeker: [{ meter: 'welzijn', add: 1 }],
        }),
      ),
    ).toEqual([]);
    // Either +1 or 0 against a sure +2: dominated whatever the condition.
    expect(
      dominated(
        oneCard({
          misschien: [{ when: cond, effects: [{ meter: 'welzijn', add: 1 }] }],
          zeker: [{ meter: 'welzijn', add: 2 }],
        }),
      ),
    ).toEqual(['misschien<zeker']);
    expect(
      expectedRanges([
        { when: cond, effects: [{ meter: 'welzijn', add: 1 }], else: [{ meter: 'welzijn', add: -2 }] },
      ]),
    ).toEqual({
      'meter:welzijn': { lo: -2, hi: 1 },
    });
  });

  it('treats a `set` as unknown: neither dominated nor dominating on it', () => {
    const s = oneCard({ zet: [{ meter: 'welzijn', set: 0 }], plus: [{ meter: 'welzijn', add: 1 }] });
    expect(dominated(s)).toEqual([]);
  });

  it('must hold under every choice of priorities: a discount can make the dearer option the cheaper', () => {
    const options = {
      duur: [{ resource: 'geld', add: -1000 }] as Effect[],
      goedkoop: [{ resource: 'geld', add: -600 }] as Effect[],
    };
    expect(dominated(oneCard(options))).toEqual(['duur<goedkoop']);
    const priorities = {
      priorities: {
        choose: 1,
        options: [
          { id: 'preventie', name: 'Preventie', modifiers: [{ tag: 'preventie', costFactor: 0.5 }] },
          { id: 'rust', name: 'Rust', modifiers: [{ meter: 'werkdruk', drift: -1 }] },
        ],
      },
      council: { atStart: true },
    };
    const s = scenarioWith({
      ...priorities,
      decks: [
        {
          id: 'stapel',
          name: 'Stapel',
          cards: [
            {
              id: 'kaart',
              kind: 'dilemma',
              title: 'Kaart',
              options: [
                { id: 'duur', label: 'Duur', tags: ['preventie'], effects: options.duur },
                { id: 'goedkoop', label: 'Goedkoop', effects: options.goedkoop },
              ],
            },
          ],
        },
      ],
    });
    // Under "preventie" the dear option costs 500: cheaper than 600.
    expect(dominatedOptions(s)).toEqual([]);
  });

  it('only lets an option dominate when it is offered whenever the other is', () => {
    const effects = {
      slecht: [{ meter: 'welzijn', add: -1 }] as Effect[],
      goed: [{ meter: 'welzijn', add: 1 }] as Effect[],
    };
    expect(dominated(oneCard(effects, {}, { goed: { flag: 'soms' } }))).toEqual([]);
    expect(dominated(oneCard(effects, {}, { slecht: { flag: 'soms' }, goed: { flag: 'soms' } }))).toEqual([
      'slecht<goed',
    ]);
    expect(dominated(oneCard(effects, {}, { slecht: { flag: 'soms' } }))).toEqual(['slecht<goed']);
  });
});
