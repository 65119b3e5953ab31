/**
 * The journal heals: the room server runs in a child process, is killed with SIGKILL, and the
 * rooms' journals are damaged the way a crash or a bad disk does (a torn last line, a garbage
 * last line, a line in the middle the game refuses, a journal that is not one at all) before it
 * starts again. Each room comes back as far as its journal is good, the facilitator is told, and
 * a phone of a room that could not come back hears that it is gone instead of retrying forever.
 */
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it, vi } from 'vitest';
import type { ExportMessage, NoticeMessage } from '../protocol/room';
import { RoomConnection } from '../ui/room/connection';
import { newToken } from './table';
import { type ChildServer, freePort, killHard, spawnServer, TestClient, until } from './test-client';

const FIXTURES = resolve(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'room');

let server: ChildServer | null = null;
afterAll(async () => {
  vi.unstubAllGlobals();
  if (server) await killHard(server);
});

interface Opened {
  code: string;
  facilitator: string;
  tokens: string[];
}

/** A started room-test table with two phones; the first draws and votes (two actions). */
async function openRoom(endpoint: string): Promise<Opened> {
  const facilitator = newToken();
  const projector = await TestClient.create(endpoint, { scenario: 'room-test', facilitator, seed: 'heal' });
  const code = projector.room.roomId;
  const phones: TestClient[] = [];
  for (const seat of [0, 1]) {
    const phone = await TestClient.join(endpoint, code, { name: `P${seat}` });
    await until(() => phone.welcome !== null);
    phone.send('seat', { seat });
    await until(() => phone.allText().includes(`"seat":${seat}`), 5000, 'seat');
    phones.push(phone);
  }
  projector.send('fac', { op: 'start' });
  await until(() => projector.view !== null, 5000, 'start');
  const active = projector.view!.view.activeSeat!;
  phones[active].send('act', { action: { type: 'draw' } });
  await until(() => projector.view?.view.card != null, 5000, 'card');
  const option = projector.view!.view.card!.options[0].id;
  phones[0].send('act', { action: { type: 'vote', seat: 0, option } });
  await until(() => projector.view?.actions === 2, 5000, 'vote');
  const tokens = phones.map((p) => p.welcome!.token!);
  await Promise.all([projector, ...phones].map((c) => c.leave()));
  return { code, facilitator, tokens };
}

async function exported(endpoint: string, room: Opened): Promise<{ actions: unknown[]; notice: unknown }> {
  const projector = await TestClient.join(endpoint, room.code, { facilitator: room.facilitator });
  await until(() => projector.view !== null, 5000, 'projector back');
  projector.send('fac', { op: 'export' });
  await until(() => projector.last('export') !== undefined, 5000, 'export');
  const record = (projector.last('export') as ExportMessage).record;
  const notice = projector.last('notice') ?? null;
  await projector.leave();
  return { actions: record.actions, notice };
}

/** A browser's localStorage and location for RoomConnection, here in Node (undone after the test). */
function browserShim(port: number): void {
  const store = new Map<string, string>();
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
  });
  // Not served by the room server (no probe): the connection uses this address itself.
  vi.stubGlobal('location', { protocol: 'file:', href: `http://127.0.0.1:${port}/` });
}

