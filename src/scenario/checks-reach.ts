/**
 * Endings and role goals that can never come true, found from the file alone: a condition that
 * asks a meter to go beyond its own `min` or `max` (the engine keeps every meter inside them),
 * or a budget below its `floor` (a change that would take it there is refused),
 * and an ending that comes after one whose condition always holds (endings are tried in list
 * order, so the later one is never reached). The simulator finds the same by playing; a trainer
 * should hear it from `validate` already.
 */
import { asArray, asStr, isObj, type Obj } from './context';
import type { MessageParams } from './messages';
import type { PathSegment, Reporter } from './problems';

type Range = { min: number; max?: number };
type Verdict = { is: 'never'; why: MessageParams } | { is: 'always' } | { is: 'maybe' };

const MAYBE: Verdict = { is: 'maybe' };
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** What a condition can be, judged on the meters' ranges only (everything else: maybe). */
export function verdict(
  cond: unknown,
  meters: ReadonlyMap<string, Range>,
  floors: ReadonlyMap<string, number> = new Map(),
): Verdict {
  if (!isObj(cond)) return MAYBE;
  if (typeof cond.meter === 'string') return meterVerdict(cond, meters.get(cond.meter));
  if (typeof cond.resource === 'string') {
    // A floored budget never goes below its floor (a change that would is refused).
    const floor = floors.get(cond.resource);
    if (floor === undefined) return MAYBE;
    const v = meterVerdict({ ...cond, meter: cond.resource }, { min: floor });
    return v.is === 'never' ? { is: 'never', why: { ...v.why, resource: cond.resource, side: 'floor' } } : v;
  }
  if (Array.isArray(cond.all)) {
    const parts = cond.all.map((c) => verdict(c, meters, floors));
    const never = parts.find((p) => p.is === 'never');
    if (never) return never;
    return parts.every((p) => p.is === 'always') ? { is: 'always' } : MAYBE;
  }
  if (Array.isArray(cond.any)) {
    const parts = cond.any.map((c) => verdict(c, meters, floors));
    if (parts.some((p) => p.is === 'always')) return { is: 'always' };
    const first = parts[0];
    return first && parts.every((p) => p.is === 'never') ? first : MAYBE;
  }
  return MAYBE;
}

function meterVerdict(cond: Obj, range: Range | undefined): Verdict {
  if (!range) return MAYBE;
  const meter = cond.meter as string;
  const { min, max } = range;
  const bounds: [string, number | undefined][] = [
    ['atLeast', num(cond.atLeast)],
    ['above', num(cond.above)],
    ['atMost', num(cond.atMost)],
    ['below', num(cond.below)],
  ];
  let always = true;
  for (const [op, n] of bounds) {
    if (n === undefined) continue;
    const never = { meter, op, n };
    if (op === 'atLeast' && max !== undefined && n > max)
      return { is: 'never', why: { ...never, side: 'max', limit: max } };
    if (op === 'above' && max !== undefined && n >= max)
      return { is: 'never', why: { ...never, side: 'max', limit: max } };
    if (op === 'atMost' && n < min) return { is: 'never', why: { ...never, side: 'min', limit: min } };
    if (op === 'below' && n <= min) return { is: 'never', why: { ...never, side: 'min', limit: min } };
    const holds =
      (op === 'atLeast' && n <= min) ||
      (op === 'above' && n < min) ||
      (op === 'atMost' && max !== undefined && n >= max) ||
      (op === 'below' && max !== undefined && n > max);
    if (!holds) always = false;
  }
  return always && bounds.some(([, n]) => n !== undefined) ? { is: 'always' } : MAYBE;
}

export function checkReach(data: Obj, report: Reporter): void {
  const meters = new Map<string, Range>();
  for (const m of asArray(data.meters)) {
    const id = asStr(isObj(m) ? m.id : undefined);
    const min = num(isObj(m) ? m.min : undefined);
    if (id && min !== undefined) meters.set(id, { min, max: num((m as Obj).max) });
  }
  const floors = new Map<string, number>();
  for (const r of asArray(data.resources)) {
    const id = asStr(isObj(r) ? r.id : undefined);
    const floor = num(isObj(r) ? r.floor : undefined);
    if (id && floor !== undefined) floors.set(id, floor);
  }
  asArray(data.roles).forEach((role, i) => {
    if (!isObj(role) || role.goal === undefined) return;
    const v = verdict(role.goal, meters, floors);
    if (v.is === 'never')
      report(['roles', i, 'goal'], 'condition-never', { ...v.why, what: 'goal' }, 'warning');
  });
  /** The first ending whose condition always holds: an immediate one shadows all, a final one the finals. */
  let shadow: { id: string; immediate: boolean } | null = null;
  asArray(data.endings).forEach((ending, i) => {
    if (!isObj(ending)) return;
    const path: PathSegment[] = ['endings', i];
    const immediate = ending.immediate === true;
    if (shadow && (shadow.immediate || !immediate)) {
      report([...path, 'id'], 'ending-shadowed', { by: shadow.id }, 'warning');
      return;
    }
    if (ending.when === undefined) return;
    const v = verdict(ending.when, meters, floors);
    if (v.is === 'never')
      report([...path, 'when'], 'condition-never', { ...v.why, what: 'ending' }, 'warning');
    else if (v.is === 'always' && !shadow) shadow = { id: asStr(ending.id) ?? `${i + 1}`, immediate };
  });
}
