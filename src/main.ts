/**
 * The browser entry: the start screen comes up at once; Phaser and the scenario loader load in
 * the background. From here a workshop goes start → scenario choice → setup → the game.
 */
import './ui/styles.css';
import { HowlerSound } from './audio/howler';
import type { PlayerSetup, SessionRecord } from './engine/types';
import { initI18n } from './i18n';
import { App } from './ui/app';
import type { LiveView } from './ui/authoring/live';
import type { Playable } from './ui/authoring/open-file';
import { chooseScreen } from './ui/choose';
import { byId } from './ui/dom';
import type { Session } from './ui/session';
import { setupScreen } from './ui/setup';
import { startScreen } from './ui/start';

initI18n();
const sound = new HowlerSound();
const app = new App(sound);
document.getElementById('app')?.classList.add('no-game');

/** Phaser boots while the table reads the start screen. */
const booting = import('./game/boot').then(({ bootGame }) => bootGame(byId('board')));
const sessionModule = import('./ui/session');

const seam = import.meta.env.DEV || import.meta.env.MODE === 'test';
if (seam) {
  const w = window as unknown as { __GAME__: Record<string, unknown> };
  w.__GAME__ = { ready: false, app, sound };
  booting.then(({ game, board }) => Object.assign(w.__GAME__, { game, board, ready: true }));
}

function showStart(): void {
  app.show(startScreen(app, showChoose));
}

function showChoose(): void {
  app.show(chooseScreen(app, (entry) => showSetup(live ? live.freshEntry(entry) : entry), showStart));
}

function showSetup(entry: Playable): void {
  view = { kind: 'setup', entry };
  app.show(setupScreen(app, entry.scenario, (seed, players) => play(entry, seed, players), showChoose));
}

/** Seat the table and start (or, with a record, resume) a game of `entry`. */
async function play(entry: Playable, seed: string, players: PlayerSetup[], record?: SessionRecord) {
  const [{ board }, { startSession }] = await Promise.all([booting, sessionModule]);
  running?.stop();
  const exit = () => {
    running = null;
    view = null;
    showStart();
  };
  const session = startSession(
    app,
    board,
    entry.scenario,
    entry.hash,
    seed,
    players,
    exit,
    record && { record },
  );
  running = session;
  view = { kind: 'game', entry, record: () => session.snapshot().context.record };
  if (seam) Object.assign((window as unknown as { __GAME__: object }).__GAME__, { session });
}

// Development (`npm start`): a saved scenarios/*.yaml reloads in the running game (issue 6).
// `import.meta.hot` is undefined in a build, so none of this reaches the built game.
let view: LiveView = null;
let running: Session | null = null;
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

showStart();
