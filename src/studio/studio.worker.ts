/**
 * The studio's worker, started twice (one for checking the text, one for the balance: a few
 * hundred games must never hold up the next check). The same code in both keeps the download to
 * one copy of the loader. Every request carries a version; the page drops answers for a text it
 * no longer shows.
 */
import { loadScenario, type MessageLang } from '../scenario';
import { mergeRuns, runStrategy, strategyNames } from './balance-core';
import { checkInTwo } from './checker-core';

export interface CheckRequest {
  kind: 'check';
  version: number;
  text: string;
  file: string;
  lang: MessageLang;
}

export interface BalanceRequest {
  kind: 'balance';
  version: number;
  text: string;
  games: number;
}

function balance({ version, text, games }: BalanceRequest): void {
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
}

self.onmessage = (e: MessageEvent<CheckRequest | BalanceRequest>) => {
  const request = e.data;
  if (request.kind === 'balance') balance(request);
  else checkInTwo(request.version, request.text, request.file, request.lang, (a) => self.postMessage(a));
};
