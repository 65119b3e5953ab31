/**
 * What the editor offers at the cursor: the fields allowed at that place in the format, with
 * their descriptions from the JSON Schema in the UI language (generated from the zod schema, so
 * never out of step with the loader), and for a field that names something (`resource:`,
 * `card:`, `deck:` …) every id of that kind the file defines. Pure: text in, choices out.
 */
import type { FileIds, IdKind } from './ids';
import { type CursorContext, cursorContext, ITEM, type KeyPath, linesDown, linesUp } from './yaml-path';

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  enum?: unknown[];
  const?: unknown;
  description?: string;
  definitions?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  required?: string[];
};

/** Fields whose value is an id of these kinds. */
export const REF_KINDS: Record<string, IdKind[]> = {
  resource: ['resource'],
  meter: ['meter'],
  flag: ['flag'],
  card: ['card'],
  deck: ['deck'],
  turnDeck: ['deck'],
  move: ['space'],
  invested: ['investment'],
  investment: ['investment'],
  priority: ['priority'],
  role: ['role'],
  roles: ['role'],
  ending: ['ending'],
  option: ['option'],
};

export interface Choice {
  label: string;
  /** Short, beside the label: the id's kind, the field's type. */
  detail?: string;
  /** Longer, in the info box: the field's description, where an id is defined. */
  info?: string;
  /** What is inserted (default: the label). */
  apply?: string;
  type: 'property' | 'variable' | 'enum' | 'keyword';
}

export interface Completion {
  from: number;
  choices: Choice[];
  context: CursorContext;
}

/** Every object schema that can stand at `path` (unions give several). */
export function schemasAt(root: JsonSchema, path: KeyPath): JsonSchema[] {
  let current = expand(root, root);
  for (const segment of path) {
    const next: JsonSchema[] = [];
    for (const s of current) {
      if (segment === ITEM) {
        if (s.items) next.push(...expand(root, s.items));
      } else {
        const p = s.properties?.[segment];
        if (p) next.push(...expand(root, p));
        else if (typeof s.additionalProperties === 'object')
          next.push(...expand(root, s.additionalProperties));
      }
    }
    current = next;
    if (current.length === 0) break;
  }
  return current;
}

