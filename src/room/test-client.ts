/**
 * Helpers shared by the room tests and bench/room.ts: a colyseus.js client that keeps every
 * message it receives (so a test can search all of them for a hidden brief), a room server in a
 * child process (so a test can `kill -9` it), a free loopback port and a Redis server.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client, type Room } from 'colyseus.js';
import { afterAll, beforeAll } from 'vitest';
import type { SeatView, WelcomeMessage } from '../protocol/room';
import { ROOM_NAME } from '../protocol/room';

const ROOT = resolve(import.meta.dirname, '..', '..');

export interface Received {
  type: string;
  message: unknown;
  at: number;
}

export class TestClient {
  readonly received: Received[] = [];
  welcome: WelcomeMessage | null = null;
  view: SeatView | null = null;
  private listeners: ((r: Received) => void)[] = [];

  private readonly latest = new Map<string, unknown>();

  /** `keep: false` (the benchmark): only the latest message of each type is kept, not all. */
  private constructor(
    readonly room: Room,
    keep = true,
  ) {
    room.onMessage('*', (type, message) => {
      const r = { type: String(type), message, at: performance.now() };
      if (keep) this.received.push(r);
      this.latest.set(r.type, message);
      if (r.type === 'welcome') this.welcome = message as WelcomeMessage;
      if (r.type === 'view') this.view = message as SeatView;
      for (const l of this.listeners) l(r);
    });
  }

  static async create(endpoint: string, options: Record<string, unknown>, keep = true): Promise<TestClient> {
    return new TestClient(await new Client(endpoint).create(ROOM_NAME, options), keep);
  }

  static async join(
    endpoint: string,
    code: string,
    options: Record<string, unknown>,
    keep = true,
  ): Promise<TestClient> {
    return new TestClient(await new Client(endpoint).joinById(code, options), keep);
  }

  send(type: string, message: unknown): void {
    this.room.send(type, message);
  }

  onReceive(listener: (r: Received) => void): void {
    this.listeners.push(listener);
  }

  /** Every message received so far as one JSON text. */
  allText(): string {
    return JSON.stringify(this.received);
  }

  last(type: string): unknown {
    return this.latest.get(type);
  }

  async leave(): Promise<void> {
    await this.room.leave(true).catch(() => undefined);
  }
}

export async function until(check: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => ok(port));
    });
  });
}

export interface ChildServer {
  port: number;
  child: ChildProcess;
  output: string[];
}

/** `npm run room`'s entry in a child process (Colyseus only, no static game). */
export async function spawnServer(options: {
  port: number;
  dataDir: string;
  scenariosDir?: string;
  redis?: string;
  env?: Record<string, string>;
  /** Extra flags for node itself, e.g. `--cpu-prof` (bench:room's `--profile`). */
  nodeArgs?: string[];
}): Promise<ChildServer> {
  const args = [
    ...(options.nodeArgs ?? []),
    '--import',
    'tsx',
    'src/room/main.ts',
    '--port',
    String(options.port),
    '--host',
    '127.0.0.1',
  ];
  args.push('--data', options.dataDir, '--no-static', '--join-burst', '100000');
  if (options.scenariosDir) args.push('--scenarios', options.scenariosDir);
  if (options.redis) args.push('--redis', options.redis, '--public-address', `127.0.0.1:${options.port}`);
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${output.join('')}`)), 20_000);
    const read = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (output.join('').includes('room server listening')) {
        clearTimeout(timer);
        ok();
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`server exited (${code}):\n${output.join('')}`));
    });
  });
  return { port: options.port, child, output };
}

export function killHard(server: ChildServer): Promise<void> {
  return new Promise((ok) => {
    if (server.child.exitCode !== null || server.child.signalCode !== null) return ok();
    server.child.once('exit', () => ok());
    server.child.kill('SIGKILL');
  });
}

/** SIGINT and wait: Colyseus shuts down and exits, so node writes a `--cpu-prof` profile. */
export function stopGently(server: ChildServer, timeoutMs = 15_000): Promise<void> {
  return new Promise((ok) => {
    if (server.child.exitCode !== null || server.child.signalCode !== null) return ok();
    const timer = setTimeout(() => void killHard(server).then(ok), timeoutMs);
    server.child.once('exit', () => {
      clearTimeout(timer);
      ok();
    });
    server.child.kill('SIGINT');
  });
}

/** Debian's redis-server on a free loopback port, nothing saved to disk. */
export async function startRedis(): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(
    '/usr/bin/redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`redis did not start: ${out}`)), 10_000);
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('Ready to accept connections')) {
        clearTimeout(timer);
        ok();
      }
    });
    child.once('exit', () => fail(new Error(`redis exited: ${out}`)));
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () =>
      new Promise((ok) => {
        child.once('exit', () => ok());
        child.kill('SIGKILL');
      }),
  };
}

/**
 * A room server in this process for one test file (shipped scenarios, no static files, a
 * temporary data folder), closed after it. `endpoint()` is read inside the tests.
 */
export function roomServerForTests(prefix: string): { endpoint: () => string } {
  let server: { port: number; close: () => Promise<void> } | undefined;
  beforeAll(async () => {
    const { startRoomServer } = await import('./server');
    server = await startRoomServer({
      port: await freePort(),
      host: '127.0.0.1',
      dataDir: mkdtempSync(join(tmpdir(), prefix)),
      scenariosDir: resolve(import.meta.dirname, '..', '..', 'scenarios'),
      staticDir: null,
      joinBurst: 10_000,
      log: () => undefined,
    });
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    endpoint: () => {
      if (!server) throw new Error('the room server has not started (use it inside a test)');
      return `ws://127.0.0.1:${server.port}`;
    },
  };
}
