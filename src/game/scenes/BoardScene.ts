/**
 * The board: the scenario's spaces around a loop, the players' tokens, the dice and the deck.
 * It draws what it is given (`setModel`) and animates what already happened (`roll`); it never
 * changes game state. Input on the canvas is only a shortcut for the HTML buttons.
 */
import * as Phaser from 'phaser';
import { initials, playerColour, playerInk } from '../../ui/players';
import { SPACE_COLOURS, SPACE_ICONS, svgDataUrl } from '../icons';
import { defaultButton, type LoopLayout, loopLayout, middleLayout, middleRoom, type Size } from '../layout';

export interface BoardSpace {
  id: string;
  kind: string;
  name: string;
  kindLabel: string;
}

export interface BoardModel {
  spaces: BoardSpace[] | null;
  players: { name: string; space: number }[];
  active: number | null;
  /** The big line in the middle: whose turn it is. */
  headline: string;
  deckLabel: string;
  /** The scenario's dice (one six-sided die when left out). */
  dice?: { count: number; sides: number };
}

const FONT = '"Atkinson Hyperlegible", system-ui, sans-serif';
const INK = '#000000';

export class BoardScene extends Phaser.Scene {
  private model: BoardModel | null = null;
  private layout: LoopLayout | null = null;
  private staticLayer!: Phaser.GameObjects.Container;
  private tokens: Phaser.GameObjects.Container[] = [];
  private dice!: Phaser.GameObjects.Container;
  private diceFaces: number[] = [5];
  private diceCount = 1;
  private diceSides = 6;
  private headline!: Phaser.GameObjects.Text;
  private moving = false;
  reducedMotion = false;
  onDiceClick: (() => void) | null = null;
  /** Where the turn's button goes (CSS pixels in the canvas), after every layout. */
  onLayout: ((turn: { x: number; y: number }) => void) | null = null;
  turnSpot: { x: number; y: number } | null = null;
  /** The turn's button as the page measured it (null: not yet, assume the usual size). */
  private turnRoom: Size | null = null;
  private roomChanged = false;
  readyFlag = false;
  private resolveReady: () => void = () => {};
  /** Resolves once the scene has drawn its first frame's objects. */
  readonly ready = new Promise<void>((resolve) => {
    this.resolveReady = resolve;
  });

  constructor() {
    super('board');
  }

  preload(): void {
    for (const [kind, svg] of Object.entries(SPACE_ICONS)) {
      this.load.svg(`icon-${kind}`, svgDataUrl(svg), { width: 64, height: 64 });
    }
  }

  private sleepTimer: number | undefined;

  /**
   * Keeps the render loop running for `ms`, then lets it sleep: the board is still most of a
   * workshop, and an idle loop would keep a projector laptop's CPU busy for nothing.
   */
  awake(ms = 700): void {
    const loop = this.game.loop;
    if (!loop.running) loop.wake(true);
    window.clearTimeout(this.sleepTimer);
    this.sleepTimer = window.setTimeout(() => {
      if (this.moving || this.tweens.getTweens().length > 0) this.awake(ms);
      else loop.sleep();
    }, ms);
  }

  create(): void {
    window.addEventListener('resize', () => this.awake(1200));
    this.reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    this.staticLayer = this.add.container(0, 0);
    this.headline = this.add
      .text(0, 0, '', { fontFamily: FONT, fontSize: '32px', color: INK, fontStyle: 'bold', align: 'center' })
      .setOrigin(0.5)
      .setResolution(window.devicePixelRatio || 1);
    this.dice = this.add.container(0, 0);
    this.scale.on('resize', () => this.relayout());
    this.relayout();
    this.awake(1000);
    this.readyFlag = true;
    this.resolveReady();
  }

