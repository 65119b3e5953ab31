/**
 * A hosted room server (`--open-rooms any`): facilitators open rooms from elsewhere, each
 * address on its own creation limit, apart from the join limit. A facilitator elsewhere is a
 * connection from 127.0.0.2, as in room-static.test.ts.
 */
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOM_NAME } from '../protocol/room';
import { type RunningRoomServer, startRoomServer } from './server';
import { newToken } from './table';

const FIXTURES = resolve(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'room');
let server: RunningRoomServer;

beforeAll(async () => {
  server = await startRoomServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: mkdtempSync(join(tmpdir(), 'dd-hosted-')),
    scenariosDir: FIXTURES,
    staticDir: null,
    openRooms: 'any',
    createBurst: 3,
    createPerSecond: 1 / 30,
    log: () => undefined,
  });
});
afterAll(async () => {
  await server?.close();
});

function post(path: string, body: object, from: string): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path, method: 'POST', localAddress: from },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          text += c;
        });
        res.on('end', () => done({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', fail);
    req.end(JSON.stringify(body));
  });
}

const create = (from: string) =>
  post(`/matchmake/create/${ROOM_NAME}`, { scenario: 'room-test', facilitator: newToken() }, from);

describe('a hosted server', () => {
  it('opens rooms for a facilitator elsewhere, up to its own limit per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await create('127.0.0.2')).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    // Another address has its own limit; joining by code is not limited by creating.
    expect((await create('127.0.0.3')).status).toBe(200);
    const join = await post('/matchmake/joinById/ABCDEF', { name: 'Anna' }, '127.0.0.2');
    expect(join.status).toBe(200);
    expect(JSON.parse(join.body).error).toMatch(/not found/);
  });

  it('still closes join and joinOrCreate', async () => {
    expect((await post(`/matchmake/joinOrCreate/${ROOM_NAME}`, { name: 'X' }, '127.0.0.2')).status).toBe(403);
    expect((await post(`/matchmake/join/${ROOM_NAME}`, { name: 'X' }, '127.0.0.2')).status).toBe(403);
  });
});
