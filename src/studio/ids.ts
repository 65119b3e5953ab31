/**
 * The ids a scenario file defines, with where each is defined, read from the text as it is now
 * (the `yaml` parser keeps what it can of a broken file). Completion offers them, hover names
 * them, the Balance and Cards tabs link to their lines, and "play from here" finds the card
 * under the cursor. Flags are not defined anywhere in the format: every flag an effect sets or a
 * condition tests counts.
 */
import { type Document, isMap, isScalar, isSeq, type Node, parseDocument, type YAMLMap } from 'yaml';
import { lineAt, lineStarts } from './lines';

export type IdKind =
  | 'deck'
  | 'card'
  | 'resource'
  | 'meter'
  | 'flag'
  | 'role'
  | 'ending'
  | 'space'
  | 'investment'
  | 'priority'
  | 'option';

export interface DefinedId {
  kind: IdKind;
  id: string;
  /** Offsets of the id's value in the text, and of the whole item that it names. */
  from: number;
  to: number;
  item: [number, number];
  /** 1-based line of the id. */
  line: number;
  /** For an option: its card's id. */
  of?: string;
}

export interface FileIds {
  all: DefinedId[];
  byKind: Map<IdKind, DefinedId[]>;
}

function get(map: unknown, key: string): Node | undefined {
  return isMap(map) ? ((map as YAMLMap).get(key, true) as Node | undefined) : undefined;
}

function items(node: unknown): Node[] {
  return isSeq(node) ? (node.items as Node[]) : [];
}

/** `parsed`: the loader's document of this very text, when there is one (else it is parsed here). */
export function extractIds(text: string, parsed?: Document.Parsed): FileIds {
  const all: DefinedId[] = [];
  let doc: Document.Parsed;
  try {
    doc = parsed ?? parseDocument(text, { uniqueKeys: false, strict: false });
  } catch {
    return { all, byKind: new Map() };
  }
  const root = doc.contents;
  const starts = lineStarts(text);
  const add = (kind: IdKind, item: Node, of?: string) => {
    const id = get(item, 'id');
    if (!isScalar(id) || typeof id.value !== 'string' || !id.range || !item.range) return;
    all.push({
      kind,
      id: id.value,
      from: id.range[0],
      to: id.range[1],
      item: [item.range[0], item.range[1]],
      line: lineAt(starts, id.range[0]),
      of,
    });
    return id.value;
  };
  for (const r of items(get(root, 'resources'))) add('resource', r);
  for (const m of items(get(root, 'meters'))) add('meter', m);
  for (const r of items(get(root, 'roles'))) add('role', r);
  for (const e of items(get(root, 'endings'))) add('ending', e);
  for (const s of items(get(get(root, 'board'), 'spaces'))) add('space', s);
  for (const i of items(get(root, 'investments'))) add('investment', i);
  for (const p of items(get(get(root, 'priorities'), 'options'))) add('priority', p);
  const card = (c: Node) => {
    const id = add('card', c);
    for (const o of items(get(c, 'options'))) add('option', o, id);
  };
  for (const d of items(get(root, 'decks'))) {
    add('deck', d);
    for (const c of items(get(d, 'cards'))) card(c);
  }
  for (const c of items(get(root, 'reserveCards'))) card(c);
  // Flags: every `flag: name` anywhere (set by effects, tested by conditions).
  const seen = new Set<string>();
  for (const m of text.matchAll(/(?:^|[\s{,])flag:\s*["']?([a-z][a-z0-9-]*)/gm)) {
    const id = m[1];
    const from = (m.index ?? 0) + m[0].length - id.length;
    if (seen.has(id)) continue;
    seen.add(id);
    all.push({
      kind: 'flag',
      id,
      from,
      to: from + id.length,
      item: [from, from + id.length],
      line: lineAt(starts, from),
    });
  }
  const byKind = new Map<IdKind, DefinedId[]>();
  for (const d of all) {
    const list = byKind.get(d.kind) ?? [];
    list.push(d);
    byKind.set(d.kind, list);
  }
  return { all, byKind };
}

/** The card whose item holds `offset` (the innermost: deck cards and reserve cards alike). */
export function cardAt(ids: FileIds, offset: number): DefinedId | null {
  for (const d of ids.byKind.get('card') ?? []) if (offset >= d.item[0] && offset <= d.item[1]) return d;
  return null;
}

/** Where a kind of id is defined first, by id (the first definition wins, as in the loader). */
export function definition(ids: FileIds, kind: IdKind, id: string, of?: string): DefinedId | undefined {
  return ids.byKind.get(kind)?.find((d) => d.id === id && (of === undefined || d.of === of));
}
