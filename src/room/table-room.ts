/**
 * The Colyseus room for one table. Authoritative: clients send requests (plain messages, each
 * checked by a zod schema), the Table turns an accepted one into a journal entry, the entry is
 * applied, written and fsync'ed, and only then does every client get what its seat may see.
 * Commands run one at a time per room, so a broadcast never shows an entry not yet on disk.
 */
import { randomBytes } from 'node:crypto';
import { type Client, Room } from '@colyseus/core';
import type { z } from 'zod';
import { view } from '../engine/view';
import { Journal, type JournalEntry, readJournal, roomFile, syncDir } from './journal';
import { playedAs } from './played-as';
import {
  ActMessage,
  CreateOptions,
  FacilitatorMessage,
  JoinOptions,
  type LobbyMessage,
  MAX_MESSAGE_CHARS,
  SeatMessage,
  type WelcomeMessage,
} from './protocol';
import { exportSession, type RoomEnv, roomEnv } from './room-env';
import { briefFor, screenScenario, seatExtras, tableSight } from './seat-view';
import { hashToken, newToken, Table, type Verdict, type Who } from './table';
import { packTableView, viewFrame } from './view-frame';

/** Lets only this process restore a room from its journal (a client cannot send this key). */
export const RESTORE_KEY = randomBytes(16).toString('hex');

interface Conn {
  facilitator: boolean;
  id: string | null;
  /** What this connection was last sent (so a brief or the revealed scenario goes once). */
  brief?: string | null;
  revealed?: boolean;
}

export class TableRoom extends Room {
  table!: Table;
  private journal!: Journal;
  private env!: RoomEnv;
  private queue: { client: Client | null; check: () => Verdict; resolve: (v: Verdict) => void }[] = [];
  private draining = false;
  private idle: Promise<void> = Promise.resolve();

  override async onCreate(options: Record<string, unknown>): Promise<void> {
    this.env = roomEnv();
    this.autoDispose = false;
    this.maxClients = 80;
    if (options.restoreKey === RESTORE_KEY && typeof options.restore === 'string') {
      this.restore(options.restore);
    } else {
      const parsed = CreateOptions.safeParse(options);
      if (!parsed.success) throw new Error(`bad room options: ${parsed.error.issues[0]?.message}`);
      await this.createTable(parsed.data);
    }
    this.roomId = this.table.code;
    this.guard('seat', SeatMessage, (c, m, conn) => this.command(c, () => this.seatCommand(conn, m.seat)));
    this.guard('act', ActMessage, (c, m, conn) => this.command(c, () => this.table.act(who(conn), m.action)));
    this.guard('fac', FacilitatorMessage, (c, m, conn) => {
      if (!conn.facilitator) return this.drop(c, 'facilitator-only', m.op);
      if (m.op === 'export') return this.sendExport(c);
      this.command(c, () => this.table.facilitate(m));
    });
    this.onMessage('*', (c, type) => this.drop(c, 'unknown message type', String(type).slice(0, 40)));
  }

  private restore(code: string): void {
    const entries = readJournal(roomFile(this.env.dataDir, code));
    const create = entries[0];
    if (create?.t !== 'create') throw new Error(`${code}: journal does not start with create`);
    const source = this.env.scenarios.get(create.scenario);
    if (!source) throw new Error(`${code}: scenario ${create.scenario} is not available`);
    this.table = new Table(source.scenario, create);
    for (const e of entries.slice(1)) this.table.apply(e);
    this.journal = new Journal(roomFile(this.env.dataDir, code));
  }

