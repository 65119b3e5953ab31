import { describe, expect, it } from 'vitest';
import {
  affordable,
  firstStep,
  inFileOrder,
  nextOffer,
  prioritySetBlock,
  tallyPriorities,
  transferLimit,
} from './council';
import { bareState, orderedDeck, scenario } from './fixtures';
import { entries, play, start } from './play';
import { prepare } from './prepare';
import { canStep } from './step';

function councilGame(extra: Record<string, unknown> = {}) {
  return scenario({
    rounds: { count: 5, label: 'R{{n}}' },
    players: { min: 1, max: 4 },
    resources: [
      { id: 'wmo', name: 'Wmo', start: 10000, floor: 0 },
      { id: 'jeugd', name: 'Jeugd', start: 500 },
      { id: 'werk', name: 'Werk', start: 300, floor: 100 },
    ],
    decks: orderedDeck([
      {
        id: 'k',
        kind: 'request',
        title: 'K',
        tags: ['zorg'],
        options: [
          { id: 'a', label: 'A', effects: [{ schedule: { card: 'later', deck: 'stapel', after: 1 } }] },
          { id: 'b', label: 'B' },
        ],
      },
    ]),
    reserveCards: [{ id: 'later', kind: 'event', title: 'L', effects: [] }],
    investments: [
      { id: 'duur', name: 'D', cost: [{ resource: 'wmo', add: -20000 }], tags: ['preventie'] },
      { id: 'buurthuis', name: 'B', cost: [{ resource: 'wmo', add: -8000 }], tags: ['preventie'] },
      { id: 'netwerk', name: 'N', cost: [{ resource: 'jeugd', add: -400 }] },
    ],
    priorities: {
      choose: 2,
      options: [
        { id: 'preventie', name: 'P', modifiers: [{ tag: 'preventie', costFactor: 0.5 }] },
        { id: 'zorg', name: 'Z', modifiers: [] },
        { id: 'werk', name: 'W', modifiers: [] },
        { id: 'sober', name: 'S', modifiers: [] },
      ],
    },
    council: { every: 2, atStart: true, transfers: true },
    ...extra,
  });
}

const take = (state: ReturnType<typeof start>) => state.pending;

