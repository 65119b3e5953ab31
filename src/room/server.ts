/**
 * One process serves a room: the built static game (dist/) and the Colyseus server on the same
 * port, so a facilitator runs one command. Journals are restored into rooms before the port
 * opens. With `redisUrl`, several processes share rooms through @colyseus/redis-presence and
 * @colyseus/redis-driver; each then announces its own `publicAddress` so a phone that found its
 * room through any process connects to the process that holds it.
 *
 * No request ends the process: every handler answers inside a try, a path with a bad `%` is a
 * 400, and what a stranger's requests cause is logged once per address per minute
 * (guarded-server.ts, static.ts, log-once.ts).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { matchMaker } from '@colyseus/core';
import { setupView } from '../engine/setup';
import { ROOM_NAME } from '../protocol/room';
import { firstLine, GuardedServer, GuardedTransport, type OpenRooms } from './guarded-server';
import { ensureDir, storedRooms } from './journal';
import { JoinLimiter } from './limiter';
import { LogOnce } from './log-once';
import { codeMaker, readScenarios, setRoomEnv } from './room-env';
import { StaticFiles } from './static';
import { RESTORE_KEY, TableRoom } from './table-room';

export { withoutScenarios } from './static';

export interface RoomServerOptions {
  port: number;
  host: string;
  dataDir: string;
  scenariosDir: string;
  /** The built game to serve (null: the Colyseus server only). */
  staticDir: string | null;
  redisUrl?: string;
  /** host:port phones reach this process at (needed with Redis). */
  publicAddress?: string;
  /** The base URL printed and put in the QR code, e.g. http://192.168.1.20:2567/ */
  joinBase?: string;
  /** Join-by-code requests per address: burst and refill per second. */
  joinBurst?: number;
  joinPerSecond?: number;
  /**
   * Who may open a room: this machine only (the default: the facilitator's laptop runs the
   * server), or any address (a hosted server, facilitators elsewhere), then rate-limited per
   * address by `createBurst` (default 5) and `createPerSecond` (default one per 30 s).
   */
  openRooms?: OpenRooms;
  createBurst?: number;
  createPerSecond?: number;
  /** A room nobody joined, not started and with no one connected is retired after this long (default 30 min). */
  retireAfterMs?: number;
  log?: (line: string) => void;
  /** A room was opened: its code (main.ts prints one line with the phones' URL). */
  opened?: (code: string) => void;
  /** A room's recovery code, when it is opened or restored (main.ts prints it). */
  recoveryCode?: (code: string, recovery: string) => void;
}

export interface RunningRoomServer {
  port: number;
  url: string;
  restored: string[];
  close: () => Promise<void>;
}

