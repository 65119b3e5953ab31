/**
 * The still part of the board: the spaces (a card per space with its kind's colour and icon and
 * its name), and the deck in the middle. It is drawn once per layout and then shown by the page,
 * under a transparent canvas: a canvas-sized texture redrawn every frame halved the frame rate
 * of a software renderer (a projector laptop without a GPU), while the browser keeps a still
 * background for free. WebGL then draws only what moves: tokens, dice, the headline.
 */
import type * as Phaser from 'phaser';
import { SPACE_COLOURS } from '../icons';
import type { LoopLayout } from '../layout';
import { bake, FONT, flatten, INK } from './textures';

export interface BoardSpace {
  id: string;
  kind: string;
  name: string;
  kindLabel: string;
}

export interface StillBoard {
  layout: LoopLayout | null;
  spaces: BoardSpace[] | null;
  deck: { x: number; y: number; label: string };
  unit: number;
  width: number;
  height: number;
}

export class BoardBackground {
  private readonly layer: Phaser.GameObjects.Container;
  /** The board last drawn: a snapshot that arrives after a newer layout is dropped. */
  private drawn: StillBoard | null = null;

  constructor(private readonly scene: Phaser.Scene) {
    this.layer = scene.add.container(0, 0);
  }

  draw(board: StillBoard): void {
    this.drawn = board;
    this.layer.removeAll(true);
    const slots = board.layout?.slots ?? [];
    board.spaces?.forEach((space, i) => {
      if (slots[i]) this.drawSpace(space, slots[i]);
    });
    this.drawDeck(board.deck.x, board.deck.y, board.unit, board.deck.label);
    this.toPage(board);
  }

  /** The page's background goes too: the board is gone (shutdown). */
  destroy(): void {
    this.drawn = null;
    this.layer.destroy();
    const parent = this.scene.game.canvas?.parentElement;
    if (parent) parent.style.backgroundImage = 'none';
  }

  private drawSpace(space: BoardSpace, slot: { x: number; y: number; size: number }): void {
    const { scene } = this;
    const s = slot.size;
    const key = bake(scene, `space-${space.kind}-${Math.round(s)}`, s, s, (g, pad) => {
      g.fillStyle(0xffffff, 1);
      g.fillRoundedRect(pad, pad, s, s, s * 0.08);
      g.fillStyle(SPACE_COLOURS[space.kind] ?? 0x999999, 1);
      g.fillRoundedRect(pad, pad, s, s * 0.26, { tl: s * 0.08, tr: s * 0.08, bl: 0, br: 0 });
      g.lineStyle(Math.max(1.5, s * 0.025), 0x000000, 1);
      g.strokeRoundedRect(pad, pad, s, s, s * 0.08);
    });
    this.layer.add(scene.add.image(slot.x, slot.y, key));
    // The kind's icon on a white disc in the coloured band; the name large below it; tokens
    // stand along the bottom edge.
    const iconBack = scene.add
      .circle(slot.x, slot.y - s * 0.37, s * 0.12, 0xffffff)
      .setStrokeStyle(Math.max(1, s * 0.015), 0x000000);
    const icon = scene.add
      .image(slot.x, slot.y - s * 0.37, `icon-${space.kind}`)
      .setDisplaySize(s * 0.16, s * 0.16);
    const fontSize = Math.max(12, Math.round(s * 0.18));
    const name = scene.add
      .text(slot.x, slot.y + s * 0.02, space.name, {
        fontFamily: FONT,
        fontSize: `${fontSize}px`,
        color: INK,
        fontStyle: 'bold',
        align: 'center',
        lineSpacing: -2,
        wordWrap: { width: s * 0.94 },
      })
      .setOrigin(0.5)
      .setResolution(window.devicePixelRatio || 1);
    // A long single word must shrink rather than be cut: fit the box both ways.
    const fit = Math.min(1, (s * 0.95) / Math.max(1, name.width), (s * 0.44) / Math.max(1, name.height));
    name.setScale(fit);
    this.layer.add([iconBack, icon, name]);
  }

  private drawDeck(x: number, y: number, unit: number, label: string): void {
    const { scene } = this;
    const w = unit * 3.2;
    const h = unit * 4.2;
    const key = bake(scene, `deck-${Math.round(unit)}`, w + 10, h + 10, (g, pad) => {
      for (let i = 2; i >= 0; i--) {
        g.fillStyle(0xffffff, 1);
        g.lineStyle(2, 0x000000, 1);
        g.fillRoundedRect(pad + i * 5, pad + 10 - i * 5, w, h, unit * 0.3);
        g.strokeRoundedRect(pad + i * 5, pad + 10 - i * 5, w, h, unit * 0.3);
      }
      g.fillStyle(0x56b4e9, 1);
      g.fillRoundedRect(pad + unit * 0.3, pad + 10 + unit * 0.3, w - unit * 0.6, h - unit * 0.6, unit * 0.2);
    });
    const deck = scene.add.image(x + 5, y - 5, key);
    const icon = scene.add.image(x, y, 'icon-draw').setDisplaySize(unit * 1.6, unit * 1.6);
    const text = scene.add
      .text(x, y + h / 2 + unit * 0.3, label, {
        fontFamily: FONT,
        fontSize: `${Math.round(unit * 0.8)}px`,
        color: INK,
        fontStyle: 'bold',
        align: 'center',
        // Wide enough for most labels on one line; it stays under the dice, clear of them.
        wordWrap: { width: unit * 10 },
      })
      .setOrigin(0.5, 0)
      .setResolution(window.devicePixelRatio || 1);
    this.layer.add([deck, icon, text]);
  }

  /** Flattens the layer into one image and hands it to the page as the canvas's background. */
  private toPage(board: StillBoard): void {
    const children = [...this.layer.list];
    this.layer.removeAll(false);
    const parent = this.scene.game.canvas.parentElement;
    if (children.length === 0) {
      if (parent) parent.style.backgroundImage = 'none';
      return;
    }
    const key = flatten(this.scene, 'board-static', children, board.width, board.height);
    const texture = this.scene.textures.get(key) as Phaser.Textures.DynamicTexture;
    texture.snapshot((image) => {
      // A later layout has replaced this one: its own snapshot will come.
      if (!parent || this.drawn !== board || !(image instanceof HTMLImageElement)) return;
      parent.style.backgroundImage = `url("${image.src}")`;
      parent.style.backgroundRepeat = 'no-repeat';
      parent.style.backgroundPosition = '0 0';
      parent.style.backgroundSize = `${board.width}px ${board.height}px`;
    });
  }
}