describe('a council meeting', () => {
  it('runs priorities, then transfers, then each affordable investment in file order', () => {
    const sc = councilGame();
    let s = start(sc, 2);
    expect(take(s)).toMatchObject({ kind: 'council', step: 'priorities', after: 0 });
    s = play(sc, s, { type: 'setPriorities', priorities: ['zorg', 'preventie'] });
    expect(s.priorities).toEqual(['preventie', 'zorg']);
    expect(take(s)).toMatchObject({ kind: 'council', step: 'transfers' });
    s = play(sc, s, { type: 'endTransfers' });
    // `duur` costs 20000 × 0.5 = 10000: affordable now thanks to the priority, offered first.
    expect(take(s)).toMatchObject({ kind: 'council', step: 'investments', offer: 'duur' });
    s = play(sc, s, { type: 'decline' });
    expect(take(s)).toMatchObject({ step: 'investments', offer: 'buurthuis' });
    s = play(sc, s, { type: 'invest' });
    expect(s.resources.wmo).toBe(6000);
    expect(take(s)).toMatchObject({ step: 'investments', offer: 'netwerk' });
    s = play(sc, s, { type: 'invest' });
    expect(s.invested).toEqual(['buurthuis', 'netwerk']);
    expect(take(s)).toEqual({ kind: 'turn', seat: 0 });
    expect(s.round).toBe(1);
    expect(entries(s, 'invest')).toEqual([
      expect.objectContaining({
        investment: 'buurthuis',
        where: 'council',
        deltas: { resources: { wmo: -4000 }, meters: {} },
      }),
      expect.objectContaining({ investment: 'netwerk', where: 'council' }),
    ]);
    expect(entries(s, 'decline')).toEqual([
      expect.objectContaining({ investment: 'duur', where: 'council' }),
    ]);
  });

  it('skips an investment that became unaffordable and ends when none is left', () => {
    const sc = councilGame();
    let s = play(sc, start(sc, 1), { type: 'setPriorities', priorities: ['preventie', 'zorg'] });
    s = play(sc, s, { type: 'transfer', from: 'wmo', to: 'jeugd', amount: 9000 }, { type: 'endTransfers' });
    // wmo 1000: neither `duur` (10000) nor `buurthuis` (4000) is affordable.
    expect(take(s)).toMatchObject({ step: 'investments', offer: 'netwerk' });
    s = play(sc, s, { type: 'decline' });
    expect(take(s)).toEqual({ kind: 'turn', seat: 0 });
  });

  it('is held after every `every`-th round but never after the last', () => {
    const sc = councilGame({ council: { every: 2 }, investments: [] });
    let s = start(sc, 1);
    const meetings: number[] = [];
    while (s.pending.kind !== 'ended') {
      if (s.pending.kind === 'council') {
        meetings.push(s.pending.after);
        s = play(sc, s, { type: 'setPriorities', priorities: ['zorg', 'werk'] });
      } else if (s.pending.kind === 'turn') s = play(sc, s, { type: 'draw' });
      else s = play(sc, s, { type: 'choose', option: 'b' });
    }
    expect(meetings).toEqual([2, 4]);
    const withFour = councilGame({
      rounds: { count: 4, label: 'R' },
      council: { every: 2 },
      investments: [],
    });
    let t = start(withFour, 1);
    const later: number[] = [];
    while (t.pending.kind !== 'ended') {
      if (t.pending.kind === 'council') {
        later.push(t.pending.after);
        t = play(withFour, t, { type: 'setPriorities', priorities: ['zorg', 'werk'] });
      } else if (t.pending.kind === 'turn') t = play(withFour, t, { type: 'draw' });
      else t = play(withFour, t, { type: 'choose', option: 'b' });
    }
    expect(later).toEqual([2]);
  });

  it('is skipped and logged when it has nothing to do', () => {
    const sc = scenario({
      council: { atStart: true },
      decks: [{ id: 'stapel', name: 'S', cards: [{ id: 'e', kind: 'event', title: 'E', effects: [] }] }],
    });
    const s = start(sc, 1);
    expect(s.log.map((e) => e.kind)).toEqual(['councilSkipped', 'roundStart']);
    expect(s.log[0]).toMatchObject({ after: 0 });
    expect(s.pending).toEqual({ kind: 'turn', seat: 0 });
  });

  it('offers only affordable investments, so one without priorities or transfers may still meet', () => {
    const sc = scenario({
      council: { atStart: true },
      investments: [{ id: 'x', name: 'X', cost: [{ resource: 'geld', add: -10 }] }],
    });
    const s = start(sc, 1);
    expect(s.pending).toMatchObject({ kind: 'council', step: 'investments', offer: 'x' });
  });

  it('counts as round R for a schedule made at the meeting after round R', () => {
    const sc = councilGame({
      investments: [
        { id: 'plan', name: 'P', cost: [{ schedule: { card: 'later', deck: 'stapel', after: 1 } }] },
      ],
    });
    let s = play(
      sc,
      start(sc, 1),
      { type: 'setPriorities', priorities: ['zorg', 'werk'] },
      { type: 'endTransfers' },
    );
    expect(s.pending).toMatchObject({ offer: 'plan' });
    s = play(sc, s, { type: 'invest' });
    expect(entries(s, 'schedule')[0]).toMatchObject({ round: 1, arrives: true });
    // It arrived at round 1's start, on top: the first draw is `later`.
    s = play(sc, s, { type: 'draw' });
    expect(entries(s, 'draw')[0]).toMatchObject({ card: 'later', scheduled: true });
  });
});

