/**
 * The workshop's screens as routes: `#/` start, `#/choose`, `#/setup/<scenario>`,
 * `#/play/<session>`, `#/debrief/<session>`, `#/compare`. Each handler builds its screen from the
 * URL alone (plus what this tab kept: the setup form, an opened file), so a reload or a bookmark
 * shows the same screen again. Leaving the board for another screen stops the game there — it
 * stays saved, and Forward (or the saved list) brings it back.
 */
import type { PlayerSetup, SessionRecord } from '../engine/types';
import { t } from '../i18n';
import { playedAs } from '../scenario/played-as';
import type { App, Screen } from './app';
import type { LiveView } from './authoring/live';
import type { Playable } from './authoring/open-file';
import { loadCatalog } from './catalog';
import { chooseScreen } from './choose';
import { h } from './dom';
import { clock, TIMER_CHOICES } from './facilitator/model';
import { activeSessionId, defaultTimerMs, rememberTimerMs, type Workshop } from './facilitator/workshop';
import { type GoOptions, pathTo, type Router } from './router';
import { savedSessionsSection } from './saved/list';
import { setupScreen } from './setup';
import {
  clearSetupDraft,
  loadSetupDraft,
  openedFile,
  rememberOpenedFile,
  saveSetupDraft,
} from './setup-draft';
import { startScreen } from './start';
import type { SetupState } from './types';

export interface WorkshopRoutesDeps {
  app: App;
  router: Router;
  workshop: Workshop;
  /** Dev live reload: what the table sees now (null when not a setup or a game). */
  setView(view: LiveView): void;
  view(): LiveView;
  /** Dev live reload: the newest saved text of a chosen scenario. */
  fresh(entry: Playable): Playable;
}

export interface WorkshopRoutes {
  /** Show the setup of `entry` (the choice, a live reload of its file). */
  showSetup(entry: Playable): void;
  /** Seat the table and start (or, with a record, resume) a game of `entry`. */
  play(entry: Playable, seed: string, players: PlayerSetup[], record?: SessionRecord): Promise<void>;
  /** Back to the start screen. */
  showStart(options?: GoOptions): void;
  /** Any screen but the board: the game on it stops (it stays saved). */
  offTheBoard(): void;
}

