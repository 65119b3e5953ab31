/**
 * The room server against a stranger on the venue's Wi-Fi, on a real socket: requests that used
 * to end the process, a seat taken without the room's code, a path out of the build, a 200 MB
 * body, a log flood; and what the build is served with (compression, cache headers). A phone is a
 * connection from 127.0.0.2 (Linux routes every 127.x address over loopback), as in
 * room-static.test.ts.
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { type IncomingHttpHeaders, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Client } from 'colyseus.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { serviceWorkerSource } from '../offline/sw-plugin';
import { type LobbyMessage, ROOM_NAME } from '../protocol/room';
import { roomFile } from './journal';
import { type RunningRoomServer, startRoomServer } from './server';
import { newToken } from './table';
import { TestClient, until } from './test-client';

const FIXTURES = resolve(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'room');
const SINGLE_SECRET = 'HET-HELE-SPEL-MET-ALLE-GEHEIME-ROLLEN';
const GAME_CODE = `console.log(${JSON.stringify('het spel '.repeat(400))});`;
const RETIRE_MS = 300;

let server: RunningRoomServer;
let endpoint: string;
const logged: string[] = [];
const dataDir = mkdtempSync(join(tmpdir(), 'dd-attack-data-'));

beforeAll(async () => {
  // dist/ and beside it dist-single/ (npm run build:single), which holds every hidden brief.
  const root = mkdtempSync(join(tmpdir(), 'dd-attack-'));
  const dist = join(root, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  mkdirSync(join(root, 'dist-single'));
  writeFileSync(join(root, 'dist-single', 'index.html'), `<html>${SINGLE_SECRET}</html>`);
  writeFileSync(
    join(dist, 'index.html'),
    `<html><head></head><body>${'<p>spel</p>'.repeat(200)}</body></html>`,
  );
  writeFileSync(join(dist, 'assets', 'index-abc.js'), GAME_CODE);
  writeFileSync(join(dist, 'assets', 'phaser-xyz.js'), 'var Phaser = {};');
  writeFileSync(join(dist, 'assets', 'urk-abc.yaml'), 'brief: geheim\n');
  writeFileSync(
    join(dist, 'sw.js'),
    serviceWorkerSource(
      ['index.html', 'assets/index-abc.js', 'assets/phaser-xyz.js', 'assets/urk-abc.yaml'],
      'v1',
    ),
  );
  server = await startRoomServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    scenariosDir: FIXTURES,
    staticDir: dist,
    joinBurst: 10_000,
    retireAfterMs: RETIRE_MS,
    log: (line) => logged.push(line),
  });
  endpoint = `ws://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server?.close();
});

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** One raw HTTP request (the path is sent exactly as given), from the laptop or a phone. */
function send(
  path: string,
  options: {
    method?: string;
    from?: 'laptop' | 'phone';
    headers?: Record<string, string>;
    body?: string;
  } = {},
): Promise<Answer> {
  return new Promise((done, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
        localAddress: options.from === 'phone' ? '127.0.0.2' : '127.0.0.1',
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on('error', fail);
    req.end(options.body);
  });
}

const json = (options: object) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(options),
});

async function openRoom(): Promise<{ projector: TestClient; code: string }> {
  const projector = await TestClient.create(endpoint, { scenario: 'room-test', facilitator: newToken() });
  await until(() => projector.welcome !== null, 5000, 'welcome');
  return { projector, code: projector.room.roomId };
}

describe('no request ends the process', () => {
  it.each(['/%', '/%E0%A4%A', '/assets/%zz.js'])(
    'GET %s is a 400 and the server still answers',
    async (path) => {
      expect((await send(path)).status).toBe(400);
      expect((await send('/')).status).toBe(200);
    },
  );

  it('odd request targets are answered, not thrown', async () => {
    expect((await send('//')).status).toBeLessThan(500);
    expect((await send('/%00')).status).toBe(400);
    expect((await send('/matchmake/')).status).toBe(404);
    expect((await send('/')).status).toBe(200);
  });
});

