/**
 * From bytes or text to plain data with source positions. The YAML AST is walked by hand (not
 * `doc.toJS()`) so that every value keeps its position, aliases are expanded under a small
 * budget (alias bombs), nesting is bounded, `__proto__` stays an ordinary own key, and only
 * plain JSON-like values come out (no Dates, Sets or binary).
 */
import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  type ScalarTag,
  type YAMLError,
} from 'yaml';
import { makeProblem, type PathSegment, type Problem, sourceLine } from './problems';
import { codePoint, controlIndex } from './text';
import { explainYaml } from './yaml-explain';

export { type Decoded, decodeScenarioText } from './decode';

export const MAX_ALIASES = 100;
/**
 * Nodes that aliases may expand to, all aliases together: a hundred aliases of a 1,500-card list
 * are a few MB of text but millions of nodes. A real scenario aliases a few small values.
 */
export const MAX_ALIAS_NODES = 20_000;
export const MAX_DEPTH = 64;
/** Fields in one map and items in one list: far above any real scenario (1,000 cards is a list of 1,000). */
export const MAX_KEYS = 10_000;
export const MAX_ITEMS = 10_000;
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
  constructor(private readonly lines: LineCounter) {}

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
    return this.at(offset);
  }
}

/** A number written like 30.000: YAML reads 30, a Dutch trainer meant thirty thousand. */
export interface DottedNumber {
  path: PathSegment[];
  /** As written in the file. */
  source: string;
}

export interface SourceTree {
  text: string;
  data: unknown;
  positions: Positions;
  dotted: DottedNumber[];
}

export interface ParsedTree {
  tree?: SourceTree;
  errors: Problem[];
  warnings: Problem[];
}

/** Hands over the `yaml` library's document of a load, for a caller that reads more from it. */
export type OnDocument = (doc: Document.Parsed) => void;

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
 * Whole numbers grouped by underscores (30_000, 1_250_000), as the validator suggests for money:
 * YAML 1.2 itself reads them as text.
 */
const GROUPED_INT: ScalarTag = {
  tag: 'tag:yaml.org,2002:int',
  default: true,
  test: /^[-+]?[0-9]{1,3}(?:_[0-9]{3})+$/,
  resolve: (source: string) => Number(source.replaceAll('_', '')),
};

/** 30.000 and 1.500: a dot and exactly three digits, the Dutch way of grouping thousands. */
const DOTTED = /^[-+]?[0-9]{1,3}\.[0-9]{3}$/;

