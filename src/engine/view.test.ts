import { describe, expect, it } from 'vitest';
import { boardGame, cardGame, orderedDeck, scenario, twoOptions } from './fixtures';
import { legalActions } from './legal';
import { freeze, play, start } from './play';
import { createRandom } from './rng';
import { canStep, step } from './step';
import type { GameState } from './types';
import { view } from './view';
import { optionAction, prioritiesAction } from './view-actions';

/** The card game after its atStart council, with `card` on the table (drawn by trying seeds). */
function withCard(
  card: string,
  priority = 'sober',
  seed = 'v',
): { sc: ReturnType<typeof cardGame>; s: GameState } {
  const sc = cardGame();
  for (let i = 0; i < 100; i++) {
    let s = play(
      sc,
      start(sc, 2, `${seed}-${i}`),
      { type: 'setPriorities', priorities: [priority] },
      { type: 'endTransfers' },
      { type: 'decline' },
      { type: 'decline' },
      { type: 'draw' },
    );
    if (s.pending.kind === 'card' && s.pending.copy.card === card) return { sc, s };
    s = s as GameState;
  }
  throw new Error(`no seed draws ${card}`);
}

describe('view: the basics', () => {
  it('shows round, phase, active seat, players, resources and meters with their bounds', () => {
    const sc = boardGame();
    const v = view(sc, start(sc, 3));
    expect(v).toMatchObject({
      round: 1,
      roundCount: 4,
      phase: 'turn',
      activeSeat: 0,
      decision: 'vote',
      reveal: 'cost',
    });
    expect(v.players).toEqual([
      { seat: 0, name: 'P0', role: null, space: 0, skip: 0 },
      { seat: 1, name: 'P1', role: null, space: 0, skip: 0 },
      { seat: 2, name: 'P2', role: null, space: 0, skip: 0 },
    ]);
    expect(v.resources).toEqual([
      { id: 'geld', value: 10000, floor: 0, income: 0 },
      { id: 'reserve', value: 2000, floor: null, income: 0 },
    ]);
    expect(v.meters).toEqual([{ id: 'vertrouwen', value: 5, min: 0, max: 10, good: 'high' }]);
    expect(v.card).toBeNull();
    expect(v.ending).toBeNull();
  });

  it('lists the allowed action types, facilitator ones included, and why the other turn action is refused', () => {
    const sc = boardGame();
    const v = view(sc, start(sc, 2));
    expect(v.allowed.sort()).toEqual(['endNow', 'injectCard', 'note', 'roll']);
    expect(v.refusedReasons).toEqual({ draw: 'roll-instead' });
  });

  it('never draws a random number or changes the state', () => {
    const { sc, s } = withCard('de-vries');
    freeze(s);
    const before = JSON.stringify(s);
    view(sc, s);
    expect(JSON.stringify(s)).toBe(before);
  });
});

