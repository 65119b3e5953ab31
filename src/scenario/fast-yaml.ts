/**
 * A fast reader for the plain YAML that scenario files are written in: block maps and lists,
 * one-line flow maps and lists, one-line quoted texts, `|` and `>` blocks, plain scalars and
 * comments. It gives exactly what the `yaml` library's walk in `source.ts` gives — the same data,
 * key order and source positions — about ten times faster, because it builds no syntax tree.
 *
 * Anything outside that subset (anchors, tags, multi-line flows or texts, tabs, `---`, …) and
 * anything that is or might be an error makes it give up: the caller then parses with `yaml`,
 * which reports problems in its own located words. So this reader never has to explain an error,
 * and a test holds it against `yaml` on every shipped file and on thousands of mutated ones.
 */
import {
  blockText,
  COLON,
  COMMA,
  DASH,
  DQUOTE,
  GIVE_UP,
  giveUp,
  HASH,
  INDICATORS_IN_KEY,
  isBlankOrEnd,
  isEnd,
  isFlowEnd,
  LBRACE,
  LBRACKET,
  NL,
  plainStart,
  plainValue,
  quoted,
  RBRACE,
  RBRACKET,
  resolvePlain,
  SPACE,
  SQUOTE,
  setOwn,
  skipSpaces,
  UNSUPPORTED,
} from './fast-yaml-scalars';
import type { Positions } from './source';

/** Below the walk's MAX_DEPTH: a file that deep takes the slow path, which reports it. */
const MAX_FAST_DEPTH = 48;
/** YAML's limit on an implicit key is 1,024 characters; longer keys take the slow path. */
const MAX_KEY = 1000;