describe('priorities', () => {
  it('refuses a set of the wrong size, with duplicates or unknown ids', () => {
    const sc = councilGame();
    const s = start(sc, 1);
    expect(canStep(sc, s, { type: 'setPriorities', priorities: ['zorg'] })).toEqual({
      ok: false,
      reason: 'wrong-count',
    });
    expect(canStep(sc, s, { type: 'setPriorities', priorities: ['zorg', 'zorg'] })).toEqual({
      ok: false,
      reason: 'duplicate',
    });
    expect(canStep(sc, s, { type: 'setPriorities', priorities: ['zorg', 'x'] })).toEqual({
      ok: false,
      reason: 'unknown-priority',
    });
    expect(canStep(sc, s, { type: 'votePriorities', seat: 0, priorities: ['zorg', 'werk'] })).toEqual({
      ok: false,
      reason: 'wrong-mode',
    });
  });

  it('in vote mode: each seat votes a set; the most voted win', () => {
    const sc = councilGame({ decision: 'vote' });
    let s = start(sc, 3);
    expect(canStep(sc, s, { type: 'setPriorities', priorities: ['zorg', 'werk'] })).toEqual({
      ok: false,
      reason: 'wrong-mode',
    });
    s = play(
      sc,
      s,
      { type: 'votePriorities', seat: 0, priorities: ['zorg', 'werk'] },
      { type: 'votePriorities', seat: 2, priorities: ['sober', 'zorg'] },
    );
    expect(canStep(sc, s, { type: 'votePriorities', seat: 0, priorities: ['zorg', 'werk'] })).toEqual({
      ok: false,
      reason: 'already-voted',
    });
    expect(canStep(sc, s, { type: 'votePriorities', seat: 3, priorities: ['zorg', 'werk'] })).toEqual({
      ok: false,
      reason: 'unknown-seat',
    });
    s = play(sc, s, { type: 'votePriorities', seat: 1, priorities: ['werk', 'preventie'] });
    // zorg 2, werk 2, sober 1, preventie 1.
    expect(s.priorities).toEqual(['zorg', 'werk']);
    expect(entries(s, 'priorities')[0]).toMatchObject({
      chosen: ['zorg', 'werk'],
      votes: [
        ['zorg', 'werk'],
        ['preventie', 'werk'],
        ['zorg', 'sober'],
      ],
      tieBrokenBy: null,
    });
  });

  it('in vote mode: a tie at the cut-off is broken by the chair among the tied only', () => {
    const sc = councilGame({ decision: 'vote' });
    let s = play(
      sc,
      start(sc, 2),
      { type: 'votePriorities', seat: 0, priorities: ['zorg', 'werk'] },
      { type: 'votePriorities', seat: 1, priorities: ['zorg', 'sober'] },
    );
    // zorg 2 is in; werk 1 and sober 1 tie for the last place.
    expect(s.pending).toMatchObject({ kind: 'council', tie: { chosen: ['zorg'], tied: ['werk', 'sober'] } });
    expect(canStep(sc, s, { type: 'breakPriorityTie', priorities: ['preventie'] })).toEqual({
      ok: false,
      reason: 'not-tied',
    });
    expect(canStep(sc, s, { type: 'breakPriorityTie', priorities: ['werk', 'sober'] })).toEqual({
      ok: false,
      reason: 'wrong-count',
    });
    expect(canStep(sc, s, { type: 'votePriorities', seat: 0, priorities: ['zorg', 'werk'] })).toEqual({
      ok: false,
      reason: 'tie-pending',
    });
    s = play(sc, s, { type: 'breakPriorityTie', priorities: ['sober'] });
    expect(s.priorities).toEqual(['zorg', 'sober']);
    expect(entries(s, 'priorities')[0]).toMatchObject({ tieBrokenBy: 0 });
  });
});

