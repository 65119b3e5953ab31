/**
 * The facilitator closes a vote (`closeVote`): the votes cast so far decide, who did not vote
 * abstains, a tie goes to the usual tie-break; the record keeps it, so replay and undo agree.
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../scenario/schema';
import { orderedDeck, scenario } from './fixtures';
import { entries, play, start } from './play';
import { appendAction, canUndo, newRecord, replay, undo } from './record';
import { canStep } from './step';
import type { Action } from './types';

function game(): Scenario {
  return scenario({
    decision: 'vote',
    players: { min: 1, max: 4 },
    decks: orderedDeck([
      {
        id: 'k',
        kind: 'request',
        title: 'K',
        options: [
          { id: 'a', label: 'A', effects: [{ resource: 'geld', add: -100 }] },
          { id: 'b', label: 'B' },
          { id: 'c', label: 'C', when: { resource: 'geld', atLeast: 1_000_000 } },
        ],
      },
    ]),
    priorities: {
      choose: 1,
      options: [
        { id: 'p', name: 'P', modifiers: [] },
        { id: 'q', name: 'Q', modifiers: [] },
        { id: 'r', name: 'R', modifiers: [] },
      ],
    },
    council: { atStart: true },
  });
}

const PAST_MEETING: Action[] = [
  { type: 'votePriorities', seat: 0, priorities: ['p'] },
  { type: 'votePriorities', seat: 1, priorities: ['p'] },
  { type: 'votePriorities', seat: 2, priorities: ['p'] },
  { type: 'votePriorities', seat: 3, priorities: ['p'] },
  { type: 'draw' },
];

describe('closeVote', () => {
  it('the votes cast decide; the seats that did not vote abstain (null in the decision)', () => {
    const sc = game();
    const s = play(
      sc,
      start(sc, 4),
      ...PAST_MEETING,
      { type: 'vote', seat: 1, option: 'a' },
      { type: 'vote', seat: 2, option: 'a' },
      { type: 'vote', seat: 3, option: 'b' },
      { type: 'closeVote' },
    );
    const [decision] = entries(s, 'decision');
    expect(decision).toMatchObject({ option: 'a', votes: [null, 'a', 'a', 'b'], tieBrokenBy: null });
    expect(s.resources.geld).toBe(900);
    expect(s.pending.kind).toBe('turn');
  });

  it('a tie among the votes cast goes to the active seat, who breaks it as usual', () => {
    const sc = game();
    const s = play(
      sc,
      start(sc, 4),
      ...PAST_MEETING,
      { type: 'vote', seat: 2, option: 'a' },
      { type: 'vote', seat: 3, option: 'b' },
      { type: 'closeVote' },
    );
    expect(s.pending).toMatchObject({ kind: 'card', seat: 0, tie: ['a', 'b'] });
    expect(canStep(sc, s, { type: 'closeVote' })).toEqual({ ok: false, reason: 'no-open-vote' });
    expect(canStep(sc, s, { type: 'vote', seat: 0, option: 'a' })).toEqual({
      ok: false,
      reason: 'tie-pending',
    });
    const settled = play(sc, s, { type: 'breakTie', option: 'b' });
    expect(entries(settled, 'decision')[0]).toMatchObject({
      option: 'b',
      votes: [null, null, 'a', 'b'],
      tieBrokenBy: 0,
    });
  });

  it('closed before anyone voted: every option still offered is tied (not the one that is not offered)', () => {
    const sc = game();
    const s = play(sc, start(sc, 4), ...PAST_MEETING, { type: 'closeVote' });
    expect(s.pending).toMatchObject({ kind: 'card', tie: ['a', 'b'] });
  });

  it('works for the council priorities: the sets cast decide, a tied cut-off goes to the chair', () => {
    const sc = game();
    const decided = play(
      sc,
      start(sc, 4),
      { type: 'votePriorities', seat: 1, priorities: ['q'] },
      { type: 'votePriorities', seat: 2, priorities: ['q'] },
      { type: 'votePriorities', seat: 3, priorities: ['r'] },
      { type: 'closeVote' },
    );
    expect(decided.priorities).toEqual(['q']);
    expect(entries(decided, 'priorities')[0]).toMatchObject({
      chosen: ['q'],
      votes: [null, ['q'], ['q'], ['r']],
    });
    const tied = play(
      sc,
      start(sc, 4),
      { type: 'votePriorities', seat: 1, priorities: ['q'] },
      { type: 'votePriorities', seat: 2, priorities: ['r'] },
      { type: 'closeVote' },
    );
    expect(tied.pending).toMatchObject({ kind: 'council', tie: { chosen: [], tied: ['q', 'r'] } });
  });

  it('is refused in group mode and when no vote is open', () => {
    const sc = { ...game(), decision: 'group' as const };
    expect(canStep(sc, start(sc, 2), { type: 'closeVote' })).toEqual({ ok: false, reason: 'no-open-vote' });
  });

  it('replays to the same state, and undo takes back the whole vote with its closing', () => {
    const sc = game();
    const actions: Action[] = [
      ...PAST_MEETING,
      { type: 'vote', seat: 2, option: 'a' },
      { type: 'vote', seat: 3, option: 'b' },
      { type: 'closeVote' },
      { type: 'breakTie', option: 'a' },
    ];
    let record = newRecord(
      sc,
      'hash',
      'seed',
      [0, 1, 2, 3].map((i) => ({ name: `P${i}` })),
    );
    for (const a of actions) record = appendAction(record, a);
    const live = play(sc, start(sc, 4), ...actions);
    expect(replay(sc, record)).toEqual(live);
    expect(canUndo(record)).toBe(true);
    const back = undo(sc, record);
    expect(back.actions).toEqual(PAST_MEETING);
    expect(replay(sc, back).pending).toMatchObject({
      kind: 'card',
      votes: [null, null, null, null],
      tie: null,
    });
  });
});
