/**
 * Healing a journal, in this process (the child-process test with kill -9 is room-journal.test.ts):
 * a torn last line is cut so the next entry starts on its own line; a damaged line restores the
 * room up to it, keeps a numbered copy of the original and cuts the journal to the good lines.
 */
import { appendFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { Journal, readJournal, roomFile } from './journal';
import { restoreTable } from './restore';
import { type RoomEnv, readScenarios } from './room-env';

const FIXTURES = resolve(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'room');
const scenarios = readScenarios(FIXTURES, () => undefined);

function env(): RoomEnv & { logged: string[] } {
  const logged: string[] = [];
  return {
    dataDir: mkdtempSync(join(tmpdir(), 'dd-heal-')),
    scenarios,
    log: (l) => logged.push(l),
    newCode: () => 'ABCDEF',
    logged,
  };
}

/** A started room-test table in a journal: create, two joins and seats, start, one draw. */
function journalLines(): string[] {
  const hash = scenarios.get('room-test')!.hash;
  const h = 'a'.repeat(64);
  return [
    { t: 'create', code: 'ABCDEF', scenario: 'room-test', hash, seed: 's', facilitator: h, lang: 'nl' },
    { t: 'join', id: 'p1', name: 'A', token: 'b'.repeat(64) },
    { t: 'seat', id: 'p1', seat: 0 },
    { t: 'join', id: 'p2', name: 'B', token: 'c'.repeat(64) },
    { t: 'seat', id: 'p2', seat: 1 },
    { t: 'start', players: [{ name: 'A' }, { name: 'B' }], seats: { p1: 0, p2: 1 } },
    { t: 'act', action: { type: 'draw' } },
  ].map((e) => JSON.stringify(e));
}

it('a torn last line is cut, so the next entry is a line of its own and the room restores again', async () => {
  const e = env();
  const file = roomFile(e.dataDir, 'ABCDEF');
  writeFileSync(file, `${journalLines().join('\n')}\n{"t":"act","act`);
  const { table, damage } = restoreTable(e, 'ABCDEF');
  expect(damage).toBe(null);
  expect(table.record?.actions).toEqual([{ type: 'draw' }]);
  expect(e.logged.join('\n')).toMatch(/torn last line/);
  const journal = new Journal(file);
  await journal.append({ t: 'act', action: { type: 'note', text: 'daarna' } });
  await journal.close();
  expect(readJournal(file).at(-1)).toEqual({ t: 'act', action: { type: 'note', text: 'daarna' } });
  expect(restoreTable(e, 'ABCDEF').table.record?.actions).toHaveLength(2);
  expect(existsSync(`${file}.damaged-1`)).toBe(false);
});

it('a garbage line, or one the game refuses, restores up to it and keeps the original', () => {
  const e = env();
  const file = roomFile(e.dataDir, 'ABCDEF');
  const lines = journalLines();
  // A vote before any card is valid JSON and a valid entry, but the game refuses it.
  const refused = [
    ...lines.slice(0, 6),
    '{"t":"act","action":{"type":"vote","seat":0,"option":"x"}}',
    lines[6],
  ];
  writeFileSync(file, `${refused.join('\n')}\n`);
  const first = restoreTable(e, 'ABCDEF');
  expect(first.damage).toEqual({ kind: 'journal-damaged', line: 7, kept: 5, copy: 'ABCDEF.jsonl.damaged-1' });
  expect(first.table.started).toBe(true);
  expect(first.table.record?.actions).toEqual([]);
  expect(readFileSync(`${file}.damaged-1`, 'utf8')).toBe(`${refused.join('\n')}\n`);
  expect(readFileSync(file, 'utf8')).toBe(`${lines.slice(0, 6).join('\n')}\n`);
  // Damaged again later (garbage after the last line): a second copy, the first one kept.
  appendFileSync(file, 'garbage\n');
  const second = restoreTable(e, 'ABCDEF');
  expect(second.damage?.line).toBe(7);
  expect(second.damage?.copy).toBe('ABCDEF.jsonl.damaged-2');
  expect(readFileSync(`${file}.damaged-1`, 'utf8')).toBe(`${refused.join('\n')}\n`);
  // An entry of an unknown kind is damage too.
  appendFileSync(file, '{"t":"teleport"}\n');
  expect(restoreTable(e, 'ABCDEF').damage?.line).toBe(7);
  // A journal without its create line cannot be restored at all.
  writeFileSync(file, 'not a journal\n');
  expect(() => restoreTable(e, 'ABCDEF')).toThrow(/does not start with create/);
});
