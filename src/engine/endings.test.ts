import { describe, expect, it } from 'vitest';
import { finalEnding, immediateEnding, roleGoals } from './endings';
import { bareState, scenario } from './fixtures';
import { entries, play, start } from './play';

function endingGame(extra: Record<string, unknown> = {}) {
  return scenario({
    players: { min: 1, max: 3 },
    rounds: { count: 2, label: 'R' },
    resources: [
      { id: 'geld', name: 'G', start: 1000 },
      { id: 'extra', name: 'E', start: 0 },
    ],
    meters: [{ id: 'm', name: 'M', min: 0, max: 10, start: 5, drift: -1 }],
    roles: [
      { id: 'zuinig', name: 'Z', brief: 'b', goal: { resource: 'total', atLeast: 900 } },
      { id: 'royaal', name: 'R', brief: 'b', goal: { meter: 'm', atLeast: 6 } },
      { id: 'vrij', name: 'V', brief: 'b' },
    ],
    decks: [
      {
        id: 'stapel',
        name: 'S',
        shuffle: false,
        cards: Array.from({ length: 6 }, (_, i) => ({
          id: `k${i}`,
          kind: 'request',
          title: 'K',
          options: [
            { id: 'duur', label: 'D', effects: [{ resource: 'geld', add: -600 }] },
            { id: 'goed', label: 'G', effects: [{ meter: 'm', add: 4 }] },
            { id: 'niets', label: 'N' },
          ],
        })),
      },
    ],
    endings: [
      { id: 'failliet', title: 'F', text: 'f', when: { resource: 'total', below: 0 }, immediate: true },
      { id: 'somber', title: 'S', text: 's', when: { meter: 'm', atMost: 2 }, immediate: true },
      { id: 'bloei', title: 'B', text: 'b', when: { meter: 'm', atLeast: 8 } },
      { id: 'krap', title: 'K', text: 'k', when: { resource: 'geld', atMost: 500 } },
      { id: 'gewoon', title: 'G', text: 'g' },
    ],
    ...extra,
  });
}

describe('immediate endings', () => {
  it('end the game right after the action that makes one hold', () => {
    const sc = endingGame();
    const s = play(
      sc,
      start(sc, 2),
      { type: 'draw' },
      { type: 'choose', option: 'duur' },
      { type: 'draw' },
      { type: 'choose', option: 'duur' },
    );
    expect(s.pending).toEqual({ kind: 'ended' });
    expect(s.ending?.id).toBe('failliet');
    expect(s.log.at(-1)).toMatchObject({ kind: 'ending', ending: 'failliet', immediate: true, at: 1 });
    // No round end ran after it.
    expect(entries(s, 'roundEnd')).toEqual([]);
  });

  it('are checked after a round end (drift)', () => {
    const sc = endingGame({ meters: [{ id: 'm', name: 'M', min: 0, max: 10, start: 3, drift: -1 }] });
    const s = play(sc, start(sc, 1), { type: 'draw' }, { type: 'choose', option: 'niets' });
    expect(s.ending?.id).toBe('somber');
    expect(s.log.slice(-2).map((e) => e.kind)).toEqual(['roundEnd', 'ending']);
  });

  it('are checked in list order: the first that holds wins', () => {
    const sc = endingGame();
    const s = { ...bareState(sc), resources: { geld: -1, extra: 0 }, meters: { m: 0 } };
    expect(immediateEnding(sc, s)).toBe('failliet');
    expect(immediateEnding(sc, { ...s, resources: { geld: 5, extra: 0 } })).toBe('somber');
    expect(immediateEnding(sc, { ...s, resources: { geld: 5, extra: 0 }, meters: { m: 5 } })).toBeNull();
  });

  it('are checked before the table acts after income, so a start in deficit ends at once', () => {
    const sc = endingGame({
      resources: [
        { id: 'geld', name: 'G', start: 100, income: -200 },
        { id: 'extra', name: 'E', start: 0 },
      ],
    });
    const s = start(sc, 1);
    expect(s.ending?.id).toBe('failliet');
    expect(s.pending).toEqual({ kind: 'ended' });
  });

  it('judge role goals when the game ends early', () => {
    const sc = endingGame();
    const s = play(
      sc,
      start(sc, 2, 'x'),
      { type: 'draw' },
      { type: 'choose', option: 'duur' },
      { type: 'draw' },
      { type: 'choose', option: 'duur' },
    );
    expect(Object.keys(s.ending?.goals ?? {}).sort()).toEqual(
      s.players
        .map((p) => p.role)
        .filter((r) => r !== 'vrij' && r !== null)
        .sort(),
    );
  });
});

describe('final endings', () => {
  it('the first ending in list order whose `when` holds wins', () => {
    const sc = endingGame();
    const base = bareState(sc);
    expect(finalEnding(sc, { ...base, meters: { m: 9 }, resources: { geld: 100, extra: 0 } })).toBe('bloei');
    expect(finalEnding(sc, { ...base, meters: { m: 5 }, resources: { geld: 100, extra: 0 } })).toBe('krap');
    expect(finalEnding(sc, { ...base, meters: { m: 5 }, resources: { geld: 1000, extra: 0 } })).toBe(
      'gewoon',
    );
  });

  it('includes immediate endings that hold at the end', () => {
    const sc = endingGame();
    expect(finalEnding(sc, { ...bareState(sc), resources: { geld: -5, extra: 0 } })).toBe('failliet');
  });

  it('is reached after the last round, with the goals of the roles in play', () => {
    const sc = endingGame();
    let s = start(sc, 1, 'goals');
    for (let r = 0; r < 2; r++) s = play(sc, s, { type: 'draw' }, { type: 'choose', option: 'goed' });
    // m: 5 + 4 − 1 + 4 − 1 = 11 → clamped to 10, then −1 = 9.
    expect(s.meters.m).toBe(9);
    expect(s.ending?.id).toBe('bloei');
    const role = s.players[0].role;
    const expected: Record<string, boolean> =
      role === 'zuinig' ? { zuinig: true } : role === 'royaal' ? { royaal: true } : {};
    expect(s.ending?.goals).toEqual(expected);
  });
});

describe('roleGoals', () => {
  it('judges only roles in play that have a goal', () => {
    const sc = endingGame();
    const s = bareState(sc, 'x', 3);
    const withRoles = {
      ...s,
      players: [
        { ...s.players[0], role: 'zuinig' },
        { ...s.players[1], role: 'vrij' },
        { ...s.players[2], role: null },
      ],
    };
    expect(roleGoals(sc, withRoles)).toEqual({ zuinig: true });
    expect(roleGoals(sc, { ...withRoles, resources: { geld: 100, extra: 0 } })).toEqual({ zuinig: false });
  });
});
