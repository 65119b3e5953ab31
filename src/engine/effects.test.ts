import { describe, expect, it } from 'vitest';
import type { Effect } from '../scenario/schema';
import { emptyDeltas } from './draft';
import {
  applyEffects,
  costFactor,
  discountEffects,
  discounted,
  type EffectEnv,
  keepsFloors,
  moneyPreview,
  round2,
} from './effects';
import { bareState, boardGame, cardGame, draftOf, scenario } from './fixtures';
import { prepare } from './prepare';
import { draw } from './rng';

const sc = cardGame();

function env(patch: Partial<EffectEnv> = {}): EffectEnv {
  return { deltas: emptyDeltas(), factor: 1, cause: 0, ...patch };
}

function run(effects: Effect[], patch: Partial<EffectEnv> = {}, s = sc) {
  const ctx = draftOf(s);
  const e = env(patch);
  applyEffects(ctx, effects, e);
  return { ctx, state: ctx.s, deltas: e.deltas, env: e };
}

describe('money', () => {
  it('adds and sets whole euros and sums the deltas', () => {
    const { state, deltas } = run([
      { resource: 'jeugd', add: -1000 },
      { resource: 'jeugd', add: 250 },
      { resource: 'werk', set: 100 },
    ]);
    expect(state.resources.jeugd).toBe(15000 - 750);
    expect(state.resources.werk).toBe(100);
    expect(deltas.resources).toEqual({ jeugd: -750, werk: -4900 });
  });

  it('lets a resource without floor go into deficit', () => {
    const { state } = run([{ resource: 'jeugd', add: -20000 }]);
    expect(state.resources.jeugd).toBe(-5000);
  });

  it('skips a change that would cross a floor, logs the refusal and goes on with the rest', () => {
    const { state, deltas } = run([
      { resource: 'wmo', add: -25000 },
      { meter: 'welzijn', add: 1 },
      { resource: 'wmo', add: -5000 },
    ]);
    expect(state.resources.wmo).toBe(15000);
    expect(state.meters.welzijn).toBe(51);
    expect(deltas.resources).toEqual({ wmo: -5000 });
    const refused = state.log.filter((e) => e.kind === 'refused');
    expect(refused).toEqual([
      expect.objectContaining({ kind: 'refused', resource: 'wmo', amount: -25000, floor: 0 }),
    ]);
  });

  it('allows reaching the floor exactly', () => {
    const { state } = run([{ resource: 'wmo', add: -20000 }]);
    expect(state.resources.wmo).toBe(0);
    expect(state.log).toEqual([]);
  });

  it('respects a negative floor', () => {
    const ok = run([{ resource: 'werk', add: -7000 }]);
    expect(ok.state.resources.werk).toBe(-2000);
    const refused = run([{ resource: 'werk', add: -7001 }]);
    expect(refused.state.resources.werk).toBe(5000);
  });

  it('refuses a `set` below the floor too', () => {
    const { state } = run([{ resource: 'wmo', set: -1 }]);
    expect(state.resources.wmo).toBe(20000);
    expect(state.log[0]).toMatchObject({ kind: 'refused', amount: -20001 });
  });

  it('never refuses a rise, even while below the floor', () => {
    const ctx = draftOf(sc, { ...bareState(sc), resources: { wmo: -500, jeugd: 0, werk: 0 } });
    applyEffects(ctx, [{ resource: 'wmo', add: 200 }], env());
    expect(ctx.s.resources.wmo).toBe(-300);
  });

  it('logs nothing and changes nothing for a zero change', () => {
    const { state, deltas } = run([{ resource: 'wmo', add: 0 }]);
    expect(deltas.resources).toEqual({});
    expect(state.log).toEqual([]);
  });
});

