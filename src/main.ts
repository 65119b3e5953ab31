/**
 * The browser entry: the start screen comes up at once; Phaser and the scenario loader load in
 * the background. From here a workshop goes start → scenario choice → setup → the game; a
 * session that was in play when the page closed comes straight back (src/ui/facilitator). Opened
 * with #console, the page is the facilitator's console in its own window instead.
 */
import './ui/styles.css';
import './ui/facilitator/facilitation.css';
import { HowlerSound } from './audio/howler';
import type { PlayerSetup, SessionRecord } from './engine/types';
import { initI18n, t } from './i18n';
import { registerOffline } from './offline/register';
import { App, type Screen } from './ui/app';
import type { LiveView } from './ui/authoring/live';
import type { Playable } from './ui/authoring/open-file';
import { chooseScreen } from './ui/choose';
import { byId, h } from './ui/dom';
import { installConsole } from './ui/facilitator/console';
import { clock, TIMER_CHOICES } from './ui/facilitator/model';
import { isConsoleWindow, runRemote } from './ui/facilitator/remote';
import { activeSessionId, defaultTimerMs, rememberTimerMs, Workshop } from './ui/facilitator/workshop';
import { damagedScreen } from './ui/saved/damaged';
import { savedSessionsSection } from './ui/saved/list';
import { renderStorageWarning } from './ui/saved/warning';
import { setupScreen } from './ui/setup';
import { startScreen } from './ui/start';

initI18n();
registerOffline();
if (isConsoleWindow()) runRemote(byId('app'));
else main();

/** Resolves after the browser has painted the current DOM (two animation frames later). */
function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

function main(): void {
  const sound = new HowlerSound();
  const app = new App(sound);
  document.getElementById('app')?.classList.add('no-game');

  /**
   * Phaser boots while the table reads the start screen — but only once that screen has been
   * painted: parsing Phaser is one long task that would otherwise hold the first paint back.
   */
  const booting = afterFirstPaint()
    .then(() => import('./game/boot'))
    .then(({ bootGame }) => bootGame(byId('board')));
  const sessions = import('./ui/session');

  const seam = import.meta.env.DEV || import.meta.env.MODE === 'test';
  const g = (window as unknown as { __GAME__: Record<string, unknown> }).__GAME__ ?? {};
  const workshop = new Workshop({
    app,
    board: booting.then(({ board }) => board),
    sessions,
    onExit: () => {
      view = null;
      showStart();
    },
    onDamaged: (id, message, code, raw) => app.show(damagedScreen(app, id, message, code, raw, showStart)),
    onSession: (live) => {
      if (seam) Object.assign(g, { session: live.session, live });
      // A resumed session is live-reloaded too (dev only; the view is read by src/ui/authoring/live).
      const { src, session } = live;
      view = { kind: 'game', entry: { ok: true, ...src }, record: () => session.snapshot().context.record };
    },
  });
  installConsole(
    app,
    workshop,
    booting.then(({ game }) => game),
  );
  app.onRender(renderStorageWarning);
  if (seam) {
    (window as unknown as { __GAME__: Record<string, unknown> }).__GAME__ = g;
    Object.assign(g, { ready: false, app, sound, workshop });
    booting.then(({ game, board }) => Object.assign(g, { game, board, ready: true }));
  }

  /** A screen with one more element below what it renders (the saved list, the timer choice). */
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

  function showStart(): void {
    app.show(
      withExtra(startScreen(app, showChoose), () =>
        savedSessionsSection({ workshop, onCompare: showCompare, refresh: showStart }),
      ),
    );
  }

  function showCompare(): void {
    void import('./ui/compare/screen').then(({ compareScreen }) => app.show(compareScreen(app, showStart)));
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

  function showChoose(): void {
    view = null;
    app.show(chooseScreen(app, (entry) => showSetup(live ? live.freshEntry(entry) : entry), showStart));
  }

  function showSetup(entry: Playable): void {
    // A live reload of the same file keeps what the table entered (names, seed).
    const keep = view?.kind === 'setup' && view.entry.file === entry.file ? view.keep : {};
    view = { kind: 'setup', entry, keep };
    app.show(
      withExtra(
        setupScreen(
          app,
          entry.scenario,
          (seed, players) => void play(entry, seed, players),
          showChoose,
          keep,
        ),
        timerChoice,
      ),
    );
  }

  /** Seat the table and start (or, with a record, resume) a game of `entry`; saved as it goes. */
  async function play(entry: Playable, seed: string, players: PlayerSetup[], record?: SessionRecord) {
    const w = await workshop.start(
      { scenario: entry.scenario, hash: entry.hash, source: entry.source, file: entry.file },
      seed,
      players,
      record,
    );
    view = { kind: 'game', entry, record: () => w.session.snapshot().context.record };
  }

  // Development (`npm start`): a saved scenarios/*.yaml reloads in the running game (issue 6).
  // `import.meta.hot` is undefined in a build, so none of this reaches the built game.
  let view: LiveView = null;
  let live: typeof import('./ui/authoring/live') | null = null;
  if (import.meta.hot) {
    void import('./ui/authoring/live').then((module) => {
      live = module;
      module.installLiveReload({
        current: () => view,
        showSetup,
        play: (entry, seed, players, record) => void play(entry, seed, players, record),
      });
    });
  }

  const active = activeSessionId();
  if (active) {
    // Straight back to where the table was; the start screen shows meanwhile.
    showStart();
    void workshop.resume(active);
  } else showStart();
}