/** Blank and comment lines, then `---` alone on its line (a comment may follow). */
const DOCUMENT_START = /^((?:[ ]*(?:#[^\n]*)?\n)*)---(?=(?:[ ]+#[^\n]*)?[ ]*\n)/;

export interface FastTree {
  data: Record<string, unknown>;
  /** Offset of the root map (its first key), as `yaml` gives it. */
  rootOffset: number;
}

/**
 * The file as plain data, or undefined when it must take the `yaml` path. With `positions`, every
 * value's offset is recorded too; without, reading is cheaper (see `parseTree`).
 */
export function readFast(text: string, positions: Positions | null): FastTree | undefined {
  // A `---` line before the first key only starts the (one) document: read it as a blank line,
  // which keeps every offset. Any other marker is left to `yaml`.
  const marker = DOCUMENT_START.exec(text);
  const body = marker ? `${text.slice(0, marker[1]!.length)}   ${text.slice(marker[1]!.length + 3)}` : text;
  if (UNSUPPORTED.test(body)) return undefined;
  try {
    return new Reader(body, positions).document();
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    throw e;
  }
}

class Reader {
  private pos = 0;
  /** Indentation of the content line `pos` is on, -1 at the end of the text. */
  private indent = -1;

  constructor(
    private readonly s: string,
    private readonly positions: Positions | null,
  ) {}

  document(): FastTree {
    this.nextLine();
    const rootOffset = this.pos;
    if (this.indent !== 0 || this.keyEnd(this.pos) < 0) giveUp();
    const data = this.blockMap(0, 0);
    if (!this.atEnd()) giveUp();
    return { data, rootOffset };
  }

  private atEnd(): boolean {
    return this.indent < 0;
  }

  /** From a line start, skips blank and comment lines; `pos` ends on the next content. */
  private nextLine(): void {
    const s = this.s;
    let line = this.pos;
    for (;;) {
      let i = line;
      while (s.charCodeAt(i) === SPACE) i++;
      const c = s.charCodeAt(i);
      if (c === HASH || c === NL) {
        const nl = c === NL ? i : s.indexOf('\n', i);
        if (nl < 0) break;
        line = nl + 1;
        continue;
      }
      if (Number.isNaN(c)) break;
      this.pos = i;
      this.indent = i - line;
      return;
    }
    this.pos = s.length;
    this.indent = -1;
  }

  /** After a value ending at `p`: only spaces and a comment may follow on its line. */
  private finishLine(p: number): void {
    const s = this.s;
    while (s.charCodeAt(p) === SPACE) p++;
    const c = s.charCodeAt(p);
    if (c === HASH && s.charCodeAt(p - 1) === SPACE) {
      const nl = s.indexOf('\n', p);
      this.pos = nl < 0 ? s.length : nl + 1;
    } else if (isEnd(c)) {
      this.pos = c === NL ? p + 1 : p;
    } else {
      giveUp();
    }
    this.nextLine();
  }

  private isListItem(p: number): boolean {
    return this.s.charCodeAt(p) === DASH && isBlankOrEnd(this.s.charCodeAt(p + 1));
  }

  private blockNode(depth: number): unknown {
    if (this.isListItem(this.pos)) return this.blockList(this.indent, depth);
    if (this.keyEnd(this.pos) < 0) giveUp();
    return this.blockMap(this.indent, depth);
  }

  /**
   * Nothing after the key's colon or the dash at `p`: the value is the block on the next lines
   * (in a map, a list may also start at the key's own indentation), or null. Returns it and where
   * it starts.
   */
  private valueBelow(p: number, indent: number, depth: number, mapValue: boolean): [unknown, number] {
    this.finishLine(p);
    const at = this.pos;
    if (this.indent > indent) return [this.blockNode(depth), at];
    if (mapValue && this.indent === indent && this.isListItem(at)) return [this.blockList(indent, depth), at];
    return [null, p];
  }

  private blockMap(indent: number, depth: number): Record<string, unknown> {
    if (depth > MAX_FAST_DEPTH) giveUp();
    const s = this.s;
    const obj: Record<string, unknown> = {};
    const table = this.positions?.table(obj);
    for (;;) {
      const keyStart = this.pos;
      const afterColon = this.keyEnd(keyStart);
      if (afterColon < 0) giveUp();
      const key = this.keyText(keyStart, afterColon);
      if (Object.hasOwn(obj, key)) giveUp();
      let p = afterColon;
      while (s.charCodeAt(p) === SPACE) p++;
      let at = p;
      let value: unknown;
      const c = s.charCodeAt(p);
      if (c === HASH || isEnd(c)) {
        [value, at] = this.valueBelow(p, indent, depth + 1, true);
      } else {
        value = this.inlineValue(p, indent, depth + 1);
        if (this.indent > indent) giveUp();
      }
      table?.set(key, { v: at, k: keyStart });
      setOwn(obj, key, value);
      if (this.indent !== indent) {
        if (this.indent > indent) giveUp();
        return obj;
      }
      if (this.isListItem(this.pos)) giveUp();
    }
  }

  private blockList(indent: number, depth: number): unknown[] {
    if (depth > MAX_FAST_DEPTH) giveUp();
    const s = this.s;
    const list: unknown[] = [];
    const table = this.positions?.table(list);
    for (;;) {
      const lineStart = this.pos - this.indent;
      let p = this.pos + 1;
      while (s.charCodeAt(p) === SPACE) p++;
      let at = p;
      let value: unknown;
      const c = s.charCodeAt(p);
      if (c === HASH || isEnd(c)) {
        [value, at] = this.valueBelow(p, indent, depth + 1, false);
      } else if (this.isListItem(p) || this.keyEnd(p) >= 0) {
        // A compact list or map on the dash's line: its indentation is where it starts.
        this.pos = p;
        this.indent = p - lineStart;
        value = this.blockNode(depth + 1);
      } else {
        value = this.inlineValue(p, indent, depth + 1);
      }
      table?.set(list.length, { v: at });
      list.push(value);
      if (this.indent !== indent || !this.isListItem(this.pos)) {
        if (this.indent > indent) giveUp();
        return list;
      }
    }
  }

  /**
   * Where a block map key starting at `p` ends: the offset after its colon, or -1 when the line
   * does not start with a key this reader understands.
   */
  private keyEnd(p: number): number {
    const s = this.s;
    const c = s.charCodeAt(p);
    if (c === DQUOTE || c === SQUOTE) {
      let q = quoted(s, p)[1];
      while (s.charCodeAt(q) === SPACE) q++;
      return s.charCodeAt(q) === COLON && isBlankOrEnd(s.charCodeAt(q + 1)) ? q + 1 : -1;
    }
    if (!plainStart(c, s.charCodeAt(p + 1))) return -1;
    for (let q = p; q - p <= MAX_KEY; q++) {
      const ch = s.charCodeAt(q);
      if (ch === COLON) {
        if (isBlankOrEnd(s.charCodeAt(q + 1))) return q + 1;
      } else if (isEnd(ch) || (ch === HASH && s.charCodeAt(q - 1) === SPACE)) {
        return -1;
      }
    }
    return -1;
  }

  private keyText(start: number, afterColon: number): string {
    const s = this.s;
    const c = s.charCodeAt(start);
    if (c === DQUOTE || c === SQUOTE) return quoted(s, start)[0];
    let end = afterColon - 1;
    while (s.charCodeAt(end - 1) === SPACE) end--;
    return String(resolvePlain(s.slice(start, end)));
  }

  /** A value that starts on the key's (or dash's) line; leaves `pos` on the next content line. */
  private inlineValue(p: number, indent: number, depth: number): unknown {
    const s = this.s;
    const c = s.charCodeAt(p);
    if (c === LBRACE || c === LBRACKET) {
      const [value, end] = this.flow(p, depth);
      this.finishLine(end);
      return value;
    }
    if (c === DQUOTE || c === SQUOTE) {
      const [value, end] = quoted(s, p);
      this.finishLine(end);
      return value;
    }
    if (c === 124 /* | */ || c === 62 /* > */) {
      const [text, next] = blockText(s, p, indent);
      this.pos = next;
      this.nextLine();
      return text;
    }
    if (!plainStart(c, s.charCodeAt(p + 1))) giveUp();
    let q = p;
    for (;;) {
      const ch = s.charCodeAt(q);
      if (isEnd(ch) || (ch === HASH && s.charCodeAt(q - 1) === SPACE)) break;
      if (ch === COLON && isBlankOrEnd(s.charCodeAt(q + 1))) giveUp();
      q++;
    }
    let end = q;
    while (s.charCodeAt(end - 1) === SPACE) end--;
    const value = plainValue(s.slice(p, end));
    this.finishLine(end);
    return value;
  }

  /** A one-line flow map or list starting at `p`: its value and the offset after it. */
  private flow(p: number, depth: number): [unknown, number] {
    if (depth > MAX_FAST_DEPTH) giveUp();
    const s = this.s;
    const isMap = s.charCodeAt(p) === LBRACE;
    const close = isMap ? RBRACE : RBRACKET;
    const out: Record<string, unknown> | unknown[] = isMap ? {} : [];
    const table = this.positions?.table(out);
    p = skipSpaces(s, p + 1);
    if (s.charCodeAt(p) === close) return [out, p + 1];
    for (let i = 0; ; i++) {
      if (isMap) {
        const keyStart = p;
        const [key, afterKey] = this.flowKey(p);
        if (Object.hasOwn(out, key)) giveUp();
        const at = skipSpaces(s, afterKey);
        const [value, end] = this.flowValue(at, depth + 1);
        table?.set(key, { v: at, k: keyStart });
        setOwn(out as Record<string, unknown>, key, value);
        p = skipSpaces(s, end);
      } else {
        const [value, end] = this.flowValue(p, depth + 1);
        table?.set(i, { v: p });
        (out as unknown[]).push(value);
        p = skipSpaces(s, end);
      }
      const c = s.charCodeAt(p);
      if (c === close) return [out, p + 1];
      if (c !== COMMA) giveUp();
      p = skipSpaces(s, p + 1);
      if (isFlowEnd(s.charCodeAt(p))) giveUp();
    }
  }

  /** A flow map key and the offset after its `: `. */
  private flowKey(p: number): [string, number] {
    const s = this.s;
    const c = s.charCodeAt(p);
    let key: string;
    let q: number;
    if (c === DQUOTE || c === SQUOTE) {
      [key, q] = quoted(s, p);
      q = skipSpaces(s, q);
      if (s.charCodeAt(q) !== COLON) giveUp();
    } else {
      if (!plainStart(c, s.charCodeAt(p + 1))) giveUp();
      q = p;
      for (;;) {
        const ch = s.charCodeAt(q);
        if (ch === COLON) {
          if (s.charCodeAt(q + 1) === SPACE) break;
          giveUp();
        }
        if (isEnd(ch) || ch === HASH || INDICATORS_IN_KEY.has(ch)) giveUp();
        q++;
      }
      let end = q;
      while (s.charCodeAt(end - 1) === SPACE) end--;
      key = String(resolvePlain(s.slice(p, end)));
    }
    if (s.charCodeAt(q + 1) !== SPACE) giveUp();
    return [key, q + 1];
  }

  private flowValue(p: number, depth: number): [unknown, number] {
    const s = this.s;
    const c = s.charCodeAt(p);
    if (c === LBRACE || c === LBRACKET) return this.flow(p, depth);
    if (c === DQUOTE || c === SQUOTE) {
      const result = quoted(s, p);
      if (s.charCodeAt(skipSpaces(s, result[1])) === COLON) giveUp();
      return result;
    }
    if (!plainStart(c, s.charCodeAt(p + 1))) giveUp();
    let q = p;
    for (;;) {
      const ch = s.charCodeAt(q);
      if (isFlowEnd(ch)) break;
      if (isEnd(ch) || ch === HASH || ch === LBRACE || ch === LBRACKET) giveUp();
      if (ch === COLON) {
        const next = s.charCodeAt(q + 1);
        if (next === SPACE || isFlowEnd(next)) giveUp();
      }
      q++;
    }
    let end = q;
    while (s.charCodeAt(end - 1) === SPACE) end--;
    return [plainValue(s.slice(p, end)), end];
  }
}