describe('view: a card on the table', () => {
  it('shows questions with asked/offered/cost and options with shown costs and effects', () => {
    const { sc, s } = withCard('de-vries');
    const v = view(sc, s);
    expect(v.phase).toBe('card');
    expect(v.card).toMatchObject({
      deck: 'aanvragen',
      card: 'de-vries',
      kind: 'request',
      seat: 0,
      once: false,
      votes: null,
    });
    expect(v.card?.questions).toEqual([
      {
        index: 0,
        asked: false,
        offered: true,
        reason: null,
        cost: [{ meter: 'werkdruk', add: 0.5 }],
        shownCost: {},
      },
      {
        index: 1,
        asked: false,
        offered: true,
        reason: null,
        cost: [{ resource: 'wmo', add: -500 }],
        shownCost: { wmo: -500 },
      },
    ]);
    expect(v.card?.options[0]).toEqual({
      id: 'hulp',
      offered: true,
      selectable: true,
      reason: null,
      factor: 1,
      shownCost: { wmo: -4200 },
      effects: [
        { resource: 'wmo', add: -4200 },
        { meter: 'welzijn', add: 2 },
      ],
    });
    expect(v.allowed).toEqual(
      expect.arrayContaining(['ask', 'choose', 'skipCard', 'note', 'injectCard', 'endNow']),
    );
  });

  it('shows discounted costs under a matching priority, nested effects included', () => {
    const { sc, s } = withCard('de-vries', 'preventie');
    const option = view(sc, s).card?.options.find((o) => o.id === 'eigen-kracht');
    expect(option).toMatchObject({ factor: 0.5, shownCost: { wmo: -150 } });
    expect(option?.effects[0]).toEqual({ resource: 'wmo', add: -150 });
  });

  it('marks a question as asked and says why it cannot be asked again', () => {
    const { sc, s } = withCard('de-vries');
    const v = view(sc, play(sc, s, { type: 'ask', question: 0 }));
    expect(v.card?.questions[0]).toMatchObject({ asked: true, offered: false, reason: 'already-asked' });
    expect(v.card?.questions[1]).toMatchObject({ asked: false, offered: true });
  });

  it('gives the reason an option is not offered', () => {
    const sc = scenario({
      resources: [{ id: 'geld', name: 'G', start: 100, floor: 0 }],
      decks: [
        {
          id: 'stapel',
          name: 'S',
          cards: [
            {
              id: 'k',
              kind: 'request',
              title: 'K',
              options: [
                { id: 'a', label: 'A', when: { flag: 'x' } },
                { id: 'b', label: 'B', effects: [{ resource: 'geld', add: -101 }] },
                { id: 'c', label: 'C' },
              ],
            },
          ],
        },
      ],
    });
    const v = view(sc, play(sc, start(sc, 1), { type: 'draw' }));
    expect(v.card?.options.map((o) => [o.id, o.offered, o.reason])).toEqual([
      ['a', false, 'when-false'],
      ['b', false, 'below-floor'],
      ['c', true, null],
    ]);
  });

  it('in vote mode shows votes, the tie and the tie-breaker', () => {
    const sc = scenario({
      decision: 'vote',
      decks: orderedDeck([twoOptions('k')]),
    });
    let s = play(sc, start(sc, 2), { type: 'draw' }, { type: 'vote', seat: 1, option: 'a' });
    expect(view(sc, s).card).toMatchObject({ votes: [null, 'a'], tieCandidates: null, tieBreaker: 0 });
    expect(view(sc, s).refusedReasons).toEqual({});
    s = play(sc, s, { type: 'vote', seat: 0, option: 'b' });
    const v = view(sc, s);
    expect(v.card).toMatchObject({ votes: ['b', 'a'], tieCandidates: ['a', 'b'] });
    expect(v.allowed).toContain('breakTie');
    expect(v.allowed).not.toContain('vote');
    expect(v.refusedReasons.vote).toBe('tie-pending');
    expect(v.refusedReasons.ask).toBeUndefined();
  });
});

describe('view: invest and council', () => {
  it('shows the council step with priorities, transfer limits and the investment offer', () => {
    const sc = cardGame();
    let s = start(sc, 2);
    let v = view(sc, s);
    expect(v.phase).toBe('council');
    expect(v.activeSeat).toBeNull();
    expect(v.council).toMatchObject({
      after: 0,
      step: 'priorities',
      seat: null,
      chair: 0,
      priorities: {
        options: ['preventie', 'zorg', 'sober'],
        choose: 1,
        votes: null,
        tie: null,
        nextVoter: null,
        candidates: ['preventie', 'zorg', 'sober'],
        prioritiesToPick: 1,
        pick: 'setPriorities',
      },
      transferLimits: null,
      offer: null,
    });
    s = play(sc, s, { type: 'setPriorities', priorities: ['preventie'] });
    v = view(sc, s);
    expect(v.council?.transferLimits).toEqual({ wmo: 20000, jeugd: 15000, werk: 7000 });
    expect(v.allowed).toEqual(expect.arrayContaining(['transfer', 'endTransfers']));
    s = play(sc, s, { type: 'endTransfers' });
    v = view(sc, s);
    expect(v.council?.offer).toEqual({
      investment: 'buurthuis',
      where: 'council',
      affordable: true,
      factor: 0.5,
      shownCost: { wmo: -5000 },
      cost: [{ resource: 'wmo', add: -5000 }],
    });
    expect(v.priorities).toEqual(['preventie']);
  });

  it('shows an investment offered on a space', () => {
    const sc = boardGame('group');
    let s = start(sc, 2);
    const r = createRandom('inv');
    for (let i = 0; i < 500 && s.pending.kind !== 'invest'; i++) {
      const legal = legalActions(sc, s);
      s = step(sc, s, legal[r.int(legal.length)]);
      if (s.pending.kind === 'ended') s = start(sc, 2, `inv-${i}`);
    }
    const v = view(sc, s);
    expect(v.invest).toMatchObject({
      investment: 'buurthuis',
      where: 'space',
      affordable: true,
      shownCost: { geld: -3000 },
    });
    expect(v.allowed).toEqual(expect.arrayContaining(['invest', 'decline']));
  });
});

describe('view: the end', () => {
  it('shows the ending, whether it was immediate, and the goals', () => {
    const sc = cardGame();
    const s = play(sc, start(sc, 2), { type: 'endNow' });
    const v = view(sc, s);
    expect(v.phase).toBe('ended');
    expect(v.ending).toMatchObject({ id: expect.any(String), immediate: false });
    expect(v.allowed).toEqual(['note']);
  });
});

