/**
 * One table in room mode, without any networking: the lobby (who joined, who sits where), the
 * session record and the state replayed from it. Every change is a journal entry: a command is
 * checked, turned into an entry, applied here, written to disk and only then broadcast (see
 * table-room.ts). Restoring a room is applying its journal again, so the two paths cannot drift.
 *
 * The rules stay in the engine: who may send an action and whether the rules allow it is the
 * engine's `mayAct` (a seat acts for itself; the facilitator for anyone), then `step`. This
 * module only knows which member sits where.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mayAct } from '../engine/may-act';
import { appendAction, canUndo, newRecord, replay, undo } from '../engine/record';
import { setupView } from '../engine/setup';
import { canStep, step } from '../engine/step';
import type { Action, GameState, PlayerSetup, SessionRecord } from '../engine/types';
import type { FacilitatorMessage, Participant } from '../protocol/room';
import type { Scenario } from '../scenario/schema';
import { type JournalEntry, JournalEntrySchema } from './journal';

export function newToken(): string {
  return randomBytes(32).toString('hex');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

interface Member extends Participant {
  /** sha256 of the seat token; null for a seat the facilitator plays. */
  tokenHash: string | null;
}

export type Who = { facilitator: true } | { facilitator: false; id: string };

export type Verdict = { ok: true; entry: JournalEntry } | { ok: false; reason: string };

export class Table {
  readonly members = new Map<string, Member>();
  record: SessionRecord | null = null;
  state: GameState | null = null;
  paused = false;
  /** sha256 of the recovery code (null: a journal from before recovery codes). */
  recoveryHash: string | null = null;
  /** Facilitator tokens added by taking the room back (the create entry's stays valid too). */
  private readonly facilitators = new Set<string>();
  /**
   * Seat requests waiting for the facilitator, participant id → seat. Kept in memory, not in the
   * journal: a request changes nothing at the table until it is approved (the approval is
   * journaled), and after a restart the phone simply asks again, so there is nothing to restore.
   */
  readonly requests = new Map<string, number>();
  /** The scenario as this table plays it: with the decision mode chosen when the room was opened. */
  readonly scenario: Scenario;
  private nextId = 1;

  constructor(
    source: Scenario,
    readonly create: Extract<JournalEntry, { t: 'create' }>,
  ) {
    const decision = create.decision;
    this.scenario = decision && decision !== source.decision ? { ...source, decision } : source;
  }

  get code(): string {
    return this.create.code;
  }

  get started(): boolean {
    return this.record !== null;
  }

  isFacilitator(token: string): boolean {
    const hash = hashToken(token);
    return hash === this.create.facilitator || this.facilitators.has(hash);
  }

  memberByToken(token: string): Member | undefined {
    const hash = hashToken(token);
    for (const m of this.members.values()) if (m.tokenHash === hash) return m;
    return undefined;
  }

  memberAt(seat: number): Member | undefined {
    for (const m of this.members.values()) if (m.seat === seat) return m;
    return undefined;
  }

  /** The seat count before the start: the scenario's most players. */
  get seatCount(): number {
    return this.started
      ? (this.record as SessionRecord).players.length
      : setupView(this.scenario).players.max;
  }

  newMemberId(): string {
    return `p${this.nextId}`;
  }

  /**
   * Applies an entry read back from the journal, after checking it as a command would have been:
   * a line that does not fit (torn, garbage, an action the engine refuses here) throws, so the
   * room is restored up to the line before it.
   */
  restoreEntry(raw: unknown): void {
    const parsed = JournalEntrySchema.safeParse(raw);
    if (!parsed.success) throw new Error(`not a journal entry (${parsed.error.issues[0]?.message})`);
    const entry = parsed.data as JournalEntry;
    const refusal = this.refusesOnRestore(entry);
    if (refusal) throw new Error(refusal);
    this.apply(entry);
  }

  private refusesOnRestore(e: JournalEntry): string | null {
    const known = (id: string) => this.members.has(id);
    switch (e.t) {
      case 'join':
        return this.members.has(e.id) ? `${e.id} joined twice` : null;
      case 'seat':
      case 'rename':
      case 'remove':
        return known(e.id) ? null : `unknown participant ${e.id}`;
      case 'handover':
        return known(e.from) && known(e.to) ? null : 'unknown participant';
      case 'start':
        return this.started ? 'started twice' : null;
      case 'act': {
        if (!this.state) return 'an action before the start';
        const verdict = canStep(this.scenario, this.state, e.action);
        return verdict.ok ? null : `the game refuses ${e.action.type}: ${verdict.reason}`;
      }
      case 'undo':
        return this.record && canUndo(this.record) ? null : 'nothing to undo';
      case 'reveal':
        // Old journals only: it changed no state then and changes none now.
        return null;
      default:
        return null;
    }
  }

