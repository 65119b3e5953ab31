/**
 * Runs the check of the text off the main thread (studio.worker.ts); the editor asks only after a
 * pause in typing (LINT_DELAY), so a burst of typing costs one check. The problems come back
 * first, the ids (for completion and links) after them. Without workers (the one-file build,
 * opened from file://, where a page cannot start a module worker from a file) the same check runs
 * on the main thread, only after the pause in typing.
 */
import type { MessageLang } from '../scenario';
import { type CheckAnswer, checkInTwo } from './checker-core';
import type { FileIds } from './ids';
import type { Checked } from './lint';
import type { CheckRequest } from './studio.worker';

export interface Checker {
  /** The problems of `text`; `onIds` gets its ids a moment later. */
  check(text: string, file: string, lang: MessageLang, onIds: (ids: FileIds) => void): Promise<Checked>;
  /** Whether the checks run in a worker (false before the first check, and where there is none). */
  inWorker(): boolean;
  stop(): void;
}

/** A worker, or null where there are none; the module that names it is left out of the one-file build. */
export async function startWorker(): Promise<Worker | null> {
  if (import.meta.env.VITE_SINGLE) return null;
  try {
    // One worker script, one instance for each job.
    const { studioWorker } = await import('./workers');
    return studioWorker();
  } catch {
    return null;
  }
}

interface Waiting {
  done: (checked: Checked) => void;
  onIds: (ids: FileIds) => void;
  request: CheckRequest;
}

export function createChecker(): Checker {
  let worker: Worker | null = null;
  let stopped = false;
  let version = 0;
  const waiting = new Map<number, Waiting>();
  const deliver = (a: CheckAnswer) => {
    const wait = waiting.get(a.version);
    if (!wait) return;
    if ('checked' in a) wait.done(a.checked);
    else {
      waiting.delete(a.version);
      wait.onIds(a.ids);
    }
  };
  const inline = (w: Waiting) =>
    checkInTwo(w.request.version, w.request.text, w.request.file, w.request.lang, (a) =>
      'checked' in a ? w.done(a.checked) : w.onIds(a.ids),
    );
  const ready = startWorker().then((w) => {
    if (stopped) w?.terminate();
    else worker = w;
    if (!worker) return;
    worker.onmessage = (e: MessageEvent<CheckAnswer>) => deliver(e.data);
    worker.onerror = () => {
      // The worker cannot run here: check on the main thread from now on, and answer the waiting.
      worker?.terminate();
      worker = null;
      for (const w of waiting.values()) inline(w);
      waiting.clear();
    };
  });
  return {
    async check(text, file, lang, onIds) {
      await ready;
      version++;
      const request: CheckRequest = { kind: 'check', version, text, file, lang };
      return new Promise<Checked>((done) => {
        const wait: Waiting = { done, onIds, request };
        if (!worker) return inline(wait);
        waiting.set(version, wait);
        worker.postMessage(request);
      });
    },
    inWorker: () => worker !== null,
    stop() {
      stopped = true;
      worker?.terminate();
      worker = null;
      waiting.clear();
    },
  };
}