describe('meters', () => {
  it('clamps to min and max', () => {
    const up = run([{ meter: 'werkdruk', add: 100 }]);
    expect(up.state.meters.werkdruk).toBe(10);
    expect(up.deltas.meters.werkdruk).toBe(5);
    const down = run([{ meter: 'werkdruk', add: -100 }]);
    expect(down.state.meters.werkdruk).toBe(0);
  });

  it('rounds to 2 decimals after every change', () => {
    const { state, deltas } = run([
      { meter: 'welzijn', add: 0.1 },
      { meter: 'welzijn', add: 0.2 },
      { meter: 'welzijn', add: 0.005 },
    ]);
    expect(state.meters.welzijn).toBe(50.31);
    expect(deltas.meters.welzijn).toBe(0.31);
  });

  it('rounds each step, not just the end (0.004 three times changes nothing)', () => {
    const { state } = run([
      { meter: 'welzijn', add: 0.004 },
      { meter: 'welzijn', add: 0.004 },
      { meter: 'welzijn', add: 0.004 },
    ]);
    expect(state.meters.welzijn).toBe(50);
  });

  it('sets and clamps a set', () => {
    expect(run([{ meter: 'welzijn', set: 120 }]).state.meters.welzijn).toBe(100);
    expect(run([{ meter: 'welzijn', set: 12.345 }]).state.meters.welzijn).toBe(12.35);
  });

  it('has no upper clamp without max', () => {
    const s = scenario({ meters: [{ id: 'm', name: 'M', min: 0, start: 0 }] });
    expect(run([{ meter: 'm', add: 1e6 }], {}, s).state.meters.m).toBe(1e6);
  });
});

describe('round2 and discounted', () => {
  it('rounds half away from zero despite binary noise', () => {
    expect(round2(0.1 + 0.2)).toBe(0.3);
    expect(round2(1.005)).toBe(1.01);
    expect(round2(-1.005)).toBe(-1.01);
    expect(round2(2.675)).toBe(2.68);
  });

  it('discounts negative adds with round half up of the magnitude', () => {
    expect(discounted(-4200, 0.8)).toBe(-3360);
    expect(discounted(-5, 0.5)).toBe(-3);
    expect(discounted(-150, 0.7)).toBe(-105);
    expect(discounted(-1, 0.4)).toBe(0);
    expect(discounted(300, 0.5)).toBe(300);
    expect(discounted(-300, 1)).toBe(-300);
    expect(discounted(-100, 1.25)).toBe(-125);
  });
});

describe('flags', () => {
  it('sets and clears flags', () => {
    const { state } = run([
      { flag: 'a', set: true },
      { flag: 'b', set: true },
      { flag: 'b', set: false },
    ]);
    expect(state.flags).toEqual({ a: true, b: false });
  });
});

describe('chance', () => {
  it('draws exactly one number when reached, even for P 1 and P 0', () => {
    for (const p of [0, 1, 0.5]) {
      const { state } = run([{ chance: p, effects: [{ flag: 'hit', set: true }] }]);
      const ref: Record<string, number> = {};
      draw(ref, state.seed, 'chance');
      expect(state.rng.chance).toBe(ref.chance);
    }
  });

  it('P 1 always takes the branch, P 0 always the else', () => {
    const one = run([
      { chance: 1, effects: [{ flag: 'yes', set: true }], else: [{ flag: 'no', set: true }] },
    ]);
    expect(one.state.flags).toEqual({ yes: true });
    const zero = run([
      { chance: 0, effects: [{ flag: 'yes', set: true }], else: [{ flag: 'no', set: true }] },
    ]);
    expect(zero.state.flags).toEqual({ no: true });
  });

  it('draws nothing for a chance inside a branch not taken', () => {
    const { state } = run([
      { when: { flag: 'never' }, effects: [{ chance: 0.5, effects: [] }] },
      { chance: 0, effects: [{ chance: 0.5, effects: [] }] },
    ]);
    const ref: Record<string, number> = {};
    draw(ref, state.seed, 'chance');
    expect(state.rng.chance).toBe(ref.chance); // only the outer chance of the second effect
  });

  it('draws one number per nested chance reached', () => {
    const { state } = run([
      {
        chance: 1,
        effects: [
          { chance: 1, effects: [] },
          { chance: 0, effects: [] },
        ],
      },
    ]);
    const ref: Record<string, number> = {};
    for (let i = 0; i < 3; i++) draw(ref, state.seed, 'chance');
    expect(state.rng.chance).toBe(ref.chance);
  });

  it('takes the branch with probability P over many seeds', () => {
    let hits = 0;
    for (let i = 0; i < 2000; i++) {
      const ctx = draftOf(sc, bareState(sc, `p${i}`));
      applyEffects(ctx, [{ chance: 0.3, effects: [{ flag: 'hit', set: true }] }], env());
      if (ctx.s.flags.hit) hits++;
    }
    expect(hits / 2000).toBeGreaterThan(0.26);
    expect(hits / 2000).toBeLessThan(0.34);
  });

  it('does not touch the dice or deck streams', () => {
    const { state } = run([{ chance: 0.5, effects: [] }]);
    expect(Object.keys(state.rng).filter((k) => k !== 'chance' && !k.startsWith('deck:'))).toEqual([]);
    expect(state.rng['deck:aanvragen']).toBe(bareState(sc).rng['deck:aanvragen']);
  });
});

