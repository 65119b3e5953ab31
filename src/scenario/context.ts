/**
 * Helpers shared by both passes: reading the raw (unvalidated) data safely and naming where a
 * problem is in words a trainer recognises (`card "x", option "y"`).
 */
import type { PathSegment } from './problems';

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function asStr(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function own(o: unknown, key: string): unknown {
  return isObj(o) && Object.hasOwn(o, key) ? o[key] : undefined;
}

export function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let v = data;
  for (const seg of path) {
    if (typeof seg === 'number') v = Array.isArray(v) ? v[seg] : undefined;
    else v = own(v, seg);
    if (v === undefined) return undefined;
  }
  return v;
}

const ENTITIES: Record<string, string> = {
  resources: 'resource',
  meters: 'meter',
  roles: 'role',
  spaces: 'space',
  decks: 'deck',
  cards: 'card',
  reserveCards: 'card',
  options: 'option',
  conversation: 'question',
  investments: 'investment',
  endings: 'ending',
  modifiers: 'modifier',
  questions: 'debrief question',
};

/** `card "mevrouw-de-vries", option "thuiszorg"`: the named things a path passes through. */
export function describeContext(data: unknown, path: readonly PathSegment[]): string {
  const parts: { kind: string; text: string }[] = [];
  let v = data;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const next = path[i + 1];
    v = typeof seg === 'number' ? (Array.isArray(v) ? v[seg] : undefined) : own(v, seg);
    if (typeof seg === 'string' && typeof next === 'number' && ENTITIES[seg]) {
      let kind = ENTITIES[seg]!;
      if (seg === 'options' && path[i - 1] === 'priorities') kind = 'priority';
      const item = Array.isArray(v) ? v[next] : undefined;
      const id = asStr(own(item, 'id'));
      parts.push({ kind, text: id !== undefined ? `${kind} "${id}"` : `${kind} ${next + 1}` });
    }
  }
  // A card's deck adds nothing once the card is named.
  const shown = parts.filter((p, i) => !(p.kind === 'deck' && parts[i + 1]?.kind === 'card'));
  return shown.map((p) => p.text).join(', ');
}

/** The field a path ends in, for messages: `add`, `players.min`, `tags entry 2`. */
export function fieldName(path: readonly PathSegment[]): string {
  const last = path[path.length - 1];
  const prev = path[path.length - 2];
  if (typeof last === 'number')
    return typeof prev === 'string' ? `${prev} entry ${last + 1}` : `entry ${last + 1}`;
  if (last === undefined) return 'the scenario';
  if (path.length === 2 && typeof prev === 'string') return `${prev}.${last}`;
  return last;
}

/** How a raw value reads, for "not X" in messages. */
export function describeValue(v: unknown): string {
  if (v === null) return 'empty';
  if (Array.isArray(v)) return 'a list';
  if (isObj(v)) return 'a map of fields';
  if (typeof v === 'string') return `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  return String(v);
}

export function typeWord(v: unknown): string {
  if (typeof v === 'boolean') return 'yes/no value (true/false)';
  if (typeof v === 'number') return 'number';
  return describeValue(v);
}
