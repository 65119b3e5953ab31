/**
 * The browser entry: the start screen comes up at once; Phaser and the scenario loader load in
 * the background. From here a workshop goes start → scenario choice → setup → the game.
 */
import './ui/styles.css';
import { HowlerSound } from './audio/howler';
import { initI18n } from './i18n';
import { App } from './ui/app';
import { chooseScreen } from './ui/choose';
import { byId } from './ui/dom';
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
  app.show(
    chooseScreen(
      app,
      (entry) => {
        app.show(
          setupScreen(
            app,
            entry.scenario,
            async (seed, players) => {
              const [{ board }, { startSession }] = await Promise.all([booting, sessionModule]);
              const session = startSession(app, board, entry.scenario, entry.hash, seed, players, showStart);
              if (seam) Object.assign((window as unknown as { __GAME__: object }).__GAME__, { session });
            },
            showChoose,
          ),
        );
      },
      showStart,
    ),
  );
}

showStart();
