/**
 * Reading the zod schema's structure (zod 4 internals, kept in this one file): which schema
 * applies at a path, which fields an object knows, and which branch of a union a trainer
 * meant. zod's own union errors list every branch; a trainer wants the one branch that fits
 * the keys they wrote (`{ resource, add }` is a money effect, `{ chance, … }` a chance effect).
 */
import type { z } from 'zod';
import { isObj, valueAt } from './context';
import type { PathSegment } from './problems';

interface Def {
  type: string;
  innerType?: Walkable;
  options?: Walkable[];
  shape?: Record<string, Walkable>;
  element?: Walkable;
  valueType?: Walkable;
  discriminator?: string;
  values?: unknown[];
}
export interface Walkable {
  _zod: { def: Def; innerType?: Walkable };
}

export function walkable(schema: z.ZodType): Walkable {
  return schema as unknown as Walkable;
}

/** Strip optional/default/nullable/lazy wrappers. */
export function unwrap(s: Walkable | undefined): Walkable | undefined {
  let cur = s;
  for (let i = 0; cur && i < 20; i++) {
    const def = cur._zod.def;
    if (def.type === 'lazy') cur = cur._zod.innerType;
    else if (
      def.type === 'optional' ||
      def.type === 'default' ||
      def.type === 'nullable' ||
      def.type === 'prefault'
    )
      cur = def.innerType;
    else return cur;
  }
  return cur;
}

export function shapeKeys(s: Walkable | undefined): string[] {
  const u = unwrap(s);
  return u?._zod.def.type === 'object' ? Object.keys(u._zod.def.shape ?? {}) : [];
}

export function unionOptions(s: Walkable | undefined): Walkable[] {
  const u = unwrap(s);
  return u?._zod.def.type === 'union' ? (u._zod.def.options ?? []) : [];
}

/** The keys that start each object branch: what a trainer writes first (`resource`, `chance`…). */
export function leadKeys(options: Walkable[]): string[] {
  return [...new Set(options.map((o) => shapeKeys(o)[0]).filter((k): k is string => k !== undefined))];
}

function literalValues(s: Walkable | undefined): unknown[] {
  const u = unwrap(s);
  return u?._zod.def.type === 'literal' ? (u._zod.def.values ?? []) : [];
}

function acceptsPrimitive(s: Walkable, v: unknown): boolean {
  const t = unwrap(s)?._zod.def.type;
  if (typeof v === 'string') return t === 'string' || t === 'enum' || t === 'literal';
  if (typeof v === 'number') return t === 'number';
  if (typeof v === 'boolean') return t === 'boolean';
  return false;
}

/**
 * The branches of a union that best fit a raw value: by discriminator, by type for scalars, and
 * for maps by the first key that starts a branch, then by how many of the written keys a branch
 * knows. Empty when nothing fits at all.
 */
export function pickBranches(union: Walkable, raw: unknown): number[] {
  const def = unwrap(union)?._zod.def;
  const options = def?.options ?? [];
  if (!isObj(raw)) {
    const i = options.findIndex((o) => acceptsPrimitive(o, raw));
    if (i >= 0) return [i];
    const j = options.findIndex((o) => {
      const t = unwrap(o)?._zod.def.type;
      return Array.isArray(raw) ? t === 'array' : t === 'record' || t === 'object';
    });
    return j >= 0 && raw !== null && typeof raw === 'object' ? [j] : [];
  }
  if (def?.discriminator) {
    const d = def.discriminator;
    const i = options.findIndex((o) => literalValues(unwrap(o)?._zod.def.shape?.[d]).includes(raw[d]));
    return i >= 0 ? [i] : [];
  }
  const keys = Object.keys(raw);
  const objectBranches = options.map((o, i) => ({ i, keys: shapeKeys(o), type: unwrap(o)?._zod.def.type }));
  const records = objectBranches.filter((b) => b.type === 'record');
  if (records.length > 0 && objectBranches.every((b) => b.type !== 'object')) return [records[0]!.i];
  const leads = new Set(leadKeys(options));
  const lead = keys.find((k) => leads.has(k));
  let candidates = objectBranches.filter(
    (b) => b.type === 'object' && (lead === undefined || b.keys[0] === lead),
  );
  const score = (b: { keys: string[] }) => keys.filter((k) => b.keys.includes(k)).length;
  const best = candidates.reduce((m, b) => Math.max(m, score(b)), 0);
  if (best === 0 && lead === undefined) return [];
  candidates = candidates.filter((b) => score(b) === best);
  return candidates.map((b) => b.i);
}

/** The schema that applies at `path`, choosing union branches by the raw data along the way. */
export function schemaAt(root: Walkable, data: unknown, path: readonly PathSegment[]): Walkable | undefined {
  let s: Walkable | undefined = root;
  let v: unknown = data;
  for (const seg of path) {
    s = resolveUnion(unwrap(s), v);
    const def = s?._zod.def;
    if (!def) return undefined;
    if (def.type === 'object') s = def.shape?.[String(seg)];
    else if (def.type === 'array') s = def.element;
    else if (def.type === 'record') s = def.valueType;
    else return undefined;
    v = typeof seg === 'number' ? (Array.isArray(v) ? v[seg] : undefined) : isObj(v) ? v[seg] : undefined;
  }
  return unwrap(s);
}

function resolveUnion(s: Walkable | undefined, v: unknown): Walkable | undefined {
  let cur = s;
  for (let i = 0; cur?._zod.def.type === 'union' && i < 5; i++) {
    const picked = pickBranches(cur, v)[0];
    if (picked === undefined) return undefined;
    cur = unwrap(cur._zod.def.options?.[picked]);
  }
  return cur;
}

/** The fields an object at `path` knows (for "did you mean" and "allowed here"). */
export function knownFieldsAt(root: Walkable, data: unknown, path: readonly PathSegment[]): string[] {
  return shapeKeys(resolveUnion(schemaAt(root, data, path), valueAt(data, path)));
}
