/**
 * From bytes or text to plain data with source positions. The YAML AST is walked by hand (not
 * `doc.toJS()`) so that every value keeps its position, aliases are expanded under a small
 * budget (alias bombs), nesting is bounded, `__proto__` stays an ordinary own key, and only
 * plain JSON-like values come out (no Dates, Sets or binary).
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { readFast } from './fast-yaml';
import { makeProblem, type PathSegment, type Problem } from './problems';

export const MAX_ALIASES = 100;
export const MAX_DEPTH = 64;
/** Far above any real scenario (1,000 cards is under 1 MB); refuses a runaway file quickly. */
export const MAX_CHARS = 5_000_000;

export interface Offsets {
  /** Offset of the value node. */
  v: number;
  /** Offset of the key, when the value sits in a map. */
  k?: number;
}

type ChildOffsets = Map<PathSegment, Offsets>;

/**
 * Source positions of every value in the parsed tree. Kept beside the data, one table per map
 * or list (no string keys per node: large scenarios stay cheap to load).
 */
export class Positions {
  private readonly tables = new WeakMap<object, ChildOffsets>();
  private root: unknown = null;
  private rootOffset = 0;
  private lineCounter: LineCounter | null;
  /**
   * `lines` may come later, with `fill`: a function that records the tables (and root) on first
   * use, so that a file without problems never pays for its positions.
   */
  constructor(
    lines: LineCounter | null,
    private fill: ((positions: Positions) => LineCounter) | null = null,
  ) {
    this.lineCounter = lines;
  }

  private get lines(): LineCounter {
    if (this.fill) {
      const fill = this.fill;
      this.fill = null;
      this.lineCounter = fill(this);
    }
    return this.lineCounter as LineCounter;
  }

  /** A new table for the children of `container`. */
  table(container: object): ChildOffsets {
    const t: ChildOffsets = new Map();
    this.tables.set(container, t);
    return t;
  }

  setRoot(data: unknown, offset: number): void {
    this.root = data;
    this.rootOffset = offset;
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
    const lines = this.lines;
    let best: Offsets = { v: this.rootOffset };
    let cur: unknown = this.root;
    for (const seg of path) {
      if (cur === null || typeof cur !== 'object') break;
      const found = this.tables.get(cur)?.get(seg);
      if (!found) break;
      best = found;
      cur = (cur as Record<PathSegment, unknown>)[seg];
    }
    const offset = key && best.k !== undefined ? best.k : best.v;
    const { line, col } = lines.linePos(offset);
    return { line: Math.max(1, line), col: Math.max(1, col) };
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
  /** Which reader answered: the fast one for the plain subset, `yaml` for everything else. */
  reader?: 'fast' | 'yaml';
  errors: Problem[];
  warnings: Problem[];
}

/** A plain hint after the yaml library's own words, for the mistakes trainers make most. */
const YAML_HINTS: Record<string, string> = {
  BAD_INDENT: 'check the indentation: the fields of one map start in the same column, using spaces',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  MISSING_CHAR: 'a bracket, brace or quote is not closed',
  BAD_DQ_ESCAPE: 'inside "double quotes" a backslash starts an escape; use single quotes or write \\\\',
  BLOCK_AS_IMPLICIT_KEY: 'a colon is probably missing after a field name, or the indentation is off',
  MULTILINE_IMPLICIT_KEY: 'a colon is probably missing, or a text with ": " in it needs quotes',
  UNEXPECTED_TOKEN: 'a text that starts with a special character ([ { * & ! | > % @ `) needs quotes',
  BAD_SCALAR_START: 'a text that starts with a special character needs quotes',
};

const YAML_CODES: Record<string, string> = {
  DUPLICATE_KEY: 'duplicate-key',
  MULTIPLE_DOCS: 'multiple-documents',
  RESOURCE_EXHAUSTION: 'too-deep',
};

/**
 * Parse YAML 1.2 (core schema) into plain data with positions: by the fast reader when the file
 * keeps to the plain subset scenarios are written in, otherwise (and for every error) by `yaml`.
 */
export function parseTree(text: string, file: string, options: { fast?: boolean } = {}): ParsedTree {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  if (text.length > MAX_CHARS) {
    const problem = makeProblem(file, { line: 1, col: 1 }, [], 'error', 'file-too-large', {
      size: text.length,
      max: MAX_CHARS,
    });
    return { errors: [problem], warnings };
  }
  if (text.trim() === '') {
    return { errors: [makeProblem(file, { line: 1, col: 1 }, [], 'error', 'empty-file')], warnings };
  }
  if (options.fast !== false) {
    // Windows line ends are read without their \r: every line and column stays the same.
    const lf = text.includes('\r') && !/\r(?!\n)/.test(text) ? text.replace(/\r\n/g, '\n') : text;
    const fast = readFast(lf, null);
    if (fast) {
      // Positions are only needed for a problem: then the file is read again, recording them
      // (into fresh data of the same shape: `locate` only follows the path from the root).
      const positions = new Positions(null, (p) => {
        const again = readFast(lf, p);
        p.setRoot(again?.data, again?.rootOffset ?? 0);
        return countLines(lf);
      });
      positions.setRoot(fast.data, fast.rootOffset);
      return { tree: { text, data: fast.data, positions }, errors, warnings, reader: 'fast' };
    }
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
    const unclosed = /end with a [}\]]/.test(e.message);
    const hint = unclosed ? YAML_HINTS.MISSING_CHAR : YAML_HINTS[e.code];
    const detail = hint ? `${plain(e.message)} (${hint})` : plain(e.message);
    errors.push(makeProblem(file, at, [], 'error', code, { detail, key, max: MAX_DEPTH, yamlCode: e.code }));
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
  const fail = (offset: number, trail: Trail | null, code: string, params = {}) =>
    errors.push(makeProblem(file, positions.at(offset), pathOf(trail), 'error', code, params));

