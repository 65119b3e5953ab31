/**
 * Colyseus' server as a venue's Wi-Fi should meet it. Its matchmaking routes let anyone `join` or
 * `joinOrCreate` the first open room (a stranger took a seat the facilitator was playing, brief
 * included) and read request bodies of any size into memory. Here:
 *
 * - only `joinById` (a phone with the room code) and `create` are answered; `create` only from
 *   this machine unless the server is hosted with `openRooms: 'any'`, and then on its own rate
 *   limit per address;
 * - a body is at most 16 KB, refused from its Content-Length or as soon as it grows past that
 *   (413, connection closed), never buffered whole;
 * - joins are rate-limited per address (codes cannot be tried in bulk);
 * - every refusal and every failed websocket join is logged once per address per minute, in one
 *   line without a stack trace.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getBearerToken, matchMaker, Protocol, Server } from '@colyseus/core';
import { WebSocketClient, WebSocketTransport } from '@colyseus/ws-transport';
import type { JoinLimiter } from './limiter';
import type { LogOnce } from './log-once';

/** Far above any create or join options (a name, a token, a scenario id). */
export const MAX_BODY_BYTES = 16 * 1024;

export type OpenRooms = 'local' | 'any';

export interface Gate {
  joins: JoinLimiter;
  creates: JoinLimiter;
  openRooms: OpenRooms;
  /** Whether the request came from this machine (the facilitator's laptop). */
  local: (req: IncomingMessage) => boolean;
  trouble: LogOnce;
}

export class GuardedServer extends Server {
  constructor(
    options: ConstructorParameters<typeof Server>[0],
    private readonly gate: Gate,
  ) {
    super(options);
  }

  /** Never rejects: Colyseus calls this without waiting for it, so a throw would end the process. */
  protected override async handleMatchMakeRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      await this.matchmake(req, res);
    } catch (error) {
      this.gate.trouble.note(
        `matchmake-error:${address(req)}`,
        `matchmaking failed for ${address(req)}: ${firstLine(error)}`,
      );
      if (!res.headersSent) reply(res, 500, {}, 'the room server could not answer that');
      else res.end();
    }
  }

  private async matchmake(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const headers: Record<string, string> = {
      ...matchMaker.controller.DEFAULT_CORS_HEADERS,
      ...matchMaker.controller.getCorsHeaders(req),
    };
    if (matchMaker.state === matchMaker.MatchMakerState.SHUTTING_DOWN)
      return reply(res, 503, headers, 'shutting down');
    if (req.method === 'OPTIONS') return void res.writeHead(204, headers).end();
    const ip = address(req);
    const route = /^\/matchmake\/([A-Za-z]+)\/([A-Za-z0-9_-]+)$/.exec((req.url ?? '').split('?')[0] ?? '');
    if (req.method !== 'POST' || !route)
      return reply(res, 404, { ...headers, connection: 'close' }, 'no such matchmaking route');
    const [, method, name] = route as unknown as [string, string, string];
    const refuse = (status: number, key: string, why: string, line: string): void => {
      this.gate.trouble.note(`${key}:${ip}`, line);
      // A body not read yet is not read at all: the connection closes after the answer.
      const extra: Record<string, string> = status === 429 ? { 'retry-after': '10' } : {};
      if (!req.complete) extra.connection = 'close';
      reply(res, status, { ...headers, ...extra }, why);
    };
    if (method === 'create') {
      const local = this.gate.local(req);
      if (!local && this.gate.openRooms !== 'any')
        return refuse(
          403,
          'create',
          "rooms are opened on the facilitator's laptop",
          `a room was asked for from ${ip}: refused (only this machine opens rooms; see --open-rooms)`,
        );
      if (!local && !this.gate.creates.allow(ip))
        return refuse(
          429,
          'create-rate',
          'too many rooms opened, wait a minute',
          `too many rooms asked for from ${ip}: refused`,
        );
    } else if (method === 'joinById') {
      if (!this.gate.joins.allow(ip))
        return refuse(
          429,
          'join-rate',
          'too many join requests, wait a few seconds',
          `too many join requests from ${ip}: refused`,
        );
    } else {
      // join, joinOrCreate, reconnect: a seat without the room's code, or a route nobody here uses.
      return refuse(
        403,
        'method',
        'join a table with its code',
        `matchmaking "${method.slice(0, 20)}" from ${ip}: refused (only join by code)`,
      );
    }
    const body = await readBody(req, res, headers);
    if (body === null)
      return this.gate.trouble.note(`body:${ip}`, `an oversized or broken request body from ${ip}: refused`);
    let options: unknown;
    try {
      options = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return refuse(
        400,
        'json',
        'the request body is not JSON',
        `a request body that is not JSON from ${ip}: refused`,
      );
    }
    if (typeof options !== 'object' || options === null || Array.isArray(options))
      return refuse(
        400,
        'json',
        'the request body is not a JSON object',
        `a request body that is not a JSON object from ${ip}: refused`,
      );
    let response: Record<string, unknown>;
    try {
      response = await matchMaker.controller.invokeMethod(method, name, options as Record<string, unknown>, {
        token: getBearerToken(req.headers.authorization ?? ''),
        headers: req.headers,
        ip,
        req,
      });
    } catch (error) {
      // As Colyseus answers it (the client reads `error` from a 200), logged once per address.
      this.gate.trouble.note(`mm-fail:${ip}`, `${method} from ${ip} failed: ${firstLine(error)}`);
      const e = error as { code?: number; message?: string };
      res.writeHead(200, { ...headers, 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: e.code, error: e.message }));
      return;
    }
    if (this.transport.protocol !== undefined) response.protocol = this.transport.protocol;
    res.writeHead(200, { ...headers, 'content-type': 'application/json' });
    res.end(JSON.stringify(response));
  }
}

