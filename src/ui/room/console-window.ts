/**
 * Whether the room's console is open in its own window, told between the windows of this
 * laptop (BroadcastChannel, same origin): the console window says "here" every two seconds and
 * "gone" when it closes; the projector leaves its own console out while it heard "here" lately.
 * A heartbeat rather than a flag, so a reload of either window, or a console window closed in
 * any way, puts the console back where it can be reached. The debrief asked for in the console
 * window opens on the projector (the room's screen), which answers; with no projector to answer,
 * it opens in the console window after all.
 */
const BEAT_MS = 2000;
export const consoleWindowName = (code: string) => `dd-room-console-${code}`;
const LOST_MS = 5000;

const ANSWER_MS = 1500;

type Message =
  | { type: 'here' }
  | { type: 'gone' }
  | { type: 'close' }
  | { type: 'debrief' }
  | { type: 'debriefing' };

function channel(code: string): BroadcastChannel | null {
  return typeof BroadcastChannel === 'function' ? new BroadcastChannel(`dd-room-console-${code}`) : null;
}

/** In the console window: announce it until it closes; the projector may ask it to close. */
export function announceConsole(code: string): { stop: () => void; debrief: (here: () => void) => void } {
  const ch = channel(code);
  if (!ch) return { stop: () => undefined, debrief: (here) => here() };
  let asked: ReturnType<typeof setTimeout> | null = null;
  const say = (m: Message) => ch.postMessage(m);
  say({ type: 'here' });
  const beat = setInterval(() => say({ type: 'here' }), BEAT_MS);
  const gone = () => say({ type: 'gone' });
  window.addEventListener('pagehide', gone);
  ch.onmessage = (e: MessageEvent<Message>) => {
    if (e.data?.type === 'close') {
      gone();
      window.close();
    } else if (e.data?.type === 'debriefing' && asked) {
      clearTimeout(asked);
      asked = null;
    }
  };
  return {
    debrief: (here) => {
      say({ type: 'debrief' });
      if (asked) clearTimeout(asked);
      asked = setTimeout(() => {
        asked = null;
        here();
      }, ANSWER_MS);
    },
    stop: () => {
      if (asked) clearTimeout(asked);
      clearInterval(beat);
      window.removeEventListener('pagehide', gone);
      gone();
      ch.close();
    },
  };
}

/** On the projector: is the console away, and a way to call it back. `changed` runs when it comes or goes. */
export function watchConsole(
  code: string,
  changed: () => void,
  debrief: () => void,
): { away: () => boolean; callBack: () => void; stop: () => void } {
  const ch = channel(code);
  if (!ch) return { away: () => false, callBack: () => undefined, stop: () => undefined };
  let heard = 0;
  let away = false;
  const set = (value: boolean) => {
    if (value === away) return;
    away = value;
    changed();
  };
  ch.onmessage = (e: MessageEvent<Message>) => {
    if (e.data?.type === 'here') {
      heard = Date.now();
      set(true);
    } else if (e.data?.type === 'gone') set(false);
    else if (e.data?.type === 'debrief') {
      ch.postMessage({ type: 'debriefing' } satisfies Message);
      debrief();
    }
  };
  const check = setInterval(() => {
    if (away && Date.now() - heard > LOST_MS) set(false);
  }, 1000);
  return {
    away: () => away,
    callBack: () => {
      // The console window closes itself (it was opened by script, so it may).
      ch.postMessage({ type: 'close' } satisfies Message);
      set(false);
    },
    stop: () => {
      clearInterval(check);
      ch.close();
    },
  };
}