it('torn, garbage and refused journal lines: each room comes back up to its last good line', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dd-room-heal-'));
  const port = await freePort();
  const endpoint = `ws://127.0.0.1:${port}`;
  server = await spawnServer({ port, dataDir, scenariosDir: FIXTURES });
  const [torn, garbage, refused, broken] = [
    await openRoom(endpoint),
    await openRoom(endpoint),
    await openRoom(endpoint),
    await openRoom(endpoint),
  ];
  // One line per room in the terminal with its recovery code (the journal holds only its hash).
  const printed = (out: string, code: string) =>
    new RegExp(`Room ${code}: recovery code ([A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}) \\(`).exec(out)?.[1];
  const recoveryOfTorn = printed(server.output.join(''), torn.code);
  expect(recoveryOfTorn).toBeDefined();
  expect(readFileSync(join(dataDir, `${torn.code}.jsonl`), 'utf8')).not.toContain(
    recoveryOfTorn!.replace('-', ''),
  );
  await killHard(server);
  const file = (r: Opened) => join(dataDir, `${r.code}.jsonl`);
  // The process died writing a line; a disk wrote garbage after the last line; a line in the
  // middle is valid JSON the game refuses (a vote for seat 9 instead of the draw); a journal
  // whose first line is garbage.
  appendFileSync(file(torn), '{"t":"act","action":{"type":"vo');
  const garbageText = `${readFileSync(file(garbage), 'utf8')}\u0000\u0000garbage}\n`;
  writeFileSync(file(garbage), garbageText);
  const lines = readFileSync(file(refused), 'utf8').split('\n');
  const draw = lines.findIndex((l) => l.includes('"draw"'));
  lines[draw] = '{"t":"act","action":{"type":"vote","seat":9,"option":"x"}}';
  const refusedText = lines.join('\n');
  writeFileSync(file(refused), refusedText);
  writeFileSync(file(broken), 'not a journal\n');

  server = await spawnServer({ port, dataDir, scenariosDir: FIXTURES });
  const log = () => server!.output.join('');
  expect(log()).toMatch(new RegExp(`room ${broken.code} could not be restored`));
  // A restored room prints the same recovery code again.
  expect(printed(log(), torn.code)).toBe(recoveryOfTorn);

  // Torn: the room as it was, and a new action lands on a line of its own.
  const back = await TestClient.join(endpoint, torn.code, { facilitator: torn.facilitator });
  await until(() => back.view !== null, 5000, 'torn room back');
  expect(back.view?.actions).toBe(2);
  back.send('act', { action: { type: 'note', text: 'na de breuk' } });
  await until(() => back.view?.actions === 3, 5000, 'new action');
  await back.leave();
  expect(existsSync(`${file(torn)}.damaged-1`)).toBe(false);

  // Garbage last line: both actions kept; the original kept beside it; the facilitator told.
  const g = await exported(endpoint, garbage);
  expect(g.actions).toHaveLength(2);
  const gLines = garbageText.split('\n').length - 1;
  expect(g.notice).toEqual({
    kind: 'journal-damaged',
    line: gLines,
    kept: gLines - 2,
    copy: `${garbage.code}.jsonl.damaged-1`,
  });
  expect(readFileSync(`${file(garbage)}.damaged-1`, 'utf8')).toBe(garbageText);
  expect(readFileSync(file(garbage), 'utf8')).not.toContain('garbage');
  // A phone is not told (only the facilitator's screens are).
  const phone = await TestClient.join(endpoint, garbage.code, { token: garbage.tokens[0] });
  await until(() => phone.view !== null);
  expect(phone.last('notice')).toBeUndefined();
  await phone.leave();

  // Refused middle line: the room up to the line before it (started, no actions).
  const r = await exported(endpoint, refused);
  expect(r.actions).toEqual([]);
  expect(r.notice as NoticeMessage).toMatchObject({
    kind: 'journal-damaged',
    line: draw + 1,
    kept: draw - 1,
  });
  expect(readFileSync(`${file(refused)}.damaged-1`, 'utf8')).toBe(refusedText);

  // Once more from the healed journals: the new action after the torn line is there.
  await killHard(server);
  server = await spawnServer({ port, dataDir, scenariosDir: FIXTURES });
  const t = await exported(endpoint, torn);
  expect(t.actions.at(-1)).toEqual({ type: 'note', text: 'na de breuk' });
  expect(t.actions).toHaveLength(3);
  // Healed journals are not damaged again: no new copies, no notice for the torn room.
  expect(t.notice).toBe(null);
  expect(
    readdirSync(dataDir)
      .filter((f) => f.includes('.damaged-'))
      .sort(),
  ).toEqual([`${garbage.code}.jsonl.damaged-1`, `${refused.code}.jsonl.damaged-1`].sort());

  // A phone of the room that could not come back: 'gone' (after a few tries), not endless retrying.
  browserShim(port);
  localStorage.setItem(`dd.room.seat.${broken.code}`, broken.tokens[0]);
  const conn = new RoomConnection(broken.code, 'seat');
  const statuses: string[] = [];
  conn.onChange(() => statuses.push(conn.snapshot.status));
  await conn.connect();
  await until(() => conn.snapshot.status === 'gone', 10_000, 'gone');
  expect(conn.snapshot.refused).toBe('room-gone');
  conn.close();
  // It was tried more than once: a room still being restored is not given up on at once.
  expect(statuses.filter((s) => s === 'connecting').length).toBeGreaterThanOrEqual(5);
}, 120_000);
