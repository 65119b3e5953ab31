import { describe, expect, it } from 'vitest';
import { createStrategy, playGame } from '../engine/simulate';
import { analyseBalance, goodness } from './balance';
import { collectGame, emptyCollected } from './collect';
import { keyFindings } from './findings';
import { clean, flawed, scenarioWith } from './test-scenarios';

describe('the balance analysis on a scenario with planted flaws', () => {
  const a = analyseBalance(flawed, { games: 150, seed: 'flawed' });

  it('finds the planted dominated option, and only that one', () => {
    expect(a.dominated).toEqual([{ card: 'pilot', option: 'wachten', by: ['beter'] }]);
    expect(a.decisionCards).toBe(4);
    expect(a.decisionCardsWithDominated).toBe(1);
    const pilot = a.cards.find((c) => c.id === 'pilot');
    expect(pilot?.options.find((o) => o.id === 'wachten')?.dominatedBy).toEqual(['beter']);
  });

  it('finds the unreachable ending under every strategy', () => {
    const utopie = a.endings.find((e) => e.id === 'utopie');
    expect(utopie?.reached).toBe(false);
    expect(a.endings.filter((e) => !e.reached).map((e) => e.id)).toEqual(['utopie']);
    expect(keyFindings(a).map((f) => f.text)).toContain('ending "utopie" is never reached by any strategy');
  });

  it('finds the investment that is never affordable', () => {
    expect(a.neverAffordable).toEqual(['paleis']);
  });

  it('lists the card never drawn, the option never offered, the goal never met, the card that never arrives', () => {
    expect(a.neverDrawn).toEqual(['nooit', 'later']);
    expect(a.neverOffered).toEqual([{ card: 'hulpvraag', option: 'verboden' }]);
    expect(a.goalsNeverMet).toEqual(['dromer']);
    expect(a.neverArrives).toEqual([expect.objectContaining({ card: 'later', tooLate: expect.any(Number) })]);
    expect(a.neverArrives[0].tooLate).toBe(a.neverArrives[0].scheduled);
    expect(a.neverArrives[0].scheduled).toBeGreaterThan(0);
  });

  it('runs random, cheapest and best for each meter', () => {
    expect(a.strategies.map((s) => s.strategy)).toEqual([
      'random',
      'cheapest',
      'best-welzijn',
      'best-werkdruk',
    ]);
    for (const s of a.strategies) expect(s.report.games).toBe(150);
  });
});

describe('the balance analysis on a scenario without flaws', () => {
  const a = analyseBalance(clean, { games: 300, seed: 'clean' });

  it('reports none of them', () => {
    expect(a.dominated).toEqual([]);
    expect(a.endings.every((e) => e.reached)).toBe(true);
    expect(a.neverDrawn).toEqual([]);
    expect(a.neverOffered).toEqual([]);
    expect(a.neverAffordable).toEqual([]);
    expect(a.goalsNeverMet).toEqual([]);
    expect(a.neverArrives).toEqual([]);
    expect(a.errors).toBe(0);
    expect(keyFindings(a).filter((f) => f.level === 'problem')).toEqual([]);
  });

  it('gives pick rates, offers and mean effects per option', () => {
    const overleg = a.cards.find((c) => c.id === 'overleg')!;
    const rates = overleg.options.map((o) => o.pickRate);
    expect(rates[0] + rates[1]).toBeCloseTo(1);
    expect(rates[0]).toBeGreaterThan(0.35);
    const vaker = overleg.options[0];
    // The option's deltas as written are its mean effect unless a meter hits its bound.
    expect(vaker.meanEffect?.meters.werkdruk).toBeGreaterThan(1.5);
    expect(vaker.meanEffect?.meters.werkdruk).toBeLessThanOrEqual(2);
    expect(vaker.expected).toEqual({ 'meter:werkdruk': { lo: 2, hi: 2 }, 'meter:welzijn': { lo: 1, hi: 1 } });
    expect(vaker.offered).toBeGreaterThan(overleg.drawn);
  });

  it('gives meter ranges at every round end, ordered p10 ≤ p50 ≤ p90', () => {
    const random = a.strategies[0];
    const welzijn = random.rounds.meters.welzijn;
    expect(welzijn).toHaveLength(3);
    for (const r of welzijn) {
      expect(r.n).toBe(300);
      expect(r.p10).toBeLessThanOrEqual(r.p50);
      expect(r.p50).toBeLessThanOrEqual(r.p90);
    }
    // The last round end is the end of the game: the same spread as the simulator's report.
    const { n, ...last } = welzijn[2];
    expect(last).toEqual(random.report.meters.welzijn);
    expect(random.rounds.resources.geld[2].p50).toBe(random.report.resources.geld.p50);
  });

  it('is the same for the same seed', () => {
    const b = analyseBalance(clean, { games: 300, seed: 'clean' });
    const strip = (x: typeof a) =>
      JSON.stringify(x.strategies.map((s) => ({ ...s.report, seconds: 0, gamesPerSecond: 0 })));
    expect(strip(b)).toBe(strip(a));
    expect(b.cards).toEqual(a.cards);
  });
});

describe('round-end values rebuilt from the log', () => {
  it('end at the final values of the game', () => {
    for (let g = 0; g < 30; g++) {
      const { state } = playGame(flawed, `ledger${g}`, 2, createStrategy(flawed, 'random', `s${g}`));
      const c = emptyCollected(flawed);
      collectGame(flawed, c, state);
      expect(c.rounds.resources.geld[2]).toEqual([state.resources.geld]);
      expect(c.rounds.meters.welzijn[2]).toEqual([state.meters.welzijn]);
      expect(c.rounds.meters.werkdruk[2]).toEqual([state.meters.werkdruk]);
    }
  });
});

describe('walkover', () => {
  it('is found when one strategy always reaches the best ending', () => {
    // Only one card; its caring option always lifts wellbeing past the best ending's bar.
    const easy = scenarioWith({
      decks: [
        {
          id: 'stapel',
          name: 'Stapel',
          cards: [
            {
              id: 'keuze',
              kind: 'dilemma',
              title: 'Keuze',
              options: [
                {
                  id: 'zorg',
                  label: 'Zorg',
                  effects: [
                    { meter: 'welzijn', add: 3 },
                    { resource: 'geld', add: -10 },
                  ],
                },
                { id: 'niets', label: 'Niets', effects: [{ meter: 'welzijn', add: -1 }] },
              ],
            },
          ],
        },
      ],
    });
    const a = analyseBalance(easy, { games: 100, seed: 'w' });
    expect(a.bestEnding).toBe('bloei');
    expect(a.walkover.strategy).toEqual({ strategy: 'best-welzijn', ending: 'bloei', share: 1 });
  });

  it('reads the best ending from the endings’ conditions', () => {
    expect(goodness(clean, { meter: 'welzijn', atLeast: 12 })).toBe(1);
    expect(goodness(clean, { meter: 'werkdruk', atLeast: 12 })).toBe(-1);
    expect(
      goodness(clean, {
        all: [
          { resource: 'geld', atLeast: 0 },
          { meter: 'werkdruk', below: 5 },
        ],
      }),
    ).toBe(2);
    expect(
      goodness(clean, {
        any: [
          { meter: 'welzijn', atLeast: 1 },
          { meter: 'welzijn', below: 1 },
        ],
      }),
    ).toBe(-1);
    expect(goodness(clean, { not: { meter: 'welzijn', below: 5 } })).toBe(1);
    expect(goodness(clean, { flag: 'x' })).toBe(0);
  });
});