/** Parse YAML 1.2 (core schema) with the `yaml` library into plain data with positions. */
export function parseTree(text: string, file: string, onDocument?: OnDocument): ParsedTree {
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
  // The yaml library recurses once per bracket: thousands of them end in a RESOURCE_EXHAUSTION
  // far from the bracket (or, deep enough, a crashed process). Brackets past FLOW_CUT levels are
  // blanked out first (same length, same lines), so the walk below still finds the level that
  // is too deep at its place; an unclosed run is refused at its 65th bracket.
  const deep = flowTooDeep(text);
  if (deep.unclosed >= 0) {
    const at = lineCol(text, deep.unclosed);
    return { errors: [makeProblem(file, at, [], 'error', 'too-deep', { max: MAX_DEPTH })], warnings };
  }
  if (deep.cut.length > 0) text = blank(text, deep.cut);
  const lines = new LineCounter();
  // Every YAML error is an Error whose stack trace is never read: capturing 130,000 of them (a
  // file of `}`) was most of the time spent on such a file.
  const traces = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let doc: Document.Parsed;
  try {
    doc = parse(text, lines);
  } finally {
    Error.stackTraceLimit = traces;
  }
  onDocument?.(doc);
  const positions = new Positions(lines);
  if (doc.errors.length > 0) for (const p of yamlErrors(doc.errors, text, file, positions)) errors.push(p);
  for (const w of doc.warnings) {
    warnings.push(
      makeProblem(file, positions.at(w.pos[0]), [], 'warning', 'yaml-warning', { detail: plain(w.message) }),
    );
  }
  if (errors.length > 0) return { errors, warnings };
  if (doc.contents === null) {
    return { errors: [makeProblem(file, { line: 1, col: 1 }, [], 'error', 'empty-file')], warnings };
  }

  const dotted: DottedNumber[] = [];
  const anchors = new Map<string, Node>();
  let aliases = 0;
  /** Nodes walked inside alias expansions, against MAX_ALIAS_NODES. */
  let expanded = 0;
  let inAlias = 0;
  let aliasReported = false;
  let aliasAt = 0;
  let aliasTrail: Trail | null = null;
  const fail = (offset: number, trail: Trail | null, code: string, params = {}) =>
    errors.push(makeProblem(file, positions.at(offset), pathOf(trail), 'error', code, params));

  // The walk keeps its path as a linked trail: arrays are built only for problems.
  const walk = (node: unknown, trail: Trail | null, depth: number, fallback: number): unknown => {
    const start = rangeStart(node) ?? fallback;
    if (depth > MAX_DEPTH) {
      fail(start, trail, 'too-deep', { max: MAX_DEPTH });
      return null;
    }
    if (inAlias > 0 && ++expanded > MAX_ALIAS_NODES) {
      if (!aliasReported) fail(aliasAt, aliasTrail, 'alias-nodes', { max: MAX_ALIAS_NODES });
      aliasReported = true;
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
      // The outermost alias is the one to blame when the expansion runs over its budget.
      if (inAlias === 0) {
        aliasAt = start;
        aliasTrail = trail;
      }
      inAlias++;
      try {
        return walk(target, trail, depth + 1, start);
      } finally {
        inAlias--;
      }
    }
    if (node && typeof node === 'object' && 'anchor' in node && typeof node.anchor === 'string') {
      anchors.set(node.anchor, node as Node);
    }
    if (isScalar(node)) {
      if (typeof node.value === 'number' && typeof node.source === 'string' && DOTTED.test(node.source))
        dotted.push({ path: pathOf(trail), source: node.source });
      return scalarValue(node.value, node.source, node.tag, start, trail);
    }
    if (isMap(node)) {
      const obj: Record<string, unknown> = {};
      const table = positions.table(obj);
      const pairs = node.items;
      if (pairs.length > MAX_KEYS) {
        fail(rangeStart(pairs[MAX_KEYS]?.key) ?? start, trail, 'too-many-keys', {
          max: MAX_KEYS,
          count: pairs.length,
        });
        return null;
      }
      for (const pair of pairs) {
        if (aliasReported) break;
        const keyNode = pair.key;
        const keyStart = rangeStart(keyNode) ?? start;
        if (keyNode !== null && !isScalar(keyNode)) {
          fail(keyStart, trail, 'complex-key');
          continue;
        }
        const k = String(isScalar(keyNode) ? keyNode.value : null);
        if (controlIndex(k) >= 0) {
          fail(keyStart, trail, 'control-character', { char: codePoint(k, controlIndex(k)) });
          continue;
        }
        if (table.has(k)) {
          fail(keyStart, trail, 'duplicate-key', { key: k });
          continue;
        }
        table.set(k, { v: rangeStart(pair.value) ?? keyStart, k: keyStart });
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
      if (items.length > MAX_ITEMS) {
        fail(rangeStart(items[MAX_ITEMS]) ?? start, trail, 'too-many-items', {
          max: MAX_ITEMS,
          count: items.length,
        });
        return null;
      }
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
    if (typeof value === 'string') {
      // Escape sequences and bidi overrides are never text: they would reach a terminal or a
      // spreadsheet raw, or turn a name around on screen.
      const bad = controlIndex(value);
      if (bad < 0) return value;
      fail(at, trail, 'control-character', { char: codePoint(value, bad) });
      return null;
    }
    if (typeof value === 'boolean' || value === null) return value;
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
  return { tree: { text, data, positions, dotted }, errors, warnings };
}

function parse(text: string, lineCounter: LineCounter): Document.Parsed {
  return parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    version: '1.2',
    schema: 'core',
    customTags: [GROUPED_INT],
    merge: false,
    // Duplicate keys are found in the walk with a Set: the library's check is quadratic in the
    // keys of one map (101,010 keys took minutes).
    uniqueKeys: false,
  });
}

/**
 * The yaml library's errors as a trainer should read them: the plain mistake when
 * `explainYaml` sees one where `yaml` stumbled (one problem for one mistake, not its cascade),
 * else `yaml`'s own words, one per line, with a hint only where it fits.
 */
function yamlErrors(
  found: readonly YAMLError[],
  text: string,
  file: string,
  positions: Positions,
): Problem[] {
  // A loop, not Math.min(...): 130,000 errors would overflow the stack as arguments.
  let firstLine = Number.POSITIVE_INFINITY;
  for (const e of found) firstLine = Math.min(firstLine, positions.at(e.pos[0]).line);
  const explained = found.some((e) => !YAML_CODES[e.code]) ? explainYaml(text) : [];
  const near = explained.filter((x) => x.code === 'tab-indent' || Math.abs(x.line - firstLine) <= 2);
  if (near.length > 0) return near.map((x) => makeProblem(file, x, [], 'error', x.code, x.params));
  const problems: Problem[] = [];
  const lineDone = new Set<number>();
  for (const e of found) {
    const code = YAML_CODES[e.code] ?? 'yaml-syntax';
    let at = positions.at(e.pos[0]);
    // `yaml` finds an unclosed [ or { on a later line: point at the line that left it open.
    if (/end with a [}\]]/.test(e.message) && !leftOpen(sourceLine(text, at.line))) {
      for (let line = at.line - 1; line >= Math.max(1, at.line - 5); line--) {
        const shown = sourceLine(text, line);
        if (!leftOpen(shown)) continue;
        at = { line, col: openAt(shown) + 1 };
        break;
      }
    }
    if (code === 'yaml-syntax') {
      if (lineDone.has(at.line)) continue;
      lineDone.add(at.line);
    }
    const key = code === 'duplicate-key' ? keyAt(text, e.pos[0]) : '';
    const hint = hintFor(e, sourceLine(text, at.line));
    const detail = hint ? `${plain(e.message)} (${hint})` : plain(e.message);
    problems.push(
      makeProblem(file, at, [], 'error', code, { detail, key, max: MAX_DEPTH, yamlCode: e.code }),
    );
  }
  return problems;
}