  // The walk keeps its path as a linked trail: arrays are built only for problems.
  const walk = (node: unknown, trail: Trail | null, depth: number, fallback: number): unknown => {
    const start = rangeStart(node) ?? fallback;
    if (depth > MAX_DEPTH) {
      fail(start, trail, 'too-deep', { max: MAX_DEPTH });
      return null;
    }
    if (isAlias(node)) {
      aliases++;
      if (aliases > MAX_ALIASES) {
        if (!aliasReported) fail(start, trail, 'alias-limit', { max: MAX_ALIASES });
        aliasReported = true;
        return null;
      }
      const target = anchors.get(node.source);
      if (!target) {
        fail(start, trail, 'alias-unknown', { name: node.source });
        return null;
      }
      return walk(target, trail, depth + 1, start);
    }
    if (node && typeof node === 'object' && 'anchor' in node && typeof node.anchor === 'string') {
      anchors.set(node.anchor, node as Node);
    }
    if (isScalar(node)) return scalarValue(node.value, node.source, node.tag, start, trail);
    if (isMap(node)) {
      const obj: Record<string, unknown> = {};
      const table = positions.table(obj);
      for (const pair of node.items) {
        if (aliasReported) break;
        const keyNode = pair.key;
        const keyStart = rangeStart(keyNode) ?? start;
        if (keyNode !== null && !isScalar(keyNode)) {
          fail(keyStart, trail, 'complex-key');
          continue;
        }
        const k = String(isScalar(keyNode) ? keyNode.value : null);
        if (!table.has(k)) table.set(k, { v: rangeStart(pair.value) ?? keyStart, k: keyStart });
        const value = walk(pair.value, { parent: trail, seg: k }, depth + 1, keyStart);
        // defineProperty keeps "__proto__" an ordinary own key instead of setting the prototype.
        if (k === '__proto__')
          Object.defineProperty(obj, k, { value, enumerable: true, writable: true, configurable: true });
        else obj[k] = value;
      }
      return obj;
    }
    if (isSeq(node)) {
      const arr: unknown[] = [];
      const table = positions.table(arr);
      const items = node.items;
      for (let i = 0; i < items.length && !aliasReported; i++) {
        table.set(i, { v: rangeStart(items[i]) ?? start });
        arr.push(walk(items[i], { parent: trail, seg: i }, depth + 1, start));
      }
      return arr;
    }
    return null;
  };

  const scalarValue = (value: unknown, source: unknown, tag: unknown, at: number, trail: Trail | null) => {
    if (typeof value === 'number') {
      const written = typeof source === 'string' ? source : String(value);
      if (!Number.isFinite(value)) fail(at, trail, 'not-finite', { value: written });
      else if (Number.isInteger(value) && Math.abs(value) > Number.MAX_SAFE_INTEGER)
        fail(at, trail, 'number-too-large', { value: written });
      else return value;
      return null;
    }
    if (typeof value === 'string' || typeof value === 'boolean' || value === null) return value;
    fail(at, trail, 'unsupported-value', { what: typeof tag === 'string' ? tag : typeof value });
    return null;
  };

  let data: unknown;
  try {
    data = walk(doc.contents, null, 0, 0);
    positions.setRoot(data, rangeStart(doc.contents) ?? 0);
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
  return { tree: { text, data, positions }, errors, warnings, reader: 'yaml' };
}

/** The line starts of `text`, as `yaml`'s parser records them. */
function countLines(text: string): LineCounter {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) lines.addNewLine(nl + 1);
  return lines;
}

interface Trail {
  parent: Trail | null;
  seg: PathSegment;
}

function pathOf(trail: Trail | null): PathSegment[] {
  const path: PathSegment[] = [];
  for (let t = trail; t; t = t.parent) path.unshift(t.seg);
  return path;
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
