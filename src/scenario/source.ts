/**
 * From bytes or text to plain data with source positions. The YAML AST is walked by hand (not
 * `doc.toJS()`) so that every value keeps its position, aliases are expanded under a small
 * budget (alias bombs), nesting is bounded, `__proto__` stays an ordinary own key, and only
 * plain JSON-like values come out (no Dates, Sets or binary).
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { makeProblem, type PathSegment, type Problem } from './problems';

export const MAX_ALIASES = 100;
export const MAX_DEPTH = 64;

export interface Offsets {
  /** Offset of the value node. */
  v: number;
  /** Offset of the key, when the value sits in a map. */
  k?: number;
}

/** Source positions of every value in the parsed tree, by path. */
export class Positions {
  private readonly byPath = new Map<string, Offsets>();
  constructor(private readonly lines: LineCounter) {}

  static key(path: readonly PathSegment[]): string {
    return path.join('\u0001');
  }

  set(path: readonly PathSegment[], offsets: Offsets): void {
    const key = Positions.key(path);
    if (!this.byPath.has(key)) this.byPath.set(key, offsets);
  }

  has(path: readonly PathSegment[]): boolean {
    return this.byPath.has(Positions.key(path));
  }

  at(offset: number): { line: number; col: number } {
    const { line, col } = this.lines.linePos(offset);
    return { line: Math.max(1, line), col: Math.max(1, col) };
  }

  /**
   * The position of the value at `path`, or of its nearest existing ancestor. With `key`, the
   * position of the field name instead of its value (for unknown fields and for a map that
   * misses a field, which is pointed at by its own name when it has one).
   */
  locate(path: readonly PathSegment[], key = false): { line: number; col: number } {
    for (let n = path.length; n >= 0; n--) {
      const found = this.byPath.get(Positions.key(path.slice(0, n)));
      if (found) return this.at(key && found.k !== undefined ? found.k : found.v);
    }
    return { line: 1, col: 1 };
  }
}

export interface SourceTree {
  text: string;
  data: unknown;
  positions: Positions;
}

export type Decoded = { ok: true; text: string } | { ok: false; problem: Problem };

/** Text from a string or UTF-8 bytes; a byte-order mark is dropped. Invalid UTF-8 is located. */
export function decodeSource(source: string | Uint8Array, file: string): Decoded {
  let text: string;
  if (typeof source === 'string') {
    text = source;
  } else {
    const bad = firstInvalidUtf8(source);
    if (bad >= 0) {
      const before = new TextDecoder('utf-8').decode(source.subarray(0, bad));
      const lines = before.split('\n');
      const at = { line: lines.length, col: (lines[lines.length - 1] ?? '').length + 1 };
      return { ok: false, problem: makeProblem(file, at, [], 'error', 'not-utf8', { offset: bad }) };
    }
    text = new TextDecoder('utf-8', { fatal: true }).decode(source);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text };
}