  setModel(model: BoardModel): void {
    const previous = this.model;
    this.model = model;
    if (!this.sys.isActive()) return;
    this.diceCount = model.dice?.count ?? 1;
    this.diceSides = model.dice?.sides ?? 6;
    const spacesChanged =
      JSON.stringify([model.spaces, model.deckLabel]) !==
      JSON.stringify([previous?.spaces, previous?.deckLabel]);
    const playersChanged = model.players.length !== this.tokens.length;
    const moved =
      JSON.stringify([model.players, model.active, model.headline]) !==
      JSON.stringify([previous?.players, previous?.active, previous?.headline]);
    if (spacesChanged || playersChanged) this.relayout();
    else if (moved) {
      this.awake();
      this.placeTokens();
    }
    this.headline.setText(model.headline);
  }

  /** Animate a roll that already happened: dice tumble, then the token walks the engine's path (`tokenWalk`). */
  roll(dice: number[], seat: number, walk: readonly number[]): Promise<void> {
    this.awake(1500);
    return new Promise((resolve) => {
      const total = dice.reduce((a, b) => a + b, 0);
      const sides = this.diceSides;
      if (this.reducedMotion || !this.layout) {
        this.drawDice(dice, total);
        this.placeTokens();
        resolve();
        return;
      }
      this.moving = true;
      let tumbles = 0;
      this.time.addEvent({
        delay: 70,
        repeat: 6,
        callback: () => {
          tumbles++;
          // Only the tumbling faces are random (a visual); the result is the engine's roll.
          this.drawDice(
            tumbles < 7 ? dice.map(() => 1 + Math.floor(Math.random() * Math.min(6, sides))) : dice,
            tumbles < 7 ? null : total,
          );
          this.dice.setAngle(tumbles < 7 ? (Math.random() - 0.5) * 30 : 0);
        },
      });
      this.time.delayedCall(520, () => {
        this.drawDice(dice, total);
        this.dice.setAngle(0);
        const token = this.tokens[seat];
        const steps = walk;
        if (!token || steps.length === 0) {
          this.landed();
          resolve();
          return;
        }
        const tweens = steps.map((space) => {
          const p = this.tokenSpot(seat, space);
          return { x: p.x, y: p.y - 6, duration: 150, ease: 'Sine.easeInOut' };
        });
        this.tweens.chain({
          targets: token,
          tweens,
          onComplete: () => {
            this.landed();
            resolve();
          },
        });
      });
    });
  }

  /** A move has ended: tokens to their spaces, and a layout change that waited for it. */
  private landed(): void {
    this.moving = false;
    if (this.roomChanged) {
      this.roomChanged = false;
      this.relayout();
    } else this.placeTokens();
  }

  /**
   * The page measured the turn's button (another language, a larger text size): lay the board
   * out again when the room it needs has changed, so the button stays clear of the spaces.
   */
  setTurnRoom(size: Size): void {
    const old = this.turnRoom;
    if (old && Math.abs(old.width - size.width) < 2 && Math.abs(old.height - size.height) < 2) return;
    this.turnRoom = { width: size.width, height: size.height };
    // A token on its way finishes first: the layout follows when it lands.
    if (this.moving) this.roomChanged = true;
    else if (this.sys.isActive()) this.relayout();
  }

  /** Where the spaces are (CSS pixels inside the canvas), for tests. */
  spaceRects(): { x: number; y: number; width: number; height: number }[] {
    return (this.layout?.slots ?? []).map((s) => ({
      x: s.x - s.size / 2,
      y: s.y - s.size / 2,
      width: s.size,
      height: s.size,
    }));
  }

  /** Screen position (CSS pixels inside the canvas) of a token, for tests and focus rings. */
  tokenPoint(seat: number): { x: number; y: number } | null {
    const t = this.tokens[seat];
    return t ? { x: t.x, y: t.y } : null;
  }

  dicePoint(): { x: number; y: number } {
    return { x: this.dice.x, y: this.dice.y };
  }

