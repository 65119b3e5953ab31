/**
 * A screen's line to its room (colyseus.js): creates or joins the room, keeps the latest lobby,
 * view, brief and scenario the server sent, and comes back by itself when the connection drops
 * (Wi-Fi, a phone asleep, a server restart) with the token kept in localStorage: the phone's
 * seat token, or the projector's facilitator token. The server decides everything; this only
 * sends requests and shows what comes back.
 */
import { Client, type Room } from 'colyseus.js';
import type { Action } from '../../engine/types';
import type {
  BriefMessage,
  ExportMessage,
  FacilitatorMessage,
  LobbyMessage,
  NoticeMessage,
  SeatView,
  WelcomeMessage,
} from '../../protocol/room';
import { ROOM_NAME } from '../../protocol/room';
import type { Scenario } from '../../scenario/schema';

import { roomServerInfo } from './probe';

export { roomServerInfo };

export interface RoomSnapshot {
  status: 'connecting' | 'open' | 'lost' | 'gone';
  welcome: WelcomeMessage | null;
  scenario: Scenario | null;
  lobby: LobbyMessage | null;
  view: SeatView | null;
  brief: BriefMessage | null;
  refused: string | null;
  /** To the facilitator: the room's journal was damaged and restored up to the last good step. */
  notice?: NoticeMessage | null;
}

/**
 * How many "room not found" answers in a row mean the room is gone: a server that just started
 * may still be restoring its rooms, so one answer alone does not (the waits between tries add up
 * to about five seconds: 0.3 + 0.6 + 1.2 + 2.4).
 */
const NOT_FOUND_TRIES = 5;

/** The server's answer for a room it does not hold (Colyseus' MATCHMAKE_INVALID_ROOM_ID). */
export function roomNotFound(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  return e?.code === 4212 || /room ".*" not found/.test(String(e?.message ?? error));
}

const KEY = 'dd.room.';

export function storedToken(kind: 'seat' | 'facilitator', code: string): string | null {
  try {
    return localStorage.getItem(`${KEY}${kind}.${code}`);
  } catch {
    return null;
  }
}

function storeToken(kind: 'seat' | 'facilitator', code: string, token: string): void {
  try {
    localStorage.setItem(`${KEY}${kind}.${code}`, token);
  } catch {
    // Private mode: the seat holds until the page closes.
  }
}