/**
 * The websocket transport with Colyseus' own join step, but a failed join (an expired seat, a bad
 * token, a room that is not here) is one line per address per minute instead of a stack trace
 * per attempt.
 */
export class GuardedTransport extends WebSocketTransport {
  constructor(
    options: ConstructorParameters<typeof WebSocketTransport>[0],
    private readonly trouble: LogOnce,
  ) {
    super(options);
    this.wss.removeAllListeners('connection');
    this.wss.removeAllListeners('error');
    this.wss.on(
      'connection',
      (raw, req) => void this.join(raw as Parameters<WebSocketTransport['onConnection']>[0], req),
    );
    this.wss.on('error', (error) => this.trouble.note('wss', `websocket server: ${firstLine(error)}`));
  }

  private async join(
    raw: Parameters<WebSocketTransport['onConnection']>[0],
    req: IncomingMessage,
  ): Promise<void> {
    const ip = address(req);
    raw.on('error', (error) =>
      this.trouble.note(`ws-error:${ip}`, `websocket from ${ip}: ${firstLine(error)}`),
    );
    raw.on('pong', () => {
      raw.pingCount = 0;
    });
    raw.pingCount = 0;
    let client: WebSocketClient | null = null;
    try {
      const url = new URL(`ws://server/${req.url ?? ''}`);
      const sessionId = url.searchParams.get('sessionId') ?? '';
      const roomId = /\/[a-zA-Z0-9_-]+\/([a-zA-Z0-9_-]+)$/.exec(url.pathname)?.[1];
      const room = roomId ? matchMaker.getLocalRoomById(roomId) : undefined;
      client = new WebSocketClient(sessionId, raw);
      if (!room?.hasReservedSeat(sessionId, url.searchParams.get('reconnectionToken') ?? undefined))
        throw new Error('seat reservation expired.');
      await room._onJoin(client, {
        headers: req.headers,
        token: url.searchParams.get('_authToken') ?? getBearerToken(req.headers.authorization ?? ''),
        ip,
      });
    } catch (error) {
      this.trouble.note(`ws-join:${ip}`, `a websocket join from ${ip} was refused: ${firstLine(error)}`);
      const e = error as { code?: number; message?: string };
      if (client)
        client.error(e.code ?? 0, e.message ?? 'refused', () => raw.close(Protocol.WS_CLOSE_WITH_ERROR));
      else raw.close(Protocol.WS_CLOSE_WITH_ERROR);
    }
  }
}

/**
 * Reads a request body of at most MAX_BODY_BYTES. A larger one (announced or streamed) gets a 413
 * and its connection is closed: the rest is never read. Null when refused or broken.
 */
function readBody(
  req: IncomingMessage,
  res: ServerResponse,
  headers: Record<string, string>,
): Promise<Buffer | null> {
  return new Promise((done) => {
    const tooLarge = (): void => {
      req.removeAllListeners('data');
      req.pause();
      if (!res.headersSent) {
        res.writeHead(413, { ...headers, 'content-type': 'application/json', connection: 'close' });
        res.end(JSON.stringify({ code: 413, error: 'request body too large' }), () => req.socket.destroy());
      } else req.socket.destroy();
      // If the answer cannot even be written (the sender never reads), the socket goes anyway.
      setTimeout(() => req.socket.destroy(), 1000).unref();
      done(null);
    };
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return tooLarge();
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) return tooLarge();
      chunks.push(chunk);
    });
    req.on('end', () => done(Buffer.concat(chunks)));
    req.on('error', () => done(null));
    req.on('aborted', () => done(null));
  });
}

function reply(res: ServerResponse, status: number, headers: Record<string, string>, error: string): void {
  res.writeHead(status, { ...headers, 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify({ code: status, error }));
}

export function address(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? '?';
}

/** An error's first line, without its stack (a stranger's error is not worth a stack trace). */
export function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split('\n')[0] ?? '').slice(0, 200);
}
