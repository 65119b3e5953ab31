/**
 * Seats after the start and taking a room back, against a real server on 127.0.0.1: a phone asks
 * for a seat and gets it (and its brief) only when the facilitator approves; a phone that lost
 * its token asks back for its seat and the old token stops working; the recovery code gives a
 * new facilitator token, and wrong codes are refused and rate-limited.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BriefMessage, LobbyMessage } from '../protocol/room';
import { RoomConnection, recoverRoom } from '../ui/room/connection';
import { type RunningRoomServer, startRoomServer } from './server';
import { newToken } from './table';
import { freePort, TestClient, until } from './test-client';

const FIXTURES = resolve(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'room');

let server: RunningRoomServer;
let endpoint: string;
const recovery = new Map<string, string>();

beforeAll(async () => {
  server = await startRoomServer({
    port: await freePort(),
    host: '127.0.0.1',
    dataDir: mkdtempSync(join(tmpdir(), 'dd-room-seats-')),
    scenariosDir: FIXTURES,
    staticDir: null,
    joinBurst: 10_000,
    log: () => undefined,
    recoveryCode: (code, r) => recovery.set(code, r),
  });
  endpoint = `ws://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  vi.unstubAllGlobals();
  await server?.close();
});

const lobbyOf = (c: TestClient) => c.last('lobby') as LobbyMessage;
const briefs = (c: TestClient) => c.received.filter((r) => r.type === 'brief');
const refusals = (c: TestClient) => c.received.filter((r) => r.type === 'refused').map((r) => r.message);

/** Two phones on seats 0 and 1, seat 2 played by the facilitator; started. */
async function startedTable() {
  const facilitator = newToken();
  const projector = await TestClient.create(endpoint, { scenario: 'room-test', facilitator, seed: 'seats' });
  await until(() => projector.welcome !== null, 5000, 'welcome');
  const code = projector.room.roomId;
  const phones: TestClient[] = [];
  for (const seat of [0, 1]) {
    const phone = await TestClient.join(endpoint, code, { name: `Speler ${seat + 1}` });
    await until(() => phone.welcome !== null, 5000, 'phone welcome');
    phone.send('seat', { seat });
    phones.push(phone);
  }
  projector.send('fac', { op: 'addSeat', name: 'Lege stoel' });
  await until(() => lobbyOf(projector)?.participants.length === 3, 5000, 'played seat');
  const played = lobbyOf(projector).participants[2];
  projector.send('fac', { op: 'seat', participant: played.id, seat: 2 });
  await until(
    () => lobbyOf(projector).participants.filter((p) => p.seat !== null).length === 3,
    5000,
    'seated',
  );
  projector.send('fac', { op: 'start' });
  await until(() => phones.every((p) => p.last('brief') !== undefined), 5000, 'briefs');
  return { projector, facilitator, code, phones };
}

describe('seats after the start', () => {
  it('a phone gets a played seat, and its brief, only when the facilitator approves; a decline leaves it standing', async () => {
    const t = await startedTable();
    const late = await TestClient.join(endpoint, t.code, { name: 'Laat' });
    await until(() => late.welcome !== null);
    const id = late.welcome!.you!;
    late.send('seat', { seat: 2 });
    await until(() => lobbyOf(t.projector).requests.length === 1, 5000, 'request on the console');
    expect(lobbyOf(t.projector).requests).toEqual([{ id, seat: 2 }]);
    // Asking gives nothing: no seat, no brief.
    await until(() => lobbyOf(late)?.requests.length === 1);
    expect(briefs(late)).toEqual([]);
    expect(lobbyOf(late).participants.find((p) => p.id === id)?.seat).toBe(null);
    // A phone cannot approve its own request.
    late.send('fac', { op: 'approve', participant: id });
    await until(() => refusals(late).length === 1);
    expect(refusals(late)).toEqual([{ reason: 'facilitator-only' }]);
    t.projector.send('fac', { op: 'decline', participant: id });
    await until(() => refusals(late).length === 2, 5000, 'declined');
    expect(refusals(late)[1]).toEqual({ reason: 'seat-declined' });
    expect(lobbyOf(late).requests).toEqual([]);
    expect(lobbyOf(late).participants.find((p) => p.id === id)?.seat).toBe(null);
    expect(briefs(late)).toEqual([]);
    // Asked again and approved: the seat and its brief.
    late.send('seat', { seat: 2 });
    await until(() => lobbyOf(t.projector).requests.length === 1, 5000, 'asked again');
    t.projector.send('fac', { op: 'approve', participant: id });
    await until(() => briefs(late).length === 1, 5000, 'brief after approval');
    expect((late.last('brief') as BriefMessage).seat).toBe(2);
    await until(() => late.view?.you === 2);
    const lobby = lobbyOf(t.projector);
    expect(lobby.requests).toEqual([]);
    expect(lobby.participants.find((p) => p.played)?.seat).toBe(null);
    await Promise.all([t.projector, ...t.phones, late].map((c) => c.leave()));
  });

  it("a stranger's request for a connected phone's seat is refused", async () => {
    const t = await startedTable();
    const stranger = await TestClient.join(endpoint, t.code, { name: 'Vreemde' });
    await until(() => stranger.welcome !== null);
    stranger.send('seat', { seat: 0 });
    await until(() => refusals(stranger).length === 1);
    expect(refusals(stranger)).toEqual([{ reason: 'seat-taken' }]);
    expect(lobbyOf(t.projector).requests).toEqual([]);
    // Even approved by mistake, a request that is not there changes nothing.
    t.projector.send('fac', { op: 'approve', participant: stranger.welcome!.you! });
    await until(() => refusals(t.projector).length === 1);
    expect(refusals(t.projector)).toEqual([{ reason: 'no-request' }]);
    expect(briefs(stranger)).toEqual([]);
    await Promise.all([t.projector, ...t.phones, stranger].map((c) => c.leave()));
  });

  it('a phone that lost its token asks back for its seat: it gets the brief, the old token is refused', async () => {
    const t = await startedTable();
    const [, lost] = t.phones;
    const oldToken = lost.welcome!.token!;
    const oldBrief = lost.last('brief') as BriefMessage;
    await lost.leave();
    await until(() => lobbyOf(t.projector).participants[1].connected === false, 5000, 'phone gone');
    // The same person on a new page (another address: no token there): a name, then the seat.
    const back = await TestClient.join(endpoint, t.code, { name: 'Speler 2' });
    await until(() => back.welcome !== null);
    back.send('seat', { seat: 1 });
    await until(() => lobbyOf(t.projector).requests.length === 1, 5000, 'request');
    expect(briefs(back)).toEqual([]);
    t.projector.send('fac', { op: 'approve', participant: back.welcome!.you! });
    await until(() => briefs(back).length === 1, 5000, 'brief');
    expect(back.last('brief')).toEqual(oldBrief);
    await until(() => back.view?.you === 1);
    // One participant on seat 1 now; the old one is gone with its token.
    const seated = lobbyOf(t.projector).participants.filter((p) => p.seat === 1);
    expect(seated.map((p) => p.id)).toEqual([back.welcome!.you]);
    await expect(TestClient.join(endpoint, t.code, { token: oldToken })).rejects.toThrow(
      /unknown seat token/,
    );
    // It plays the seat.
    const option = back.view!.view.card?.options[0]?.id;
    if (option) {
      back.send('act', { action: { type: 'vote', seat: 1, option } });
      await until(() => t.projector.view?.votes?.cast === 1, 5000, 'vote');
    }
    await Promise.all([t.projector, t.phones[0], back].map((c) => c.leave()));
  });
});