  private relayout(): void {
    this.awake();
    const { width, height } = this.scale;
    this.cameras.main.setSize(width, height);
    this.staticLayer.removeAll(true);
    for (const t of this.tokens) t.destroy();
    this.tokens = [];
    const model = this.model;
    const spaces = model?.spaces ?? null;
    const unit = Math.max(14, Math.min(width, height) / 22);
    const button = this.turnRoom ?? defaultButton(unit);
    this.layout = spaces ? loopLayout(spaces.length, width, height, 12, middleRoom(unit, button)) : null;
    const slots = this.layout?.slots ?? [];
    spaces?.forEach((space, i) => {
      this.drawSpace(space, slots[i]);
    });
    const inner = this.layout?.inner ?? { x: 0, y: 0, width, height };
    const spots = middleLayout(inner, unit, button);
    this.headline
      .setPosition(spots.headline.x, spots.headline.y)
      .setFontSize(Math.round(unit * 1.25))
      .setWordWrapWidth(Math.max(100, inner.width * 0.9))
      .setText(model?.headline ?? '')
      // On a board of few rows the middle only has room for the deck, dice and button: the top
      // bar already says whose turn it is.
      .setVisible(spots.headline.visible);
    this.drawDeck(spots.deck.x, spots.deck.y, unit, model?.deckLabel ?? '');
    this.dice.setPosition(spots.dice.x, spots.dice.y);
    this.turnSpot = spots.turn;
    this.onLayout?.(spots.turn);
    if (this.diceFaces.length !== this.diceCount)
      this.diceFaces = Array.from({ length: this.diceCount }, () => 5);
    this.drawDice(this.diceFaces, null);
    this.dice.setSize(unit * 3.4, unit * 3.4);
    this.dice.removeInteractive();
    if (spaces) {
      this.dice.setInteractive({ useHandCursor: true });
      this.dice.on('pointerup', () => this.onDiceClick?.());
    }
    this.dice.setVisible(!!spaces);
    this.flattenStatic(width, height);
    this.tokens = (model?.players ?? []).map((p, seat) => this.makeToken(p.name, seat, unit));
    this.placeTokens();
  }

  private drawSpace(space: BoardSpace, slot: { x: number; y: number; size: number }): void {
    const s = slot.size;
    const key = this.bake(`space-${space.kind}-${Math.round(s)}`, s, s, (g, pad) => {
      g.fillStyle(0xffffff, 1);
      g.fillRoundedRect(pad, pad, s, s, s * 0.08);
      g.fillStyle(SPACE_COLOURS[space.kind] ?? 0x999999, 1);
      g.fillRoundedRect(pad, pad, s, s * 0.26, { tl: s * 0.08, tr: s * 0.08, bl: 0, br: 0 });
      g.lineStyle(Math.max(1.5, s * 0.025), 0x000000, 1);
      g.strokeRoundedRect(pad, pad, s, s, s * 0.08);
    });
    this.staticLayer.add(this.add.image(slot.x, slot.y, key));
    // The kind's icon on a white disc in the coloured band; the name large below it; tokens
    // stand along the bottom edge.
    const iconBack = this.add
      .circle(slot.x, slot.y - s * 0.37, s * 0.12, 0xffffff)
      .setStrokeStyle(Math.max(1, s * 0.015), 0x000000);
    const icon = this.add
      .image(slot.x, slot.y - s * 0.37, `icon-${space.kind}`)
      .setDisplaySize(s * 0.16, s * 0.16);
    const fontSize = Math.max(12, Math.round(s * 0.18));
    const name = this.add
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
    this.staticLayer.add([iconBack, icon, name]);
  }