  /** Applies an entry that was checked (live) or read back from the journal (restore). */
  apply(entry: JournalEntry): void {
    switch (entry.t) {
      case 'create':
        return;
      case 'join': {
        const n = Number(entry.id.slice(1));
        if (n >= this.nextId) this.nextId = n + 1;
        this.members.set(entry.id, {
          id: entry.id,
          name: entry.name,
          seat: null,
          connected: false,
          played: entry.token === null,
          tokenHash: entry.token,
        });
        return;
      }
      case 'seat': {
        const m = this.members.get(entry.id);
        if (!m) return;
        // A phone taking over a seat the facilitator played: that placeholder stands up.
        for (const other of this.members.values())
          if (other !== m && other.seat === entry.seat) other.seat = null;
        m.seat = entry.seat;
        this.requests.delete(entry.id);
        return;
      }
      case 'handover': {
        const from = this.members.get(entry.from);
        const to = this.members.get(entry.to);
        if (!from || !to) return;
        to.seat = from.seat;
        this.members.delete(entry.from);
        this.requests.delete(entry.to);
        this.requests.delete(entry.from);
        return;
      }
      case 'recovery':
        this.recoveryHash = entry.hash;
        return;
      case 'facilitator':
        this.facilitators.add(entry.hash);
        return;
      case 'rename': {
        const m = this.members.get(entry.id);
        if (m) m.name = entry.name;
        return;
      }
      case 'remove':
        this.members.delete(entry.id);
        this.requests.delete(entry.id);
        return;
      case 'start':
        this.record = newRecord(this.scenario, this.create.hash, this.create.seed, entry.players);
        this.state = replay(this.scenario, this.record);
        for (const m of this.members.values()) m.seat = entry.seats[m.id] ?? null;
        return;
      case 'act': {
        const before = this.state as GameState;
        this.state = step(this.scenario, before, entry.action);
        this.record = appendAction(this.record as SessionRecord, entry.action);
        return;
      }
      case 'undo':
        this.record = undo(this.scenario, this.record as SessionRecord);
        this.state = replay(this.scenario, this.record);
        return;
      case 'pause':
        this.paused = entry.paused;
        return;
      case 'reveal':
        // Journals written before closing a vote was an engine action ('closeVote'): it only
        // showed the votes cast so far, which screens no longer get; nothing to replay.
        return;
    }
  }

  // ---- commands: each returns the entry to write, or why it is refused ----

  join(name: string, token: string | null): Verdict {
    if (this.members.size >= 64) return { ok: false, reason: 'room-full' };
    return { ok: true, entry: { t: 'join', id: this.newMemberId(), name, token: token && hashToken(token) } };
  }

  /**
   * A participant takes a seat: before the start, a free one. After the start every seat is
   * someone's (a phone's, or the facilitator's who plays it), so a phone only asks for one
   * (`seatRequest`) and sits down when the facilitator approves.
   */
  takeSeat(id: string, seat: number): Verdict {
    const m = this.members.get(id);
    if (!m) return { ok: false, reason: 'unknown-participant' };
    if (seat < 0 || seat >= this.seatCount) return { ok: false, reason: 'unknown-seat' };
    const holder = this.memberAt(seat);
    if (holder && holder.id !== id && !(this.started && holder.played))
      return { ok: false, reason: 'seat-taken' };
    if (this.started && m.seat !== null) return { ok: false, reason: 'already-seated' };
    return { ok: true, entry: { t: 'seat', id, seat } };
  }

  /**
   * Why a phone may not ask for this seat after the start, or null: it may ask for a seat the
   * facilitator plays (or nobody holds), and for the seat of a participant whose phone is not
   * connected (a phone that lost its token asks back for its own seat); never for the seat of a
   * connected phone.
   */
  seatRequestRefusal(id: string, seat: number): string | null {
    const m = this.members.get(id);
    if (!m) return 'unknown-participant';
    if (m.played) return 'facilitator-only';
    if (seat < 0 || seat >= this.seatCount) return 'unknown-seat';
    if (m.seat !== null) return 'already-seated';
    const holder = this.memberAt(seat);
    if (holder && !holder.played && holder.connected) return 'seat-taken';
    return null;
  }

