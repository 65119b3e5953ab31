import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  clearSetupDraft,
  loadSetupDraft,
  openedFile,
  rememberOpenedFile,
  saveSetupDraft,
} from './setup-draft';

/** The tab's sessionStorage, in memory (the tests run outside a browser). */
function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => {
      map.delete(k);
    },
    setItem: (k, v) => {
      map.set(k, String(v));
    },
  };
}

const g = globalThis as { sessionStorage?: Storage };

describe('the setup form kept as typed', () => {
  beforeEach(() => {
    g.sessionStorage = memoryStorage();
  });
  afterEach(() => {
    delete g.sessionStorage;
  });

  it('gives back count, names, roles and seed per scenario; a shown hidden brief is hidden again', () => {
    saveSetupDraft('urk-2015', {
      count: 3,
      names: ['Anna', '', 'Chris'],
      roles: ['', 'wethouder'],
      seed: '42',
      revealed: 1,
    });
    saveSetupDraft('demo', { count: 2, names: ['X'], roles: [], seed: '7', revealed: null });
    expect(loadSetupDraft('urk-2015')).toEqual({
      count: 3,
      names: ['Anna', '', 'Chris'],
      roles: ['', 'wethouder'],
      seed: '42',
      revealed: null,
    });
    expect(loadSetupDraft('demo')?.names).toEqual(['X']);
    clearSetupDraft('urk-2015');
    expect(loadSetupDraft('urk-2015')).toBeUndefined();
    expect(loadSetupDraft('demo')).toBeDefined();
  });

  it('a damaged or foreign entry is no draft, never a crash', () => {
    g.sessionStorage?.setItem('dd.setup.a', '{not json');
    g.sessionStorage?.setItem('dd.setup.b', JSON.stringify({ count: 'three', seed: 1 }));
    g.sessionStorage?.setItem(
      'dd.setup.c',
      JSON.stringify({ count: 2, seed: 's', names: [1, 'B'], roles: 'x' }),
    );
    expect(loadSetupDraft('a')).toBeUndefined();
    expect(loadSetupDraft('b')).toBeUndefined();
    expect(loadSetupDraft('c')).toEqual({ count: 2, seed: 's', names: ['', 'B'], roles: [], revealed: null });
  });

  it('keeps a trainer’s own file for its setup address, and forgets it when the shipped one is chosen', () => {
    rememberOpenedFile('mine', { file: 'mine.yaml', source: 'id: mine\n' });
    expect(openedFile('mine')).toEqual({ file: 'mine.yaml', source: 'id: mine\n' });
    rememberOpenedFile('mine', null);
    expect(openedFile('mine')).toBeNull();
  });

  it('without storage (blocked) nothing is kept and nothing breaks', () => {
    delete g.sessionStorage;
    saveSetupDraft('x', { count: 2, names: [], roles: [], seed: '1', revealed: null });
    expect(loadSetupDraft('x')).toBeUndefined();
    expect(openedFile('x')).toBeNull();
  });
});
