/**
 * Every refusal reason, each reached by a real situation (the Record type makes the compiler
 * demand a case for every code), and the promise that a refused step changes nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../scenario/schema';
import { boardGame, orderedDeck, scenario } from './fixtures';
import { freeze, play, start } from './play';
import type { ActorRefusal } from './refusals';
import { canStep, type RefusalReason, step } from './step';
import { type Action, ActionRefused, type GameState } from './types';

function game(extra: Record<string, unknown> = {}): Scenario {
  return scenario({
    players: { min: 1, max: 3 },
    resources: [
      { id: 'geld', name: 'G', start: 100, floor: 0 },
      { id: 'pot', name: 'P', start: 50 },
    ],
    decks: orderedDeck([
      {
        id: 'k',
        kind: 'request',
        title: 'K',
        conversation: [
          { ask: 'V', reveals: 'A' },
          { ask: 'Duur', reveals: 'B', cost: [{ resource: 'geld', add: -500 }] },
        ],
        options: [
          { id: 'a', label: 'A' },
          { id: 'b', label: 'B' },
          { id: 'duur', label: 'D', effects: [{ resource: 'geld', add: -500 }] },
        ],
      },
    ]),
    priorities: {
      choose: 1,
      options: [
        { id: 'p', name: 'P', modifiers: [] },
        { id: 'q', name: 'Q', modifiers: [] },
      ],
    },
    council: { atStart: true, transfers: true },
    ...extra,
  });
}

const vote = () => game({ decision: 'vote' });
/** Past the atStart meeting with a card on the table. */
const cardUp = (sc: Scenario, players = 2) =>
  play(
    sc,
    start(sc, players),
    { type: 'setPriorities', priorities: ['p'] },
    { type: 'endTransfers' },
    { type: 'draw' },
  );
const voteCardUp = (sc: Scenario) =>
  play(
    sc,
    start(sc, 2),
    { type: 'votePriorities', seat: 0, priorities: ['p'] },
    { type: 'votePriorities', seat: 1, priorities: ['p'] },
    { type: 'endTransfers' },
    { type: 'draw' },
  );