  /** The facilitator approves a waiting request: the seat (and its brief) goes to the phone. */
  approve(id: string): Verdict {
    const seat = this.requests.get(id);
    if (seat === undefined) return { ok: false, reason: 'no-request' };
    const refusal = this.seatRequestRefusal(id, seat);
    if (refusal) {
      this.requests.delete(id);
      return { ok: false, reason: refusal };
    }
    const holder = this.memberAt(seat);
    // A phone's seat changes hands: that participant goes, and with it the old token.
    if (holder && !holder.played) return { ok: true, entry: { t: 'handover', from: holder.id, to: id } };
    return { ok: true, entry: { t: 'seat', id, seat } };
  }

  /** The facilitator moves someone (seat -1: stands up); before the start only, or to an empty seat. */
  moveSeat(id: string, seat: number): Verdict {
    if (seat === -1) {
      if (!this.members.has(id)) return { ok: false, reason: 'unknown-participant' };
      return { ok: true, entry: { t: 'seat', id, seat: null } };
    }
    const m = this.members.get(id);
    if (m && this.started && m.seat !== null) return { ok: false, reason: 'already-seated' };
    return this.takeSeat(id, seat);
  }

  start(): Verdict {
    if (this.started) return { ok: false, reason: 'started' };
    const seated = [...this.members.values()]
      .filter((m) => m.seat !== null)
      .sort((a, b) => (a.seat as number) - (b.seat as number));
    const { min, max } = setupView(this.scenario).players;
    if (seated.length < min || seated.length > max) return { ok: false, reason: 'player-count' };
    const players: PlayerSetup[] = seated.map((m) => ({ name: m.name }));
    const seats = Object.fromEntries(seated.map((m, i) => [m.id, i]));
    return { ok: true, entry: { t: 'start', players, seats } };
  }

  act(who: Who, action: Action): Verdict {
    if (!this.state) return { ok: false, reason: 'not-started' };
    // As the session machine (machine.ts `paused`): while paused only a note is taken, from
    // anyone allowed one; a move, the facilitator's skip, end or closing a vote waits for resume.
    if (this.paused && action.type !== 'note') return { ok: false, reason: 'paused' };
    const by = who.facilitator ? 'facilitator' : (this.members.get(who.id)?.seat ?? null);
    if (by === null) return { ok: false, reason: 'not-seated' };
    const verdict = mayAct(this.scenario, this.state, by, action);
    if (!verdict.ok) return { ok: false, reason: verdict.reason };
    return { ok: true, entry: { t: 'act', action } };
  }

  undo(): Verdict {
    // The machine takes no undo while paused either: resume first, then take the decision back.
    if (this.paused) return { ok: false, reason: 'paused' };
    if (!this.record || !canUndo(this.record)) return { ok: false, reason: 'nothing-to-undo' };
    return { ok: true, entry: { t: 'undo' } };
  }

  /** The facilitator's controls (export is answered by the room itself: it changes nothing). */
  facilitate(m: FacilitatorMessage): Verdict {
    const fac: Who = { facilitator: true };
    switch (m.op) {
      case 'start':
        return this.start();
      case 'seat':
        return this.moveSeat(m.participant, m.seat);
      case 'rename':
        return this.members.has(m.participant)
          ? { ok: true, entry: { t: 'rename', id: m.participant, name: m.name } }
          : { ok: false, reason: 'unknown-participant' };
      case 'remove':
        return this.members.has(m.participant)
          ? { ok: true, entry: { t: 'remove', id: m.participant } }
          : { ok: false, reason: 'unknown-participant' };
      case 'addSeat':
        return this.join(m.name, null);
      case 'pause':
        return { ok: true, entry: { t: 'pause', paused: m.paused } };
      case 'undo':
        return this.undo();
      case 'skip':
        return this.act(fac, { type: 'skipCard' });
      case 'end':
        return this.act(fac, { type: 'endNow' });
      case 'approve':
        return this.approve(m.participant);
      case 'closeVote':
        return this.act(fac, { type: 'closeVote' });
      default:
        return { ok: false, reason: 'unknown-op' };
    }
  }
}