/** A hint about brackets and quotes only when one is really left open on the line. */
function hintFor(e: YAMLError, line: string): string | undefined {
  // An odd number of double quotes on the line: one of them is not closed.
  const oddQuotes = (line.replace(/\\"/g, '').match(/"/g) ?? []).length % 2 === 1;
  const unclosed = /end with a [}\]]/.test(e.message) || leftOpen(line) || oddQuotes;
  if (unclosed) return YAML_HINTS.MISSING_CHAR;
  if (e.code === 'MISSING_CHAR') return undefined;
  if (e.code === 'MULTILINE_IMPLICIT_KEY' && !/:\s/.test(line)) return YAML_HINTS.BLOCK_AS_IMPLICIT_KEY;
  return YAML_HINTS[e.code];
}

function leftOpen(line: string): boolean {
  return openAt(line) >= 0;
}

/** The index of the bracket or quote `line` leaves open (the outermost one), or -1. */
function openAt(line: string): number {
  const open: number[] = [];
  let quote = -1;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote >= 0) {
      if (c === '\\' && line[quote] === '"') i++;
      else if (c === line[quote]) quote = -1;
    } else if ((c === '"' || c === "'") && (i === 0 || /[\s,[{:]/.test(line[i - 1]!))) quote = i;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) break;
    else if (c === '{' || c === '[') open.push(i);
    else if (c === '}' || c === ']') open.pop();
  }
  return open[0] ?? quote;
}

/** Flow nesting past this is blanked out before parsing (see parseTree). */
const FLOW_CUT = 2 * MAX_DEPTH;

/**
 * One linear pass over the brackets: the spans nested more than FLOW_CUT deep (from their
 * opening bracket to its closing one), and, when such a run is never closed, the offset of its
 * bracket nested MAX_DEPTH + 1 deep. Brackets count in flow context and where a value starts
 * (after `: `, `- `, `? `, or at the start of a line); quoted text and comments are skipped.
 */
export function flowTooDeep(text: string): { cut: [number, number][]; unclosed: number } {
  const cut: [number, number][] = [];
  let depth = 0;
  let quote = '';
  let valueStart = true;
  let cutFrom = -1;
  let levelOver = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) {
        if (quote === "'" && text[i + 1] === "'") i++;
        else quote = '';
      }
      continue;
    }
    if (c === '\n') {
      valueStart = true;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf('\n', i);
      if (end < 0) break;
      i = end - 1;
      continue;
    }
    if ((c === '"' || c === "'") && (depth > 0 || valueStart)) {
      quote = c;
      continue;
    }
    if ((c === '[' || c === '{') && (depth > 0 || valueStart)) {
      depth++;
      if (depth === MAX_DEPTH + 1) levelOver = i;
      if (depth === FLOW_CUT + 1) cutFrom = i;
      continue;
    }
    if ((c === ']' || c === '}') && depth > 0) {
      if (depth === FLOW_CUT + 1) cut.push([cutFrom, i]);
      depth--;
      continue;
    }
    if (c === ' ' || c === '\t') continue;
    if ((c === '&' || c === '!') && valueStart) {
      // An anchor or a tag before a value (`key: &a [`): the value still starts after it.
      while (i + 1 < text.length && !/\s/.test(text[i + 1]!)) i++;
      continue;
    }
    // `key: `, `- ` and `? ` start a value; any other character is plain text in block context.
    valueStart = (c === ':' || c === '-' || c === '?') && /\s/.test(text[i + 1] ?? ' ');
  }
  return { cut, unclosed: depth > FLOW_CUT ? levelOver : -1 };
}

/** `text` with each span (from, to inclusive; in order) made spaces, line breaks kept. One pass. */
function blank(text: string, spans: [number, number][]): string {
  const parts: string[] = [];
  let at = 0;
  for (const [from, to] of spans) {
    parts.push(text.slice(at, from), text.slice(from, to + 1).replace(/[^\n]/g, ' '));
    at = to + 1;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** 1-based line and column of `offset` (for the few problems found before parsing). */
function lineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, col: offset - start + 1 };
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
