/**
 * The Balance tab: the simulator over a few hundred games per strategy, run again as the text
 * changes (in a Web Worker, so typing never waits for it), and what it found, each finding a link
 * to the line it is about: endings reached or never, deficits per strategy, dominated options,
 * cards never drawn.
 */
import { t } from '../i18n';
import { loadScenario } from '../scenario';
import { h } from '../ui/dom';
import { mergeRuns, runStrategy, STUDIO_GAMES, type StudioBalance, strategyNames } from './balance-core';
import { startWorker } from './checker';
import { definition, type FileIds, type IdKind } from './ids';
import type { BalanceRequest } from './studio.worker';

export type BalanceState =
  | { kind: 'idle' }
  | { kind: 'running'; progress: number }
  | { kind: 'done'; balance: StudioBalance }
  | { kind: 'invalid' };

export interface BalanceRunner {
  /** Ask for the analysis of `text`; `done` is called with every change of state of the newest request. */
  request(text: string): void;
  state(): BalanceState;
  /** Drop the request under way (the text is being typed again). */
  cancel(): void;
  stop(): void;
}

type Answer = { version: number; progress?: number; balance?: StudioBalance | null };

export function balanceRunner(onChange: (state: BalanceState) => void, games = STUDIO_GAMES): BalanceRunner {
  let version = 0;
  let current: BalanceState = { kind: 'idle' };
  let worker: Worker | null = null;
  let stopped = false;
  let lastText: string | null = null;
  const set = (s: BalanceState) => {
    current = s;
    onChange(s);
  };
  const answer = (a: Answer) => {
    if (a.version !== version) return; // an older text's answer
    if (a.progress !== undefined) set({ kind: 'running', progress: a.progress });
    else if (a.balance) set({ kind: 'done', balance: a.balance });
    else if (a.balance === null) set({ kind: 'invalid' });
  };
  // The one-file build runs from file://, where a page cannot start a module worker from a
  // file: there (and wherever a worker fails) the same analysis runs on the main thread, one
  // strategy per task, so the page stays responsive between strategies.
  const onMainThread = (text: string, mine: number) => {
    const loaded = loadScenario(text, 'studio.yaml');
    if (!loaded.ok) return answer({ version: mine, balance: null });
    const names = strategyNames(loaded.scenario);
    const parts: ReturnType<typeof runStrategy>[] = [];
    const next = () => {
      if (mine !== version) return;
      if (parts.length === names.length)
        return answer({ version: mine, balance: mergeRuns(loaded.scenario, parts) });
      answer({ version: mine, progress: parts.length / names.length });
      parts.push(runStrategy(loaded.scenario, names[parts.length], games));
      setTimeout(next, 0);
    };
    setTimeout(next, 0);
  };
  /** Requests the worker has not finished. */
  let pending = 0;
  const spawn = () =>
    startWorker().then((w) => {
      if (stopped) w?.terminate();
      else worker = w;
      if (!worker) return;
      worker.onmessage = (e: MessageEvent<Answer>) => {
        if (e.data.progress === undefined) pending = Math.max(0, pending - 1);
        answer(e.data);
      };
      worker.onerror = () => {
        // The worker could not run here (a strict host): the main thread from now on.
        worker?.terminate();
        worker = null;
        pending = 0;
        if (lastText !== null) onMainThread(lastText, version);
      };
    });
  let ready = spawn();
  return {
    request(text) {
      version++;
      lastText = text;
      const mine = version;
      set({ kind: 'running', progress: 0 });
      void ready.then(() => {
        if (mine !== version) return;
        const message: BalanceRequest = { kind: 'balance', version: mine, text, games };
        if (worker) {
          pending++;
          worker.postMessage(message);
        } else onMainThread(text, mine);
      });
    },
    cancel() {
      // Typing again: the games of the old text would only compete with the check for the CPU.
      // A busy worker cannot be interrupted, so it is replaced; the next request waits for it.
      version++;
      if (current.kind === 'running') set({ kind: 'idle' });
      if (pending === 0 || !worker) return;
      worker.terminate();
      worker = null;
      pending = 0;
      ready = spawn();
    },
    state: () => current,
    stop() {
      stopped = true;
      version++;
      worker?.terminate();
      worker = null;
    },
  };
}

const pct = (share: number) => `${Math.round(share * 100)}%`;

export function balanceTab(
  state: BalanceState,
  ids: () => FileIds,
  goto: (from: number, to: number) => void,
): HTMLElement {
  if (state.kind === 'invalid')
    return h('p', { 'data-testid': 'studio-balance' }, t('studio.balance.invalid'));
  if (state.kind !== 'done')
    return h(
      'p',
      { 'data-testid': 'studio-balance', role: 'status' },
      t('studio.balance.running', { pct: state.kind === 'running' ? pct(state.progress) : '0%' }),
    );
  const b = state.balance;
  // Looked up at the click: the ids of the text as last read, which may be newer than this figure.
  const link = (kind: IdKind, id: string, of: string | undefined, text: string, problem: boolean) =>
    h(
      'li',
      { class: problem ? 'problem' : 'note', 'data-finding': kind },
      h(
        'button',
        {
          class: 'btn small link',
          type: 'button',
          onclick: () => {
            const d = definition(ids(), kind, id, of);
            if (d) goto(d.from, d.to);
          },
        },
        text,
      ),
    );
  const findings: HTMLElement[] = [];
  for (const d of b.dominated)
    findings.push(
      link(
        'option',
        d.option,
        d.card,
        t('studio.balance.dominated', { card: d.card, option: d.option, by: d.by.join(', ') }),
        true,
      ),
    );
  for (const e of b.endings)
    findings.push(
      link(
        'ending',
        e.id,
        undefined,
        e.reached
          ? t('studio.balance.reached', { id: e.id, count: e.games })
          : t('studio.balance.never', { id: e.id }),
        !e.reached,
      ),
    );
  for (const c of b.neverDrawn)
    findings.push(link('card', c, undefined, t('studio.balance.neverDrawn', { id: c }), true));
  const strategies = b.strategies.map((s) => {
    const top = Object.entries(s.endings).sort((x, y) => y[1] - x[1])[0];
    return h(
      'li',
      { 'data-strategy': s.strategy },
      t('studio.balance.strategy', {
        strategy: s.strategy,
        deficit: pct(s.deficitShare),
        ending: top?.[0] ?? '–',
        share: pct(top && s.games ? top[1] / s.games : 0),
      }),
    );
  });
  return h(
    'div',
    { class: 'studio-balance', 'data-testid': 'studio-balance' },
    h('p', {}, t('studio.balance.games', { games: b.games, count: b.strategies.length })),
    b.errors > 0 ? h('p', { class: 'errors' }, t('studio.balance.errors', { count: b.errors })) : null,
    h('h3', {}, t('studio.balance.findings')),
    h('ul', { class: 'studio-findings' }, findings),
    h('h3', {}, t('studio.balance.strategies')),
    h('ul', {}, strategies),
  );
}