describe('a path out of the build', () => {
  it.each([
    '/..%2fdist-single%2findex.html',
    '/assets/..%2f..%2fdist-single%2findex.html',
    '/%2e%2e/dist-single/index.html',
    '/../dist-single/index.html',
  ])('%s does not reach the single-file game beside dist/', async (path) => {
    const res = await send(path, { from: 'phone' });
    expect([403, 404]).toContain(res.status);
    expect(res.body.toString()).not.toContain(SINGLE_SECRET);
  });
});

describe('a seat needs the room code', () => {
  it('join and joinOrCreate without a code are refused: no seat, no lobby entry, no new room', async () => {
    const { projector, code } = await openRoom();
    for (const method of ['join', 'joinOrCreate'] as const) {
      const res = await send(`/matchmake/${method}/${ROOM_NAME}`, {
        ...json({ name: 'Vreemde' }),
        from: 'phone',
      });
      expect(res.status).toBe(403);
      expect(res.body.toString()).not.toContain(code);
      await expect(new Client(endpoint)[method](ROOM_NAME, { name: 'Vreemde' })).rejects.toThrow();
    }
    // The room's lobby never listed the stranger (a lobby goes out on every join).
    const lobby = projector.last('lobby') as LobbyMessage;
    expect(lobby.participants).toEqual([]);
    await projector.leave();
  });

  it('a phone with the code still joins', async () => {
    const { projector, code } = await openRoom();
    const phone = await TestClient.join(endpoint, code, { name: 'Anna' });
    await until(() => phone.welcome !== null, 5000, 'phone welcome');
    await Promise.all([phone.leave(), projector.leave()]);
  });

  it('a room is opened from this machine only, by default', async () => {
    const create = json({ scenario: 'room-test', facilitator: newToken() });
    const phone = await send(`/matchmake/create/${ROOM_NAME}`, { ...create, from: 'phone' });
    expect(phone.status).toBe(403);
    expect(JSON.parse(phone.body.toString()).error).toMatch(/facilitator's laptop/);
    const laptop = await send(`/matchmake/create/${ROOM_NAME}`, create);
    expect(laptop.status).toBe(200);
    expect(JSON.parse(laptop.body.toString()).room.roomId).toMatch(/^[A-Z0-9]{6}$/);
  });
});

describe('request bodies', () => {
  it('an announced 200 MB body is refused from its header', async () => {
    const res = await send(`/matchmake/joinById/ABCDEF`, {
      method: 'POST',
      headers: { 'content-length': String(200 * 1024 * 1024) },
    });
    expect(res.status).toBe(413);
  });

  it('a streamed 200 MB body is refused early (413) without the server holding it', async () => {
    const before = process.memoryUsage().rss;
    const chunk = Buffer.alloc(256 * 1024, 'x');
    const total = 200 * 1024 * 1024;
    const status = await new Promise<number>((done, fail) => {
      let sent = 0;
      let answered = 0;
      const req = request(
        { host: '127.0.0.1', port: server.port, path: `/matchmake/joinById/ABCDEF`, method: 'POST' },
        (res) => {
          answered = res.statusCode ?? 0;
          res.resume();
          res.on('end', () => done(answered));
        },
      );
      // Writing stops at the first refusal; an error after the answer is the closed connection.
      req.on('error', (e) => (answered ? done(answered) : fail(e)));
      const pump = (): void => {
        while (sent < total && !answered && !req.destroyed) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        if (sent >= total) req.end();
      };
      pump();
    });
    expect(status).toBe(413);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
    expect((await send('/')).status).toBe(200);
  });
});

describe('logs a stranger cannot flood', () => {
  it('10,000 bad messages from one phone are a handful of lines', async () => {
    const { projector, code } = await openRoom();
    const phone = await TestClient.join(endpoint, code, { name: 'Luidruchtig' });
    await until(() => phone.welcome !== null, 5000, 'phone welcome');
    const start = logged.length;
    for (let i = 0; i < 10_000; i++) phone.send(i % 2 ? 'act' : 'nonsense', { action: { type: 'niets' } });
    await until(
      () => phone.received.filter((r) => r.type === 'refused').length >= 10_000,
      15_000,
      'refusals',
    );
    const lines = logged.slice(start).filter((l) => l.includes(phone.room.sessionId));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThanOrEqual(5);
    await Promise.all([phone.leave(), projector.leave()]);
  });

  it('100 failed websocket joins from one address are one line, without a stack trace', async () => {
    const start = logged.length;
    await Promise.all(
      Array.from(
        { length: 100 },
        () =>
          new Promise<void>((done) => {
            const ws = new WebSocket(`${endpoint}/proc/NOROOM?sessionId=x${Math.random()}`, {
              localAddress: '127.0.0.2',
            });
            ws.on('close', () => done());
            ws.on('error', () => done());
          }),
      ),
    );
    const lines = logged.slice(start);
    expect(lines.filter((l) => l.includes('127.0.0.2'))).toHaveLength(1);
    expect(lines.join('\n')).not.toMatch(/\n\s+at /);
  });

  it('20 joins with a wrong seat token are one line for that address', async () => {
    const { projector, code } = await openRoom();
    const start = logged.length;
    for (let i = 0; i < 20; i++)
      await expect(new Client(endpoint).joinById(code, { token: newToken() })).rejects.toThrow(
        /unknown seat token/,
      );
    const lines = logged.slice(start).filter((l) => l.includes('unknown seat token'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('127.0.0.1');
    await projector.leave();
  });
});

describe('the build as a phone downloads it', () => {
  it('compressed as the phone asks (brotli or gzip), identical once unpacked', async () => {
    const br = await send('/assets/index-abc.js', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.body.length).toBeLessThan(GAME_CODE.length / 4);
    expect(brotliDecompressSync(br.body).toString()).toBe(GAME_CODE);
    const gz = await send('/assets/index-abc.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(GAME_CODE);
    const plain = await send('/assets/index-abc.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(GAME_CODE);
  });

  it('hashed assets are kept for good; the page and the service worker are asked for again', async () => {
    expect((await send('/assets/index-abc.js')).headers['cache-control']).toMatch(/immutable/);
    expect((await send('/')).headers['cache-control']).toBe('no-cache');
    expect((await send('/sw.js')).headers['cache-control']).toBe('no-cache');
    const page = await send('/');
    expect((await send('/', { headers: { 'if-none-match': String(page.headers.etag) } })).status).toBe(304);
  });

  it("a phone's offline cache leaves out Phaser and the scenario files; the laptop's keeps them", async () => {
    const phone = (await send('/sw.js', { from: 'phone' })).body.toString();
    expect(phone).toContain('./assets/index-abc.js');
    expect(phone).not.toContain('phaser');
    expect(phone).not.toContain('.yaml');
    const laptop = (await send('/sw.js')).body.toString();
    expect(laptop).toContain('./assets/phaser-xyz.js');
    expect(laptop).toContain('./assets/urk-abc.yaml');
  });
});

describe('rooms nobody joined', () => {
  it('are retired once nobody is connected; a room a phone joined stays', async () => {
    const used = await openRoom();
    const phone = await TestClient.join(endpoint, used.code, { name: 'Anna' });
    await until(() => phone.welcome !== null, 5000, 'phone welcome');
    await Promise.all([phone.leave(), used.projector.leave()]);
    const unused = await openRoom();
    await unused.projector.leave();
    const file = roomFile(dataDir, unused.code);
    await until(() => existsSync(`${file}.retired`) && !existsSync(file), 10_000, 'retired');
    expect(logged.some((l) => l.includes(`room ${unused.code} retired`))).toBe(true);
    await expect(new Client(endpoint).joinById(unused.code, { name: 'Laat' })).rejects.toThrow();
    expect(existsSync(roomFile(dataDir, used.code))).toBe(true);
  });
});