describe('when', () => {
  it('applies effects or else by the condition at that moment', () => {
    const { state } = run([
      { flag: 'x', set: true },
      { when: { flag: 'x' }, effects: [{ meter: 'welzijn', add: 5 }], else: [{ meter: 'welzijn', add: -5 }] },
      { when: { flag: 'y' }, effects: [{ meter: 'welzijn', add: 5 }], else: [{ meter: 'welzijn', add: -1 }] },
      { when: { flag: 'y' }, effects: [{ meter: 'welzijn', add: 5 }] },
    ]);
    expect(state.meters.welzijn).toBe(54);
  });

  it('sees changes made earlier in the same list', () => {
    const { state } = run([
      { resource: 'jeugd', add: -15000 },
      { when: { resource: 'jeugd', atMost: 0 }, effects: [{ flag: 'leeg', set: true }] },
    ]);
    expect(state.flags.leeg).toBe(true);
  });
});

describe('schedule', () => {
  it('queues the card for round R + after, logs it with its cause and collects the log index', () => {
    const scheduled: number[] = [];
    const { state } = run([{ schedule: { card: 'overbelast', deck: 'aanvragen', after: 2 } }], {
      cause: 7,
      scheduled,
    });
    expect(state.scheduled).toEqual([{ card: 'overbelast', deck: 'aanvragen', round: 3, cause: 7 }]);
    expect(state.log).toEqual([
      expect.objectContaining({
        kind: 'schedule',
        card: 'overbelast',
        deck: 'aanvragen',
        round: 3,
        arrives: true,
        cause: 7,
      }),
    ]);
    expect(scheduled).toEqual([0]);
  });

  it('counts from round 0 before round 1 (the atStart council)', () => {
    const ctx = draftOf(sc, { ...bareState(sc), round: 0 });
    applyEffects(ctx, [{ schedule: { card: 'overbelast', deck: 'aanvragen', after: 1 } }], env());
    expect(ctx.s.scheduled[0].round).toBe(1);
  });

  it('never arrives past the last round, but is still logged', () => {
    const ctx = draftOf(sc, { ...bareState(sc), round: 5 });
    applyEffects(ctx, [{ schedule: { card: 'overbelast', deck: 'aanvragen', after: 2 } }], env());
    expect(ctx.s.scheduled).toEqual([]);
    expect(ctx.s.log[0]).toMatchObject({ kind: 'schedule', round: 7, arrives: false });
  });

  it('arrives in the last round when R + after equals it', () => {
    const ctx = draftOf(sc, { ...bareState(sc), round: 5 });
    applyEffects(ctx, [{ schedule: { card: 'overbelast', deck: 'aanvragen', after: 1 } }], env());
    expect(ctx.s.scheduled).toHaveLength(1);
  });
});

