/**
 * The Colyseus room for one table. Authoritative: clients send requests (plain messages, each
 * checked by a zod schema), the Table turns an accepted one into a journal entry, the entry is
 * applied, written and fsync'ed, and only then does every client get what its seat may see.
 * Commands run one at a time per room, so a broadcast never shows an entry not yet on disk.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync } from 'node:fs';
import { basename } from 'node:path';
import { type AuthContext, type Client, Room } from '@colyseus/core';
import type { z } from 'zod';
import { setupView } from '../engine/setup';
import { view } from '../engine/view';
import {
  ActMessage,
  CreateOptions,
  FacilitatorMessage,
  JoinOptions,
  type LobbyMessage,
  MAX_MESSAGE_CHARS,
  type NoticeMessage,
  SeatMessage,
  type WelcomeMessage,
} from '../protocol/room';
import { playedAs } from '../scenario/played-as';
import { Journal, type JournalEntry, roomFile, syncDir } from './journal';
import { JoinLimiter } from './limiter';
import { recoveryCode, restoreTable } from './restore';
import { exportSession, type RoomEnv, roomEnv } from './room-env';
import { briefFor, screenScenario, seatExtras, tableSight } from './seat-view';
import { hashToken, newToken, Table, type Verdict, type Who } from './table';
import { packTableView, viewFrame } from './view-frame';

/** Lets only this process restore a room from its journal (a client cannot send this key). */
export const RESTORE_KEY = randomBytes(16).toString('hex');

/**
 * Tries at a room's recovery code, per address and room: 5 at once, then one every 20 seconds.
 * Guessing 31^8 codes that way takes longer than any workshop; the facilitator, who has the code
 * on the terminal, needs one try.
 */