  private async createTable(options: CreateOptions): Promise<void> {
    const file = this.env.scenarios.get(options.scenario);
    if (!file) throw new Error(`unknown scenario ${options.scenario}`);
    // Played by another decision mode: its own text and hash, so the exported session replays.
    const source = playedAs(file, options.decision);
    const code = this.env.newCode();
    const create = {
      t: 'create' as const,
      code,
      scenario: source.scenario.id,
      hash: source.hash,
      // As on the single laptop: the facilitator's seed, else the scenario's, else a new one.
      seed:
        options.seed ??
        (source.scenario.seed !== undefined ? String(source.scenario.seed) : randomBytes(8).toString('hex')),
      facilitator: '',
      lang: options.lang ?? 'nl',
      ...(options.decision ? { decision: options.decision } : {}),
    };
    this.table = new Table(source.scenario, create);
    // The journal keeps only the token's hash.
    create.facilitator = hashToken(options.facilitator);
    this.journal = new Journal(roomFile(this.env.dataDir, code));
    await this.journal.append(create);
    syncDir(this.env.dataDir);
    this.env.opened?.(code);
  }

  override onAuth(_client: Client, options: unknown): JoinOptions {
    // The client that created the room joins it with its create options.
    const created = CreateOptions.safeParse(options);
    const parsed = created.success
      ? ({ success: true, data: { facilitator: created.data.facilitator } } as const)
      : JoinOptions.safeParse(options);
    if (!parsed.success) throw new Error('bad join options');
    const o: JoinOptions = parsed.data;
    if ('facilitator' in o && !this.table.isFacilitator(o.facilitator))
      throw new Error('not the facilitator');
    if ('token' in o && !this.table.memberByToken(o.token)) throw new Error('unknown seat token');
    return o;
  }

  override async onJoin(client: Client, _options: unknown, auth: JoinOptions): Promise<void> {
    let token: string | null = null;
    if ('facilitator' in auth) {
      client.userData = { facilitator: true, id: null } satisfies Conn;
    } else if ('token' in auth) {
      const m = this.table.memberByToken(auth.token)!;
      // The same phone again (a reload): the old connection, if still open, gives way.
      for (const other of this.clients)
        if ((other.userData as Conn | undefined)?.id === m.id) other.leave(4001);
      client.userData = { facilitator: false, id: m.id } satisfies Conn;
      token = auth.token;
    } else {
      const fresh = newToken();
      token = fresh;
      const verdict = await this.command(null, () => this.table.join(auth.name, fresh));
      if (!verdict.ok) throw new Error(verdict.reason);
      client.userData = { facilitator: false, id: (verdict.entry as { id: string }).id } satisfies Conn;
    }
    const conn = client.userData as Conn;
    if (conn.id) this.table.members.get(conn.id)!.connected = true;
    const welcome: WelcomeMessage = {
      you: conn.id,
      facilitator: conn.facilitator,
      token,
      scenario: screenScenario(this.table, conn.facilitator),
    };
    client.send('welcome', welcome);
    this.broadcastAll(true);
  }

  override onLeave(client: Client): void {
    const id = (client.userData as Conn | undefined)?.id;
    const m = id ? this.table.members.get(id) : undefined;
    const stillHere = this.clients.some((c) => c !== client && (c.userData as Conn | undefined)?.id === id);
    if (m && !stillHere) m.connected = false;
    this.broadcastLobby();
  }

  override async onDispose(): Promise<void> {
    await this.idle;
    await this.journal?.close();
  }

