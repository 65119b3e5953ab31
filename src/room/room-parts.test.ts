/**
 * The small parts of room mode a facilitator relies on without seeing them: the LAN address
 * printed for phones, room codes, the join rate limit, and a journal cut off mid-line by a crash.
 */
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { NetworkInterfaceInfo } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journal, readJournal, storedRooms } from './journal';
import { joinUrlBase, lanAddress } from './lan';
import { JoinLimiter } from './limiter';
import { roomCode } from './room-env';

const nic = (address: string, internal = false): NetworkInterfaceInfo =>
  ({
    address,
    family: 'IPv4',
    internal,
    netmask: '255.255.255.0',
    mac: '',
    cidr: null,
  }) as NetworkInterfaceInfo;

describe('room parts', () => {
  it('prints the Wi-Fi address for phones, never localhost when there is one', () => {
    expect(
      lanAddress(
        {
          lo: [nic('127.0.0.1', true)],
          docker0: [nic('172.17.0.1')],
          wlan0: [nic('192.168.1.20')],
        },
        null,
      ),
    ).toBe('192.168.1.20');
    expect(lanAddress({ lo: [nic('127.0.0.1', true)], eth0: [nic('10.0.0.5')] }, null)).toBe('10.0.0.5');
    expect(lanAddress({ lo: [nic('127.0.0.1', true)] }, null)).toBe('127.0.0.1');
    expect(joinUrlBase('192.168.1.20', 2567)).toBe('http://192.168.1.20:2567/');
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
