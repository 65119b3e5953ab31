/**
 * Runs the check of the text off the main thread (check.worker.ts); the editor asks only after a
 * pause in typing (LINT_DELAY), so a burst of typing costs one check. Without workers (the one-file build, opened from file://, where a
 * page cannot start a module worker from a file) the same check runs on the main thread, only
 * after the pause in typing.
 */
import type { MessageLang } from '../scenario';
import type { CheckRequest } from './check.worker';
import { type CheckAnswer, checkAndRead } from './checker-core';

export interface Checker {
  check(text: string, file: string, lang: MessageLang): Promise<CheckAnswer>;
  stop(): void;
}

function startWorker(): Worker | null {
  if (import.meta.env.VITE_SINGLE) return null;
  try {
    return new Worker(new URL('./check.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

export function createChecker(): Checker {
  let worker = startWorker();
  let version = 0;
  const waiting = new Map<number, { done: (answer: CheckAnswer) => void; request: CheckRequest }>();
  const inline = (text: string, file: string, lang: MessageLang) =>
    Promise.resolve(checkAndRead(text, file, lang));
  if (worker) {
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
  }
  return {
    check(text, file, lang) {
      if (!worker) return inline(text, file, lang);
      version++;
      const request: CheckRequest = { version, text, file, lang };
      const answer = new Promise<CheckAnswer>((done) => waiting.set(version, { done, request }));
      worker.postMessage(request);
      return answer;
    },
    stop() {
      worker?.terminate();
      worker = null;
      waiting.clear();
    },
  };
}
