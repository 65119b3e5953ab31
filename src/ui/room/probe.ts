/**
 * Where the room server is: the page's own origin when `npm run room` served it (its index.html
 * carries a mark), else, under `npm start`, the same host on the room server's default port
 * 2567. It answers `room-api/info`. Kept apart from the Colyseus client, so the start screen can ask
 * without loading it.
 */
export const ROOM_PORT = 2567;

export interface RoomServerInfo {
  /** The room server's own address (http), for its websocket. */
  base: string;
  joinBase: string;
  scenarios: { id: string; title: unknown }[];
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
  const own = new URL('./', location.href).href;
  const bases: string[] = [];
  if (document.querySelector(`meta[name="${ROOM_MARK}"]`)) bases.push(own);
  // `npm start` (development only): a room server started beside it on its default port.
  else if (import.meta.env?.DEV) bases.push(`${location.protocol}//${location.hostname}:${ROOM_PORT}/`);
  for (const base of bases) {
    const info = await askAt(base);
    if (info) return { ...info, base };
  }
  return null;
}

async function askAt(base: string): Promise<Omit<RoomServerInfo, 'base'> | null> {
  try {
    const response = await fetch(new URL('room-api/info', base), { cache: 'no-store' });
    if (!response.ok) return null;
    const info = await response.json();
    return info?.room === true ? info : null;
  } catch {
    return null;
  }
}
