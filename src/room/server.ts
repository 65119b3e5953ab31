/**
 * One process serves a room: the built static game (dist/) and the Colyseus server on the same
 * port, so a facilitator runs one command. Journals are restored into rooms before the port
 * opens. With `redisUrl`, several processes share rooms through @colyseus/redis-presence and
 * @colyseus/redis-driver; each then announces its own `publicAddress` so a phone that found its
 * room through any process connects to the process that holds it.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { matchMaker, Server } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { ensureDir, storedRooms } from './journal';
import { JoinLimiter } from './limiter';
import { ROOM_MARK, ROOM_NAME } from './protocol';
import { codeMaker, readScenarios, setRoomEnv } from './room-env';
import { RESTORE_KEY, TableRoom } from './table-room';

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
  /** Matchmaking requests per address: burst and refill per second. */
  joinBurst?: number;
  joinPerSecond?: number;
  log?: (line: string) => void;
  /** A room was opened: its code (main.ts prints the phones' URL and QR code). */
  opened?: (code: string) => void;
}

export interface RunningRoomServer {
  port: number;
  url: string;
  restored: string[];
  close: () => Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wav': 'audio/wav',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json',
  '.yaml': 'text/yaml; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** Colyseus' matchmaking behind a per-address rate limit, so room codes cannot be tried in bulk. */
class LimitedServer extends Server {
  constructor(
    options: ConstructorParameters<typeof Server>[0],
    private readonly limiter: JoinLimiter,
    private readonly log: (line: string) => void,
  ) {
    super(options);
  }

  protected override async handleMatchMakeRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const ip = req.socket.remoteAddress ?? '?';
    if (req.method === 'POST' && !this.limiter.allow(ip)) {
      this.log(`too many join requests from ${ip}: refused`);
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '10' });
      res.end(JSON.stringify({ code: 429, error: 'too many join requests, wait a few seconds' }));
      return;
    }
    return super.handleMatchMakeRequest(req, res);
  }
}

export async function startRoomServer(options: RoomServerOptions): Promise<RunningRoomServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  ensureDir(options.dataDir);
  const env = {
    dataDir: options.dataDir,
    scenarios: readScenarios(options.scenariosDir, log),
    log,
    newCode: codeMaker(options.dataDir),
    opened: options.opened,
  };
  setRoomEnv(env);
  let joinBase = options.joinBase ?? null;
  const http = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
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
        decision: s.scenario.decision,
      }));
      res.end(JSON.stringify({ room: true, joinBase, scenarios, rooms: matchMaker.stats.local.roomCount }));
      return;
    }
    serveStatic(options.staticDir, path, res, fromThisMachine(req.socket));
  });
  const redis = options.redisUrl;
  // Loaded only when asked for: a single laptop never needs the Redis client.
  const scale = redis
    ? {
        presence: new (await import('@colyseus/redis-presence')).RedisPresence(redis),
        driver: new (await import('@colyseus/redis-driver')).RedisDriver(redis),
      }
    : {};
  const server = new LimitedServer(
    {
      transport: new WebSocketTransport({ server: http, maxPayload: 64 * 1024 }),
      ...scale,
      ...(scale.driver ? { selectProcessIdToCreateRoom: leastBusyProcess(scale.driver) } : {}),
      publicAddress: options.publicAddress,
      greet: false,
    },
    new JoinLimiter(options.joinBurst ?? 30, options.joinPerSecond ?? 2),
    log,
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
      await server.gracefullyShutdown(false);
    },
  };
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

/**
 * The scenario files in the build hold every hidden role's brief. Phones never need them (the
 * room sends each seat what it may see), so only this machine may read them: otherwise anyone on
 * the venue's Wi-Fi could open assets/urk-2015-….yaml and read the mole's brief.
 */
const SCENARIO_FILE = /\.ya?ml$/i;

function serveStatic(dir: string | null, path: string, res: ServerResponse, local: boolean): void {
  if (!dir) {
    res.writeHead(404).end();
    return;
  }
  const root = resolve(dir);
  let file = normalize(join(root, decodeURIComponent(path)));
  if (!file.startsWith(root)) {
    res.writeHead(403).end();
    return;
  }
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  if (!local && SCENARIO_FILE.test(file)) {
    res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(
      "Scenario files are read on the facilitator's laptop only: a phone gets what its seat may see from the room.\n",
    );
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  if (file.endsWith('index.html')) {
    // The mark tells the start screen it was served by the room server (src/ui/room/probe.ts).
    const html = readFileSync(file, 'utf8').replace(
      '</head>',
      `<meta name="${ROOM_MARK}" content="1" />\n</head>`,
    );
    res.end(html);
    return;
  }
  if (!local && file.endsWith('sw.js')) {
    // The offline cache of a phone leaves out what it may not fetch (one refused file fails it all).
    res.end(withoutScenarios(readFileSync(file, 'utf8')));
    return;
  }
  createReadStream(file).pipe(res);
}

/** The service worker's list of files to cache (src/offline/sw-plugin.ts) without the scenario files. */
export function withoutScenarios(sw: string): string {
  return sw.replace(/^const FILES = (.*);$/m, (_line, list: string) => {
    const files = (JSON.parse(list) as string[]).filter((f) => !SCENARIO_FILE.test(f));
    return `const FILES = ${JSON.stringify(files)};`;
  });
}
