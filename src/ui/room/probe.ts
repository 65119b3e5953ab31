/**
 * Where the room server is: the page's own origin when `npm run room` served it (its index.html
 * carries a mark); under `npm start` the dev server carries the mark too and answers
 * `room-api/info` for the room server on its port (src/room/vite-plugin.ts). Kept apart from the Colyseus client, so the start screen can ask
 * without loading it.
 */

export interface RoomServerInfo {
  /** The room server's own address (http), for its websocket. */
  base: string;
  joinBase: string;
  /** `decision`: the scenario's own way of deciding (a group one may be opened in vote mode). */
  scenarios: { id: string; title: unknown; decision?: 'group' | 'vote' }[];
}

let probe: Promise<RoomServerInfo | null> | null = null;

export function roomServerInfo(fresh = false): Promise<RoomServerInfo | null> {
  if (!probe || fresh) probe = ask();
  return probe;
}

/** The room server marks the index.html it serves, so other servers are never asked (no 404 in the console). */
const ROOM_MARK = 'dd-room-server';

async function ask(): Promise<RoomServerInfo | null> {
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return null;
  // Only a page the room server (or, under npm start, the dev server's bridge) marked asks at all.
  if (!document.querySelector(`meta[name="${ROOM_MARK}"]`)) return null;
  const own = new URL('./', location.href).href;
  const info = await askAt(own);
  // Under npm start the bridge says where the room server itself listens (its websocket's base).
  return info ? { ...info, base: typeof info.base === 'string' ? info.base : own } : null;
}

async function askAt(base: string): Promise<(Omit<RoomServerInfo, 'base'> & { base?: unknown }) | null> {
  try {
    const response = await fetch(new URL('room-api/info', base), { cache: 'no-store' });
    if (!response.ok) return null;
    const info = await response.json();
    return info?.room === true ? info : null;
  } catch {
    return null;
  }
}
