/**
 * Where in a scenario file the cursor is, read from the text as a trainer types it — half a key,
 * an open `{`, a line not finished. The YAML parser gives up on such text, so this reads the
 * indentation instead: the keys of the lines above with less indentation are the path, `- `
 * markers are list items, and on the cursor's own line an open flow map or list (`[ { meter: `)
 * adds its levels. Good enough for completion and hover; the loader stays the judge of the file.
 */

/** A path through the file: field names, and `[]` for "an item of this list". */
export type KeyPath = string[];

export interface CursorContext {
  /** The path of the map the cursor's field belongs to (for a value: the map holding its key). */
  path: KeyPath;
  /** `key`: a field name is being typed; `value`: the value of `key`. */
  mode: 'key' | 'value';
  /** The field whose value is being typed (value mode). */
  key?: string;
  /** The word before the cursor and where it starts (the text a completion replaces). */
  word: string;
  from: number;
}

export const ITEM = '[]';

interface LineShape {
  /** Columns of the `- ` markers, outermost first. */
  dashes: number[];
  /** Column where the content after indentation and dashes starts. */
  content: number;
  /** The field name when the content starts with `name:`. */
  key?: string;
  /** Whether the content is only `name:` (its value is the block below). */
  opensBlock: boolean;
  blank: boolean;
}

