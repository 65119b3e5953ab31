/**
 * The loop every room screen runs (projector, its console window, a phone): repaint when the
 * connection's snapshot changes what the screen shows, in place (patch.ts) so that a vote from
 * another phone never takes a button away mid-tap; close the connection when the screen goes.
 */
import type { Screen } from '../app';
import { patchChildren } from '../patch';
import type { RoomConnection } from './connection';

export interface LiveRoomScreen {
  screen: Screen;
  /** Paint now, even if nothing the key covers changed (the language, a window came or went). */
  repaint: () => void;
}

export function liveRoomScreen(
  conn: RoomConnection,
  root: HTMLElement,
  parts: {
    /** Everything the screen shows depends on; an unchanged key skips the repaint. */
    key: () => unknown[];
    body: () => (Node | null)[];
    /** False: wait before connecting (a phone's first visit asks for a name first). */
    connect?: boolean;
    leave?: () => void;
    /** After each repaint (the projector scrolls to the top when the table moves to a new phase). */
    painted?: () => void;
  },
): LiveRoomScreen {
  let last = '';
  const paint = (force: boolean) => {
    const key = JSON.stringify(parts.key());
    if (!force && key === last) return;
    last = key;
    patchChildren(
      root,
      parts.body().filter((x): x is Node => x !== null),
    );
    parts.painted?.();
  };
  conn.onChange(() => paint(false));
  if (parts.connect !== false) void conn.connect();
  return {
    repaint: () => paint(true),
    screen: {
      render: () => {
        paint(true);
        return root;
      },
      leave: () => {
        parts.leave?.();
        conn.close();
      },
    },
  };
}
