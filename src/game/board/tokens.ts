/**
 * The players' tokens: a disc in the player's colour with their initials, standing in a row
 * along the bottom of their space; the one whose turn it is stands a little higher and larger.
 * A roll walks a token along the path the engine gives, space by space.
 */
import * as Phaser from 'phaser';
import { initials, playerColour, playerInk } from '../../theme/players';
import type { LoopLayout } from '../layout';
import { FONT, flatten } from './textures';

export interface TokenPlayer {
  name: string;
  space: number;
}

export class Tokens {
  private list: Phaser.GameObjects.Container[] = [];
  private layout: LoopLayout | null = null;
  private players: TokenPlayer[] = [];

  constructor(private readonly scene: Phaser.Scene) {}

  get length(): number {
    return this.list.length;
  }

  /** New tokens for a new layout (their size follows the spaces'); the old ones go. */
  rebuild(layout: LoopLayout | null, players: TokenPlayer[], unit: number): void {
    this.destroyTokens();
    this.layout = layout;
    this.players = players;
    this.list = players.map((p, seat) => this.make(p.name, seat, unit));
  }

  /** Everyone to their space (not while a token is walking: `walking` says so). */
  place(players: TokenPlayer[], active: number | null): void {
    this.players = players;
    players.forEach((p, seat) => {
      const token = this.list[seat];
      if (!token) return;
      const spot = this.spot(seat, p.space);
      const isActive = active === seat;
      token.setPosition(spot.x, spot.y - (isActive ? 8 : 0));
      token.setScale(isActive ? 1.2 : 1);
      token.setDepth(isActive ? 20 : 10);
      token.setVisible(!!this.layout);
    });
  }

  /** Walks `seat`'s token along `walk` (space indices, in order); `done` when it has arrived. */
  walk(seat: number, walk: readonly number[], done: () => void): void {
    const token = this.list[seat];
    if (!token || walk.length === 0) {
      done();
      return;
    }
    const tweens = walk.map((space) => {
      const p = this.spot(seat, space);
      return { x: p.x, y: p.y - 6, duration: 150, ease: 'Sine.easeInOut' };
    });
    this.scene.tweens.chain({ targets: token, tweens, onComplete: () => done() });
  }

  /** Screen position (CSS pixels inside the canvas) of a token, for tests and focus rings. */
  point(seat: number): { x: number; y: number } | null {
    const t = this.list[seat];
    return t ? { x: t.x, y: t.y } : null;
  }

  destroy(): void {
    this.destroyTokens();
  }

  private destroyTokens(): void {
    // A walk under way keeps running to its end (it resolves the roll), on a token no longer shown.
    for (const t of this.list) t.destroy();
    this.list = [];
  }

  private spot(seat: number, space: number): { x: number; y: number } {
    const slot = this.layout?.slots[space];
    if (!slot) return { x: -100, y: -100 };
    // Tokens stand in a row (two rows for more than four) along the bottom of the space,
    // below its name.
    const count = this.players.length || 1;
    const cols = Math.min(4, count);
    const rows = Math.ceil(count / cols);
    const col = seat % cols;
    const row = Math.floor(seat / cols);
    const step = slot.size * 0.235;
    const x = slot.x + (col - (cols - 1) / 2) * step;
    const y = slot.y + slot.size * 0.37 - (rows - 1 - row) * step * 0.7;
    return { x, y };
  }

  private make(name: string, seat: number, unit: number): Phaser.GameObjects.Container {
    const { scene } = this;
    const r = Math.max(10, Math.min(unit * 1.1, (this.layout?.slots[0]?.size ?? unit * 4) * 0.11));
    const c = Math.ceil(r + 6);
    const shadow = scene.add.circle(c + 2, c + 4, r, 0x000000, 0.25);
    const disc = scene.add.circle(c, c, r, Phaser.Display.Color.HexStringToColor(playerColour(seat)).color);
    disc.setStrokeStyle(Math.max(2, r * 0.14), 0x000000);
    const label = scene.add
      .text(c, c, initials(name), {
        fontFamily: FONT,
        fontSize: `${Math.round(r * 0.95)}px`,
        color: playerInk(seat),
        fontStyle: 'bold',
      })
      .setOrigin(0.5);
    const key = flatten(scene, `token-${seat}`, [shadow, disc, label], 2 * c + 4, 2 * c + 6);
    const token = scene.add.container(0, 0, [scene.add.image(2, 3, key)]);
    token.setDepth(10);
    return token;
  }
}