describe('view: who acts next and what a pick sends', () => {
  it('names the turn action: roll on a board, draw from a turn deck', () => {
    const board = boardGame();
    expect(view(board, start(board, 2)).turnAction).toBe('roll');
    const deck = scenario({ decks: orderedDeck([twoOptions('k')]) });
    const s = start(deck, 2);
    expect(view(deck, s).turnAction).toBe('draw');
    expect(view(deck, play(deck, s, { type: 'draw' })).turnAction).toBeNull();
  });

  it('asks the lowest seat that has not voted next, also when a later seat voted first', () => {
    const sc = scenario({ decision: 'vote', decks: orderedDeck([twoOptions('k')]) });
    let s = play(sc, start(sc, 3), { type: 'draw' });
    expect(view(sc, s).card).toMatchObject({ nextVoter: 0, pick: 'vote', tieCandidates: null });
    expect(view(sc, s).nextVoter).toBe(0);
    // A phone may vote out of turn; the next one asked on the shared screen is still seat 0.
    s = play(sc, s, { type: 'vote', seat: 2, option: 'a' });
    expect(view(sc, s).card?.nextVoter).toBe(0);
    s = play(sc, s, { type: 'vote', seat: 0, option: 'a' });
    expect(view(sc, s).card?.nextVoter).toBe(1);
    expect(canStep(sc, s, { type: 'vote', seat: 0, option: 'b' })).toEqual({
      ok: false,
      reason: 'already-voted',
    });
    expect(optionAction(view(sc, s).card!, 'b')).toEqual({ type: 'vote', seat: 1, option: 'b' });
  });

  it('during a tie only the tied options are selectable and a pick breaks the tie', () => {
    const sc = scenario({
      decision: 'vote',
      decks: orderedDeck([
        {
          id: 'k',
          kind: 'request',
          title: 'K',
          options: [
            { id: 'a', label: 'A' },
            { id: 'b', label: 'B' },
            { id: 'c', label: 'C' },
          ],
        },
      ]),
    });
    const s = play(
      sc,
      start(sc, 2),
      { type: 'draw' },
      { type: 'vote', seat: 0, option: 'a' },
      { type: 'vote', seat: 1, option: 'b' },
    );
    const card = view(sc, s).card!;
    expect(card).toMatchObject({ nextVoter: null, tieCandidates: ['a', 'b'], pick: 'breakTie' });
    expect(card.options.map((o) => [o.id, o.offered, o.selectable])).toEqual([
      ['a', true, true],
      ['b', true, true],
      ['c', true, false],
    ]);
    expect(optionAction(card, 'c')).toBeNull();
    expect(optionAction(card, 'b')).toEqual({ type: 'breakTie', option: 'b' });
  });

  it('in group mode a pick chooses, and an option not offered cannot be picked', () => {
    const sc = scenario({
      decks: orderedDeck([
        {
          id: 'k',
          kind: 'request',
          title: 'K',
          options: [
            { id: 'a', label: 'A', when: { flag: 'nooit' } },
            { id: 'b', label: 'B' },
          ],
        },
      ]),
    });
    const card = view(sc, play(sc, start(sc, 2), { type: 'draw' })).card!;
    expect(card).toMatchObject({ nextVoter: null, pick: 'choose' });
    expect(optionAction(card, 'a')).toBeNull();
    expect(optionAction(card, 'b')).toEqual({ type: 'choose', option: 'b' });
  });

  it('priorities in vote mode: the next voter, then on a tied cut-off the tied candidates and how many the chair adds', () => {
    const sc = cardGame('vote');
    let s = start(sc, 2);
    let pr = view(sc, s).council!.priorities!;
    expect(pr).toMatchObject({ nextVoter: 0, pick: 'votePriorities', prioritiesToPick: 1 });
    expect(prioritiesAction(pr, ['zorg'])).toEqual({ type: 'votePriorities', seat: 0, priorities: ['zorg'] });
    expect(prioritiesAction(pr, ['zorg', 'sober'])).toBeNull();
    expect(prioritiesAction(pr, ['onbekend'])).toBeNull();
    s = play(sc, s, { type: 'votePriorities', seat: 0, priorities: ['zorg'] });
    expect(view(sc, s).nextVoter).toBe(1);
    s = play(sc, s, { type: 'votePriorities', seat: 1, priorities: ['sober'] });
    pr = view(sc, s).council!.priorities!;
    expect(pr).toMatchObject({
      nextVoter: null,
      pick: 'breakPriorityTie',
      candidates: ['zorg', 'sober'],
      prioritiesToPick: 1,
    });
    expect(prioritiesAction(pr, ['preventie'])).toBeNull();
    expect(prioritiesAction(pr, ['sober'])).toEqual({ type: 'breakPriorityTie', priorities: ['sober'] });
  });
});