const KEY = /^(?:"([^"]*)"|'([^']*)'|([^\s:#{}[\],'"][^:#{}[\],]*?))\s*:(?:\s|$)/;

export function lineShape(line: string): LineShape {
  let i = 0;
  const dashes: number[] = [];
  for (;;) {
    while (i < line.length && line[i] === ' ') i++;
    if (line[i] === '-' && (i + 1 === line.length || line[i + 1] === ' ')) {
      dashes.push(i);
      i++;
      continue;
    }
    break;
  }
  const rest = line.slice(i);
  const blank = rest.trim() === '' || rest.trimStart().startsWith('#');
  const m = KEY.exec(rest);
  const key = m ? (m[1] ?? m[2] ?? m[3] ?? '').trim() : undefined;
  const after = m ? rest.slice(m[0].length).trim() : '';
  return { dashes, content: i, key, opensBlock: !!m && (after === '' || after.startsWith('#')), blank };
}

/**
 * The path of the block the line at `lineIndex` belongs to, when its entry starts at column
 * `col` (`seq`: the entry is a list item whose dash is at `col`).
 */
/** The lines of `text` before offset `end` (a line start), nearest first, read lazily: a large file is never split whole. */
export function* linesUp(text: string, end: number): Generator<string> {
  let stop = end - 1; // the line break before `end`
  while (stop >= 0) {
    const start = text.lastIndexOf('\n', stop - 1) + 1;
    yield text.slice(start, stop);
    stop = start - 1;
  }
}

/** The lines of `text` from offset `start` (a line start) on, read lazily. */
export function* linesDown(text: string, start: number): Generator<string> {
  let from = start;
  while (from < text.length) {
    const end = text.indexOf('\n', from);
    yield text.slice(from, end < 0 ? text.length : end);
    if (end < 0) return;
    from = end + 1;
  }
}

function parentPath(lines: Iterable<string>, col: number, seq: boolean): KeyPath {
  const out: KeyPath = [];
  let lookingCol = col;
  let lookingSeq = seq;
  for (const line of lines) {
    if (lookingCol < 0) break;
    const shape = lineShape(line);
    if (shape.blank && shape.dashes.length === 0) continue;
    const { dashes, content, key, opensBlock } = shape;
    if (lookingSeq) {
      if (dashes.includes(lookingCol)) {
        // A sibling item; the dashes before it (if any) are this list's parents.
        const outer = dashes.filter((d) => d < lookingCol);
        if (outer.length > 0) {
          for (let k = 0; k < outer.length; k++) out.push(ITEM);
          lookingCol = outer[0];
        }
        continue;
      }
      if (content < lookingCol || (content === lookingCol && dashes.length === 0 && opensBlock)) {
        if (key === undefined) break;
        out.push(key);
        if (dashes.length > 0) {
          for (let k = 0; k < dashes.length; k++) out.push(ITEM);
          lookingCol = dashes[0];
          lookingSeq = true;
        } else {
          lookingCol = content;
          lookingSeq = false;
        }
        if (lookingCol === 0 && !lookingSeq) break;
      }
      continue;
    }
    if (content === lookingCol && dashes.length > 0) {
      // A sibling field on the line of the item's dash: the map is that item.
      for (let k = 0; k < dashes.length; k++) out.push(ITEM);
      lookingCol = dashes[0];
      lookingSeq = true;
      continue;
    }
    if (content < lookingCol && !shape.blank) {
      if (key === undefined) break;
      out.push(key);
      if (dashes.length > 0) {
        for (let k = 0; k < dashes.length; k++) out.push(ITEM);
        lookingCol = dashes[0];
        lookingSeq = true;
      } else {
        lookingCol = content;
        lookingSeq = false;
        if (content === 0) break;
      }
    }
  }
  return out.reverse();
}

interface FlowFrame {
  kind: 'map' | 'seq';
}

/** What the open flow collections on the line say: the levels they add and the field being typed. */
function flowContext(text: string): { levels: KeyPath; mode: 'key' | 'value'; key?: string } | null {
  const frames: FlowFrame[] = [];
  const levels: KeyPath = [];
  let mode: 'key' | 'value' = 'key';
  let key: string | undefined;
  let token = '';
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      continue;
    }
    if (ch === '#' && (i === 0 || text[i - 1] === ' ')) break;
    if (ch === '{' || ch === '[') {
      if (frames.length > 0) levels.push(frames[frames.length - 1].kind === 'seq' ? ITEM : (key ?? ''));
      frames.push({ kind: ch === '{' ? 'map' : 'seq' });
      mode = ch === '{' ? 'key' : 'value';
      key = undefined;
      token = '';
      continue;
    }
    if (ch === '}' || ch === ']') {
      frames.pop();
      levels.pop();
      mode = 'value';
      token = '';
      continue;
    }
    if (frames.length === 0) continue;
    const top = frames[frames.length - 1];
    if (ch === ',') {
      mode = top.kind === 'map' ? 'key' : 'value';
      key = undefined;
      token = '';
      continue;
    }
    if (ch === ':' && top.kind === 'map' && mode === 'key') {
      key = token.trim();
      mode = 'value';
      token = '';
      continue;
    }
    token += ch;
  }
  if (frames.length === 0) return null;
  const top = frames[frames.length - 1];
  if (top.kind === 'seq') return { levels: [...levels, ITEM], mode: 'key' };
  return { levels, mode, key };
}

const WORD = /[A-Za-z0-9_-]*$/;

/** The cursor's context at `offset` in `text`. */
export function cursorContext(text: string, offset: number): CursorContext {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const word = WORD.exec(before)?.[0] ?? '';
  const from = offset - word.length;
  const shape = lineShape(before);
  const seqEntry = shape.dashes.length > 0;
  const up = parentPath(linesUp(text, lineStart), seqEntry ? shape.dashes[0] : shape.content, seqEntry);
  const own: KeyPath = shape.dashes.map(() => ITEM);
  const content = before.slice(shape.content);
  const colon = KEY.exec(content) ?? /^([^\s:#{}[\],'"][^:#{}[\],]*?)\s*:$/.exec(content);
  if (!colon) return { path: [...up, ...own], mode: 'key', word, from };
  const key = (colon[1] ?? colon[2] ?? colon[3] ?? '').trim();
  const flow = flowContext(content.slice(colon[0].length));
  if (!flow) return { path: [...up, ...own], mode: 'value', key, word, from };
  return { path: [...up, ...own, key, ...flow.levels], mode: flow.mode, key: flow.key, word, from };
}
