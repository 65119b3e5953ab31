/**
 * Room mode against a real Colyseus server on 127.0.0.1 (in this process): joining, seats,
 * secret votes, hidden briefs, refused actions, coming back with a seat token, and the
 * facilitator's controls. Durability and Redis run the server in child processes
 * (room-durability.test.ts, room-redis.test.ts).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSavedSession } from '../persistence/session-format';
import type { LobbyMessage } from '../protocol/room';
import { type RunningRoomServer, startRoomServer } from './server';
import { newToken } from './table';
import { freePort, TestClient, until } from './test-client';

const FIXTURES = resolve(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'room');
const SECRET = 'GEHEIM-MOL';
const SECRET_EN = 'SECRET-MOLE';

let server: RunningRoomServer;
let endpoint: string;
const logged: string[] = [];
const dataDir = mkdtempSync(join(tmpdir(), 'dd-room-'));

beforeAll(async () => {
  server = await startRoomServer({
    port: await freePort(),
    host: '127.0.0.1',
    dataDir,
    scenariosDir: FIXTURES,
    staticDir: null,
    joinBurst: 10_000,
    log: (line) => logged.push(line),
  });
  endpoint = `ws://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server?.close();
});

interface Table {
  projector: TestClient;
  facilitator: string;
  code: string;
  phones: TestClient[];
}

/** A projector creates a room; `n` phones join by name and take seats 0..n-1; optionally started. */
async function table(n: number, start = true, seed = 'room-test-seed'): Promise<Table> {
  const facilitator = newToken();
  const projector = await TestClient.create(endpoint, { scenario: 'room-test', facilitator, seed });
  await until(() => projector.welcome !== null, 5000, 'welcome');
  const code = projector.room.roomId;
  const phones: TestClient[] = [];
  for (let i = 0; i < n; i++) {
    const phone = await TestClient.join(endpoint, code, { name: `Speler ${i + 1}` });
    await until(() => phone.welcome !== null, 5000, 'phone welcome');
    phone.send('seat', { seat: i });
    phones.push(phone);
  }
  const lobby = () => projector.last('lobby') as LobbyMessage | undefined;
  await until(() => lobby()?.participants.filter((p) => p.seat !== null).length === n, 5000, 'seats');
  if (start) {
    projector.send('fac', { op: 'start' });
    await until(() => phones.every((p) => p.view !== null) && projector.view !== null, 5000, 'views');
    // The deck game waits for the active seat to draw the first card.
    const active = projector.view!.view.activeSeat!;
    phones[active].send('act', { action: { type: 'draw' } });
    await until(() => [projector, ...phones].every((p) => p.view?.view.card), 5000, 'a card');
  }
  return { projector, facilitator, code, phones };
}

async function close(t: Table): Promise<void> {
  await Promise.all([t.projector, ...t.phones].map((c) => c.leave()));
}

