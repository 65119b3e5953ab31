/**
 * Boots Phaser under the HTML overlays: WebGL (the canvas renderer is deprecated in v4), no
 * Phaser audio (howler owns the one audio context), a canvas that resizes with its box.
 * Text on the canvas waits for the bundled font.
 */
import * as Phaser from 'phaser';
import { BoardScene } from './scenes/BoardScene';

export async function bootGame(parent: HTMLElement): Promise<{ game: Phaser.Game; board: BoardScene }> {
  try {
    await Promise.all([
      document.fonts.load('700 24px "Atkinson Hyperlegible"'),
      document.fonts.load('400 24px "Atkinson Hyperlegible"'),
    ]);
  } catch {
    // a missing font must not stop the game: the fallback font is legible too
  }
  const board = new BoardScene();
  const game = new Phaser.Game({
    type: Phaser.WEBGL,
    parent,
    // Transparent: the page shows the static board under the canvas (BoardScene.flattenStatic).
    transparent: true,
    banner: false,
    audio: { noAudio: true },
    scale: { mode: Phaser.Scale.RESIZE, width: '100%', height: '100%' },
    render: { antialias: true },
    scene: [board],
  });
  await board.ready;
  return { game, board };
}