export function addWorkshopRoutes(deps: WorkshopRoutesDeps): WorkshopRoutes {
  const { app, router, workshop } = deps;
  /** The scenario last chosen in this page (a trainer's own file is found only here or in the tab). */
  let chosen: Playable | null = null;

  /** Any screen but the board: the game on it stops (saved), and the board is covered. */
  const offTheBoard = () => {
    if (workshop.table.current) workshop.close();
  };

  const showStart = (options?: GoOptions) => router.go('', options);

  function withExtra(screen: Screen, extra: () => HTMLElement): Screen {
    return {
      ...screen,
      render: () => {
        const el = screen.render();
        el.append(extra());
        return el;
      },
    };
  }

  function timerChoice(): HTMLElement {
    const current = defaultTimerMs();
    return h(
      'label',
      { class: 'timer-choice' },
      `${t('facil.timerLength')} `,
      h(
        'select',
        {
          'data-testid': 'setup-timer',
          onchange: (e: Event) => rememberTimerMs(Number((e.target as HTMLSelectElement).value)),
        },
        TIMER_CHOICES.map((ms) =>
          h(
            'option',
            { value: String(ms), selected: ms === current },
            ms === 0 ? t('facil.noTimer') : clock(ms),
          ),
        ),
      ),
    );
  }

  /** The scenario a setup URL names: the one chosen here, a file opened in this tab, or a shipped one. */
  async function findScenario(id: string): Promise<Playable | null> {
    if (chosen?.scenario.id === id) return chosen;
    const opened = openedFile(id);
    if (opened) {
      const { checkSource } = await import('./authoring/open-file');
      const { result, source } = await checkSource(new TextEncoder().encode(opened.source), opened.file);
      if (result.ok && result.scenario.id === id) {
        return { file: opened.file, ok: true, scenario: result.scenario, hash: result.hash, source };
      }
    }
    const shipped = (await loadCatalog()).find((e): e is Playable => e.ok && e.scenario.id === id);
    return shipped ? deps.fresh(shipped) : null;
  }

  function setupOf(entry: Playable): Screen {
    const id = entry.scenario.id;
    const before = deps.view();
    // A live reload of the same file keeps what the table entered; a reload of the page, the tab's draft.
    const state =
      before?.kind === 'setup' && before.entry.file === entry.file ? before.keep?.state : undefined;
    const keep = {
      state: state ?? loadSetupDraft(id),
      changed: (s: SetupState) => saveSetupDraft(id, s),
    };
    deps.setView({ kind: 'setup', entry, keep });
    return withExtra(
      setupScreen(
        app,
        entry.scenario,
        (seed, players, decision) => void play(playedAs(entry, decision), seed, players),
        () => router.go('choose'),
        keep,
      ),
      timerChoice,
    );
  }

  function showSetup(entry: Playable): void {
    chosen = entry;
    const path = pathTo('setup', entry.scenario.id);
    if (router.current() === path) app.show(setupOf(entry));
    else router.go(path);
  }

  async function play(entry: Playable, seed: string, players: PlayerSetup[], record?: SessionRecord) {
    clearSetupDraft(entry.scenario.id);
    const w = await workshop.start(
      { scenario: entry.scenario, hash: entry.hash, source: entry.source, file: entry.file },
      seed,
      players,
      record,
    );
    deps.setView({ kind: 'game', entry, record: () => w.session.snapshot().context.record });
    router.go(pathTo('play', w.id));
  }

  /** The session `id` on the board: the one in play, or resumed from the saves. */
  async function onTheBoard(id: string): Promise<boolean> {
    const live = workshop.table.current;
    if (live?.id === id) return true;
    return (await workshop.resume(id)) !== null;
  }

  router
    .add('', () => {
      offTheBoard();
      deps.setView(null);
      const screen = withExtra(
        startScreen(app, () => router.go('choose')),
        () =>
          savedSessionsSection({
            workshop,
            onCompare: () => router.go('compare'),
            refresh: () => app.show(screen),
          }),
      );
      return screen;
    })
    .add('choose', () => {
      offTheBoard();
      deps.setView(null);
      return chooseScreen(
        app,
        (entry) => {
          const opened = (entry as { opened?: boolean }).opened === true;
          rememberOpenedFile(entry.scenario.id, opened ? { file: entry.file, source: entry.source } : null);
          showSetup(deps.fresh(entry));
        },
        () => router.go(''),
      );
    })
    .add('setup/:scenario', async ({ params }) => {
      offTheBoard();
      const entry = await findScenario(params.scenario);
      if (!entry) {
        // A scenario this browser does not have (a file opened in another tab): choose again.
        router.go('choose', { replace: true });
        return undefined;
      }
      chosen = entry;
      return setupOf(entry);
    })
    .add('play/:session', async ({ params }) => {
      const live = workshop.table.current;
      if (live?.id === params.session) {
        // Back from the debrief: the board, or the ending, again.
        live.session.redraw();
        return undefined;
      }
      await onTheBoard(params.session);
      return undefined;
    })
    .add('debrief/:session', async ({ params }) => {
      if (!(await onTheBoard(params.session))) return undefined;
      const ctx = workshop.table.current?.session.stageContext();
      // Only an ended game has a debrief; before its end the session shows the table.
      if (!ctx?.snapshot.matches('ended')) {
        router.go(pathTo('play', params.session), { replace: true });
        return undefined;
      }
      const { debriefScreen } = await import('./debrief');
      return debriefScreen(ctx);
    })
    .add('compare', async () => {
      offTheBoard();
      deps.setView(null);
      const { compareScreen } = await import('./compare/screen');
      return compareScreen(app, () => router.go(''));
    });

  // Straight back to the table that was in play when the page closed (at a plain address).
  const active = activeSessionId();
  if (active && router.current() === '') router.go(pathTo('play', active), { replace: true });

  return { showSetup, play, showStart, offTheBoard };
}
