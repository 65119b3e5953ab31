/**
 * Where is it in the file? A small JSON scanner that turns an offset into a line and column,
 * finds the first syntax error of a text, and finds where the value at a path starts.
 *
 * `JSON.parse` does the real parsing (fast, and never builds prototypes from keys); this runs
 * only when something is wrong, because the engines' own error messages differ per browser
 * (Chromium gives a position, Safari none) and a facilitator needs "line 12, column 5" either way.
 * Pure: no DOM, runs in Node and the browser alike.
 */

export interface Position {
  line: number;
  col: number;
}

export type PathKey = string | number;

export type JsonSyntax =
  | { ok: true }
  /** `truncated` is set when the text ended while a value was still open (a cut-off write). */
  | { ok: false; offset: number; message: string; truncated: boolean };

/** 1-based line and column of an offset (a column counts UTF-16 code units, as editors mostly do). */
export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, col: offset - start + 1 };
}

class Stop extends Error {
  constructor(
    readonly offset: number,
    readonly why: string,
    readonly truncated: boolean,
  ) {
    super(why);
  }
}

/** Deeper than this is refused rather than risking the stack on hostile input. */
const MAX_DEPTH = 512;
const END = 'the text ends too early';
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/**
 * Scans the text once. With `target`, stops and returns the offset where the value at that path
 * starts (or the innermost existing parent's, when the path does not exist).
 */
function scan(text: string, target?: readonly PathKey[]): { found: number } {
  let i = 0;
  let best = 0;
  const n = text.length;

  const fail = (why: string): never => {
    // Running out of text inside an open value is what a cut-off write looks like.
    throw new Stop(Math.min(i, n), why, why === END || i >= n);
  };
  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const describeHere = () => (i >= n ? END : `unexpected ${JSON.stringify(text[i])}`);

  const string = () => {
    i++; // opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return;
      }
      if (c < 32) fail('a control character inside a string (a line break must be written as \\n)');
      if (c === 92) {
        const e = text[i + 1];
        if (e === undefined) {
          i++;
          fail(END);
        }
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            i += 2;
            fail(i + 4 > n ? END : 'a \\u escape needs four hex digits');
          }
          i += 6;
        } else if ('"\\/bfnrt'.includes(e)) i += 2;
        else {
          i++;
          fail(`unknown escape \\${e}`);
        }
      } else i++;
    }
    fail(END);
  };

  const number = () => {
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m) fail(i + 1 >= n ? END : describeHere());
    i += m![0].length;
  };

  const literal = (word: string) => {
    const got = text.slice(i, i + word.length);
    if (got === word) {
      i += word.length;
      return;
    }
    if (word.startsWith(got) && i + got.length >= n) {
      i = n;
      fail(END);
    }
    fail(describeHere());
  };

  // `on` is whether the path so far is a prefix of the target; `depth` how much of it matched.
  const value = (depth: number, on: boolean) => {
    if (depth > MAX_DEPTH) fail('nested too deeply');
    ws();
    if (on) {
      best = i;
      if (target && depth === target.length) throw { found: i };
    }
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"')
          fail(i >= n ? END : `expected a "quoted" key, found ${describeHere().replace('unexpected ', '')}`);
        const keyStart = i;
        string();
        const key = JSON.parse(text.slice(keyStart, i)) as string;
        ws();
        if (text[i] !== ':')
          fail(i >= n ? END : `expected ":" after a key, found ${JSON.stringify(text[i])}`);
        i++;
        value(depth + 1, on && target !== undefined && target[depth] === key);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail(i >= n ? END : `expected "," or "}", found ${JSON.stringify(text[i])}`);
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (let k = 0; ; k++) {
        value(depth + 1, on && target !== undefined && target[depth] === k);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail(i >= n ? END : `expected "," or "]", found ${JSON.stringify(text[i])}`);
      }
    }
    if (c === '"') return string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    fail(i >= n ? END : `unexpected ${JSON.stringify(c)}`);
  };

  try {
    value(0, true);
    ws();
    if (i < n) fail(`unexpected ${JSON.stringify(text[i])} after the end of the data`);
  } catch (e) {
    if (e instanceof Stop) throw e;
    if (e && typeof e === 'object' && 'found' in e) return e as { found: number };
    throw e;
  }
  return { found: best };
}

/** The first syntax error of a JSON text, if any. Never throws. */
export function checkJsonSyntax(text: string): JsonSyntax {
  try {
    scan(text);
    return { ok: true };
  } catch (e) {
    if (e instanceof Stop) return { ok: false, offset: e.offset, message: e.why, truncated: e.truncated };
    return { ok: false, offset: 0, message: String(e), truncated: false };
  }
}

/**
 * Where the value at `path` starts in a (valid) JSON text; for a path that does not exist,
 * where its deepest existing parent starts. Undefined when the text is not valid JSON.
 */
export function locatePath(text: string, path: readonly PathKey[]): Position | undefined {
  try {
    return positionAt(text, scan(text, path).found);
  } catch {
    return undefined;
  }
}
