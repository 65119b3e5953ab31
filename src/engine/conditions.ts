/**
 * Conditions, as the format defines them: bounds on a resource (or the pseudo-resource `total`,
 * the sum of all resources) or a meter, flags, the round, past choices, investments and the
 * chosen priorities, combined with `all`, `any` and `not`.
 *
 * Each condition object is compiled once into a small closure (cached per object in a WeakMap;
 * built from the data, nothing is evaluated as code), so checking a card's `when` in the hot
 * path is a few property reads. An unknown id reads as 0 / false: the loader refuses those.
 */
import type { Condition } from '../scenario/schema';
import type { GameState } from './types';

export type Test = (state: GameState) => boolean;

const compiled = new WeakMap<Condition, Test>();

/** Whether `condition` holds in `state`. */
export function holds(condition: Condition, state: GameState): boolean {
  return compile(condition)(state);
}

/** Whether an optional condition holds; a missing one always holds. */
export function holdsOrAbsent(condition: Condition | undefined, state: GameState): boolean {
  return condition === undefined || compile(condition)(state);
}

export function compile(condition: Condition): Test {
  let test = compiled.get(condition);
  if (!test) {
    test = build(condition);
    compiled.set(condition, test);
  }
  return test;
}

interface Bounds {
  atLeast?: number;
  atMost?: number;
  above?: number;
  below?: number;
}

/** A test on a number: every bound given must hold (no bound at all always holds). */
function bounds(b: Bounds): (value: number) => boolean {
  const { atLeast, atMost, above, below } = b;
  return (v) =>
    (atLeast === undefined || v >= atLeast) &&
    (atMost === undefined || v <= atMost) &&
    (above === undefined || v > above) &&
    (below === undefined || v < below);
}

/** The sum of every resource: the pseudo-resource `total` of conditions. */
export function totalMoney(state: GameState): number {
  let sum = 0;
  for (const id in state.resources) sum += state.resources[id];
  return sum;
}

function build(c: Condition): Test {
  if ('resource' in c) {
    const ok = bounds(c);
    const id = c.resource;
    if (id === 'total') return (s) => ok(totalMoney(s));
    return (s) => ok(s.resources[id] ?? 0);
  }
  if ('meter' in c) {
    const ok = bounds(c);
    const id = c.meter;
    return (s) => ok(s.meters[id] ?? 0);
  }
  if ('flag' in c) {
    const id = c.flag;
    return (s) => s.flags[id] === true;
  }
  if ('round' in c) {
    const ok = bounds(c.round);
    return (s) => ok(s.round);
  }
  if ('chose' in c) {
    const key = `${c.chose.card}/${c.chose.option}`;
    return (s) => s.chosen.includes(key);
  }
  if ('invested' in c) {
    const id = c.invested;
    return (s) => s.invested.includes(id);
  }
  if ('priority' in c) {
    const id = c.priority;
    return (s) => s.priorities.includes(id);
  }
  if ('all' in c) {
    const parts = c.all.map(compile);
    return (s) => parts.every((t) => t(s));
  }
  if ('any' in c) {
    const parts = c.any.map(compile);
    return (s) => parts.some((t) => t(s));
  }
  if ('not' in c) {
    const inner = compile(c.not);
    return (s) => !inner(s);
  }
  throw new Error(`unknown condition ${JSON.stringify(c)}`);
}
