/**
 * The browser entry: the start screen comes up at once; Phaser and the scenario loader load in
 * the background. Every screen has its own URL (src/ui/router.ts): the workshop's in
 * src/ui/workshop-routes.ts, others plugged in through src/routes.ts. A session that was in play
 * when the page closed comes straight back (src/ui/facilitator). Opened with #console, the page is
 * the facilitator's console in its own window instead. A room page (a phone at `#/join/…`, the
 * projector at `#/room/…`) draws no board: Phaser loads there only once a screen needs the board.
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
// A phone in a room needs the network anyway: no offline cache of the whole game (Phaser included).
if (!isPhonePage(location.hash)) registerOffline();
if (isConsoleWindow()) runRemote(byId('app'));
else main();

/** Resolves after the browser has painted the current DOM (two animation frames later). */
function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

/** A phone's page in room mode (`#/join`, `#/join/<code>`). */
function isPhonePage(hash: string): boolean {
  return /^#\/join(\/|$)/.test(hash);
}

/** A room page: the phone's, or the projector's and its console's (`#/room…`): none draws the board. */
function isRoomPage(hash: string): boolean {
  return isPhonePage(hash) || /^#\/room(\/|$)/.test(hash);
}

/**
 * A promise whose work starts only when someone waits for it (`then`): the board's Phaser boot,
 * asked for by the workshop when a game starts and by the console when it pauses one.
 */
function onDemand<T>(start: () => Promise<T>): Promise<T> {
  const lazy = {
    // biome-ignore lint/suspicious/noThenProperty: a thenable on purpose (see above)
    then: (ok?: (v: T) => unknown, no?: (e: unknown) => unknown) => start().then(ok, no),
    catch: (no: (e: unknown) => unknown) => start().catch(no),
    finally: (fn: () => void) => start().finally(fn),
  };
  return lazy as unknown as Promise<T>;
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

  const seam = import.meta.env.DEV || import.meta.env.MODE === 'test';
  const g = (window as unknown as { __GAME__: Record<string, unknown> }).__GAME__ ?? {};
  /**
   * Phaser boots while the table reads the start screen — but only once that screen has been
   * painted: parsing Phaser is one long task that would otherwise hold the first paint back. On a
   * room page it waits until a screen needs the board (a phone never does: 1.4 MB it would not use).
   */
  let booted: ReturnType<typeof bootNow> | null = null;
  const bootNow = () =>
    afterFirstPaint()
      .then(() => import('./game/boot'))
      .then(({ bootGame }) => bootGame(byId('board')))
      .then((game) => {
        if (seam) Object.assign(g, { game: game.game, board: game.board, ready: true });
        return game;
      });
  const boot = () => {
    booted ??= bootNow();
    return booted;
  };
  if (!isRoomPage(location.hash)) void boot();
  const sessions = isRoomPage(location.hash)
    ? onDemand(() => import('./ui/session'))
    : import('./ui/session');
  let routes: WorkshopRoutes | null = null;
  const workshop = new Workshop({
    app,
    board: onDemand(() => boot().then(({ board }) => board)),
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
    onDemand(() => boot().then(({ game }) => game)),
  );
  app.onRender(renderStorageWarning);
  if (seam) {
    (window as unknown as { __GAME__: Record<string, unknown> }).__GAME__ = g;
    Object.assign(g, { ready: false, app, sound, workshop, router });
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
