/**
 * The scalar side of the fast YAML reader (`fast-yaml.ts`): character classes, one-line quoted
 * texts, `|` and `>` blocks and the YAML 1.2 core schema for plain scalars. Like the reader, every
 * function gives up (throws GIVE_UP) on anything it does not read exactly as `yaml` does.
 */

export const NL = 10;
export const SPACE = 32;
export const HASH = 35;
export const DQUOTE = 34;
export const SQUOTE = 39;
export const COMMA = 44;
export const DASH = 45;
export const COLON = 58;
export const QUESTION = 63;
export const LBRACKET = 91;
export const BACKSLASH = 92;
export const RBRACKET = 93;
export const LBRACE = 123;
export const RBRACE = 125;

/**
 * Characters and line starts this reader leaves to `yaml`: tabs, carriage returns (the caller
 * turns Windows line ends into plain ones first), control and non-characters (which YAML refuses
 * or treats specially), document markers and directives.
 */
export const UNSUPPORTED =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
  /[\t\r\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|^(?:---|\.\.\.|%)/m;
/** A plain scalar may not start with one of these (`-`, `?` and `:` only before a space). */
export const INDICATORS = new Set([...',[]{}#&*!|>\'"%@`'].map((c) => c.charCodeAt(0)));

class GiveUp {}
export const GIVE_UP = new GiveUp();
export function giveUp(): never {
  throw GIVE_UP;
}

export const isEnd = (c: number) => c === NL || Number.isNaN(c);
export const isBlankOrEnd = (c: number) => c === SPACE || isEnd(c);
export const isFlowEnd = (c: number) => c === COMMA || c === RBRACE || c === RBRACKET;

/**
 * A `|` or `>` block at `p` (optional `-`), its content more indented than `indent` and ending in
 * a line break: the text and the offset of the line after it.
 */
export function blockText(s: string, p: number, indent: number): [string, number] {
  const folded = s.charCodeAt(p) === 62;
  let q = p + 1;
  const strip = s.charCodeAt(q) === DASH;
  if (strip) q++;
  const c = s.charCodeAt(q);
  if (!(c === SPACE || c === NL)) giveUp();
  while (s.charCodeAt(q) === SPACE) q++;
  if (s.charCodeAt(q) === HASH && s.charCodeAt(q - 1) !== SPACE) giveUp();
  const headerEnd = s.indexOf('\n', q);
  if (headerEnd < 0) giveUp();
  if (s.charCodeAt(q) !== HASH && q !== headerEnd) giveUp();
  const lines: string[] = [];
  let contentIndent = -1;
  let line = headerEnd + 1;
  let trailingEmpty = 0;
  for (;;) {
    const nl = s.indexOf('\n', line);
    if (nl < 0) {
      // The last line has no line break: whether it belongs to the text is `yaml`'s call.
      if (line < s.length) giveUp();
      break;
    }
    let i = line;
    while (s.charCodeAt(i) === SPACE) i++;
    if (i === nl) {
      if (contentIndent < 0 || i - line > contentIndent) giveUp();
      lines.push('');
      trailingEmpty++;
      line = nl + 1;
      continue;
    }
    if (contentIndent < 0) {
      if (i - line <= indent) giveUp();
      contentIndent = i - line;
    }
    if (i - line < contentIndent) break;
    if (folded && i - line > contentIndent) giveUp();
    lines.push(s.slice(line + contentIndent, nl));
    trailingEmpty = 0;
    line = nl + 1;
  }
  if (contentIndent < 0) giveUp();
  lines.length -= trailingEmpty;
  let text = '';
  if (folded) {
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!;
      if (i > 0 && l !== '' && lines[i - 1] !== '') text += ' ';
      text += l === '' ? '\n' : l;
    }
  } else {
    text = lines.join('\n');
  }
  if (!strip) text += '\n';
  return [text, line];
}

/** A one-line quoted text starting at `p`: its value and the offset after the closing quote. */
export function quoted(s: string, p: number): [string, number] {
  const q = s.charCodeAt(p);
  let out = '';
  let chunk = p + 1;
  for (let i = p + 1; ; ) {
    const c = s.charCodeAt(i);
    if (isEnd(c)) giveUp();
    if (c === q) {
      if (q === SQUOTE && s.charCodeAt(i + 1) === SQUOTE) {
        out += s.slice(chunk, i + 1);
        i += 2;
        chunk = i;
        continue;
      }
      return [out + s.slice(chunk, i), i + 1];
    }
    if (c === BACKSLASH && q === DQUOTE) {
      out += s.slice(chunk, i);
      const [text, length] = escapeAt(s, i + 1);
      out += text;
      i += 1 + length;
      chunk = i;
      continue;
    }
    i++;
  }
}

/** Key characters this reader does not try to interpret (flow indicators in a block key). */
export const INDICATORS_IN_KEY = new Set([COMMA, LBRACKET, RBRACKET, LBRACE, RBRACE]);

const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '0': '\0',
  '"': '"',
  '\\': '\\',
  '/': '/',
};

/** A double-quoted escape after its backslash: its text and how many characters it took. */
export function escapeAt(s: string, i: number): [string, number] {
  const e = s[i] ?? '';
  const simple = ESCAPES[e];
  if (simple !== undefined) return [simple, 1];
  if (e === 'u') {
    const hex = s.slice(i + 1, i + 5);
    if (/^[0-9a-fA-F]{4}$/.test(hex)) return [String.fromCharCode(Number.parseInt(hex, 16)), 5];
  }
  return giveUp();
}

export function skipSpaces(s: string, p: number): number {
  while (s.charCodeAt(p) === SPACE) p++;
  return p;
}

export function plainStart(c: number, next: number): boolean {
  if (Number.isNaN(c) || c === SPACE || c === NL || INDICATORS.has(c)) return false;
  if (c === DASH || c === QUESTION || c === COLON) return !isBlankOrEnd(next) && !isFlowEnd(next);
  return true;
}

/** defineProperty keeps "__proto__" an ordinary own key instead of setting the prototype. */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

/** A plain value; numbers the walk would refuse (too large, not finite) take the slow path. */
export function plainValue(text: string): unknown {
  const value = resolvePlain(text);
  if (
    typeof value === 'number' &&
    (!Number.isFinite(value) || (Number.isInteger(value) && Math.abs(value) > Number.MAX_SAFE_INTEGER))
  )
    giveUp();
  return value;
}

/**
 * YAML 1.2 core schema, in the order the `yaml` library tries its tags. Most plain scalars in a
 * scenario are ids and words, so a first character that no tag accepts settles it at once.
 */
export function resolvePlain(v: string): unknown {
  const c = v.charCodeAt(0);
  const maybeTagged =
    (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 126 || 'nNtTfF'.includes(v[0] ?? '');
  if (!maybeTagged) return v;
  if (/^(?:~|[Nn]ull|NULL)$/.test(v)) return null;
  if (/^(?:[Tt]rue|TRUE)$/.test(v)) return true;
  if (/^(?:[Ff]alse|FALSE)$/.test(v)) return false;
  if (/^0o[0-7]+$/.test(v)) return Number.parseInt(v.slice(2), 8);
  if (/^[-+]?[0-9]+$/.test(v)) return Number.parseInt(v, 10);
  if (/^0x[0-9a-fA-F]+$/.test(v)) return Number.parseInt(v.slice(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(v)) {
    if (v.slice(-3).toLowerCase() === 'nan') return Number.NaN;
    return v[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(v)) return Number.parseFloat(v);
  return v;
}