describe('taking a room back with its recovery code', () => {
  it('the right code gives facilitator rights (pause); the new token works on its own afterwards', async () => {
    const t = await startedTable();
    const code = recovery.get(t.code);
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    const fresh = newToken();
    const typed = `${code!.slice(0, 4)}-${code!.slice(4).toLowerCase()}`;
    const taken = await TestClient.join(endpoint, t.code, { recover: typed, facilitator: fresh });
    await until(() => taken.welcome !== null);
    expect(taken.welcome?.facilitator).toBe(true);
    taken.send('fac', { op: 'pause', paused: true });
    await until(() => t.phones[0].view?.paused === true, 5000, 'paused by the new token');
    await taken.leave();
    const again = await TestClient.join(endpoint, t.code, { facilitator: fresh });
    await until(() => again.welcome !== null);
    again.send('fac', { op: 'pause', paused: false });
    await until(() => t.phones[0].view?.paused === false, 5000, 'resumed');
    // The old facilitator token still works too (the same laptop, back on its old address).
    expect(t.projector.welcome?.facilitator).toBe(true);
    await Promise.all([t.projector, ...t.phones, again].map((c) => c.leave()));
  });

  it('a wrong code is refused, and after five wrong tries even the right one waits', async () => {
    const t = await startedTable();
    const wrong = 'ABCD-EFGH' === recovery.get(t.code) ? 'HGFE-DCBA' : 'ABCD-EFGH';
    for (let i = 0; i < 5; i++)
      await expect(
        TestClient.join(endpoint, t.code, { recover: wrong, facilitator: newToken() }),
      ).rejects.toThrow(/wrong recovery code/);
    await expect(
      TestClient.join(endpoint, t.code, { recover: recovery.get(t.code), facilitator: newToken() }),
    ).rejects.toThrow(/too many recovery tries/);
    // Another room is not affected.
    const other = await startedTable();
    const ok = await TestClient.join(endpoint, other.code, {
      recover: recovery.get(other.code),
      facilitator: newToken(),
    });
    await until(() => ok.welcome?.facilitator === true);
    await Promise.all([t.projector, ...t.phones, other.projector, ...other.phones, ok].map((c) => c.leave()));
  });

  it("the page's own way back: the #/room form's call stores a new facilitator token, and the projector opens with it", async () => {
    const t = await startedTable();
    // A page on the laptop's new address: its own (empty) localStorage.
    const store = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    });
    vi.stubGlobal('location', { protocol: 'file:', href: `http://127.0.0.1:${server.port}/` });
    const before = new RoomConnection(t.code, 'facilitator');
    await before.connect();
    expect(before.snapshot.status).toBe('gone');
    expect(await recoverRoom(t.code, 'ABCD-EFGH')).toBe('wrong');
    expect(await recoverRoom('ZZZZZZ', 'ABCD-EFGH')).toBe('gone');
    expect(store.size).toBe(0);
    expect(await recoverRoom(t.code, recovery.get(t.code)!)).toBe(null);
    const projector = new RoomConnection(t.code, 'facilitator');
    await projector.connect();
    await until(() => projector.snapshot.view !== null, 5000, 'projector view');
    expect(projector.snapshot.welcome?.facilitator).toBe(true);
    projector.facilitate({ op: 'pause', paused: true });
    await until(() => t.phones[0].view?.paused === true, 5000, 'paused');
    projector.close();
    vi.unstubAllGlobals();
    await Promise.all([t.projector, ...t.phones].map((c) => c.leave()));
  });
});
