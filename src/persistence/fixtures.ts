/**
 * Test fixtures: a small, valid saved session. Used by the persistence tests only (kept out of
 * `*.test.ts` so several test files can share it).
 */
import { sourceHash } from './hash';
import type { SavedSession } from './session-format';

export const SMALL_SOURCE = 'format: 1\nid: kleine-test\ntitle: Kleine test\n';

export function makeSession(overrides: Partial<SavedSession> = {}, source = SMALL_SOURCE): SavedSession {
  const hash = sourceHash(source);
  return {
    format: 'dd-session',
    version: 1,
    id: 'sessie-1',
    savedAt: '2026-11-29T14:32:05.000+01:00',
    record: {
      version: 1,
      scenario: { id: 'kleine-test', hash },
      seed: 'urk',
      players: [{ name: 'Anna', role: 'wethouder' }, { name: 'Bram' }],
      actions: [{ type: 'roll' }, { type: 'ask', question: 0 }, { type: 'choose', option: 'thuiszorg' }],
    },
    scenario: { source, file: 'kleine-test.yaml', hash, title: 'Kleine test' },
    ui: {
      timerRemainingMs: 42_000,
      timerLengthMs: 120_000,
      language: 'nl',
      round: 2,
      players: ['Anna', 'Bram'],
    },
    ...overrides,
  };
}

/** A localStorage stand-in with the real one's interface and an optional size limit (in characters). */
export class FakeStorage implements Storage {
  private items = new Map<string, string>();
  constructor(private readonly limit = Number.POSITIVE_INFINITY) {}
  get length() {
    return this.items.size;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    let used = 0;
    for (const [key, val] of this.items) if (key !== k) used += key.length + val.length;
    if (used + k.length + v.length > this.limit) {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    this.items.set(k, String(v));
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
  clear() {
    this.items.clear();
  }
}
