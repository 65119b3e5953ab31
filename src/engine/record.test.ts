import { describe, expect, it } from 'vitest';
import { logChain } from './draft';
import { cardGame, scenario } from './fixtures';
import { play } from './play';
import { appendAction, canUndo, decisionStarts, newRecord, replay, undo } from './record';
import { RNG_VERSION } from './rng';
import { newGame } from './setup';
import { step } from './step';
import type { Action, SessionRecord } from './types';

const players = [{ name: 'A' }, { name: 'B' }];

function voteGame() {
  return scenario({
    decision: 'vote',
    players: { min: 1, max: 3 },
    rounds: { count: 3, label: 'R' },
    decks: [
      {
        id: 'stapel',
        name: 'S',
        shuffle: false,
        cards: Array.from({ length: 4 }, (_, i) => ({
          id: `k${i}`,
          kind: 'request',
          title: 'K',
          conversation: [{ ask: 'V', reveals: 'A' }],
          options: [
            { id: 'a', label: 'A', effects: [{ resource: 'geld', add: -10 }] },
            { id: 'b', label: 'B' },
          ],
        })),
      },
    ],
  });
}

function record(actions: Action[], p = players): SessionRecord {
  return newRecord(voteGame(), 'hash', 'seed', p, actions);
}

describe('newRecord and appendAction', () => {
  it('carries the scenario id and hash, seed, generator version and players', () => {
    const r = newRecord(voteGame(), 'abc', 'seed', players);
    expect(r).toEqual({
      version: 1,
      scenario: { id: 'test', hash: 'abc' },
      seed: 'seed',
      rng: RNG_VERSION,
      players,
      actions: [],
    });
  });

  it('appends without changing the given record', () => {
    const r = record([]);
    const next = appendAction(r, { type: 'draw' });
    expect(r.actions).toEqual([]);
    expect(next.actions).toEqual([{ type: 'draw' }]);
  });
});

describe('replay', () => {
  it('rebuilds exactly the state the actions made', () => {
    const sc = voteGame();
    const actions: Action[] = [
      { type: 'draw' },
      { type: 'ask', question: 0 },
      { type: 'vote', seat: 0, option: 'a' },
      { type: 'vote', seat: 1, option: 'b' },
      { type: 'breakTie', option: 'a' },
      { type: 'note', text: 'hm' },
      { type: 'draw' },
    ];
    const direct = play(sc, newGame(sc, { seed: 'seed', players }), ...actions);
    expect(replay(sc, record(actions))).toEqual(direct);
  });

  it('throws on an action the rules refuse (a damaged record)', () => {
    const sc = voteGame();
    expect(() => replay(sc, record([{ type: 'choose', option: 'a' }]))).toThrow(/refused: wrong-phase/);
  });

  it('refuses a record made with another random generator', () => {
    const sc = voteGame();
    expect(() => replay(sc, { ...record([]), rng: 'other/1' })).toThrow(/random generator other\/1/);
  });

  it('accepts a record without a generator version (the current one)', () => {
    const sc = voteGame();
    const { rng: _, ...old } = record([{ type: 'draw' }]);
    expect(replay(sc, old as SessionRecord).pending.kind).toBe('card');
  });
});