describe('transfers', () => {
  it('moves whole euros, at most max(0, balance − floor)', () => {
    const sc = councilGame();
    const s = play(sc, start(sc, 1), { type: 'setPriorities', priorities: ['zorg', 'werk'] });
    const p = { p: prepare(sc) };
    expect(transferLimit(p, s, 'wmo')).toBe(10000);
    expect(transferLimit(p, s, 'werk')).toBe(200);
    expect(transferLimit(p, s, 'jeugd')).toBe(500);
    expect(canStep(sc, s, { type: 'transfer', from: 'werk', to: 'wmo', amount: 201 })).toEqual({
      ok: false,
      reason: 'over-limit',
    });
    expect(canStep(sc, s, { type: 'transfer', from: 'werk', to: 'wmo', amount: 200 })).toEqual({ ok: true });
    expect(canStep(sc, s, { type: 'transfer', from: 'wmo', to: 'wmo', amount: 1 })).toEqual({
      ok: false,
      reason: 'same-resource',
    });
    expect(canStep(sc, s, { type: 'transfer', from: 'wmo', to: 'x', amount: 1 })).toEqual({
      ok: false,
      reason: 'unknown-resource',
    });
    expect(canStep(sc, s, { type: 'transfer', from: 'wmo', to: 'jeugd', amount: 0 })).toEqual({
      ok: false,
      reason: 'bad-amount',
    });
    expect(canStep(sc, s, { type: 'transfer', from: 'wmo', to: 'jeugd', amount: 1.5 })).toEqual({
      ok: false,
      reason: 'bad-amount',
    });
  });

  it('never takes from a resource in deficit', () => {
    const sc = councilGame();
    const s = play(sc, start(sc, 1), { type: 'setPriorities', priorities: ['zorg', 'werk'] });
    const deficit = { ...s, resources: { ...s.resources, jeugd: -50 } };
    expect(transferLimit({ p: prepare(sc) }, deficit, 'jeugd')).toBe(0);
  });

  it('allows any number of transfers, logs each with its deltas, then moves on', () => {
    const sc = councilGame();
    let s = play(
      sc,
      start(sc, 1),
      { type: 'setPriorities', priorities: ['zorg', 'werk'] },
      { type: 'transfer', from: 'wmo', to: 'jeugd', amount: 1000 },
      { type: 'transfer', from: 'jeugd', to: 'werk', amount: 1500 },
    );
    expect(s.resources).toEqual({ wmo: 9000, jeugd: 0, werk: 1800 });
    expect(entries(s, 'transfer')[1]).toMatchObject({
      from: 'jeugd',
      to: 'werk',
      amount: 1500,
      deltas: { resources: { jeugd: -1500, werk: 1500 }, meters: {} },
    });
    s = play(sc, s, { type: 'endTransfers' });
    expect(s.pending).toMatchObject({ step: 'investments' });
  });
});

describe('helpers', () => {
  const sc = councilGame();
  const p = { p: prepare(sc) };

  it('tallyPriorities: no tie when the cut-off is clear', () => {
    expect(
      tallyPriorities(sc, [
        ['zorg', 'werk'],
        ['zorg', 'werk'],
        ['sober', 'preventie'],
      ]),
    ).toEqual({
      chosen: ['zorg', 'werk'],
      tied: null,
    });
  });

  it('tallyPriorities: everyone tied means the chair picks among all of them', () => {
    expect(
      tallyPriorities(sc, [
        ['zorg', 'werk'],
        ['sober', 'preventie'],
      ]),
    ).toEqual({
      chosen: [],
      tied: ['preventie', 'zorg', 'werk', 'sober'],
    });
  });

  it('firstStep skips steps the scenario does not have', () => {
    const bare = scenario({ council: { transfers: true }, resources: [{ id: 'geld', name: 'G', start: 1 }] });
    expect(firstStep(bare, { p: prepare(bare) }, bareState(bare), 'priorities')).toBeNull();
    expect(firstStep(sc, p, bareState(sc), 'transfers')).toEqual({ step: 'transfers', offer: null });
    expect(firstStep(sc, p, bareState(sc), 'investments')).toEqual({
      step: 'investments',
      offer: 'buurthuis',
    });
  });

  it('nextOffer and affordable follow floors and purchases', () => {
    const state = { ...bareState(sc), invested: ['buurthuis'] };
    expect(nextOffer(sc, p, state, -1)).toBe('netwerk');
    expect(affordable(p, state, sc.investments[0])).toBe(false);
    expect(affordable(p, { ...state, priorities: ['preventie'] }, sc.investments[0])).toBe(true);
  });

  it('prioritySetBlock and inFileOrder', () => {
    expect(prioritySetBlock(sc, ['sober', 'zorg'])).toBeNull();
    expect(inFileOrder(sc, ['sober', 'zorg'])).toEqual(['zorg', 'sober']);
  });
});
