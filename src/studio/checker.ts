/**
 * Runs the check of the text off the main thread (studio.worker.ts); the editor asks only after a
 * pause in typing (LINT_DELAY), so a burst of typing costs one check. Without workers (the
 * one-file build, opened from file://, where a page cannot start a module worker from a file)
 * the same check runs on the main thread, only after the pause in typing.
 */
import type { MessageLang } from '../scenario';
import { type CheckAnswer, checkAndRead } from './checker-core';
import type { CheckRequest } from './studio.worker';

export interface Checker {
  check(text: string, file: string, lang: MessageLang): Promise<CheckAnswer>;
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

export function createChecker(): Checker {
  let worker: Worker | null = null;
  let stopped = false;
  let version = 0;
  const waiting = new Map<number, { done: (answer: CheckAnswer) => void; request: CheckRequest }>();
  const ready = startWorker().then((w) => {
    if (stopped) w?.terminate();
    else worker = w;
    if (!worker) return;
    worker.onmessage = (e: MessageEvent<CheckAnswer & { version: number }>) => {
      const wait = waiting.get(e.data.version);
      waiting.delete(e.data.version);
      wait?.done({ checked: e.data.checked, ids: e.data.ids });
    };
    worker.onerror = () => {
      // The worker cannot run here: check on the main thread from now on, and answer the waiting.
      worker?.terminate();
      worker = null;
      for (const { done, request } of waiting.values())
        done(checkAndRead(request.text, request.file, request.lang));
      waiting.clear();
    };
  });
  return {
    async check(text, file, lang) {
      await ready;
      if (!worker) return checkAndRead(text, file, lang);
      version++;
      const request: CheckRequest = { kind: 'check', version, text, file, lang };
      const answer = new Promise<CheckAnswer>((done) => waiting.set(version, { done, request }));
      worker.postMessage(request);
      return answer;
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
