/**
 * The studio's worker. Only this module names it, and it is imported only outside the one-file
 * build (see checker.ts), so that build — which runs from file://, where a page cannot start a
 * module worker from a file — carries no worker file beside its one HTML.
 */
export function studioWorker(): Worker {
  return new Worker(new URL('./studio.worker.ts', import.meta.url), { type: 'module' });
}
