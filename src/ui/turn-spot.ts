/**
 * Keeps the turn's HTML button (roll or draw) in the board's middle: the board says where, after
 * every layout; the page says how big the button is, since language and text size change it.
 */
import type { BoardScene } from '../game/scenes/BoardScene';

export interface TurnSpot {
  /** The stage's new element: watched for its size when it is the turn's panel. */
  watch(element: Element | null): void;
  stop(): void;
}

export function keepTurnInMiddle(board: BoardScene, stage: HTMLElement): TurnSpot {
  const place = (spot: { x: number; y: number }) => {
    stage.style.setProperty('--turn-x', `${spot.x}px`);
    stage.style.setProperty('--turn-y', `${spot.y}px`);
  };
  board.onLayout = place;
  if (board.turnSpot) place(board.turnSpot);
  const observer =
    typeof ResizeObserver === 'undefined'
      ? null
      : new ResizeObserver((entries) => {
          for (const entry of entries) {
            const box = entry.target.getBoundingClientRect();
            if (box.width > 0) board.setTurnRoom({ width: box.width, height: box.height });
          }
        });
  let watched: Element | null = null;
  return {
    watch(element) {
      const panel = element?.classList.contains('turn-panel') ? element : null;
      if (panel === watched) return;
      observer?.disconnect();
      watched = panel;
      if (panel) observer?.observe(panel);
    },
    stop() {
      observer?.disconnect();
      board.onLayout = null;
    },
  };
}
