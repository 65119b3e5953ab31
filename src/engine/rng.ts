/**
 * Seeded randomness: named streams derived from one seed string.
 *
 * Generator, version `mulberry32/fnv1a-1`:
 * - A stream's start state is the 32-bit FNV-1a hash of the UTF-16 code units of
 *   `seed + "\u0000" + name` (offset basis 0x811c9dc5, prime 0x01000193), as a signed int32.
 * - One draw advances the state by 0x6d2b79f5 (mod 2^32) and returns mulberry32's output of
 *   the new state divided by 2^32: a float in [0, 1).
 *
 * The game keeps one state per stream name in `GameState.rng` (plain numbers, created on first
 * use), so the streams are independent: a table that asks one more question (and so draws one
 * more `chance` number) still gets the same deck order and dice as another table with the same
 * seed. Stream names: `dice`, `chance`, `roles`, `deck:<deck id>`.
 *
 * Changing anything here changes every recorded game: bump `RNG_VERSION` if you must.
 */

export const RNG_VERSION = 'mulberry32/fnv1a-1';

/** The start state of stream `name` under `seed`. */
export function streamSeed(seed: string, name: string): number {
  let h = 0x811c9dc5;
  const key = `${seed}\u0000${name}`;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** The state after one draw. */
export function advance(state: number): number {
  return (state + 0x6d2b79f5) | 0;
}

/** mulberry32's output for an advanced state, as a float in [0, 1). */
export function output(state: number): number {
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/**
 * Draws one number in [0, 1) from stream `name`, updating `streams` in place. Call only on a
 * draft state (see draft.ts), never on a state someone else holds.
 */
export function draw(streams: Record<string, number>, seed: string, name: string): number {
  const before = name in streams ? streams[name] : streamSeed(seed, name);
  const next = advance(before);
  streams[name] = next;
  return output(next);
}

/** A whole number in [0, n) from stream `name`. */
export function drawInt(streams: Record<string, number>, seed: string, name: string, n: number): number {
  return Math.floor(draw(streams, seed, name) * n);
}

/** Fisher–Yates shuffle of `items` in place, drawing from stream `name`. */
export function shuffleInPlace<T>(
  items: T[],
  streams: Record<string, number>,
  seed: string,
  name: string,
): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = drawInt(streams, seed, name, i + 1);
    const t = items[i];
    items[i] = items[j];
    items[j] = t;
  }
  return items;
}

/** A stateful generator for code outside the game state (strategies, tests): same algorithm, own state. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** A whole number in [0, n). */
  int(n: number): number;
}

export function createRandom(seed: string, name = 'random'): Random {
  let state = streamSeed(seed, name);
  const next = () => {
    state = advance(state);
    return output(state);
  };
  return { next, int: (n) => Math.floor(next() * n) };
}