/** Offset of the first byte that breaks UTF-8, or -1 when the bytes are valid UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let j = 1; j <= need; j++) {
      const c = bytes[i + j];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

export interface ParsedTree {
  tree?: SourceTree;
  errors: Problem[];
  warnings: Problem[];
}

const YAML_CODES: Record<string, string> = {
  DUPLICATE_KEY: 'duplicate-key',
  MULTIPLE_DOCS: 'multiple-documents',
  RESOURCE_EXHAUSTION: 'too-deep',
};

/** Parse YAML 1.2 (core schema) and walk it into plain data with positions. */
export function parseTree(text: string, file: string): ParsedTree {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  if (text.trim() === '') {
    return { errors: [makeProblem(file, { line: 1, col: 1 }, [], 'error', 'empty-file')], warnings };
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: lines,
    prettyErrors: false,
    version: '1.2',
    schema: 'core',
    merge: false,
    uniqueKeys: true,
  });
  const positions = new Positions(lines);
  for (const e of doc.errors) {
    const code = YAML_CODES[e.code] ?? 'yaml-syntax';
    const at = positions.at(e.pos[0]);
    const key = code === 'duplicate-key' ? keyAt(text, e.pos[0]) : '';
    errors.push(makeProblem(file, at, [], 'error', code, { detail: plain(e.message), key, max: MAX_DEPTH }));
  }
  for (const w of doc.warnings) {
    warnings.push(
      makeProblem(file, positions.at(w.pos[0]), [], 'warning', 'yaml-warning', { detail: plain(w.message) }),
    );
  }
  if (errors.length > 0) return { errors, warnings };
  if (doc.contents === null) {
    return { errors: [makeProblem(file, { line: 1, col: 1 }, [], 'error', 'empty-file')], warnings };
  }

  const anchors = new Map<string, Node>();
  let aliases = 0;
  let aliasReported = false;
  const fail = (offset: number, path: PathSegment[], code: string, params = {}) =>
    errors.push(makeProblem(file, positions.at(offset), path, 'error', code, params));

  const walk = (node: unknown, path: PathSegment[], depth: number, fallback: number): unknown => {
    const start = rangeStart(node) ?? fallback;
    positions.set(path, { v: start });
    if (depth > MAX_DEPTH) {
      fail(start, path, 'too-deep', { max: MAX_DEPTH });
      return null;
    }
    if (isAlias(node)) {
      aliases++;
      if (aliases > MAX_ALIASES) {
        if (!aliasReported) fail(start, path, 'alias-limit', { max: MAX_ALIASES });
        aliasReported = true;
        return null;
      }
      const target = anchors.get(node.source);
      if (!target) {
        fail(start, path, 'alias-unknown', { name: node.source });
        return null;
      }
      return walk(target, path, depth + 1, start);
    }
    if (node && typeof node === 'object' && 'anchor' in node && typeof node.anchor === 'string') {
      anchors.set(node.anchor, node as Node);
    }
    if (isScalar(node)) return scalarValue(node.value, node.source, node.tag, start, path);
    if (isMap(node)) {
      const obj: Record<string, unknown> = {};
      for (const pair of node.items) {
        if (aliasReported) break;
        const keyNode = pair.key;
        const keyStart = rangeStart(keyNode) ?? start;
        if (keyNode !== null && !isScalar(keyNode)) {
          fail(keyStart, path, 'complex-key');
          continue;
        }
        const k = String(isScalar(keyNode) ? keyNode.value : null);
        const childPath = [...path, k];
        positions.set(childPath, { v: rangeStart(pair.value) ?? keyStart, k: keyStart });
        const value = walk(pair.value, childPath, depth + 1, keyStart);
        // defineProperty keeps "__proto__" an ordinary own key instead of setting the prototype.
        Object.defineProperty(obj, k, { value, enumerable: true, writable: true, configurable: true });
      }
      return obj;
    }
    if (isSeq(node)) {
      const arr: unknown[] = [];
      node.items.forEach((item, i) => {
        if (!aliasReported) arr.push(walk(item, [...path, i], depth + 1, start));
      });
      return arr;
    }
    return null;
  };

  const scalarValue = (value: unknown, source: unknown, tag: unknown, at: number, path: PathSegment[]) => {
    if (typeof value === 'number') {
      const written = typeof source === 'string' ? source : String(value);
      if (!Number.isFinite(value)) fail(at, path, 'not-finite', { value: written });
      else if (Number.isInteger(value) && Math.abs(value) > Number.MAX_SAFE_INTEGER)
        fail(at, path, 'number-too-large', { value: written });
      else return value;
      return null;
    }
    if (typeof value === 'string' || typeof value === 'boolean' || value === null) return value;
    fail(at, path, 'unsupported-value', { what: typeof tag === 'string' ? tag : typeof value });
    return null;
  };

  let data: unknown;
  try {
    data = walk(doc.contents, [], 0, 0);
  } catch (e) {
    // A stack overflow on absurd nesting, despite the depth bound: still a located answer.
    errors.push(
      makeProblem(file, { line: 1, col: 1 }, [], 'error', 'too-deep', { max: MAX_DEPTH, detail: String(e) }),
    );
    return { errors, warnings };
  }
  if (errors.length > 0) return { errors, warnings };
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const at = positions.at(rangeStart(doc.contents) ?? 0);
    return { errors: [makeProblem(file, at, [], 'error', 'not-a-map')], warnings };
  }
  return { tree: { text, data, positions }, errors, warnings };
}

function rangeStart(node: unknown): number | undefined {
  if (node && typeof node === 'object' && 'range' in node) {
    const range = (node as { range?: [number, number, number] }).range;
    if (Array.isArray(range)) return range[0];
  }
  return undefined;
}

/** A yaml library message without its " at line …" tail, starting lower-case. */
function plain(message: string): string {
  const cut = message.split(/ at line \d+, column \d+/)[0] ?? message;
  const trimmed = cut.trim().replace(/\.$/, '');
  return trimmed.charAt(0).toLowerCase() + trimmed.slice(1);
}

function keyAt(text: string, offset: number): string {
  const rest = text.slice(offset, offset + 80);
  return (rest.split(/[:\n]/)[0] ?? '').trim();
}
