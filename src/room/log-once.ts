/**
 * A log a stranger cannot flood: the first line of a kind (per client, per kind of trouble) is
 * printed, repeats within the minute are only counted, and when the minute is over one line says
 * how many there were ("… and 9,999 more in the last minute"). A phone sending 10,000 bad
 * messages, or one address trying 10,000 joins, costs a handful of lines, not 10,000.
 */
const MINUTE = 60_000;
/** Beyond this many keys at once (a flood from many addresses) they share one. */
const MAX_KEYS = 1000;
const OVERFLOW = '\0overflow';

interface Window {
  line: string;
  start: number;
  more: number;
}

export class LogOnce {
  private readonly windows = new Map<string, Window>();
  private readonly timer: ReturnType<typeof setInterval> | null;

  constructor(
    private readonly log: (line: string) => void,
    private readonly now: () => number = Date.now,
    private readonly windowMs = MINUTE,
    /** Flush counts on a timer (off in tests, which call flush() themselves). */
    timer = true,
  ) {
    this.timer = timer ? setInterval(() => this.flush(), windowMs).unref() : null;
  }

  /** Logs `line` unless a line with the same key was logged in the current window. */
  note(key: string, line: string): void {
    const now = this.now();
    let w = this.windows.get(key);
    if (w && now - w.start >= this.windowMs) {
      this.report(w);
      this.windows.delete(key);
      w = undefined;
    }
    if (w) {
      w.more += 1;
      return;
    }
    if (this.windows.size >= MAX_KEYS) this.flush();
    if (this.windows.size >= MAX_KEYS && key !== OVERFLOW) {
      // Many clients at once: the ones beyond MAX_KEYS share one line and one count.
      this.note(OVERFLOW, `${line} (and the same from many other clients)`);
      return;
    }
    this.windows.set(key, { line, start: now, more: 0 });
    this.log(line);
  }

  /** Reports the counts of windows that are over, and forgets them. */
  flush(): void {
    const now = this.now();
    for (const [key, w] of this.windows) {
      if (now - w.start < this.windowMs) continue;
      this.report(w);
      this.windows.delete(key);
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private report(w: Window): void {
    if (w.more === 0) return;
    const minutes = Math.round(this.windowMs / MINUTE);
    const span = minutes <= 1 ? 'the last minute' : `the last ${minutes} minutes`;
    this.log(`${w.line} … and ${w.more.toLocaleString('en-US')} more in ${span}`);
  }
}

/**
 * The last line of defence for a workshop: an error no handler caught (a bug, a library's
 * surprise) is logged once — the same message again is counted, not reprinted — and the room
 * server keeps serving every other table instead of ending the process.
 */
export function keepServing(
  target: Pick<NodeJS.Process, 'on'>,
  log: (line: string) => void,
  trouble = new LogOnce(log),
): LogOnce {
  const report = (kind: string) => (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    const where = error instanceof Error ? (error.stack?.split('\n')[1]?.trim() ?? '') : '';
    const first = (message.split('\n')[0] ?? '').slice(0, 200);
    trouble.note(
      `${kind}:${first}`,
      `room server: ${kind} (kept serving): ${first}${where ? ` ${where}` : ''}`,
    );
  };
  target.on('uncaughtException', report('unexpected error'));
  target.on('unhandledRejection', report('unhandled rejection'));
  return trouble;
}