describe('addCard and removeCard', () => {
  it('shuffles an added copy into the draw pile with one number from the deck stream', () => {
    const ctx = draftOf(sc);
    const before = ctx.s.piles.aanvragen.draw.length;
    const streamBefore = ctx.s.rng['deck:aanvragen'];
    applyEffects(ctx, [{ addCard: { card: 'overbelast', deck: 'aanvragen' } }], env());
    expect(ctx.s.piles.aanvragen.draw).toHaveLength(before + 1);
    expect(ctx.s.piles.aanvragen.draw.filter((c) => c.card === 'overbelast')).toEqual([
      { card: 'overbelast' },
    ]);
    expect(ctx.s.rng['deck:aanvragen']).not.toBe(streamBefore);
  });

  it('puts an added copy at the bottom when the deck is not shuffled', () => {
    const s = scenario({
      decks: [
        {
          id: 'stapel',
          name: 'S',
          shuffle: false,
          cards: [{ id: 'a', kind: 'event', title: 'A', effects: [] }],
        },
      ],
      reserveCards: [{ id: 'r', kind: 'event', title: 'R', effects: [] }],
    });
    const ctx = draftOf(s);
    applyEffects(ctx, [{ addCard: { card: 'r', deck: 'stapel' } }], env());
    expect(ctx.s.piles.stapel.draw).toEqual([{ card: 'r' }, { card: 'a' }]);
    expect(ctx.s.rng['deck:stapel']).toBeUndefined();
  });

  it('removes every copy from draw and discard piles', () => {
    const ctx = draftOf(sc);
    ctx.s.piles = {
      aanvragen: {
        draw: [{ card: 'storm' }, { card: 'baan' }, { card: 'storm' }],
        discard: [{ card: 'storm' }],
      },
    };
    applyEffects(ctx, [{ removeCard: { card: 'storm', deck: 'aanvragen' } }], env());
    expect(ctx.s.piles.aanvragen).toEqual({ draw: [{ card: 'baan' }], discard: [] });
  });

  it('does nothing when there is no copy to remove', () => {
    const state = bareState(sc);
    const ctx = draftOf(sc, state);
    applyEffects(ctx, [{ removeCard: { card: 'overbelast', deck: 'aanvragen' } }], env());
    expect(ctx.s.piles).toBe(state.piles);
  });

  it('never changes the piles of the state it was given', () => {
    const state = bareState(sc);
    const snapshot = JSON.stringify(state);
    const ctx = draftOf(sc, state);
    applyEffects(
      ctx,
      [{ addCard: { card: 'overbelast', deck: 'aanvragen' } }, { resource: 'wmo', add: -5 }],
      env(),
    );
    expect(JSON.stringify(state)).toBe(snapshot);
  });
});

describe('move', () => {
  it('places the active token without passing effects', () => {
    const b = boardGame();
    const ctx = draftOf(b);
    ctx.seat = 1;
    applyEffects(ctx, [{ move: 'rust' }], env());
    expect(ctx.s.players[1].space).toBe(6);
    expect(ctx.s.players[0].space).toBe(0);
    expect(ctx.s.resources.geld).toBe(10000);
  });

  it('does nothing without an active seat', () => {
    const b = boardGame();
    const ctx = draftOf(b);
    ctx.seat = null;
    applyEffects(ctx, [{ move: 'rust' }], env());
    expect(ctx.s.players.map((p) => p.space)).toEqual([0, 0]);
  });
});

describe('log', () => {
  it('adds a log line with the text as data', () => {
    const { state } = run([{ log: { nl: 'Hallo', en: 'Hello' } }]);
    expect(state.log).toEqual([
      expect.objectContaining({ kind: 'log', text: { nl: 'Hallo', en: 'Hello' }, at: 1 }),
    ]);
  });
});

describe('costFactor', () => {
  it('discounts every negative money add, nested ones included, never set or rises', () => {
    const { state, deltas } = run(
      [
        { resource: 'jeugd', add: -1000 },
        { resource: 'jeugd', add: 1000 },
        { chance: 1, effects: [{ resource: 'jeugd', add: -101 }] },
        { when: { flag: 'x' }, effects: [], else: [{ resource: 'werk', add: -10 }] },
      ],
      { factor: 0.5 },
    );
    expect(deltas.resources).toEqual({ jeugd: -500 + 1000 - 51, werk: -5 });
    expect(state.resources.jeugd).toBe(15000 - 500 + 1000 - 51);
    const set = run([{ resource: 'werk', set: 10 }], { factor: 0.5 });
    expect(set.state.resources.werk).toBe(10);
  });

  it('multiplies the matching factors of all chosen priorities', () => {
    const s = scenario({
      priorities: {
        choose: 2,
        options: [
          {
            id: 'a',
            name: 'A',
            modifiers: [
              { tag: 'x', costFactor: 0.5 },
              { tag: 'y', costFactor: 0.9 },
            ],
          },
          { id: 'b', name: 'B', modifiers: [{ tag: 'x', costFactor: 0.8 }] },
          { id: 'c', name: 'C', modifiers: [{ tag: 'z', costFactor: 2 }] },
        ],
      },
    });
    const p = { p: prepare(s) };
    expect(costFactor(p, ['a', 'b'], ['x'])).toBeCloseTo(0.4);
    expect(costFactor(p, ['a', 'b'], ['x', 'y'])).toBeCloseTo(0.36);
    expect(costFactor(p, ['a'], ['z'])).toBe(1);
    expect(costFactor(p, ['c'], ['z'])).toBe(2);
    expect(costFactor(p, [], ['x'])).toBe(1);
    expect(costFactor(p, ['a', 'b'], [])).toBe(1);
  });
});

