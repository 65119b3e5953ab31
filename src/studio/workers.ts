/**
 * The studio's two workers. Only this module names them, and it is imported only outside the
 * one-file build (see checker.ts, balance-tab.ts), so that build — which runs from file://, where
 * a page cannot start a module worker from a file — carries no worker files beside its one HTML.
 */
export function checkWorker(): Worker {
  return new Worker(new URL('./check.worker.ts', import.meta.url), { type: 'module' });
}

export function balanceWorker(): Worker {
  return new Worker(new URL('./balance.worker.ts', import.meta.url), { type: 'module' });
}
