/**
 * The browser entry: the start screen comes up at once; Phaser and the scenario loader load in
 * the background. Every screen has its own URL (src/ui/router.ts): the workshop's in
 * src/ui/workshop-routes.ts, others plugged in through src/routes.ts. A session that was in play
 * when the page closed comes straight back (src/ui/facilitator). Opened with #console, the page is
 * the facilitator's console in its own window instead.
 */
import './ui/styles.css';
import './ui/facilitator/facilitation.css';
import { HowlerSound } from './audio/howler';
import { initI18n, onLangChange, t } from './i18n';
import { registerOffline } from './offline/register';
import { pluggedRoutes } from './routes';
import { App } from './ui/app';
import type { LiveView } from './ui/authoring/live';
import { byId } from './ui/dom';
import { installConsole } from './ui/facilitator/console';
import { isConsoleWindow, runRemote } from './ui/facilitator/remote';
import { Workshop } from './ui/facilitator/workshop';
import { pathTo, Router } from './ui/router';
import { damagedScreen } from './ui/saved/damaged';
import { renderStorageWarning } from './ui/saved/warning';
import { addWorkshopRoutes, type WorkshopRoutes } from './ui/workshop-routes';

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
  const router = new Router(app);
  document.getElementById('app')?.classList.add('no-game');
  // The window's title speaks the table's language too (index.html has the Dutch one).
  const title = () => {
    document.title = t('app.title');
  };
  title();
  onLangChange(title);

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
  let routes: WorkshopRoutes | null = null;
  const workshop = new Workshop({
    app,
    board: booting.then(({ board }) => board),
    sessions,
    onExit: () => {
      view = null;
      routes?.showStart();
    },
    onDebrief: (id) => router.go(pathTo('debrief', id)),
    onDamaged: (id, message, code, raw) =>
      app.show(damagedScreen(app, id, message, code, raw, () => routes?.showStart())),
    onSession: (live) => {
      if (seam) Object.assign(g, { session: live.session, live });
      // A resumed session is live-reloaded too (dev only; the view is read by src/ui/authoring/live).
      const { src, session } = live;
      view = { kind: 'game', entry: { ok: true, ...src }, record: () => session.snapshot().context.record };
      // The address follows the table (an imported or branched session has its own), unless it
      // already names this session (its board or its debrief, resumed from the address).
      const here = router.current();
      if (here !== pathTo('play', live.id) && here !== pathTo('debrief', live.id)) {
        router.go(pathTo('play', live.id), { replace: here.startsWith('play/') });
      }
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
    Object.assign(g, { ready: false, app, sound, workshop, router });
    booting.then(({ game, board }) => Object.assign(g, { game, board, ready: true }));
  }

  // Development (`npm start`): a saved scenarios/*.yaml reloads in the running game (issue 6).
  // `import.meta.hot` is undefined in a build, so none of this reaches the built game.
  let view: LiveView = null;
  let live: typeof import('./ui/authoring/live') | null = null;
  routes = addWorkshopRoutes({
    app,
    router,
    workshop,
    view: () => view,
    setView: (next) => {
      view = next;
    },
    fresh: (entry) => (live ? live.freshEntry(entry) : entry),
  });
  const workshopRoutes = routes;
  for (const [pattern, handler] of Object.entries(pluggedRoutes)) {
    // Another screen takes the page: the game on the board stops there (saved, resumable).
    router.add(pattern, (ctx) => {
      workshopRoutes.offTheBoard();
      return handler(ctx);
    });
  }
  if (import.meta.hot) {
    void import('./ui/authoring/live').then((module) => {
      live = module;
      module.installLiveReload({
        current: () => view,
        showSetup: workshopRoutes.showSetup,
        play: (entry, seed, players, record) => void workshopRoutes.play(entry, seed, players, record),
      });
    });
  }
  router.start();
}
