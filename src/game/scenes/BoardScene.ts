/**
 * The board: the scenario's spaces around a loop, the players' tokens, the dice and the deck.
 * It draws what it is given (`setModel`) and animates what already happened (`roll`); it never
 * changes game state. Input on the canvas is only a shortcut for the HTML buttons.
 *
 * The scene lays out and keeps time; what it shows are small objects in src/game/board: the
 * still board under the canvas (spaces and deck), the tokens and the dice. Every listener it adds
 * to the window or the scale manager is removed when the scene shuts down.
 */
import * as Phaser from 'phaser';
import { Dice } from '../board/dice';
import { BoardBackground, type BoardSpace } from '../board/spaces';
import { FONT, INK, unitOf } from '../board/textures';
import { Tokens } from '../board/tokens';
import { SPACE_ICONS, svgDataUrl } from '../icons';
import { defaultButton, type LoopLayout, loopLayout, middleLayout, middleRoom, type Size } from '../layout';

export type { BoardSpace };

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

export class BoardScene extends Phaser.Scene {
  private model: BoardModel | null = null;
  private layout: LoopLayout | null = null;
  private background!: BoardBackground;
  private tokens!: Tokens;
  private dice!: Dice;
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
  private sleepTimer: number | undefined;
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
    this.reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    this.background = new BoardBackground(this);
    this.headline = this.add
      .text(0, 0, '', { fontFamily: FONT, fontSize: '32px', color: INK, fontStyle: 'bold', align: 'center' })
      .setOrigin(0.5)
      .setResolution(window.devicePixelRatio || 1);
    this.tokens = new Tokens(this);
    this.dice = new Dice(this);
    this.dice.onClick = () => this.onDiceClick?.();
    const onWindowResize = () => this.awake(1200);
    const onScaleResize = () => this.relayout();
    window.addEventListener('resize', onWindowResize);
    this.scale.on(Phaser.Scale.Events.RESIZE, onScaleResize);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      window.removeEventListener('resize', onWindowResize);
      this.scale.off(Phaser.Scale.Events.RESIZE, onScaleResize);
      window.clearTimeout(this.sleepTimer);
      this.tokens.destroy();
      this.dice.destroy();
      this.background.destroy();
      this.layout = null;
      this.moving = false;
    });
    this.relayout();
    this.awake(1000);
    this.readyFlag = true;
    this.resolveReady();
  }

  setModel(model: BoardModel): void {
    const previous = this.model;
    this.model = model;
    if (!this.sys.isActive()) return;
    this.dice.setKind(model.dice);
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
      if (this.reducedMotion || !this.layout) {
        this.dice.show(dice, total);
        this.placeTokens();
        resolve();
        return;
      }
      this.moving = true;
      this.dice.tumble(dice, total, () =>
        this.tokens.walk(seat, walk, () => {
          this.landed();
          resolve();
        }),
      );
    });
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
    return this.tokens.point(seat);
  }

  dicePoint(): { x: number; y: number } {
    return { x: this.dice.x, y: this.dice.y };
  }

  /** Listeners that must not grow with layouts (a browser test counts them). */
  listenerCounts(): { diceClick: number; scaleResize: number } {
    return {
      diceClick: this.dice.clickListeners(),
      scaleResize: this.scale.listenerCount(Phaser.Scale.Events.RESIZE),
    };
  }

  /** A move has ended: tokens to their spaces, and a layout change that waited for it. */
  private landed(): void {
    this.moving = false;
    if (this.roomChanged) {
      this.roomChanged = false;
      this.relayout();
    } else this.placeTokens();
  }

  private relayout(): void {
    this.awake();
    const { width, height } = this.scale;
    this.cameras.main.setSize(width, height);
    const model = this.model;
    const spaces = model?.spaces ?? null;
    const unit = unitOf(width, height);
    const button = this.turnRoom ?? defaultButton(unit);
    this.layout = spaces ? loopLayout(spaces.length, width, height, 12, middleRoom(unit, button)) : null;
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
    this.background.draw({
      layout: this.layout,
      spaces,
      deck: { x: spots.deck.x, y: spots.deck.y, label: model?.deckLabel ?? '' },
      unit,
      width,
      height,
    });
    this.dice.layout(spots.dice.x, spots.dice.y, unit, !!spaces);
    this.turnSpot = spots.turn;
    this.onLayout?.(spots.turn);
    this.tokens.rebuild(this.layout, model?.players ?? [], unit);
    this.placeTokens();
  }

  private placeTokens(): void {
    if (this.moving || !this.model) return;
    this.tokens.place(this.model.players, this.model.active);
  }
}
