/**
 * Development only: a scenario file saved under `scenarios/` reloads in the running game (the
 * dev server's plugin sends its text, see vite-plugin.ts). At the setup screen the new version
 * is shown at once. Mid-game the session's record — seed, players, actions — is checked against
 * the new version: when every action is still allowed (`canStep`, one after another) the game is
 * resumed from the record with the new scenario; otherwise it starts again with the same seed
 * and players, with a notice. A file saved with errors leaves the game as it is and lists them.
 *
 * main.ts loads this module only under `import.meta.hot`, so none of it is in the built game.
 */
import { newGame } from '../../engine/setup';
import { canStep, step } from '../../engine/step';
import type { PlayerSetup, SessionRecord } from '../../engine/types';
import { t } from '../../i18n';
import { loadScenario } from '../../scenario/load';
import { type Problem, problemTotal } from '../../scenario/problems';
import { h } from '../dom';
import type { SetupState } from '../types';
import { SCENARIO_SAVED, type ScenarioSaved } from './live-event';
import './authoring.css';
import type { Playable } from './open-file';
import { problemList } from './problems-panel';

/** What the table sees now, as main.ts tracks it. */
export type LiveView =
  | { kind: 'setup'; entry: Playable; keep?: { state?: SetupState } }
  | { kind: 'game'; entry: Playable; record: () => SessionRecord | null }
  | null;

export interface LiveHooks {
  current(): LiveView;
  showSetup(entry: Playable): void;
  /** Start a game of `entry` from a record: replayed when it has actions, a fresh start when not. */
  play(entry: Playable, seed: string, players: PlayerSetup[], record?: SessionRecord): void;
}

/** What a reload decided, for the notice and for tests. */
export type Reloaded =
  | { kind: 'setup' }
  | { kind: 'replayed'; actions: number }
  | { kind: 'restarted'; kept: number; of: number }
  | { kind: 'to-setup' }
  | { kind: 'errors'; errors: Problem[] }
  | { kind: 'ignored' };

/** The newest text of each saved file, so a scenario chosen later is the saved version. */
const latest = new Map<string, string>();

/** The catalog entry with the text last saved during this session, when there is one. */
export function freshEntry(entry: Playable): Playable {
  const source = latest.get(entry.file);
  if (source === undefined || source === entry.source || (entry as { opened?: boolean }).opened) return entry;
  const result = loadScenario(source, entry.file);
  return result.ok ? { ...entry, scenario: result.scenario, hash: result.hash, source } : entry;
}

/**
 * Decide and do what a saved file means for the view. Pure enough to test without a dev server:
 * everything it changes goes through `hooks`.
 */
export function reload(hooks: LiveHooks, file: string, source: string): Reloaded {
  latest.set(file, source);
  const view = hooks.current();
  if (!view || view.entry.file !== file || (view.entry as { opened?: boolean }).opened)
    return { kind: 'ignored' };
  const result = loadScenario(source, file);
  if (!result.ok) return { kind: 'errors', errors: result.errors };
  const entry: Playable = { ...view.entry, scenario: result.scenario, hash: result.hash, source };
  if (view.kind === 'setup') {
    hooks.showSetup(entry);
    return { kind: 'setup' };
  }
  const record = view.record();
  if (!record) {
    hooks.showSetup(entry);
    return { kind: 'to-setup' };
  }
  let state: ReturnType<typeof newGame>;
  try {
    state = newGame(entry.scenario, { seed: record.seed, players: record.players });
  } catch {
    hooks.showSetup(entry);
    return { kind: 'to-setup' };
  }
  let kept = 0;
  for (const action of record.actions) {
    if (!canStep(entry.scenario, state, action).ok) break;
    state = step(entry.scenario, state, action);
    kept++;
  }
  if (kept === record.actions.length) {
    const resumed: SessionRecord = { ...record, scenario: { id: entry.scenario.id, hash: entry.hash } };
    hooks.play(entry, record.seed, record.players, resumed);
    return { kind: 'replayed', actions: kept };
  }
  hooks.play(entry, record.seed, record.players);
  return { kind: 'restarted', kept, of: record.actions.length };
}

/** A saved file that could not be read as text: the game stays as it is, the problem is listed. */
export function refuse(hooks: LiveHooks, file: string, problem: Problem): Reloaded {
  const view = hooks.current();
  if (!view || view.entry.file !== file || (view.entry as { opened?: boolean }).opened)
    return { kind: 'ignored' };
  return { kind: 'errors', errors: [problem] };
}

let notice: HTMLElement | null = null;
let watch: ResizeObserver | null = null;

function closeNotice(): void {
  watch?.disconnect();
  watch = null;
  notice?.remove();
  notice = null;
  document.documentElement.classList.remove('live-notice-open');
  document.documentElement.style.removeProperty('--live-notice-h');
}

/**
 * A notice in a strip along the bottom of the page that stays until closed or replaced. The
 * page above it is made shorter by the strip's height (authoring.css), so the notice never lies
 * over the card, its options or any control, whatever the text size or window.
 */
export function showNotice(text: string, source = '', problems: Problem[] = []): void {
  closeNotice();
  const close = h(
    'button',
    { class: 'btn small', type: 'button', onclick: closeNotice },
    t('authoring.close'),
  );
  const shown = h(
    'div',
    { class: 'live-notice', role: 'status', 'data-testid': 'live-notice' },
    h(
      'div',
      { class: 'live-notice-text' },
      h('p', {}, text),
      problems.length ? problemList(problems, source) : null,
    ),
    close,
  );
  notice = shown;
  document.body.append(shown);
  const root = document.documentElement;
  const makeRoom = () => {
    root.style.setProperty('--live-notice-h', `${Math.ceil(shown.getBoundingClientRect().height)}px`);
    // The board and the card lay themselves out again for the shorter page.
    window.dispatchEvent(new Event('resize'));
  };
  root.classList.add('live-notice-open');
  makeRoom();
  watch = new ResizeObserver(() => {
    const now = `${Math.ceil(shown.getBoundingClientRect().height)}px`;
    if (root.style.getPropertyValue('--live-notice-h') !== now) makeRoom();
  });
  watch.observe(shown);
}

function tell(result: Reloaded, file: string, source: string): void {
  if (result.kind === 'setup') showNotice(t('authoring.reloaded', { file }));
  else if (result.kind === 'replayed') showNotice(t('authoring.replayed', { file, count: result.actions }));
  else if (result.kind === 'restarted') showNotice(t('authoring.restarted', { file }));
  else if (result.kind === 'to-setup') showNotice(t('authoring.toSetup', { file }));
  else if (result.kind === 'errors')
    showNotice(
      t('authoring.reloadErrors', { file, count: problemTotal(result.errors) }),
      source,
      result.errors,
    );
}

/** Listen for saved scenario files (dev server only). Returns the last decision, for tests. */
export function installLiveReload(hooks: LiveHooks): { last: () => Reloaded | null } {
  let last: Reloaded | null = null;
  import.meta.hot?.on(SCENARIO_SAVED, (data: ScenarioSaved) => {
    try {
      last = data.problem ? refuse(hooks, data.file, data.problem) : reload(hooks, data.file, data.source);
      tell(last, data.file, data.source);
    } catch (e) {
      // A reload must never take the workshop down: keep the game, say what happened.
      showNotice(`${data.file}: ${e instanceof Error ? e.message : String(e)}`);
    }
  });
  return { last: () => last };
}
