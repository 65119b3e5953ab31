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

export function loopLayout(count: number, width: number, height: number, margin = 12): LoopLayout {
  if (count <= 0) {
    return {
      slots: [],
      inner: { x: margin, y: margin, width: width - 2 * margin, height: height - 2 * margin },
    };
  }
  // Spaces per edge, each edge starting at its own corner (clockwise), so corners are always used
  // and the spacing is even along each edge. Card size follows the tightest spacing; the loop is
  // inset by half a card so cards stay inside the area.
  let size = Math.min(width, height) / 3.2;
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
    size = Math.max(24, Math.min(spacing * 0.94, Math.min(width, height) / 3.2));
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

/** The spaces a token passes through moving `steps` forward from `from` (the last one is where it lands). */
export function path(from: number, to: number, count: number): number[] {
  const out: number[] = [];
  if (count <= 0) return out;
  let i = from;
  let guard = 0;
  while (i !== to && guard < count) {
    i = (i + 1) % count;
    out.push(i);
    guard++;
  }
  return out;
}