  private drawDeck(x: number, y: number, unit: number, label: string): void {
    const w = unit * 3.2;
    const h = unit * 4.2;
    const key = this.bake(`deck-${Math.round(unit)}`, w + 10, h + 10, (g, pad) => {
      for (let i = 2; i >= 0; i--) {
        g.fillStyle(0xffffff, 1);
        g.lineStyle(2, 0x000000, 1);
        g.fillRoundedRect(pad + i * 5, pad + 10 - i * 5, w, h, unit * 0.3);
        g.strokeRoundedRect(pad + i * 5, pad + 10 - i * 5, w, h, unit * 0.3);
      }
      g.fillStyle(0x56b4e9, 1);
      g.fillRoundedRect(pad + unit * 0.3, pad + 10 + unit * 0.3, w - unit * 0.6, h - unit * 0.6, unit * 0.2);
    });
    const deck = this.add.image(x + 5, y - 5, key);
    const icon = this.add.image(x, y, 'icon-draw').setDisplaySize(unit * 1.6, unit * 1.6);
    const text = this.add
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
    this.staticLayer.add([deck, icon, text]);
  }

  /** One die per value (pips up to six, a number above), with the total under several dice. */
  private drawDice(faces: number[], total: number | null): void {
    this.diceFaces = faces;
    this.dice.removeAll(true);
    const { width, height } = this.scale;
    const unit = Math.max(14, Math.min(width, height) / 22);
    const s = unit * (faces.length > 1 ? 2.4 : 3);
    faces.forEach((face, i) => {
      const x = (i - (faces.length - 1) / 2) * s * 1.15;
      this.dice.add(this.add.image(x, 0, this.dieTexture(face, s)));
      if (face > 6 || face < 1) {
        this.dice.add(
          this.add
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
      const t = this.add
        .text(0, s * 0.85, `= ${total}`, {
          fontFamily: FONT,
          fontSize: `${Math.round(unit)}px`,
          color: INK,
          fontStyle: 'bold',
        })
        .setOrigin(0.5);
      this.dice.add(t);
    }
  }

  private dieTexture(face: number, s: number): string {
    const o = s * 0.27;
    const pips: Record<number, [number, number][]> = {
      1: [[0, 0]],
      2: [
        [-o, -o],
        [o, o],
      ],
      3: [
        [-o, -o],
        [0, 0],
        [o, o],
      ],
      4: [
        [-o, -o],
        [o, -o],
        [-o, o],
        [o, o],
      ],
      5: [
        [-o, -o],
        [o, -o],
        [0, 0],
        [-o, o],
        [o, o],
      ],
      6: [
        [-o, -o],
        [o, -o],
        [-o, 0],
        [o, 0],
        [-o, o],
        [o, o],
      ],
    };
    const shown = face >= 1 && face <= 6 ? face : 0;
    return this.bake(`dice-${shown}-${Math.round(s)}`, s, s, (g, pad) => {
      g.fillStyle(0xffffff, 1);
      g.lineStyle(3, 0x000000, 1);
      g.fillRoundedRect(pad, pad, s, s, s * 0.18);
      g.strokeRoundedRect(pad, pad, s, s, s * 0.18);
      g.fillStyle(0x000000, 1);
      for (const [px, py] of pips[shown] ?? []) g.fillCircle(pad + s / 2 + px, pad + s / 2 + py, s * 0.09);
    });
  }

  /**
   * Draws static shapes once into a texture: Graphics are re-tessellated every frame in WebGL,
   * which costs a software renderer (a projector laptop without a GPU) most of its frame time.
   */
  private bake(
    key: string,
    w: number,
    h: number,
    draw: (g: Phaser.GameObjects.Graphics, pad: number) => void,
  ): string {
    if (this.textures.exists(key)) return key;
    const pad = 4;
    const g = this.make.graphics({}, false);
    draw(g, pad);
    g.generateTexture(key, Math.ceil(w + 2 * pad), Math.ceil(h + 2 * pad));
    g.destroy();
    return key;
  }

  private makeToken(name: string, seat: number, unit: number): Phaser.GameObjects.Container {
    const r = Math.max(10, Math.min(unit * 1.1, (this.layout?.slots[0]?.size ?? unit * 4) * 0.11));
    const c = Math.ceil(r + 6);
    const shadow = this.add.circle(c + 2, c + 4, r, 0x000000, 0.25);
    const disc = this.add.circle(c, c, r, Phaser.Display.Color.HexStringToColor(playerColour(seat)).color);
    disc.setStrokeStyle(Math.max(2, r * 0.14), 0x000000);
    const label = this.add
      .text(c, c, initials(name), {
        fontFamily: FONT,
        fontSize: `${Math.round(r * 0.95)}px`,
        color: playerInk(seat),
        fontStyle: 'bold',
      })
      .setOrigin(0.5);
    const key = this.flatten(`token-${seat}`, [shadow, disc, label], 2 * c + 4, 2 * c + 6);
    const token = this.add.container(0, 0, [this.add.image(2, 3, key)]);
    token.setDepth(10);
    return token;
  }

  /**
   * Draws game objects once into one texture and destroys them. A software WebGL renderer (a
   * projector laptop without a GPU) pays for every draw call; the board's cards, icons and
   * names change only on a new layout, so they become a single image.
   */
  private flatten(key: string, objects: Phaser.GameObjects.GameObject[], w: number, h: number): string {
    if (this.textures.exists(key)) this.textures.remove(key);
    const texture = this.textures.addDynamicTexture(
      key,
      Math.max(1, Math.ceil(w)),
      Math.max(1, Math.ceil(h)),
    );
    if (!texture) return key;
    texture.draw(objects);
    texture.render();
    for (const o of objects) o.destroy();
    return key;
  }

  /**
   * The static board (spaces, names, icons, the deck) is drawn once and then shown by the page,
   * under a transparent canvas: a canvas-sized texture redrawn every frame halved the frame
   * rate of a software renderer (a projector laptop without a GPU), while the browser keeps a
   * still background for free. WebGL then draws only what moves: tokens, dice, the headline.
   */
  private flattenStatic(width: number, height: number): void {
    const children = [...this.staticLayer.list];
    this.staticLayer.removeAll(false);
    const parent = this.game.canvas.parentElement;
    if (children.length === 0) {
      if (parent) parent.style.backgroundImage = 'none';
      return;
    }
    const key = this.flatten('board-static', children, width, height);
    const texture = this.textures.get(key) as Phaser.Textures.DynamicTexture;
    const layout = this.layout;
    texture.snapshot((image) => {
      // A later layout has replaced this one: its own snapshot will come.
      if (!parent || this.layout !== layout || !(image instanceof HTMLImageElement)) return;
      parent.style.backgroundImage = `url("${image.src}")`;
      parent.style.backgroundRepeat = 'no-repeat';
      parent.style.backgroundPosition = '0 0';
      parent.style.backgroundSize = `${width}px ${height}px`;
    });
  }

  private tokenSpot(seat: number, space: number): { x: number; y: number } {
    const slot = this.layout?.slots[space];
    if (!slot) return { x: -100, y: -100 };
    // Tokens stand in a row (two rows for more than four) along the bottom of the space,
    // below its name.
    const count = this.model?.players.length ?? 1;
    const cols = Math.min(4, count);
    const rows = Math.ceil(count / cols);
    const col = seat % cols;
    const row = Math.floor(seat / cols);
    const step = slot.size * 0.235;
    const x = slot.x + (col - (cols - 1) / 2) * step;
    const y = slot.y + slot.size * 0.37 - (rows - 1 - row) * step * 0.7;
    return { x, y };
  }

  private placeTokens(): void {
    if (this.moving || !this.model) return;
    this.model.players.forEach((p, seat) => {
      const token = this.tokens[seat];
      if (!token) return;
      const spot = this.tokenSpot(seat, p.space);
      const active = this.model?.active === seat;
      token.setPosition(spot.x, spot.y - (active ? 8 : 0));
      token.setScale(active ? 1.2 : 1);
      token.setDepth(active ? 20 : 10);
      token.setVisible(!!this.layout);
    });
  }
}