/** A schema with its `$ref`s followed and its unions spread, up to a fixed depth. */
function expand(root: JsonSchema, s: JsonSchema, depth = 0): JsonSchema[] {
  if (depth > 12) return [];
  if (s.$ref) {
    const name = s.$ref.replace(/^#\/definitions\//, '');
    const target = s.$ref === '#' ? root : root.definitions?.[name];
    return target ? expand(root, target, depth + 1) : [];
  }
  const union = s.anyOf ?? s.oneOf ?? s.allOf;
  if (union) {
    const spread = union.flatMap((u) => expand(root, u, depth + 1));
    // The description on the union itself is the one a trainer reads.
    return s.description
      ? spread.map((u) => (u.description ? u : { ...u, description: s.description }))
      : spread;
  }
  return [s];
}

/** The fields known at `path`, each with its description (the first union branch that has one). */
export function fieldsAt(root: JsonSchema, path: KeyPath): Map<string, JsonSchema> {
  const out = new Map<string, JsonSchema>();
  for (const s of schemasAt(root, path)) {
    for (const [name, field] of Object.entries(s.properties ?? {})) {
      const seen = out.get(name);
      if (!seen || (!seen.description && field.description)) out.set(name, field);
    }
  }
  return out;
}

/** The fixed values a field may take (`kind: request|event|dilemma`, `good: high|low`, booleans). */
export function valuesOf(root: JsonSchema, field: JsonSchema): string[] {
  const out = new Set<string>();
  for (const s of expand(root, field)) {
    for (const v of s.enum ?? []) out.add(String(v));
    if (s.const !== undefined) out.add(String(s.const));
    if (s.type === 'boolean') for (const b of ['true', 'false']) out.add(b);
  }
  return [...out];
}

function describeType(root: JsonSchema, field: JsonSchema): string {
  const types = new Set(expand(root, field).map((s) => (Array.isArray(s.type) ? s.type[0] : s.type) ?? ''));
  types.delete('');
  return [...types].join(' | ');
}

export interface Words {
  /** The name of an id's kind in the UI language ("kaart", "budget"…). */
  kind(kind: IdKind): string;
  /** "defined on line N". */
  line(n: number): string;
}

/** The keys already written in the map the cursor is in (block maps: same column, same item). */
function siblingKeys(text: string, offset: number): Set<string> {
  const out = new Set<string>();
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const col = before.length - before.trimStart().replace(/^(-\s+)+/, '').length;
  const lineEnd = text.indexOf('\n', offset);
  const keyAt = (line: string): [number, string | null, boolean] => {
    const m = /^(\s*)((?:-\s+)*)([A-Za-z][\w-]*)\s*:/.exec(line);
    if (!m) return [line.length - line.trimStart().length, null, false];
    return [m[1].length + m[2].length, m[3], m[2].length > 0];
  };
  for (const dir of [-1, 1]) {
    const lines =
      dir === -1 ? linesUp(text, lineStart) : linesDown(text, lineEnd < 0 ? text.length : lineEnd + 1);
    for (const line of lines) {
      if (line.trim() === '' || line.trim().startsWith('#')) continue;
      const [c, key, dashed] = keyAt(line);
      if (c < col) break;
      if (c === col && key) {
        out.add(key);
        // The item's first line ends the map going up; the next item's dash ends it going down.
        if (dashed && dir === -1) break;
      }
      if (dir === 1 && dashed && c <= col) break;
    }
  }
  return out;
}

export function complete(
  text: string,
  offset: number,
  ids: FileIds,
  schema: JsonSchema,
  words: Words,
): Completion | null {
  const context = cursorContext(text, offset);
  if (context.mode === 'key') {
    const fields = fieldsAt(schema, context.path);
    if (fields.size === 0) return null;
    const written = siblingKeys(text, offset);
    const choices: Choice[] = [];
    for (const [name, field] of fields) {
      if (written.has(name) && name !== context.word) continue;
      choices.push({
        label: name,
        detail: describeType(schema, field),
        info: field.description,
        apply: `${name}: `,
        type: 'property',
      });
    }
    return { from: context.from, choices, context };
  }
  const key = context.key ?? '';
  const kinds = REF_KINDS[key];
  if (kinds) {
    const choices: Choice[] = [];
    const seen = new Set<string>();
    // `chose: { card: x, option: … }`: the options of that card only.
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    const ofCard =
      key === 'option'
        ? /card:\s*["']?([a-z][a-z0-9-]*)/.exec(text.slice(lineStart, offset))?.[1]
        : undefined;
    for (const kind of kinds) {
      for (const d of ids.byKind.get(kind) ?? []) {
        if (seen.has(d.id) || (ofCard !== undefined && d.of !== ofCard)) continue;
        seen.add(d.id);
        choices.push({
          label: d.id,
          detail: words.kind(kind),
          info: words.line(d.line),
          type: 'variable',
        });
      }
    }
    if (key === 'resource' && !seen.has('total')) choices.push({ label: 'total', type: 'keyword' });
    return { from: context.from, choices, context };
  }
  const field = fieldsAt(schema, context.path).get(key);
  if (!field) return null;
  const values = valuesOf(schema, field);
  if (values.length === 0) return null;
  return {
    from: context.from,
    choices: values.map((v) => ({ label: v, type: 'enum', info: field.description })),
    context,
  };
}

/** The description of the field named at `offset` (hover help), or of the id there. */
export function hoverAt(
  text: string,
  offset: number,
  ids: FileIds,
  schema: JsonSchema,
  words: Words,
): { from: number; to: number; title: string; text: string } | null {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  const col = offset - lineStart;
  const re = /[A-Za-z0-9_-]+/g;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (col < m.index || col > m.index + m[0].length) continue;
    const from = lineStart + m.index;
    const to = from + m[0].length;
    const isKey = /^\s*:/.test(line.slice(m.index + m[0].length));
    if (isKey) {
      const field = fieldsAt(schema, cursorContext(text, to).path).get(m[0]);
      if (!field?.description) return null;
      return { from, to, title: m[0], text: field.description };
    }
    const d = ids.all.find((x) => x.id === m[0] && x.kind !== 'option');
    if (!d) return null;
    return { from, to, title: `${words.kind(d.kind)} ${d.id}`, text: words.line(d.line) };
  }
  return null;
}
