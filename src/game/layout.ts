/**
 * Where the spaces of a board go: evenly around a rectangular loop that fills the area, like a
 * Monopoly board, clockwise from the top-left corner. Pure geometry, tested on its own.
 */
export interface Slot {
  x: number;
  y: number;
  size: number;
}

export interface LoopLayout {
  slots: Slot[];
  /** The free middle of the loop, for the deck, dice and the active player's name. */
  inner: { x: number; y: number; width: number; height: number };
}

/**
 * `minInner`: the room the middle must keep free (for the deck, the dice and the roll button);
 * on a board of few rows, or a square screen, the cards shrink for it instead of crowding it.
 */
export function loopLayout(
  count: number,
  width: number,
  height: number,
  margin = 12,
  minInner: Size = { width: 0, height: 0 },
): LoopLayout {
  if (count <= 0) {
    return {
      slots: [],
      inner: { x: margin, y: margin, width: width - 2 * margin, height: height - 2 * margin },
    };
  }
  // Spaces per edge, each edge starting at its own corner (clockwise), so corners are always used
  // and the spacing is even along each edge. Card size follows the tightest spacing; the loop is
  // inset by half a card so cards stay inside the area.
  // The inner height is height - 2·margin - size - 2·(0.6·size) (see `pad` below); so the width.
  const forMiddle = Math.min(
    (height - 2 * margin - minInner.height) / 2.2,
    (width - 2 * margin - minInner.width) / 2.2,
  );
  const largest = Math.min(Math.min(width, height) / 3.2, Math.max(24, forMiddle));
  let size = largest;
  let edges = [1, 1, 0, 0];
  for (let i = 0; i < 5; i++) {
    const w = Math.max(1, width - 2 * margin - size);
    const h = Math.max(1, height - 2 * margin - size);
    edges = edgeCounts(count, w, h);
    const spacing = Math.min(
      w / Math.max(1, edges[0]),
      w / Math.max(1, edges[2]),
      h / Math.max(1, edges[1]),
      h / Math.max(1, edges[3]),
    );
    size = Math.max(24, Math.min(spacing * 0.94, largest));
  }
  const left = margin + size / 2;
  const top = margin + size / 2;
  const w = Math.max(1, width - 2 * margin - size);
  const h = Math.max(1, height - 2 * margin - size);
  const slots: Slot[] = [];
  const [kt, kr, kb, kl] = edges;
  for (let i = 0; i < kt; i++) slots.push({ x: left + (w * i) / kt, y: top, size });
  for (let i = 0; i < kr; i++) slots.push({ x: left + w, y: top + (h * i) / kr, size });
  for (let i = 0; i < kb; i++) slots.push({ x: left + w - (w * i) / kb, y: top + h, size });
  for (let i = 0; i < kl; i++) slots.push({ x: left, y: top + h - (h * i) / kl, size });
  const pad = size * 0.6;
  return {
    slots,
    inner: { x: left + pad, y: top + pad, width: Math.max(0, w - 2 * pad), height: Math.max(0, h - 2 * pad) },
  };
}

/** How many spaces start on the top, right, bottom and left edge, proportional to their length. */
function edgeCounts(count: number, w: number, h: number): number[] {
  if (count < 4) return [Math.ceil(count / 2), 0, Math.floor(count / 2), 0];
  const half = count / 2;
  let horizontal = Math.max(1, Math.round((half * w) / (w + h)));
  horizontal = Math.min(horizontal, Math.floor(half) - 1 || 1);
  const top = horizontal;
  const right = Math.max(1, Math.floor(half) - horizontal);
  const bottom = horizontal;
  const left = count - top - right - bottom;
  return [top, right, bottom, Math.max(0, left)];
}

/** Sizes of the middle's parts, in units of the board's type size. */
export const MIDDLE = {
  /** The deck with its label (up to two lines) and the dice beside it, top to foot. */
  group: 6.5,
  gap: 0.5,
  /** The headline above, when there is room for it. */
  headline: 3,
  /** Room kept around the middle's content. */
  margin: 0.6,
} as const;

export interface Size {
  width: number;
  height: number;
}

/**
 * The roll (or draw) button is HTML laid over the canvas; the page measures it (its size follows
 * the language and the text size). Before it has, this is its size at normal text, in Dutch.
 */
export function defaultButton(unit: number): Size {
  return { width: 14 * unit, height: 2.2 * unit };
}

/** The room the middle needs: the deck and dice over the button, as wide as the wider. */
export function middleRoom(unit: number, button: Size): Size {
  const m = MIDDLE.margin * unit;
  return {
    width: Math.max(button.width, 10 * unit) + m,
    height: (MIDDLE.group + MIDDLE.gap) * unit + button.height + m,
  };
}

export interface MiddleLayout {
  deck: { x: number; y: number };
  dice: { x: number; y: number };
  /** Centre of the turn's button (HTML, laid over the canvas at the same CSS pixels). */
  turn: { x: number; y: number };
  headline: { x: number; y: number; visible: boolean };
}

/**
 * The middle of the board, top to bottom: the headline when there is room, the deck and dice
 * side by side, then the turn's button — centred together so none runs over a space.
 */
export function middleLayout(
  inner: { x: number; y: number; width: number; height: number },
  unit: number,
  button: Size = defaultButton(unit),
): MiddleLayout {
  const cx = inner.x + inner.width / 2;
  const block = (MIDDLE.group + MIDDLE.gap) * unit + button.height;
  const headlineVisible = inner.height >= block + MIDDLE.headline * unit;
  const reserved = headlineVisible ? MIDDLE.headline * unit : 0;
  const top = inner.y + reserved + Math.max(0, (inner.height - reserved - block) / 2);
  // The deck's art reaches 2.4 units above its centre, the dice 1.8.
  const cy = top + 2.4 * unit;
  return {
    deck: { x: cx - unit * 3, y: cy - unit * 0.2 },
    dice: { x: cx + unit * 3, y: cy - unit * 0.6 },
    turn: { x: cx, y: top + (MIDDLE.group + MIDDLE.gap) * unit + button.height / 2 },
    headline: { x: cx, y: inner.y + Math.max(unit * 1.2, reserved / 2), visible: headlineVisible },
  };
}