  /** Registers a handler that drops (and logs) a message too large or not matching its schema. */
  private guard<S extends z.ZodType>(
    type: string,
    schema: S,
    handler: (client: Client, message: z.infer<S>, conn: Conn) => void,
  ): void {
    this.onMessage(type, (client, message: unknown) => {
      const size = JSON.stringify(message ?? null)?.length ?? 0;
      if (size > MAX_MESSAGE_CHARS) return this.drop(client, 'oversized', `${type}: ${size} chars`);
      const parsed = schema.safeParse(message);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return this.drop(client, 'malformed', `${type}: ${issue?.path.join('.')} ${issue?.message}`);
      }
      const conn = client.userData as Conn | undefined;
      if (!conn) return this.drop(client, 'not-joined', type);
      handler(client, parsed.data, conn);
    });
  }

  private drop(client: Client, reason: string, detail: string): void {
    this.env.log(`room ${this.roomId}: dropped a message from ${client.sessionId}: ${reason} (${detail})`);
    client.send('refused', { reason });
  }

  /**
   * Commands run in order: each is checked against the state the ones before it left, applied,
   * and the whole batch waiting at that moment is written with one fsync (group commit) before
   * anyone hears of it. Resolves with the command's verdict once it is on disk.
   */
  private command(client: Client | null, check: () => Verdict): Promise<Verdict> {
    return new Promise((resolve) => {
      this.queue.push({ client, check, resolve });
      if (this.queue.length === 1 && !this.draining) this.idle = this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0);
      const done: { verdict: Verdict; resolve: (v: Verdict) => void }[] = [];
      const entries: JournalEntry[] = [];
      for (const { client, check, resolve } of batch) {
        const verdict = check();
        if (!verdict.ok) {
          client?.send('refused', { reason: verdict.reason });
          resolve(verdict);
          continue;
        }
        this.table.apply(verdict.entry);
        entries.push(verdict.entry);
        done.push({ verdict, resolve });
      }
      if (entries.length === 0) continue;
      try {
        await this.journal.appendAll(entries);
      } catch (error) {
        // Not on disk, so not accepted: the room goes back to what its journal holds.
        this.env.log(`room ${this.roomId}: could not write the journal: ${String(error)}`);
        this.restore(this.table.code);
        for (const d of done) d.resolve({ ok: false, reason: 'storage' });
        this.broadcastAll(true);
        continue;
      }
      for (const e of entries) {
        if (e.t !== 'remove') continue;
        for (const c of this.clients) if ((c.userData as Conn | undefined)?.id === e.id) c.leave(4002);
      }
      this.broadcastAll(entries.some((e) => e.t !== 'act'));
      for (const d of done) d.resolve(d.verdict);
    }
    this.draining = false;
  }

  private seatCommand(conn: Conn, seat: number): Verdict {
    if (!conn.id) return { ok: false, reason: 'facilitator-has-no-seat' };
    return this.table.takeSeat(conn.id, seat);
  }

  private sendExport(client: Client): void {
    if (!this.table.record) return void client.send('refused', { reason: 'not-started' });
    client.send('export', exportSession(this.table, this.env));
  }

  private lobby(): LobbyMessage {
    const t = this.table;
    return {
      code: t.code,
      scenario: { id: t.scenario.id, title: t.scenario.title },
      min: t.scenario.players.min,
      max: t.seatCount,
      started: t.started,
      paused: t.paused,
      participants: [...t.members.values()].map(({ tokenHash: _, ...p }) => p),
    };
  }

  private broadcastLobby(): void {
    this.broadcast('lobby', this.lobby());
  }

  /** To each client the view its seat may see; the lobby, brief and full scenario only when they change. */
  private broadcastAll(lobbyChanged: boolean): void {
    if (lobbyChanged) this.broadcastLobby();
    const t = this.table;
    if (!t.state) return;
    const shared = tableSight(t, view(t.scenario, t.state));
    if (!shared) return;
    // One encoding of the table for all; each client's message adds only its own few fields.
    const packed = packTableView(shared);
    const ended = shared.view.phase === 'ended';
    for (const client of this.clients) {
      const conn = client.userData as Conn | undefined;
      if (!conn) continue;
      const seat = conn.id ? (t.members.get(conn.id)?.seat ?? null) : null;
      const extras = seatExtras(t, seat, conn.facilitator);
      if (extras) client.enqueueRaw(viewFrame(packed, extras));
      const brief = briefFor(t, seat);
      const briefKey = brief ? `${brief.seat}:${brief.role}` : null;
      if (brief && conn.brief !== briefKey) client.send('brief', brief);
      conn.brief = briefKey;
      if (ended && !conn.revealed) client.send('scenario', screenScenario(t, conn.facilitator));
      conn.revealed = ended;
    }
  }
}

function who(conn: Conn): Who {
  return conn.facilitator ? { facilitator: true } : { facilitator: false, id: conn.id ?? '' };
}
