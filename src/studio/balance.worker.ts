/**
 * The Balance tab's worker: the simulator runs here, off the main thread, so typing is never
 * held up by a few hundred games per strategy. One message in (the text, with a number that
 * says which version it is), one answer out; the page drops answers for older versions.
 */
import { loadScenario } from '../scenario';
import { mergeRuns, runStrategy, strategyNames } from './balance-core';

export interface BalanceRequest {
  version: number;
  text: string;
  games: number;
}

self.onmessage = (e: MessageEvent<BalanceRequest>) => {
  const { version, text, games } = e.data;
  try {
    const loaded = loadScenario(text, 'studio.yaml');
    if (!loaded.ok) {
      self.postMessage({ version, balance: null });
      return;
    }
    const names = strategyNames(loaded.scenario);
    const parts = names.map((name, i) => {
      self.postMessage({ version, progress: i / names.length });
      return runStrategy(loaded.scenario, name, games);
    });
    self.postMessage({ version, balance: mergeRuns(loaded.scenario, parts) });
  } catch (error) {
    self.postMessage({ version, balance: null, error: String(error) });
  }
};
