/**
 * Who may send what: every actor refusal, the council chair and the seat that called the
 * meeting, the tie-breaker, and the per-kind seat lists `view()` gives the screens.
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../scenario/schema';
import { orderedDeck, scenario } from './fixtures';
import { mayAct } from './may-act';
import { play, start } from './play';
import type { GameState } from './types';
import { view } from './view';

function game(decision: 'group' | 'vote'): Scenario {
  return scenario({
    decision,
    players: { min: 1, max: 4 },
    resources: [
      { id: 'geld', name: 'G', start: 100, floor: 0 },
      { id: 'pot', name: 'P', start: 50 },
    ],
    decks: orderedDeck([
      {
        id: 'k',
        kind: 'request',
        title: 'K',
        conversation: [{ ask: 'V', reveals: 'A' }],
        options: [
          { id: 'a', label: 'A' },
          { id: 'b', label: 'B' },
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
  });
}

/** Group mode, past the opening meeting, with seat 0's card on the table. */
function groupCard(players = 3): [Scenario, GameState] {
  const sc = game('group');
  const s = play(
    sc,
    start(sc, players),
    { type: 'setPriorities', priorities: ['p'] },
    { type: 'endTransfers' },
    { type: 'draw' },
  );
  return [sc, s];
}

/** Vote mode at the opening meeting's priorities. */
function votePriorities(players = 3): [Scenario, GameState] {
  const sc = game('vote');
  return [sc, start(sc, players)];
}

describe('mayAct', () => {
  it('not-your-turn: the card, the turn and the tie belong to the active seat', () => {
    const [sc, s] = groupCard();
    expect(s.pending).toMatchObject({ kind: 'card', seat: 0 });
    expect(mayAct(sc, s, 1, { type: 'choose', option: 'a' })).toEqual({ ok: false, reason: 'not-your-turn' });
    expect(mayAct(sc, s, 0, { type: 'choose', option: 'a' })).toEqual({ ok: true });
    const next = play(sc, s, { type: 'choose', option: 'a' });
    expect(next.pending).toMatchObject({ kind: 'turn', seat: 1 });
    expect(mayAct(sc, next, 0, { type: 'draw' })).toEqual({ ok: false, reason: 'not-your-turn' });
    expect(mayAct(sc, next, 1, { type: 'draw' })).toEqual({ ok: true });
  });

  it('not-your-seat: a seat votes only for itself', () => {
    const [sc, s] = votePriorities();
    expect(mayAct(sc, s, 1, { type: 'votePriorities', seat: 2, priorities: ['p'] })).toEqual({
      ok: false,
      reason: 'not-your-seat',
    });
    expect(mayAct(sc, s, 2, { type: 'votePriorities', seat: 2, priorities: ['p'] })).toEqual({ ok: true });
  });

  it('facilitator-only: note, skip, bring in, end and close a vote are not a seat’s', () => {
    const [sc, s] = votePriorities();
    for (const action of [
      { type: 'note', text: 'x' },
      { type: 'skipCard' },
      { type: 'injectCard', card: 'k' },
      { type: 'endNow' },
      { type: 'closeVote' },
    ] as const) {
      expect(mayAct(sc, s, 0, action)).toEqual({ ok: false, reason: 'facilitator-only' });
      expect(mayAct(sc, s, 'facilitator', action).ok || action.type === 'skipCard').toBe(true);
    }
  });

  it('anyone may ask a question; the facilitator may act for any seat; the rules still judge', () => {
    const [sc, s] = groupCard();
    expect(mayAct(sc, s, 2, { type: 'ask', question: 0 })).toEqual({ ok: true });
    expect(mayAct(sc, s, 'facilitator', { type: 'choose', option: 'b' })).toEqual({ ok: true });
    // Who may send it first, then the rules: the active seat still gets the rule's refusal.
    expect(mayAct(sc, s, 0, { type: 'choose', option: 'zz' })).toEqual({
      ok: false,
      reason: 'unknown-option',
    });
    expect(mayAct(sc, s, 1, { type: 'choose', option: 'zz' })).toEqual({
      ok: false,
      reason: 'not-your-turn',
    });
  });

  it('council business: the chair (seat 0) between rounds; the chair or the seat that called it on a board', () => {
    const sc = game('group');
    const s = start(sc, 3);
    expect(s.pending).toMatchObject({ kind: 'council', seat: null });
    expect(mayAct(sc, s, 0, { type: 'setPriorities', priorities: ['p'] })).toEqual({ ok: true });
    expect(mayAct(sc, s, 1, { type: 'setPriorities', priorities: ['p'] })).toEqual({
      ok: false,
      reason: 'not-your-turn',
    });
    // A meeting seat 2's council space called: seat 2 may run it too, seat 1 may not.
    const called: GameState = {
      ...s,
      pending: { kind: 'council', after: 1, step: 'transfers', votes: [], tie: null, offer: null, seat: 2 },
    };
    expect(mayAct(sc, called, 2, { type: 'endTransfers' })).toEqual({ ok: true });
    expect(mayAct(sc, called, 0, { type: 'endTransfers' })).toEqual({ ok: true });
    expect(mayAct(sc, called, 1, { type: 'endTransfers' })).toEqual({ ok: false, reason: 'not-your-turn' });
    expect(view(sc, called).mayAct.endTransfers).toEqual([0, 2]);
  });

  it('a tied vote: only the active seat (the tie-breaker) breaks it; a tied priority cut-off: the chair', () => {
    const [sc, s0] = votePriorities(2);
    const tiedPriorities = play(
      sc,
      s0,
      { type: 'votePriorities', seat: 0, priorities: ['p'] },
      { type: 'votePriorities', seat: 1, priorities: ['q'] },
    );
    expect(tiedPriorities.pending).toMatchObject({ tie: { tied: ['p', 'q'] } });
    expect(view(sc, tiedPriorities).mayAct.breakPriorityTie).toEqual([0]);
    expect(mayAct(sc, tiedPriorities, 1, { type: 'breakPriorityTie', priorities: ['q'] })).toEqual({
      ok: false,
      reason: 'not-your-turn',
    });
    const card = play(
      sc,
      tiedPriorities,
      { type: 'breakPriorityTie', priorities: ['p'] },
      { type: 'endTransfers' },
      { type: 'draw' },
      { type: 'vote', seat: 0, option: 'a' },
      { type: 'vote', seat: 1, option: 'b' },
    );
    expect(card.pending).toMatchObject({ kind: 'card', seat: 0, tie: ['a', 'b'] });
    expect(view(sc, card).mayAct.breakTie).toEqual([0]);
    expect(mayAct(sc, card, 1, { type: 'breakTie', option: 'b' })).toEqual({
      ok: false,
      reason: 'not-your-turn',
    });
    expect(mayAct(sc, card, 0, { type: 'breakTie', option: 'b' })).toEqual({ ok: true });
  });

  it('view().mayAct lists the seats still to vote, and no facilitator action', () => {
    const [sc, s0] = votePriorities(3);
    const s = play(sc, s0, { type: 'votePriorities', seat: 1, priorities: ['p'] });
    const v = view(sc, s);
    expect(v.mayAct).toEqual({ votePriorities: [0, 2] });
    expect(v.allowed).toContain('closeVote');
  });
});