describe('keepsFloors', () => {
  const p = { p: prepare(sc) };
  const state = bareState(sc);

  it('checks every change where it happens, after the factor', () => {
    expect(keepsFloors(p, state, [{ resource: 'wmo', add: -20000 }], 1)).toBe(true);
    expect(keepsFloors(p, state, [{ resource: 'wmo', add: -20001 }], 1)).toBe(false);
    expect(keepsFloors(p, state, [{ resource: 'wmo', add: -30000 }], 0.5)).toBe(true);
    expect(
      keepsFloors(
        p,
        state,
        [
          { resource: 'wmo', add: -15000 },
          { resource: 'wmo', add: -6000 },
        ],
        1,
      ),
    ).toBe(false);
    expect(
      keepsFloors(
        p,
        state,
        [
          { resource: 'wmo', add: 5000 },
          { resource: 'wmo', add: -25000 },
        ],
        1,
      ),
    ).toBe(true);
  });

  it('ignores resources without a floor and effects inside chance/when', () => {
    expect(keepsFloors(p, state, [{ resource: 'jeugd', add: -1e9 }], 1)).toBe(true);
    expect(keepsFloors(p, state, [{ chance: 1, effects: [{ resource: 'wmo', add: -1e9 }] }], 1)).toBe(true);
    expect(
      keepsFloors(p, state, [{ when: { flag: 'x' }, effects: [{ resource: 'wmo', add: -1e9 }] }], 1),
    ).toBe(true);
  });

  it('checks a `set` too', () => {
    expect(keepsFloors(p, state, [{ resource: 'werk', set: -2001 }], 1)).toBe(false);
    expect(keepsFloors(p, state, [{ resource: 'werk', set: -2000 }], 1)).toBe(true);
  });

  it('is always true without floors', () => {
    const plain = scenario({});
    expect(keepsFloors({ p: prepare(plain) }, bareState(plain), [{ resource: 'geld', add: -1e9 }], 1)).toBe(
      true,
    );
  });
});

describe('previews', () => {
  it('moneyPreview sums the top-level money adds after the factor', () => {
    expect(
      moneyPreview(
        [
          { resource: 'wmo', add: -1000 },
          { resource: 'wmo', add: -500 },
          { resource: 'jeugd', add: 200 },
          { chance: 0.5, effects: [{ resource: 'werk', add: -5 }] },
          { resource: 'werk', set: 0 },
        ],
        0.5,
      ),
    ).toEqual({ wmo: -750, jeugd: 200 });
  });

  it('discountEffects discounts nested negative adds and keeps the rest', () => {
    const effects: Effect[] = [
      { resource: 'wmo', add: -1000 },
      { chance: 0.4, effects: [{ resource: 'wmo', add: -300 }], else: [{ resource: 'wmo', add: -100 }] },
      { when: { flag: 'a' }, effects: [{ resource: 'wmo', add: -10 }] },
      { meter: 'welzijn', add: -3 },
    ];
    expect(discountEffects(effects, 0.5)).toEqual([
      { resource: 'wmo', add: -500 },
      { chance: 0.4, effects: [{ resource: 'wmo', add: -150 }], else: [{ resource: 'wmo', add: -50 }] },
      { when: { flag: 'a' }, effects: [{ resource: 'wmo', add: -5 }] },
      { meter: 'welzijn', add: -3 },
    ]);
  });
});
