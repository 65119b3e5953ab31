/**
 * Scaling out: two room-server processes behind one Redis (@colyseus/redis-presence and
 * @colyseus/redis-driver). Rooms are created through either process, and a phone that asks
 * either process for a room by its code gets a seat in it and plays.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { LobbyMessage } from '../protocol/room';
import { newToken } from './table';
import {
  type ChildServer,
  freePort,
  killHard,
  spawnServer,
  startRedis,
  TestClient,
  until,
} from './test-client';

const FIXTURES = resolve(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'room');
const stops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const stop of stops.reverse()) await stop();
});

it('two processes behind Redis: a phone finds its room through either process', async () => {
  const redis = await startRedis();
  stops.push(redis.stop);
  const servers: ChildServer[] = [];
  for (let i = 0; i < 2; i++) {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), `dd-room-redis-${i}-`));
    const server = await spawnServer({ port, dataDir, scenariosDir: FIXTURES, redis: redis.url });
    servers.push(server);
    stops.push(() => killHard(server));
  }
  const endpoints = servers.map((s) => `ws://127.0.0.1:${s.port}`);
  const clients: TestClient[] = [];
  // Four rooms, created through both processes in turn.
  for (let r = 0; r < 4; r++) {
    const projector = await TestClient.create(endpoints[r % 2], {
      scenario: 'room-test',
      facilitator: newToken(),
      seed: `redis-${r}`,
    });
    clients.push(projector);
    await until(() => projector.welcome !== null, 5000, 'projector welcome');
    const code = projector.room.roomId;
    // One phone through each process.
    const phones = await Promise.all(
      endpoints.map((e, i) => TestClient.join(e, code, { name: `Speler ${i + 1}` })),
    );
    clients.push(...phones);
    await until(() => phones.every((p) => p.welcome !== null), 5000, 'phones welcome');
    for (const [seat, p] of phones.entries()) p.send('seat', { seat });
    await until(
      () =>
        (projector.last('lobby') as LobbyMessage | undefined)?.participants.filter((p) => p.seat !== null)
          .length === 2,
      5000,
      'seated through both processes',
    );
    projector.send('fac', { op: 'start' });
    await until(() => phones.every((p) => p.view !== null), 5000, 'views');
    phones[0].send('act', { action: { type: 'draw' } });
    await until(() => phones.every((p) => p.view?.view.card), 5000, 'a card on both phones');
    const option = phones[0].view!.view.card!.options[0].id;
    for (const [seat, p] of phones.entries()) p.send('act', { action: { type: 'vote', seat, option } });
    await until(() => projector.view?.last?.option === option, 5000, 'the vote settled');
    expect(projector.view?.ballots).toEqual([option, option]);
  }
  // Both processes hold rooms (new rooms go to the process with fewer).
  const held = await Promise.all(
    servers.map(async (s) => {
      const response = await fetch(`http://127.0.0.1:${s.port}/room-api/info`);
      return ((await response.json()) as { rooms: number }).rooms;
    }),
  );
  expect(held.every((n) => n > 0)).toBe(true);
  expect(held[0] + held[1]).toBe(4);
  await Promise.all(clients.map((c) => c.leave()));
}, 60_000);
