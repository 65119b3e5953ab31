/**
 * Whether this page was served by the room server (`npm run room`): it answers
 * `room-api/info` on the page's own origin. Kept apart from the Colyseus client, so the start
 * screen can ask without loading it.
 */
export interface RoomServerInfo {
  joinBase: string;
  scenarios: { id: string; title: unknown }[];
}

let probe: Promise<RoomServerInfo | null> | null = null;

export function roomServerInfo(fresh = false): Promise<RoomServerInfo | null> {
  if (!probe || fresh) probe = ask();
  return probe;
}

async function ask(): Promise<RoomServerInfo | null> {
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return null;
  try {
    const response = await fetch('room-api/info', { cache: 'no-store' });
    if (!response.ok) return null;
    const info = await response.json();
    return info?.room === true ? (info as RoomServerInfo) : null;
  } catch {
    return null;
  }
}
