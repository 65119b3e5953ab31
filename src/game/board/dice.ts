/**
 * The dice in the middle of the board: one die per value (pips up to six, a number above), the
 * total under several, a tumble before the engine's result. Clicking them is a shortcut for the
 * roll button; the click listener is added once, not on every layout.
 */
import type * as Phaser from 'phaser';
import { bake, FONT, INK, unitOf } from './textures';

export class Dice {
  private readonly container: Phaser.GameObjects.Container;
  private faces: number[] = [5];
  private count = 1;
  private sides = 6;
  /** Called on a click or tap on the dice (only while they are shown and clickable). */
  onClick: (() => void) | null = null;

  constructor(private readonly scene: Phaser.Scene) {
    this.container = scene.add.container(0, 0);
    this.container.on('pointerup', () => this.onClick?.());
  }

  get x(): number {
    return this.container.x;
  }

  get y(): number {
    return this.container.y;
  }

  /** The scenario's dice (one six-sided die when left out). */
  setKind(kind: { count: number; sides: number } | undefined): void {
    this.count = kind?.count ?? 1;
    this.sides = kind?.sides ?? 6;
  }

  /** Placed in the board's middle; clickable only on a board (a deck-only game has no dice). */
  layout(x: number, y: number, unit: number, shown: boolean): void {
    this.container.setPosition(x, y);
    if (this.faces.length !== this.count) this.faces = Array.from({ length: this.count }, () => 5);
    this.draw(this.faces, null);
    const size = unit * 3.4;
    this.container.setSize(size, size);
    // One hit area, resized with the dice. Removing it and making a new one in the same frame
    // does not work: the input plugin's queued removal then clears the new one too.
    const input = this.container.input;
    if (input) (input.hitArea as Phaser.Geom.Rectangle).setTo(0, 0, size, size);
    if (shown) this.container.setInteractive({ useHandCursor: true });
    else this.container.disableInteractive();
    this.container.setVisible(shown);
  }

  /** The engine's roll after a short tumble of random faces (only the tumble is random). */
  tumble(dice: number[], total: number, done: () => void): void {
    let tumbles = 0;
    this.scene.time.addEvent({
      delay: 70,
      repeat: 6,
      callback: () => {
        tumbles++;
        const still = tumbles >= 7;
        this.draw(
          still ? dice : dice.map(() => 1 + Math.floor(Math.random() * Math.min(6, this.sides))),
          still ? total : null,
        );
        this.container.setAngle(still ? 0 : (Math.random() - 0.5) * 30);
      },
    });
    this.scene.time.delayedCall(520, () => {
      this.show(dice, total);
      done();
    });
  }

  /** The result at once (reduced motion, or the end of a tumble). */
  show(dice: number[], total: number): void {
    this.draw(dice, total);
    this.container.setAngle(0);
  }

  /** How many click listeners the dice have (one; a test holds that layouts add none). */
  clickListeners(): number {
    return this.container.listenerCount('pointerup');
  }

  destroy(): void {
    this.container.destroy();
  }

  private draw(faces: number[], total: number | null): void {
    this.faces = faces;
    this.container.removeAll(true);
    const { width, height } = this.scene.scale;
    const unit = unitOf(width, height);
    const s = unit * (faces.length > 1 ? 2.4 : 3);
    faces.forEach((face, i) => {
      const x = (i - (faces.length - 1) / 2) * s * 1.15;
      this.container.add(this.scene.add.image(x, 0, this.texture(face, s)));
      if (face > 6 || face < 1) {
        this.container.add(
          this.scene.add
            .text(x, 0, String(face), {
              fontFamily: FONT,
              fontSize: `${Math.round(s * 0.5)}px`,
              color: INK,
              fontStyle: 'bold',
            })
            .setOrigin(0.5),
        );
      }
    });
    if (total !== null && faces.length > 1) {
      this.container.add(
        this.scene.add
          .text(0, s * 0.85, `= ${total}`, {
            fontFamily: FONT,
            fontSize: `${Math.round(unit)}px`,
            color: INK,
            fontStyle: 'bold',
          })
          .setOrigin(0.5),
      );
    }
  }

  private texture(face: number, s: number): string {
    const shown = face >= 1 && face <= 6 ? face : 0;
    return bake(this.scene, `dice-${shown}-${Math.round(s)}`, s, s, (g, pad) => {
      g.fillStyle(0xffffff, 1);
      g.lineStyle(3, 0x000000, 1);
      g.fillRoundedRect(pad, pad, s, s, s * 0.18);
      g.strokeRoundedRect(pad, pad, s, s, s * 0.18);
      g.fillStyle(0x000000, 1);
      for (const [px, py] of pips(shown, s * 0.27))
        g.fillCircle(pad + s / 2 + px, pad + s / 2 + py, s * 0.09);
    });
  }
}

/** Where the pips of a face sit, around the die's centre (`o` from it); none for a blank face. */
function pips(face: number, o: number): [number, number][] {
  const corners: [number, number][] = [
    [-o, -o],
    [o, o],
  ];
  const other: [number, number][] = [
    [o, -o],
    [-o, o],
  ];
  const centre: [number, number][] = [[0, 0]];
  switch (face) {
    case 1:
      return centre;
    case 2:
      return corners;
    case 3:
      return [corners[0], [0, 0], corners[1]];
    case 4:
      return [...corners, ...other];
    case 5:
      return [...corners, ...other, ...centre];
    case 6:
      return [...corners, ...other, [-o, 0], [o, 0]];
    default:
      return [];
  }
}
