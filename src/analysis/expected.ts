/**
 * Expected immediate deltas of a list of effects, for the dominance check: per resource and
 * meter, a range [lo, hi] of the chance-weighted expectation.
 *
 * - `add` is a point (money after the costFactor given, as the engine applies it);
 * - `chance: P` weighs its branches: P × effects + (1 − P) × else (nested chances multiply);
 * - `when`: the condition's outcome is unknown without a game, so a `when` counts as *either*
 *   branch: its range spans both. This is the conservative choice: an option is only called
 *   dominated when it is worse however each condition turns out — evaluating both branches at
 *   50% or skipping conditional effects could both invent a dominance that play would refute;
 * - `set` depends on the value before, so it makes that id's range unbounded (−∞, +∞): an option
 *   with a `set` is never called dominated or dominating on that id;
 * - meters are not clamped: these are the deltas as written.
 */
import { discounted } from '../engine/effects';
import type { Effect } from '../scenario/schema';

export interface Range {
  lo: number;
  hi: number;
}

/** Keys are `resource:<id>` and `meter:<id>`; a missing key is the point 0. */
export type Ranges = Record<string, Range>;

const ZERO: Range = { lo: 0, hi: 0 };

function add(into: Ranges, key: string, r: Range): void {
  const cur = into[key] ?? ZERO;
  into[key] = { lo: cur.lo + r.lo, hi: cur.hi + r.hi };
}

export function expectedRanges(effects: readonly Effect[], factor = 1): Ranges {
  const out: Ranges = {};
  for (const e of effects) {
    if ('resource' in e) {
      if ('add' in e) {
        const v = discounted(e.add, factor);
        add(out, `resource:${e.resource}`, { lo: v, hi: v });
      } else add(out, `resource:${e.resource}`, { lo: -Infinity, hi: Infinity });
    } else if ('meter' in e) {
      if ('add' in e) add(out, `meter:${e.meter}`, { lo: e.add, hi: e.add });
      else add(out, `meter:${e.meter}`, { lo: -Infinity, hi: Infinity });
    } else if ('chance' in e) {
      const yes = expectedRanges(e.effects, factor);
      const no = e.else ? expectedRanges(e.else, factor) : {};
      for (const key of new Set([...Object.keys(yes), ...Object.keys(no)])) {
        const a = yes[key] ?? ZERO;
        const b = no[key] ?? ZERO;
        // Weights of 0 would turn an infinite bound into NaN: leave that branch out instead.
        const w = (x: number, p: number) => (p === 0 ? 0 : x * p);
        add(out, key, {
          lo: w(a.lo, e.chance) + w(b.lo, 1 - e.chance),
          hi: w(a.hi, e.chance) + w(b.hi, 1 - e.chance),
        });
      }
    } else if ('when' in e) {
      const yes = expectedRanges(e.effects, factor);
      const no = e.else ? expectedRanges(e.else, factor) : {};
      for (const key of new Set([...Object.keys(yes), ...Object.keys(no)])) {
        const a = yes[key] ?? ZERO;
        const b = no[key] ?? ZERO;
        add(out, key, { lo: Math.min(a.lo, b.lo), hi: Math.max(a.hi, b.hi) });
      }
    }
  }
  return out;
}

/** The effect kinds that make an option more than its deltas: it is never called dominated. */
export const LASTING_KINDS = ['schedule', 'flag', 'addCard', 'removeCard', 'move'] as const;

/** The lasting effect kinds found anywhere in `effects`, nested `chance`/`when` branches included. */
export function lastingKinds(effects: readonly Effect[]): string[] {
  const found = new Set<string>();
  const walk = (list: readonly Effect[]) => {
    for (const e of list) {
      for (const kind of LASTING_KINDS) if (kind in e) found.add(kind);
      if ('chance' in e || 'when' in e) {
        walk(e.effects);
        if (e.else) walk(e.else);
      }
    }
  };
  walk(effects);
  return [...found].sort();
}