export function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The Colyseus endpoint: the room server found by the probe (the page's own origin by default). */
async function endpoint(): Promise<string> {
  const base = new URL((await roomServerInfo())?.base ?? './', location.href);
  return `${base.protocol === 'https:' ? 'wss' : 'ws'}://${base.host}`;
}

/**
 * Opens a room; `seed` (optional, as on the single laptop's setup) makes another table's game the
 * same; `decision` plays a group scenario by vote (or together, its own way).
 */
export async function createRoom(
  scenario: string,
  lang: string,
  seed = '',
  decision?: 'group' | 'vote',
): Promise<string> {
  const facilitator = randomToken();
  const options = {
    scenario,
    facilitator,
    lang,
    ...(seed ? { seed } : {}),
    ...(decision ? { decision } : {}),
  };
  const room = await new Client(await endpoint()).create(ROOM_NAME, options);
  storeToken('facilitator', room.roomId, facilitator);
  await room.leave(true);
  return room.roomId;
}

/**
 * Takes a room back with its recovery code (the laptop's address changed, so this page's origin
 * has no facilitator token for it): the server gives this page a new facilitator token. Resolves
 * with null, or why it was refused ('wrong', 'wait' after too many tries, 'gone').
 */
export async function recoverRoom(code: string, recovery: string): Promise<null | 'wrong' | 'wait' | 'gone'> {
  const facilitator = randomToken();
  try {
    const room = await new Client(await endpoint()).joinById(code, { recover: recovery, facilitator });
    storeToken('facilitator', code, facilitator);
    await room.leave(true);
    return null;
  } catch (error) {
    if (roomNotFound(error)) return 'gone';
    return /too many/.test(String((error as Error)?.message ?? error)) ? 'wait' : 'wrong';
  }
}

/** A connection that has heard nothing yet (also what tests start a stand-in from). */
export function emptySnapshot(status: RoomSnapshot['status'] = 'connecting'): RoomSnapshot {
  return { status, welcome: null, scenario: null, lobby: null, view: null, brief: null, refused: null };
}

export class RoomConnection {
  snapshot: RoomSnapshot = emptySnapshot();
  /** Takes the next export instead of downloading it (the debrief on this laptop). */
  onExport: ((m: ExportMessage) => void) | null = null;
  private room: Room | null = null;
  private closed = false;
  private retry = 0;
  private notFound = 0;
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly code: string,
    readonly kind: 'seat' | 'facilitator',
  ) {}

  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  get hasToken(): boolean {
    return storedToken(this.kind, this.code) !== null;
  }

  /** Joins with the stored token, or (a phone's first visit) with a name. */
  async connect(name?: string): Promise<void> {
    const token = storedToken(this.kind, this.code);
    const options =
      this.kind === 'facilitator' ? { facilitator: token } : token ? { token } : name ? { name } : null;
    if (!options || (this.kind === 'facilitator' && !token)) {
      this.update({ status: 'gone' });
      return;
    }
    this.update({ status: 'connecting' });
    try {
      const room = await new Client(await endpoint()).joinById(this.code, options);
      this.attach(room);
      this.retry = 0;
      this.notFound = 0;
    } catch (error) {
      const message = String((error as Error)?.message ?? error);
      // A room this server does not hold (its journal could not be restored, or it was removed).
      if (roomNotFound(error) && ++this.notFound >= NOT_FOUND_TRIES) {
        this.update({ status: 'gone', refused: 'room-gone' });
        return;
      }
      // The room is not there (yet): it may be restarting; a refused token will not come back.
      if (/token|facilitator|options/.test(message)) this.update({ status: 'gone', refused: message });
      // A first visit to a code no room has: mistyped (a phone with a seat waits: a restart).
      else if (/not found/.test(message) && !token) this.update({ status: 'gone', refused: 'no-room' });
      // Every place at the table taken (64 people, or the room's connections).
      else if (/room-full|is locked/.test(message)) this.update({ status: 'gone', refused: 'room-full' });
      else this.later();
    }
  }

  private attach(room: Room): void {
    this.room = room;
    room.onMessage('welcome', (m: WelcomeMessage) => {
      if (m.token && this.kind === 'seat') storeToken('seat', this.code, m.token);
      this.update({ status: 'open', welcome: m, scenario: m.scenario });
    });
    room.onMessage('lobby', (m: LobbyMessage) => this.update({ lobby: m }));
    room.onMessage('view', (m: SeatView) => this.update({ view: m, refused: null }));
    room.onMessage('brief', (m: BriefMessage) => this.update({ brief: m }));
    room.onMessage('scenario', (m: Scenario) => this.update({ scenario: m }));
    room.onMessage('refused', (m: { reason: string }) => this.update({ refused: m.reason }));
    room.onMessage('notice', (m: NoticeMessage) => this.update({ notice: m }));
    room.onMessage('export', (m: ExportMessage) => {
      const handler = this.onExport;
      this.onExport = null;
      if (handler) handler(m);
      else download(m.name, m.file);
    });
    room.onLeave((code) => {
      this.room = null;
      // 4002: removed by the facilitator; 4001: this seat was opened on another page (the newer
      // one keeps it — retrying here would take it back and forth). Anything else: try again.
      if (code === 4002) this.update({ status: 'gone', refused: 'removed' });
      else if (code === 4001) this.update({ status: 'gone', refused: 'replaced' });
      else if (!this.closed) {
        this.update({ status: 'lost' });
        this.later();
      }
    });
  }

  private later(): void {
    if (this.closed) return;
    this.update({ status: 'lost' });
    const wait = Math.min(5000, 300 * 2 ** this.retry++);
    setTimeout(() => void this.connect(), wait);
  }

  act(action: Action): void {
    this.room?.send('act', { action });
  }

  seat(seat: number): void {
    this.room?.send('seat', { seat });
  }

  facilitate(message: FacilitatorMessage): void {
    this.room?.send('fac', message);
  }

  /** The facilitator has read the notice. */
  dismissNotice(): void {
    this.update({ notice: null });
  }

  close(): void {
    this.closed = true;
    void this.room?.leave(true);
  }

  private update(part: Partial<RoomSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...part };
    for (const fn of this.listeners) fn();
  }
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