describe('room mode', () => {
  it('a room code is 6 unambiguous characters and phones join it by name and take seats', async () => {
    const t = await table(3, false);
    expect(t.code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    const lobby = t.projector.last('lobby') as LobbyMessage;
    expect(lobby.participants.map((p) => [p.name, p.seat, p.connected])).toEqual([
      ['Speler 1', 0, true],
      ['Speler 2', 1, true],
      ['Speler 3', 2, true],
    ]);
    // A taken seat is refused.
    t.phones[2].send('seat', { seat: 0 });
    await until(() => t.phones[2].last('refused') !== undefined);
    expect(t.phones[2].last('refused')).toEqual({ reason: 'seat-taken' });
    // Every phone got its own seat token, and only its own.
    const tokens = t.phones.map((p) => p.welcome?.token);
    expect(new Set(tokens).size).toBe(3);
    for (const [i, p] of t.phones.entries()) {
      for (const [j, other] of tokens.entries()) if (i !== j) expect(p.allText()).not.toContain(other);
    }
    await close(t);
  });

  it('keeps votes secret until all are in, then every screen sees the result and the split', async () => {
    const t = await table(3);
    const [a, b, c] = t.phones;
    const card = a.view?.view.card;
    expect(card?.votes).toEqual([null, null, null]);
    const options = card!.options.map((o) => o.id);
    a.send('act', { action: { type: 'vote', seat: 0, option: options[0] } });
    await until(() => t.projector.view?.votes?.cast === 1);
    // The projector and the others see a count; the voter sees its own vote only (votes.mine).
    expect(t.projector.view?.view.card?.votes).toEqual([null, null, null]);
    expect(t.projector.view?.voted).toEqual([true, false, false]);
    await until(() => b.view?.votes?.cast === 1 && a.view?.votes?.cast === 1);
    expect(b.view?.view.card?.votes).toEqual([null, null, null]);
    expect(a.view?.votes?.mine).toBe(options[0]);
    // Every screen gets the same table view (encoded once): even the voter's own vote is not in it.
    expect(a.view?.view.card?.votes).toEqual([null, null, null]);
    expect(b.allText()).not.toContain(`"votes":["${options[0]}"`);
    b.send('act', { action: { type: 'vote', seat: 1, option: options[1] } });
    c.send('act', { action: { type: 'vote', seat: 2, option: options[0] } });
    await until(() => t.projector.view?.last !== null && t.projector.view?.last !== undefined);
    // Every screen sees the split per option; only the facilitator sees who voted what.
    expect(t.projector.view?.last).toMatchObject({
      card: card?.card,
      option: options[0],
      tally: { [options[0]]: 2, [options[1]]: 1 },
      abstained: 0,
    });
    expect(t.projector.view?.ballots).toEqual([options[0], options[1], options[0]]);
    await until(() => b.view?.last?.option === options[0]);
    expect(b.view?.last?.tally).toEqual({ [options[0]]: 2, [options[1]]: 1 });
    expect(b.view?.ballots).toBeNull();
    await close(t);
  });

  it('refuses a vote for another seat, a turn that is not yours and facilitator actions from a phone', async () => {
    const t = await table(3);
    const [a, b] = t.phones;
    const option = a.view!.view.card!.options[0].id;
    a.send('act', { action: { type: 'vote', seat: 1, option } });
    await until(() => a.last('refused') !== undefined);
    expect(a.last('refused')).toEqual({ reason: 'not-your-seat' });
    b.send('act', { action: { type: 'endNow' } });
    b.send('fac', { op: 'end' });
    await until(() => b.received.filter((r) => r.type === 'refused').length === 2);
    expect(b.received.filter((r) => r.type === 'refused').map((r) => r.message)).toEqual([
      { reason: 'facilitator-only' },
      { reason: 'facilitator-only' },
    ]);
    // Malformed and oversized messages are dropped with a logged reason; the room goes on.
    a.send('act', { action: { type: 'vote', seat: 'x' } });
    a.send('act', { action: { type: 'note', text: 'x'.repeat(10_000) } });
    a.send('bogus', { hello: 1 });
    await until(() => a.received.filter((r) => r.type === 'refused').length === 4);
    expect(logged.some((l) => l.includes('malformed'))).toBe(true);
    expect(logged.some((l) => l.includes('oversized'))).toBe(true);
    expect(logged.some((l) => l.includes('unknown message type'))).toBe(true);
    expect(t.projector.view?.actions).toBe(1);
    await close(t);
  });

  it("shows a hidden role's brief only on its own phone, never on the projector or another phone", async () => {
    const t = await table(4);
    const briefs = t.phones.map((p) => p.last('brief') as { role: string; hidden: boolean } | undefined);
    await until(() => t.phones.every((p) => p.last('brief') !== undefined));
    const mole = t.phones.findIndex((p) => (p.last('brief') as { role: string }).role === 'mol');
    expect(mole).toBeGreaterThanOrEqual(0);
    expect(briefs.length).toBe(4);
    // Play on a little so that more messages go around.
    for (const [seat, p] of t.phones.entries()) {
      const option = p.view!.view.card!.options[0].id;
      p.send('act', { action: { type: 'vote', seat, option } });
    }
    await until(() => t.projector.view?.last !== null, 5000, 'settled');
    expect(t.phones[mole].allText()).toContain(SECRET);
    for (const [i, p] of t.phones.entries()) {
      if (i !== mole) expect(p.allText()).not.toMatch(new RegExp(`${SECRET}|${SECRET_EN}`));
    }
    expect(t.projector.allText()).not.toMatch(new RegExp(`${SECRET}|${SECRET_EN}`));
    // After the end (the debrief reveals the roles) every screen gets the full scenario.
    t.projector.send('fac', { op: 'end' });
    await until(() => t.phones[0].allText().includes(SECRET), 5000, 'reveal at the end');
    await close(t);
  });

  it('a phone that reloads comes back to its own seat with its token', async () => {
    const t = await table(3);
    const token = t.phones[1].welcome!.token!;
    await t.phones[1].leave();
    await until(() => (t.projector.last('lobby') as LobbyMessage).participants[1].connected === false);
    const back = await TestClient.join(endpoint, t.code, { token });
    await until(() => back.view !== null);
    expect(back.view?.you).toBe(1);
    expect(back.welcome?.you).toBe('p2');
    const option = back.view!.view.card!.options[0].id;
    back.send('act', { action: { type: 'vote', seat: 1, option } });
    await until(() => t.projector.view?.votes?.cast === 1);
    // A wrong token or a wrong facilitator token gets no seat.
    await expect(TestClient.join(endpoint, t.code, { token: newToken() })).rejects.toThrow();
    await expect(TestClient.join(endpoint, t.code, { facilitator: newToken() })).rejects.toThrow();
    await expect(TestClient.join(endpoint, 'ZZZZZZ', { name: 'x' })).rejects.toThrow();
    await Promise.all([t.projector, t.phones[0], t.phones[2], back].map((c) => c.leave()));
  });

  it('the facilitator injects a card, which comes on the table next; a phone may not inject', async () => {
    const t = await table(2);
    const [a] = t.phones;
    const onTable = t.projector.view!.view.card!.card;
    const injected = onTable === 'dilemma-tarief' ? 'traplift' : 'dilemma-tarief';
    a.send('act', { action: { type: 'injectCard', card: injected } });
    await until(() => a.last('refused') !== undefined);
    expect(a.last('refused')).toEqual({ reason: 'facilitator-only' });
    expect(t.projector.view?.actions).toBe(1);
    expect(t.projector.view?.view.allowed).toContain('injectCard');
    t.projector.send('act', { action: { type: 'injectCard', card: injected } });
    await until(() => t.projector.view?.actions === 2);
    // The card on the table stays until it is settled; then the injected one comes first.
    expect(t.projector.view?.view.card?.card).toBe(onTable);
    t.projector.send('fac', { op: 'skip' });
    await until(() => [t.projector, ...t.phones].every((c) => c.view?.view.card?.card === injected));
    // An unknown card is refused by the engine with its reason, and nothing is recorded.
    t.projector.send('act', { action: { type: 'injectCard', card: 'no-such-card' } });
    await until(() => t.projector.last('refused') !== undefined);
    expect(t.projector.view?.actions).toBe(3);
    await close(t);
  });

  it('the facilitator pauses, plays an empty seat, closes a vote, undoes, skips, exports and ends', async () => {
    const t = await table(2, false);
    t.projector.send('fac', { op: 'addSeat', name: 'Lege stoel' });
    await until(() => (t.projector.last('lobby') as LobbyMessage).participants.length === 3);
    const empty = (t.projector.last('lobby') as LobbyMessage).participants[2];
    expect(empty.played).toBe(true);
    t.projector.send('fac', { op: 'seat', participant: empty.id, seat: 2 });
    t.projector.send('fac', { op: 'start' });
    await until(() => t.projector.view !== null);
    // The facilitator may act for any seat: here it draws for the active one.
    t.projector.send('act', { action: { type: 'draw' } });
    await until(() => t.projector.view?.view.card !== null);
    const [a] = t.phones;
    const option = t.projector.view!.view.card!.options[0].id;
    t.projector.send('fac', { op: 'pause', paused: true });
    await until(() => t.projector.view?.paused === true);
    a.send('act', { action: { type: 'vote', seat: 0, option } });
    await until(() => a.last('refused') !== undefined);
    expect(a.last('refused')).toEqual({ reason: 'paused' });
    // As on the laptop, the facilitator neither skips nor undoes while paused: resume first.
    for (const op of ['skip', 'undo'] as const) {
      const before = t.projector.received.length;
      t.projector.send('fac', { op });
      await until(() => t.projector.received.slice(before).some((m) => m.type === 'refused'));
      expect(t.projector.last('refused')).toEqual({ reason: 'paused' });
    }
    expect(t.projector.view?.view.card).not.toBeNull();
    expect(t.projector.view?.actions).toBe(1);
    t.projector.send('fac', { op: 'pause', paused: false });
    a.send('act', { action: { type: 'vote', seat: 0, option } });
    // The facilitator plays the empty seat.
    t.projector.send('act', { action: { type: 'vote', seat: 2, option } });
    await until(() => t.projector.view?.votes?.cast === 2);
    // A phone cannot close the vote; the facilitator can: the two votes cast decide, seat 1
    // abstains, and every screen sees the split and the abstention, never who voted what.
    t.phones[1].send('act', { action: { type: 'closeVote' } });
    await until(() => t.phones[1].last('refused') !== undefined);
    expect(t.phones[1].last('refused')).toEqual({ reason: 'facilitator-only' });
    t.projector.send('fac', { op: 'closeVote' });
    await until(() => t.phones[1].view?.last !== null && t.projector.view?.actions === 4);
    expect(t.phones[1].view?.last).toMatchObject({ option, tally: { [option]: 2 }, abstained: 1 });
    expect(t.phones[1].view?.ballots).toBeNull();
    expect(t.projector.view?.ballots).toEqual([option, null, option]);
    expect(t.phones[1].view?.votes).toBeNull();
    const refusedBefore = t.projector.received.filter((m) => m.type === 'refused').length;
    t.projector.send('fac', { op: 'closeVote' });
    await until(() => t.projector.received.filter((m) => m.type === 'refused').length > refusedBefore);
    expect(t.projector.last('refused')).toEqual({ reason: 'no-open-vote' });
    // Undo takes back the whole vote, its closing included.
    t.projector.send('fac', { op: 'undo' });
    await until(() => t.projector.view?.actions === 1);
    t.projector.send('fac', { op: 'skip' });
    t.projector.send('act', { action: { type: 'note', text: 'Goed gesprek over de traplift' } });
    await until(() => t.projector.view?.actions === 3);
    t.projector.send('fac', { op: 'export' });
    await until(() => t.projector.last('export') !== undefined);
    const exported = t.projector.last('export') as { file: string; name: string };
    const parsed = parseSavedSession(exported.file);
    expect(parsed.ok && parsed.session.record.actions).toEqual([
      { type: 'draw' },
      { type: 'skipCard' },
      { type: 'note', text: 'Goed gesprek over de traplift' },
    ]);
    expect(exported.name).toMatch(/^room-test-.*\.dd-session\.json$/);
    t.projector.send('fac', { op: 'end' });
    await until(() => t.projector.view?.view.phase === 'ended');
    // Everything went to the room's journal.
    const journal = readFileSync(join(dataDir, `${t.code}.jsonl`), 'utf8')
      .trim()
      .split('\n');
    expect(journal.map((l) => JSON.parse(l).t)).toContain('undo');
    await close(t);
  });
});