// The actor refusals are mayAct's (may-act.test.ts): canStep judges the action, not who sends it.
const cases: Record<Exclude<RefusalReason, ActorRefusal>, () => [Scenario, GameState, Action]> = {
  ended: () => {
    const sc = game();
    return [sc, play(sc, start(sc, 1), { type: 'endNow' }), { type: 'endNow' }];
  },
  'wrong-phase': () => {
    const sc = game();
    return [sc, start(sc, 1), { type: 'draw' }];
  },
  'wrong-mode': () => {
    const sc = game();
    return [sc, start(sc, 1), { type: 'votePriorities', seat: 0, priorities: ['p'] }];
  },
  'roll-instead': () => {
    const sc = boardGame();
    return [sc, start(sc, 2), { type: 'draw' }];
  },
  'draw-instead': () => {
    const sc = game();
    const s = play(sc, start(sc, 1), { type: 'setPriorities', priorities: ['p'] }, { type: 'endTransfers' });
    return [sc, s, { type: 'roll' }];
  },
  'unknown-question': () => {
    const sc = game();
    return [sc, cardUp(sc), { type: 'ask', question: 9 }];
  },
  'already-asked': () => {
    const sc = game();
    return [sc, play(sc, cardUp(sc), { type: 'ask', question: 0 }), { type: 'ask', question: 0 }];
  },
  'voting-started': () => {
    const sc = vote();
    return [
      sc,
      play(sc, voteCardUp(sc), { type: 'vote', seat: 0, option: 'a' }),
      { type: 'ask', question: 0 },
    ];
  },
  unaffordable: () => {
    const sc = game();
    return [sc, cardUp(sc), { type: 'ask', question: 1 }];
  },
  'unknown-option': () => {
    const sc = game();
    return [sc, cardUp(sc), { type: 'choose', option: 'zz' }];
  },
  'option-not-offered': () => {
    const sc = game();
    return [sc, cardUp(sc), { type: 'choose', option: 'duur' }];
  },
  'unknown-seat': () => {
    const sc = vote();
    return [sc, voteCardUp(sc), { type: 'vote', seat: 5, option: 'a' }];
  },
  'already-voted': () => {
    const sc = vote();
    return [
      sc,
      play(sc, voteCardUp(sc), { type: 'vote', seat: 0, option: 'a' }),
      { type: 'vote', seat: 0, option: 'b' },
    ];
  },
  'tie-pending': () => {
    const sc = vote();
    const s = play(
      sc,
      voteCardUp(sc),
      { type: 'vote', seat: 0, option: 'a' },
      { type: 'vote', seat: 1, option: 'b' },
    );
    return [sc, s, { type: 'vote', seat: 0, option: 'a' }];
  },
  'no-tie': () => {
    const sc = vote();
    return [sc, voteCardUp(sc), { type: 'breakTie', option: 'a' }];
  },
  'not-tied': () => {
    const sc = vote();
    const s = play(
      sc,
      voteCardUp(sc),
      { type: 'vote', seat: 0, option: 'a' },
      { type: 'vote', seat: 1, option: 'b' },
    );
    return [sc, s, { type: 'breakTie', option: 'duur' }];
  },
  'wrong-count': () => {
    const sc = game();
    return [sc, start(sc, 1), { type: 'setPriorities', priorities: ['p', 'q'] }];
  },
  duplicate: () => {
    const sc = game({
      priorities: {
        choose: 2,
        options: [
          { id: 'p', name: 'P', modifiers: [] },
          { id: 'q', name: 'Q', modifiers: [] },
        ],
      },
    });
    return [sc, start(sc, 1), { type: 'setPriorities', priorities: ['p', 'p'] }];
  },
  'unknown-priority': () => {
    const sc = game();
    return [sc, start(sc, 1), { type: 'setPriorities', priorities: ['x'] }];
  },
  'unknown-resource': () => {
    const sc = game();
    const s = play(sc, start(sc, 1), { type: 'setPriorities', priorities: ['p'] });
    return [sc, s, { type: 'transfer', from: 'geld', to: 'goud', amount: 1 }];
  },
  'same-resource': () => {
    const sc = game();
    const s = play(sc, start(sc, 1), { type: 'setPriorities', priorities: ['p'] });
    return [sc, s, { type: 'transfer', from: 'geld', to: 'geld', amount: 1 }];
  },
  'bad-amount': () => {
    const sc = game();
    const s = play(sc, start(sc, 1), { type: 'setPriorities', priorities: ['p'] });
    return [sc, s, { type: 'transfer', from: 'geld', to: 'pot', amount: -5 }];
  },
  'over-limit': () => {
    const sc = game();
    const s = play(sc, start(sc, 1), { type: 'setPriorities', priorities: ['p'] });
    return [sc, s, { type: 'transfer', from: 'geld', to: 'pot', amount: 101 }];
  },
  'unknown-card': () => {
    const sc = game();
    return [sc, start(sc, 1), { type: 'injectCard', card: 'niet' }];
  },
  'unknown-deck': () => {
    const sc = game();
    return [sc, start(sc, 1), { type: 'injectCard', card: 'k', deck: 'niet' }];
  },
  'empty-note': () => {
    const sc = game();
    return [sc, start(sc, 1), { type: 'note', text: '' }];
  },
  'no-open-vote': () => {
    const sc = game();
    return [sc, cardUp(sc), { type: 'closeVote' }];
  },
};

describe('every refusal reason', () => {
  for (const [reason, make] of Object.entries(cases)) {
    it(`${reason}: canStep says so and step throws it without changing the state`, () => {
      const [sc, state, action] = make();
      freeze(state);
      expect(canStep(sc, state, action)).toEqual({ ok: false, reason });
      const before = JSON.stringify(state);
      let thrown: unknown = null;
      try {
        step(sc, state, action);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(ActionRefused);
      expect((thrown as ActionRefused).code).toBe(reason);
      expect((thrown as ActionRefused).action).toEqual(action);
      expect(JSON.stringify(state)).toBe(before);
    });
  }
});

describe('unaffordable investments', () => {
  it('are refused when the balance dropped below their cost after the offer', () => {
    const sc = game({ investments: [{ id: 'huis', name: 'H', cost: [{ resource: 'geld', add: -80 }] }] });
    const s = play(sc, start(sc, 1), { type: 'setPriorities', priorities: ['p'] }, { type: 'endTransfers' });
    expect(s.pending).toMatchObject({ step: 'investments', offer: 'huis' });
    const poorer = { ...s, resources: { ...s.resources, geld: 10 } };
    expect(canStep(sc, poorer, { type: 'invest' })).toEqual({ ok: false, reason: 'unaffordable' });
    expect(canStep(sc, poorer, { type: 'decline' })).toEqual({ ok: true });
  });
});
