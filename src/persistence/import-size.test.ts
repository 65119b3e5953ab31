/**
 * Importing a long session stays linear in its log (issue 26): 200,000 facilitator notes held a
 * tab for minutes when every replayed step copied the whole log. The work is compared between
 * 20,000 and 200,000 notes by CPU time with a wide margin (linear ≈ 10×, the old copy ≈ 100×);
 * the timeout is only a safety net.
 */
import { describe, expect, it } from 'vitest';
import { replay } from '../engine/record';
import type { Action } from '../engine/types';
import { loadScenario } from '../scenario';
import { FILE, playedSession, SOURCE } from './fixtures-played';
import { exportSessionFile, importSessionFile } from './session-file';

function withNotes(n: number): string {
  const session = playedSession(5);
  const notes: Action[] = Array.from({ length: n }, (_, i) => ({ type: 'note', text: `notitie ${i}` }));
  const record = { ...session.record, actions: [...session.record.actions, ...notes] };
  return exportSessionFile({ ...session, record }).text;
}

function cpuMs(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

describe('importing a long session', () => {
  it('imports 200,000 notes in time linear in the log', { timeout: 120_000 }, () => {
    const small = withNotes(20_000);
    const large = withNotes(200_000);
    let importedLog = 0;
    const importOf = (text: string) => () => {
      const r = importSessionFile(text);
      if (!r.ok) throw new Error(r.problem.message);
      importedLog = r.state.log.length;
    };
    importOf(small)(); // warm up
    const smallMs = Math.min(cpuMs(importOf(small)), cpuMs(importOf(small)));
    const largeMs = cpuMs(importOf(large));
    expect(importedLog).toBeGreaterThanOrEqual(200_000);
    expect(largeMs / smallMs).toBeLessThan(30);
  });

  it('replays a record without changing the states it started from', () => {
    const session = playedSession(5);
    const loaded = loadScenario(SOURCE, FILE);
    if (!loaded.ok) throw new Error('demo');
    const before = replay(loaded.scenario, session.record);
    const notes: Action[] = [
      { type: 'note', text: 'een' },
      { type: 'note', text: 'twee' },
    ];
    const after = replay(loaded.scenario, {
      ...session.record,
      actions: [...session.record.actions, ...notes],
    });
    const again = replay(loaded.scenario, session.record);
    expect(after.log.length).toBe(before.log.length + 2);
    expect(again.log).toEqual(before.log);
  });

  it('blames a random-generator mismatch on record.rng, not on the players', () => {
    const session = playedSession(3);
    const text = exportSessionFile({ ...session, record: { ...session.record, rng: 'xorshift-9' } }).text;
    const r = importSessionFile(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.path).toBe('record.rng');
    expect(r.problem.message).toContain('xorshift-9');
  });
});
