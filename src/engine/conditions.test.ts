import { describe, expect, it } from 'vitest';
import type { Condition } from '../scenario/schema';
import { compile, holds, holdsOrAbsent, totalMoney } from './conditions';
import { bareState, cardGame } from './fixtures';
import type { GameState } from './types';

const sc = cardGame();

function state(patch: Partial<GameState> = {}): GameState {
  return { ...bareState(sc), ...patch };
}

describe('resource conditions', () => {
  it('checks each bound', () => {
    const s = state({ resources: { wmo: 100, jeugd: 0, werk: -50 } });
    expect(holds({ resource: 'wmo', atLeast: 100 }, s)).toBe(true);
    expect(holds({ resource: 'wmo', atLeast: 101 }, s)).toBe(false);
    expect(holds({ resource: 'wmo', atMost: 100 }, s)).toBe(true);
    expect(holds({ resource: 'wmo', atMost: 99 }, s)).toBe(false);
    expect(holds({ resource: 'wmo', above: 99 }, s)).toBe(true);
    expect(holds({ resource: 'wmo', above: 100 }, s)).toBe(false);
    expect(holds({ resource: 'wmo', below: 101 }, s)).toBe(true);
    expect(holds({ resource: 'wmo', below: 100 }, s)).toBe(false);
  });

  it('requires every bound given in one condition to hold', () => {
    const s = state({ resources: { wmo: 50, jeugd: 0, werk: 0 } });
    expect(holds({ resource: 'wmo', atLeast: 0, atMost: 100 }, s)).toBe(true);
    expect(holds({ resource: 'wmo', atLeast: 0, atMost: 40 }, s)).toBe(false);
    expect(holds({ resource: 'wmo', above: 60, below: 100 }, s)).toBe(false);
  });

  it('a condition without bounds always holds', () => {
    expect(holds({ resource: 'wmo' }, state())).toBe(true);
  });

  it('`total` is the sum of all resources', () => {
    const s = state({ resources: { wmo: 100, jeugd: -300, werk: 50 } });
    expect(totalMoney(s)).toBe(-150);
    expect(holds({ resource: 'total', below: 0 }, s)).toBe(true);
    expect(holds({ resource: 'total', atLeast: -150 }, s)).toBe(true);
    expect(holds({ resource: 'total', above: -150 }, s)).toBe(false);
  });

  it('reads a deficit as a negative number', () => {
    const s = state({ resources: { wmo: -1, jeugd: 0, werk: 0 } });
    expect(holds({ resource: 'wmo', below: 0 }, s)).toBe(true);
  });
});

describe('meter conditions', () => {
  it('checks bounds on decimals', () => {
    const s = state({ meters: { welzijn: 59.99, werkdruk: 5 } });
    expect(holds({ meter: 'welzijn', atLeast: 60 }, s)).toBe(false);
    expect(holds({ meter: 'welzijn', above: 59.98 }, s)).toBe(true);
    expect(holds({ meter: 'werkdruk', atLeast: 5, atMost: 5 }, s)).toBe(true);
  });
});

describe('flags', () => {
  it('are false until set, true when set', () => {
    expect(holds({ flag: 'wachtlijst' }, state())).toBe(false);
    expect(holds({ flag: 'wachtlijst' }, state({ flags: { wachtlijst: true } }))).toBe(true);
    expect(holds({ flag: 'wachtlijst' }, state({ flags: { wachtlijst: false } }))).toBe(false);
  });
});

describe('round', () => {
  it('is 0 before round 1 and R during round R', () => {
    expect(holds({ round: { atMost: 0 } }, state({ round: 0 }))).toBe(true);
    expect(holds({ round: { atLeast: 1 } }, state({ round: 0 }))).toBe(false);
    expect(holds({ round: { atLeast: 3 } }, state({ round: 3 }))).toBe(true);
    expect(holds({ round: { atLeast: 2, atMost: 3 } }, state({ round: 4 }))).toBe(false);
  });
});

describe('chose, invested, priority', () => {
  it('`chose` holds once the option was ever chosen for that card', () => {
    const s = state({ chosen: ['de-vries/hulp'] });
    expect(holds({ chose: { card: 'de-vries', option: 'hulp' } }, s)).toBe(true);
    expect(holds({ chose: { card: 'de-vries', option: 'eigen-kracht' } }, s)).toBe(false);
    expect(holds({ chose: { card: 'jeugdzorg', option: 'hulp' } }, s)).toBe(false);
  });

  it('`invested` holds after the purchase', () => {
    expect(holds({ invested: 'buurthuis' }, state())).toBe(false);
    expect(holds({ invested: 'buurthuis' }, state({ invested: ['buurthuis'] }))).toBe(true);
  });

  it('`priority` holds only while chosen', () => {
    expect(holds({ priority: 'preventie' }, state({ priorities: ['preventie'] }))).toBe(true);
    expect(holds({ priority: 'preventie' }, state({ priorities: ['zorg'] }))).toBe(false);
  });
});

describe('all, any, not', () => {
  const rich: Condition = { resource: 'wmo', atLeast: 1000 };
  const happy: Condition = { meter: 'welzijn', atLeast: 60 };
  const s = state({ resources: { wmo: 5000, jeugd: 0, werk: 0 }, meters: { welzijn: 40, werkdruk: 0 } });

  it('all needs every part', () => {
    expect(holds({ all: [rich, happy] }, s)).toBe(false);
    expect(holds({ all: [rich, { not: happy }] }, s)).toBe(true);
    expect(holds({ all: [] }, s)).toBe(true);
  });

  it('any needs one part', () => {
    expect(holds({ any: [rich, happy] }, s)).toBe(true);
    expect(holds({ any: [happy] }, s)).toBe(false);
    expect(holds({ any: [] }, s)).toBe(false);
  });

  it('not inverts, and nests', () => {
    expect(holds({ not: rich }, s)).toBe(false);
    expect(holds({ not: { not: rich } }, s)).toBe(true);
    expect(holds({ any: [{ all: [rich, happy] }, { not: { flag: 'x' } }] }, s)).toBe(true);
  });
});

describe('compile', () => {
  it('caches one test per condition object', () => {
    const c: Condition = { flag: 'x' };
    expect(compile(c)).toBe(compile(c));
  });

  it('reads the state it is given, not the one it was first used with', () => {
    const c: Condition = { meter: 'welzijn', atLeast: 55 };
    expect(holds(c, state())).toBe(false);
    expect(holds(c, state({ meters: { welzijn: 56, werkdruk: 5 } }))).toBe(true);
  });

  it('reads unknown ids as 0 / false rather than crashing', () => {
    expect(holds({ resource: 'onbekend', atLeast: 0 }, state())).toBe(true);
    expect(holds({ meter: 'onbekend', above: 0 }, state())).toBe(false);
  });

  it('refuses something that is no condition', () => {
    expect(() => compile({ nonsense: 1 } as unknown as Condition)).toThrow(/unknown condition/);
  });
});

describe('holdsOrAbsent', () => {
  it('treats a missing condition as true', () => {
    expect(holdsOrAbsent(undefined, state())).toBe(true);
    expect(holdsOrAbsent({ flag: 'x' }, state())).toBe(false);
  });
});