export async function startRoomServer(options: RoomServerOptions): Promise<RunningRoomServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const trouble = new LogOnce(log);
  ensureDir(options.dataDir);
  const env = {
    dataDir: options.dataDir,
    scenarios: readScenarios(options.scenariosDir, log),
    log,
    trouble,
    newCode: codeMaker(options.dataDir),
    opened: options.opened,
    retireAfterMs: options.retireAfterMs ?? 30 * 60_000,
    recoveryCode: options.recoveryCode,
  };
  setRoomEnv(env);
  const files = options.staticDir ? new StaticFiles(options.staticDir) : null;
  files?.warm();
  let joinBase = options.joinBase ?? null;
  const http = createServer((req, res) => {
    try {
      answer(req, res);
    } catch (error) {
      trouble.note(
        `http:${req.socket.remoteAddress}`,
        `request ${String(req.url).slice(0, 80)} failed: ${firstLine(error)}`,
      );
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    }
  });
  const answer = (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '/').split(/[?#]/)[0] ?? '/';
    if (path === '/room-api/info') {
      // Public facts only; any origin may read them (the game from `npm start` asks from its own port).
      res.writeHead(200, {
        'content-type': 'application/json',
        'cache-control': 'no-store',
        'access-control-allow-origin': '*',
      });
      const scenarios = [...env.scenarios.values()].map((s) => ({
        id: s.scenario.id,
        title: s.scenario.title,
        decision: setupView(s.scenario).decision,
      }));
      res.end(JSON.stringify({ room: true, joinBase, scenarios, rooms: matchMaker.stats.local.roomCount }));
      return;
    }
    if (!files) return void res.writeHead(404).end();
    if (files.serve(req, res, path, fromThisMachine(req.socket)) === 'bad-path')
      trouble.note(
        `bad-path:${req.socket.remoteAddress}`,
        `a bad path from ${req.socket.remoteAddress}: refused (400)`,
      );
  };
  http.on('clientError', (_error, socket) => {
    // A malformed request line or headers: answered and closed, never thrown.
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
    else socket.destroy();
  });
  const redis = options.redisUrl;
  // Loaded only when asked for: a single laptop never needs the Redis client.
  const scale = redis
    ? {
        presence: new (await import('@colyseus/redis-presence')).RedisPresence(redis),
        driver: new (await import('@colyseus/redis-driver')).RedisDriver(redis),
      }
    : {};
  const server = new GuardedServer(
    {
      transport: new GuardedTransport({ server: http, maxPayload: 64 * 1024 }, trouble),
      ...scale,
      ...(scale.driver ? { selectProcessIdToCreateRoom: leastBusyProcess(scale.driver) } : {}),
      publicAddress: options.publicAddress,
      greet: false,
      // Colyseus' own handler would shut the whole server down on any uncaught error; main.ts
      // keeps serving instead (log-once.ts keepServing) and closes on SIGINT/SIGTERM itself.
      gracefullyShutdown: false,
      logger: quietLogger(trouble),
    },
    {
      joins: new JoinLimiter(options.joinBurst ?? 30, options.joinPerSecond ?? 2),
      creates: new JoinLimiter(options.createBurst ?? 5, options.createPerSecond ?? 1 / 30),
      openRooms: options.openRooms ?? 'local',
      local: (req) => fromThisMachine(req.socket),
      trouble,
    },
  );
  server.define(ROOM_NAME, TableRoom);
  const restored: string[] = [];
  await server.listen(options.port, options.host);
  // Rooms come back from their journals here, in this process (never delegated to another one).
  for (const code of storedRooms(options.dataDir)) {
    try {
      await matchMaker.handleCreateRoom(ROOM_NAME, { restore: code, restoreKey: RESTORE_KEY });
      restored.push(code);
    } catch (error) {
      log(`room ${code} could not be restored: ${String(error)}`);
    }
  }
  // A process struck from the shared list (one health check answered late) is back within
  // seconds, not after Colyseus' own minute, so new rooms keep spreading over every process.
  const announce = redis ? setInterval(() => void matchMaker.stats.persist(true), 5000).unref() : null;
  const { port } = http.address() as AddressInfo;
  const url = `http://${options.host === '0.0.0.0' ? '127.0.0.1' : options.host}:${port}/`;
  joinBase ??= url;
  return {
    port,
    url,
    restored,
    close: async () => {
      if (announce) clearInterval(announce);
      trouble.stop();
      await server.gracefullyShutdown(false);
    },
  };
}

/**
 * Colyseus' own log (a stack trace for every failed join, every bad message) as single lines,
 * each kind once a minute; its debug chatter not at all.
 */
function quietLogger(trouble: LogOnce) {
  const line = (...args: unknown[]): void => {
    const text = firstLine(args[0]);
    trouble.note(`colyseus:${text.slice(0, 60)}`, `colyseus: ${text}`);
  };
  const quiet = (): void => undefined;
  return { debug: quiet, trace: quiet, info: line, warn: line, error: line };
}

/**
 * With Redis, a new room goes to the process that holds the fewest rooms right now, counted from
 * the room listings (written as a room opens). Colyseus' own choice reads counts that each process
 * stores at most once a second, so when twenty facilitators open their rooms at 9:00 they would
 * all land on one process. Ties are broken at random for the same reason. This process is always
 * a candidate: another one may have struck it from the shared list after one slow answer.
 */
function leastBusyProcess(driver: { query: (c: object) => Promise<{ processId: string }[]> }) {
  return async (): Promise<string> => {
    const [processes, rooms] = await Promise.all([matchMaker.stats.fetchAll(), driver.query({})]);
    const held = new Map([[matchMaker.processId, 0], ...processes.map((p) => [p.processId, 0] as const)]);
    for (const room of rooms) {
      const n = held.get(room.processId);
      if (n !== undefined) held.set(room.processId, n + 1);
    }
    const fewest = Math.min(...held.values());
    const candidates = [...held].filter(([, n]) => n === fewest).map(([id]) => id);
    return candidates[Math.floor(Math.random() * candidates.length)] ?? matchMaker.processId;
  };
}

/**
 * A request from the machine the server runs on (the facilitator's laptop, whichever of its
 * addresses the page used): both ends of its connection are the same address. A phone on the
 * venue's network never is.
 */
export function fromThisMachine(socket: { remoteAddress?: string; localAddress?: string }): boolean {
  return socket.remoteAddress !== undefined && socket.remoteAddress === socket.localAddress;
}
