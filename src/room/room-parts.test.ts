/**
 * The small parts of room mode a facilitator relies on without seeing them: the join address
 * printed for phones, room codes, the join rate limit, and a journal cut off mid-line by a crash.
 */
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journal, readJournal, storedRooms } from './journal';
import { joinUrlBase } from './lan';
import { JoinLimiter } from './limiter';
import { roomCode } from './room-env';

describe('room parts', () => {
  // Which address phones get is lan.test.ts's: the default route, tunnels and bridges last.
  it('builds the join address from the LAN address, without :80', () => {
    expect(joinUrlBase('192.168.1.20', 2567)).toBe('http://192.168.1.20:2567/');
    expect(joinUrlBase('192.168.1.20', 80)).toBe('http://192.168.1.20/');
  });

  it('makes 6-character codes without look-alike characters, all of them used', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const code = roomCode();
      expect(code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
      for (const ch of code) seen.add(ch);
    }
    expect(seen.size).toBe(31);
  });

  it('refuses a burst of join requests from one address, not from another, and recovers', () => {
    let now = 0;
    const limiter = new JoinLimiter(5, 1, () => now);
    const tries = Array.from({ length: 20 }, () => limiter.allow('10.0.0.9'));
    expect(tries.filter(Boolean).length).toBe(5);
    expect(limiter.allow('10.0.0.10')).toBe(true);
    now += 3000;
    expect([limiter.allow('10.0.0.9'), limiter.allow('10.0.0.9'), limiter.allow('10.0.0.9')]).toEqual([
      true,
      true,
      true,
    ]);
    expect(limiter.allow('10.0.0.9')).toBe(false);
  });

  it('reads a journal whose last line a crash cut off, and lists only room journals', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dd-journal-'));
    const file = join(dir, 'ABCDEF.jsonl');
    const journal = new Journal(file);
    await journal.append({ t: 'pause', paused: true });
    await journal.appendAll([{ t: 'undo' }, { t: 'reveal' }]);
    await journal.close();
    appendFileSync(file, '{"t":"act","action":{"ty');
    expect(readJournal(file)).toEqual([{ t: 'pause', paused: true }, { t: 'undo' }, { t: 'reveal' }]);
    writeFileSync(join(dir, 'notes.txt'), 'x');
    expect(storedRooms(dir)).toEqual(['ABCDEF']);
    // A damaged line in the middle is an error with its line, not a silent loss.
    writeFileSync(join(dir, 'GHJKLM.jsonl'), '{"t":"undo"}\nnot json\n{"t":"undo"}\n');
    expect(() => readJournal(join(dir, 'GHJKLM.jsonl'))).toThrow(/GHJKLM.jsonl:2/);
  });
});
