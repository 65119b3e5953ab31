/**
 * What each audience may see: ballots (a count while open, the split once counted, who voted
 * what only for the facilitator), hidden roles and briefs, the scenario's `reveal`, answers only
 * once asked, and the scenario skeleton a phone gets.
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../scenario/schema';
import { orderedDeck, scenario } from './fixtures';
import { play } from './play';
import { scenarioFor, scenarioSkeleton, seatView } from './seat-view';
import { newGame } from './setup';
import type { GameState } from './types';

function game(extra: Record<string, unknown> = {}): Scenario {
  return scenario({
    decision: 'vote',
    players: { min: 1, max: 4 },
    resources: [{ id: 'geld', name: 'G', start: 1000 }],
    meters: [{ id: 'blij', name: 'Blij', min: 0, max: 10, start: 5 }],
    roles: [
      { id: 'open', name: 'Open', brief: 'Openbare opdracht' },
      { id: 'mol', name: 'Mol', brief: 'GEHEIM-MOL', hidden: true, goal: { meter: 'blij', atMost: 2 } },
      { id: 'ook', name: 'Ook', brief: 'Nog een opdracht' },
    ],
    decks: orderedDeck([
      {
        id: 'k',
        kind: 'request',
        title: 'Kaart K',
        text: 'Tekst K',
        conversation: [{ ask: 'Vraag', reveals: 'ANTWOORD-K' }],
        options: [
          {
            id: 'a',
            label: 'Optie A',
            effects: [
              { resource: 'geld', add: -100 },
              { meter: 'blij', add: 2 },
            ],
            stances: { open: 2 },
          },
          { id: 'b', label: 'Optie B', effects: [{ meter: 'blij', add: -1 }] },
        ],
      },
      {
        id: 'later',
        kind: 'request',
        title: 'TOEKOMST',
        options: [
          { id: 'x', label: 'X' },
          { id: 'y', label: 'Y' },
        ],
      },
    ]),
    ...extra,
  });
}

function dealt(sc: Scenario): GameState {
  return newGame(sc, {
    seed: 's',
    players: [
      { name: 'A', role: 'open' },
      { name: 'B', role: 'mol' },
      { name: 'C', role: 'ook' },
    ],
  });
}

const up = (sc: Scenario) => play(sc, dealt(sc), { type: 'draw' });

describe('seatView', () => {
  it('an open vote: a count for everyone, its own vote for a seat, who voted (not what) for the facilitator', () => {
    const sc = game();
    const s = play(sc, up(sc), { type: 'vote', seat: 1, option: 'b' });
    for (const audience of [0, 1, 'projector', 'facilitator'] as const) {
      const sight = seatView(sc, s, audience);
      expect(sight.view.card?.votes).toEqual([null, null, null]);
      expect(sight.count).toEqual({ cast: 1, total: 3, tally: null });
      expect(JSON.stringify(sight)).not.toContain('"b"]');
    }
    expect(seatView(sc, s, 1).mine).toBe('b');
    expect(seatView(sc, s, 0).mine).toBeNull();
    expect(seatView(sc, s, 'facilitator').voted).toEqual([false, true, false]);
    expect(seatView(sc, s, 0).voted).toBeNull();
  });

  it('a counted vote: the split per option for all, who voted what only for the facilitator', () => {
    const sc = game();
    const s = play(
      sc,
      up(sc),
      { type: 'vote', seat: 0, option: 'a' },
      { type: 'vote', seat: 1, option: 'b' },
      { type: 'vote', seat: 2, option: 'a' },
    );
    const phone = seatView(sc, s, 1);
    expect(phone.last).toMatchObject({ card: 'k', option: 'a', tally: { a: 2, b: 1 }, abstained: 0 });
    expect(phone.last?.title).toBe('Kaart K');
    expect(phone.ballots).toBeNull();
    expect(seatView(sc, s, 'projector').ballots).toBeNull();
    expect(seatView(sc, s, 'facilitator').ballots).toEqual(['a', 'b', 'a']);
  });

  it('a hidden role and its brief: only its own seat, never another seat or the projector, all at the end', () => {
    const sc = game();
    const s = up(sc);
    expect(seatView(sc, s, 1).role).toEqual({ id: 'mol', brief: 'GEHEIM-MOL', hidden: true });
    for (const audience of [0, 2, 'projector', 'facilitator'] as const) {
      const text = JSON.stringify(seatView(sc, s, audience));
      expect(text).not.toContain('GEHEIM-MOL');
      expect(text).not.toContain('"mol"');
    }
    expect(seatView(sc, s, 0).role).toEqual({ id: 'open', brief: 'Openbare opdracht', hidden: false });
    expect(seatView(sc, s, 0).view.players.map((p) => p.role)).toEqual(['open', null, 'ook']);
    const ended = play(sc, s, { type: 'endNow' });
    expect(seatView(sc, ended, 0).view.players.map((p) => p.role)).toEqual(['open', 'mol', 'ook']);
  });

  it("reveal: 'none' no effects or costs, 'cost' the money only, 'all' every effect", () => {
    const options = (reveal: string) => {
      const sc = game({ reveal });
      return seatView(sc, up(sc), 'projector').view.card?.options.find((o) => o.id === 'a');
    };
    expect(options('none')).toMatchObject({ shownCost: {}, effects: [] });
    expect(options('cost')).toMatchObject({ shownCost: { geld: -100 }, effects: [] });
    expect(options('all')?.effects).toEqual([
      { resource: 'geld', add: -100 },
      { meter: 'blij', add: 2 },
    ]);
  });

  it('the card on the table in text; an answer only once its question is asked; no future card, no stance', () => {
    const sc = game();
    const s = up(sc);
    const sight = seatView(sc, s, 0);
    expect(sight.card).toEqual({
      card: 'k',
      kind: 'request',
      title: 'Kaart K',
      text: 'Tekst K',
      options: [
        { id: 'a', label: 'Optie A' },
        { id: 'b', label: 'Optie B' },
      ],
      questions: [{ index: 0, ask: 'Vraag', reveals: null }],
    });
    const text = JSON.stringify(sight);
    for (const hidden of ['ANTWOORD-K', 'TOEKOMST', 'stances']) expect(text).not.toContain(hidden);
    const asked = play(sc, s, { type: 'ask', question: 0 });
    expect(seatView(sc, asked, 2).card?.questions[0].reveals).toBe('ANTWOORD-K');
  });

  it('the skeleton a phone gets names things but holds no card, answer, stance, brief, goal, effect or seed', () => {
    const sc = game({ seed: 'vast', upkeep: [{ resource: 'geld', add: -5 }] });
    const skeleton = scenarioSkeleton(sc);
    const text = JSON.stringify(skeleton);
    for (const hidden of [
      'Kaart K',
      'ANTWOORD-K',
      'TOEKOMST',
      'stances',
      'GEHEIM-MOL',
      'Openbare opdracht',
      'atMost',
      'vast',
    ])
      expect(text).not.toContain(hidden);
    expect(skeleton.roles.map((r) => r.name)).toEqual(['Open', 'Mol', 'Ook']);
    expect(skeleton.resources).toEqual(sc.resources);
    expect(skeleton.upkeep).toEqual([]);
    expect(skeleton.decks[0].cards).toEqual([]);
  });

  it('the scenario per audience: phones the skeleton, the facilitator the cards without hidden briefs, all at the end', () => {
    const sc = game();
    const s = up(sc);
    expect(scenarioFor(sc, s, 0)).toEqual(scenarioSkeleton(sc));
    expect(scenarioFor(sc, null, 'projector')).toEqual(scenarioSkeleton(sc));
    const fac = JSON.stringify(scenarioFor(sc, s, 'facilitator'));
    expect(fac).toContain('TOEKOMST');
    expect(fac).not.toContain('GEHEIM-MOL');
    expect(scenarioFor(sc, play(sc, s, { type: 'endNow' }), 2)).toBe(sc);
  });

  it('a closed vote: who did not vote counts as abstaining in the split', () => {
    const sc = game();
    const s = play(sc, up(sc), { type: 'vote', seat: 0, option: 'b' }, { type: 'closeVote' });
    expect(seatView(sc, s, 2).last).toMatchObject({ option: 'b', tally: { b: 1 }, abstained: 2 });
  });
});