describe('undo', () => {
  it('removes the last choice and everything after it, keeping the questions asked before it', () => {
    const sc = cardGame();
    const actions: Action[] = [
      { type: 'setPriorities', priorities: ['zorg'] },
      { type: 'endTransfers' },
      { type: 'decline' },
      { type: 'decline' },
      { type: 'draw' },
      { type: 'ask', question: 0 },
      { type: 'choose', option: 'traject' },
      { type: 'draw' },
    ];
    const r = newRecord(sc, 'h', 'seed', players, actions);
    expect(undo(sc, r).actions).toEqual(actions.slice(0, 6));
  });

  it('removes a whole vote with its tie-break as one decision', () => {
    const actions: Action[] = [
      { type: 'draw' },
      { type: 'ask', question: 0 },
      { type: 'vote', seat: 1, option: 'a' },
      { type: 'vote', seat: 0, option: 'b' },
      { type: 'breakTie', option: 'b' },
      { type: 'draw' },
    ];
    expect(undo(voteGame(), record(actions)).actions).toEqual(actions.slice(0, 2));
  });

  it('removes the votes of a vote in progress', () => {
    const actions: Action[] = [
      { type: 'draw' },
      { type: 'vote', seat: 0, option: 'a' },
      { type: 'vote', seat: 1, option: 'a' },
      { type: 'draw' },
      { type: 'vote', seat: 1, option: 'b' },
      { type: 'note', text: 'twijfel' },
    ];
    expect(undo(voteGame(), record(actions)).actions).toEqual(actions.slice(0, 4));
  });

  it('tells two votes in a row apart by their number of voters', () => {
    const actions: Action[] = [
      { type: 'draw' },
      { type: 'injectCard', card: 'k3' },
      { type: 'vote', seat: 0, option: 'a' },
      { type: 'vote', seat: 1, option: 'a' },
      { type: 'vote', seat: 0, option: 'b' },
      { type: 'vote', seat: 1, option: 'b' },
    ];
    const sc = voteGame();
    const r = record(actions);
    // The record is valid: the injected card comes right after the first.
    expect(replay(sc, r).pending).toEqual({ kind: 'turn', seat: 1 });
    expect(undo(sc, r).actions).toEqual(actions.slice(0, 4));
    expect(undo(sc, undo(sc, r)).actions).toEqual(actions.slice(0, 2));
  });

  it('takes back priority votes with the chair’s tie-break as one decision', () => {
    const actions: Action[] = [
      { type: 'votePriorities', seat: 0, priorities: ['a', 'b'] },
      { type: 'votePriorities', seat: 1, priorities: ['a', 'c'] },
      { type: 'breakPriorityTie', priorities: ['c'] },
      { type: 'endTransfers' },
    ];
    expect(decisionStarts(record(actions))).toEqual([0, 0, 0, 3]);
    expect(undo(voteGame(), record(actions)).actions).toEqual([]);
  });

  it('takes back one transfer at a time', () => {
    const actions: Action[] = [
      { type: 'transfer', from: 'a', to: 'b', amount: 5 },
      { type: 'transfer', from: 'a', to: 'b', amount: 7 },
      { type: 'endTransfers' },
    ];
    expect(undo(voteGame(), record(actions)).actions).toEqual(actions.slice(0, 1));
  });

  it('leaves a record without decisions as it is', () => {
    const r = record([{ type: 'draw' }, { type: 'note', text: 'x' }]);
    expect(undo(voteGame(), r)).toBe(r);
    expect(canUndo(r)).toBe(false);
    expect(canUndo(record([{ type: 'draw' }, { type: 'vote', seat: 0, option: 'a' }]))).toBe(true);
  });

  it('gives a record that replays to the state before the decision', () => {
    const sc = voteGame();
    const before: Action[] = [{ type: 'draw' }, { type: 'ask', question: 0 }];
    const r = record([
      ...before,
      { type: 'vote', seat: 0, option: 'a' },
      { type: 'vote', seat: 1, option: 'a' },
    ]);
    expect(replay(sc, undo(sc, r))).toEqual(replay(sc, record(before)));
  });
});

describe('a log chain (replay appends in place)', () => {
  it('never changes a state made outside the chain, nor one stepped from the chain', () => {
    const s = cardGame();
    const held = newGame(s, { seed: 'x', players });
    const start = held.log.length;
    const note = (text: string): Action => ({ type: 'note', text });
    const notes = (log: typeof held.log) =>
      log.slice(start).map((e) => (e.kind === 'note' ? e.text : e.kind));
    const chain = logChain();
    // A chain step from a state made outside it copies the log; the next one appends in place.
    const a = step(s, held, note('een'), chain);
    const b = step(s, a, note('twee'), chain);
    expect(held.log).toHaveLength(start);
    expect(notes(b.log)).toEqual(['een', 'twee']);
    // A step outside the chain from the chain's last state copies: the chain going on later
    // does not change it.
    const outside = step(s, b, note('buiten'));
    const c = step(s, b, note('drie'), chain);
    expect(notes(outside.log)).toEqual(['een', 'twee', 'buiten']);
    expect(notes(c.log)).toEqual(['een', 'twee', 'drie']);
    expect(held.log).toHaveLength(start);
  });
});