const recoveryTries = new JoinLimiter(5, 1 / 20);

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
  /** The journal was damaged and this room restored up to the line before the damage. */
  private damage: NoticeMessage | null = null;

  override async onCreate(options: Record<string, unknown>): Promise<void> {
    this.env = roomEnv();
    this.autoDispose = false;
    this.maxClients = 80;
    if (options.restoreKey === RESTORE_KEY && typeof options.restore === 'string') {
      this.restore(options.restore);
      await this.keepRecoveryCode();
    } else {
      const parsed = CreateOptions.safeParse(options);
      if (!parsed.success) throw new Error(`bad room options: ${parsed.error.issues[0]?.message}`);
      await this.createTable(parsed.data);
    }
    this.roomId = this.table.code;
    this.guard('seat', SeatMessage, (c, m, conn) => this.seatCommand(c, conn, m.seat));
    this.guard('act', ActMessage, (c, m, conn) => this.command(c, () => this.table.act(who(conn), m.action)));
    this.guard('fac', FacilitatorMessage, (c, m, conn) => {
      if (!conn.facilitator) return this.drop(c, 'facilitator-only', m.op);
      if (m.op === 'export') return this.sendExport(c);
      if (m.op === 'decline') return this.decline(m.participant);
      void this.command(c, () => this.table.facilitate(m)).then((v) => {
        // A request that could no longer be granted (its seat's phone came back) is gone too.
        if (!v.ok && m.op === 'approve') this.broadcastLobby();
      });
    });
    this.onMessage('*', (c, type) => this.drop(c, 'unknown message type', String(type).slice(0, 40)));
    await this.unlisted();
    this.watchIdle();
  }

  /** The room again from its journal, which heals on the way (restore.ts). */
  private restore(code: string): void {
    const { table, damage } = restoreTable(this.env, code);
    this.table = table;
    this.damage = damage;
    this.journal = new Journal(roomFile(this.env.dataDir, code));
  }

  /** The room's recovery code printed again, or a new one journaled (as a hash). */
  private async keepRecoveryCode(): Promise<void> {
    const entry = recoveryCode(this.env, this.table);
    if (!entry) return;
    await this.journal.append(entry);
    this.table.apply(entry);
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
    await this.keepRecoveryCode();
    this.env.opened?.(code);
  }

  override onAuth(client: Client, options: unknown, context?: AuthContext): JoinOptions {
    // The client that created the room joins it with its create options.
    const created = CreateOptions.safeParse(options);
    const parsed = created.success
      ? ({ success: true, data: { facilitator: created.data.facilitator } } as const)
      : JoinOptions.safeParse(options);
    if (!parsed.success) throw new Error('bad join options');
    const o: JoinOptions = parsed.data;
    if ('recover' in o) {
      this.checkRecovery(client, o.recover, context);
      return o;
    }
    if ('facilitator' in o && !this.table.isFacilitator(o.facilitator))
      throw new Error('not the facilitator');
    if ('token' in o && !this.table.memberByToken(o.token)) throw new Error('unknown seat token');
    return o;
  }

  /** A wrong code is refused and counted; after 5 at once from one address, every try waits. */
  private checkRecovery(client: Client, code: string, context?: AuthContext): void {
    const ip = [context?.ip ?? context?.req?.socket.remoteAddress ?? '?'].flat()[0];
    if (!recoveryTries.allow(`${ip} ${this.table.code}`)) {
      this.env.log(`room ${this.roomId}: too many recovery tries from ${ip}: refused`);
      throw new Error('too many recovery tries, wait a minute');
    }
    if (!this.table.recoveryHash || hashToken(code) !== this.table.recoveryHash) {
      this.env.log(`room ${this.roomId}: wrong recovery code from ${ip} (${client.sessionId})`);
      throw new Error('wrong recovery code');
    }
  }

  override async onJoin(client: Client, _options: unknown, auth: JoinOptions): Promise<void> {
    this.watchIdle();
    let token: string | null = null;
    if ('recover' in auth) {
      // The room taken back: the new facilitator token goes into the journal (as a hash).
      const hash = hashToken(auth.facilitator);
      const verdict = await this.command(null, () => ({ ok: true, entry: { t: 'facilitator', hash } }));
      if (!verdict.ok) throw new Error(verdict.reason);
      this.env.log(`room ${this.roomId}: taken back with its recovery code`);
      client.userData = { facilitator: true, id: null } satisfies Conn;
    } else if ('facilitator' in auth) {
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
    if (conn.facilitator && this.damage) client.send('notice', this.damage);
    this.broadcastAll(true);
  }

  override onLeave(client: Client): void {
    const id = (client.userData as Conn | undefined)?.id;
    const m = id ? this.table.members.get(id) : undefined;
    const stillHere = this.clients.some((c) => c !== client && (c.userData as Conn | undefined)?.id === id);
    if (m && !stillHere) m.connected = false;
    this.broadcastLobby();
    this.watchIdle();
  }

  override async onDispose(): Promise<void> {
    clearTimeout(this.retireTimer);
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

  /** Refuses a message; logged once per client and reason per minute (then counted): a phone cannot flood the log. */
  private drop(client: Client, reason: string, detail: string): void {
    const line = `room ${this.roomId}: dropped a message from ${client.sessionId}: ${reason} (${detail})`;
    if (this.env.trouble) this.env.trouble.note(`drop:${this.roomId}:${client.sessionId}:${reason}`, line);
    else this.env.log(line);
    client.send('refused', { reason });
  }

  /**
   * A handler that throws (a bug) costs that one message, not the process: Colyseus calls this
   * instead of letting the error escape. Refused joins (onAuth, onJoin) are rethrown to the
   * transport, which logs them once per address; the rest is logged once per room and kind.
   */
  override onUncaughtException(error: Error, method: string): void {
    if (method === 'onAuth' || method === 'onJoin') return;
    const line = `room ${this.roomId}: ${method} failed: ${String(error?.message ?? error).split('\n')[0]}`;
    if (this.env?.trouble) this.env.trouble.note(`uncaught:${this.roomId}:${method}`, line);
    else roomEnv().log(line);
  }

  /**
   * Not in Colyseus' room listing: `join`/`joinOrCreate` (closed by the server anyway) would
   * find no room to seat a stranger in; a phone joins only by the room's code.
   */
  private async unlisted(): Promise<void> {
    await this.setPrivate(true);
  }

  private retireTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * A room opened and never used (no phone joined, not started, nobody connected) is retired
   * after `retireAfterMs`: its journal is moved aside (CODE.jsonl.retired, not restored) and the
   * room closed, so abandoned rooms do not pile up across restarts. Any connection resets the wait.
   */
  private watchIdle(): void {
    clearTimeout(this.retireTimer);
    const after = this.env.retireAfterMs;
    if (!after || !this.unused() || this.clients.length > 0) return;
    this.retireTimer = setTimeout(
      () =>
        void this.retire(after).catch((e) =>
          this.env.log(`room ${this.roomId}: could not retire: ${String(e)}`),
        ),
      after,
    );
    this.retireTimer.unref?.();
  }

  private unused(): boolean {
    return this.table.members.size === 0 && !this.table.started;
  }

  private async retire(after: number): Promise<void> {
    if (!this.unused() || this.clients.length > 0) return;
    await this.lock();
    await this.idle;
    if (!this.unused() || this.clients.length > 0) {
      // Someone came in meanwhile (a seat reserved just before the lock): the room stays.
      await this.unlock();
      return this.watchIdle();
    }
    await this.journal.close();
    const file = roomFile(this.env.dataDir, this.table.code);
    let aside = `${file}.retired`;
    if (existsSync(aside)) aside = `${file}.${Date.now()}.retired`;
    renameSync(file, aside);
    syncDir(this.env.dataDir);
    const wait =
      after >= 60_000 ? `${Math.round(after / 60_000)} minutes` : `${Math.round(after / 1000)} seconds`;
    this.env.log(
      `room ${this.table.code} retired: nobody joined it in ${wait} (journal kept as ${basename(aside)})`,
    );
    this.disconnect();
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
        const gone = e.t === 'remove' ? e.id : e.t === 'handover' ? e.from : null;
        if (gone === null) continue;
        for (const c of this.clients) if ((c.userData as Conn | undefined)?.id === gone) c.leave(4002);
      }
      this.broadcastAll(entries.some((e) => e.t !== 'act'));
      for (const d of done) d.resolve(d.verdict);
    }
    this.draining = false;
  }

  /**
   * Before the start a phone sits down on a free seat. After it, the phone asks: the request waits
   * (in memory, see Table.requests) until the facilitator approves it on the console, and the seat
   * and its brief come only with the approval.
   */
  private seatCommand(client: Client, conn: Conn, seat: number): void {
    const id = conn.id;
    if (!id) return void client.send('refused', { reason: 'facilitator-has-no-seat' });
    if (!this.table.started) return void this.command(client, () => this.table.takeSeat(id, seat));
    const refusal = this.table.seatRequestRefusal(id, seat);
    if (refusal) return void client.send('refused', { reason: refusal });
    this.table.requests.set(id, seat);
    this.broadcastLobby();
  }

  private decline(id: string): void {
    if (!this.table.requests.delete(id)) return;
    for (const c of this.clients)
      if ((c.userData as Conn | undefined)?.id === id) c.send('refused', { reason: 'seat-declined' });
    this.broadcastLobby();
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
      min: setupView(t.scenario).players.min,
      max: t.seatCount,
      started: t.started,
      paused: t.paused,
      participants: [...t.members.values()].map(({ tokenHash: _, ...p }) => p),
      requests: [...t.requests].map(([id, seat]) => ({ id, seat })),
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
