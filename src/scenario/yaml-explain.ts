/**
 * Plain words for a broken YAML file. When the `yaml` library refuses a file, one mistake often
 * comes back as a cascade of messages about "implicit keys" and "compact mappings" on several
 * lines. Trainers make three mistakes most — a tab in the indentation, a text with ": " in it
 * without quotes, a line indented one level wrong — and each has a plain fix. This module reads
 * the file line by line, the way block-style YAML is written, and names the first such mistake
 * (every tab line, when there are tabs). The loader uses it only when `yaml` found an error near
 * the same line, so a valid file is never second-guessed.
 */
import type { MessageParams } from './messages';

export interface Explained {
  line: number;
  col: number;
  code: 'tab-indent' | 'needs-quotes' | 'bad-indent' | 'missing-colon' | 'dash-space';
  params: MessageParams;
}

interface Level {
  indent: number;
  kind: 'map' | 'seq';
  /** The line of the last item at this level (1-based), to point at as an example. */
  line: number;
  /** The field whose value this list or map is, when known. */
  under?: string;
}

const KEY = /^((?:"[^"]*"|'[^']*'|[^\s#'"{}[\],&*!|>%@`-][^:#]*?|-[^\s:#][^:#]*?)):(?:\s+|$)/;
const BLOCK_SCALAR = /^[|>][-+0-9]*\s*(?:#.*)?$/;

/** The value part of a line without a trailing comment (` # …`), outside quotes. */
function stripComment(value: string): string {
  let quote = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(value[i - 1]!))) return value.slice(0, i).trimEnd();
  }
  return value.trimEnd();
}

/** How far `text` leaves brackets open, and whether a quote stays open (a multi-line text). */
function openings(text: string, start: { depth: number; quote: string }): { depth: number; quote: string } {
  let { depth, quote } = start;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      // A quote inside a plain word (it's) is not an opening quote.
      if (i === 0 || /[\s,[{:]/.test(text[i - 1]!)) quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) break;
    else if (c === '{' || c === '[') depth++;
    else if ((c === '}' || c === ']') && depth > 0) depth--;
  }
  return { depth, quote };
}

/**
 * The plain mistakes in `text`: every line indented with a tab, or else the first text that
 * needs quotes or the first line on the wrong level. Empty when it sees none.
 */
export function explainYaml(text: string): Explained[] {
  const lines = text.split('\n');
  const tabs: Explained[] = [];
  let first: Explained | null = null;
  const stack: Level[] = [];
  /** The previous line opened a block: its indent, and the field it opened, when a field. */
  let open: { indent: number; key?: string } | null = null;
  let scalarParent: number | null = null;
  let carry = { depth: 0, quote: '' };

  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const raw = (lines[i] ?? '').replace(/\r$/, '');
    const lead = /^[ \t]*/.exec(raw)![0];
    const rest = raw.slice(lead.length);
    if (scalarParent !== null) {
      // The lines of a | or > text: anything indented deeper than its field, and blank lines.
      if (rest === '' || (lead.length > scalarParent && !lead.startsWith(`${' '.repeat(scalarParent)}\t`)))
        continue;
      scalarParent = null;
    }
    if (carry.depth > 0 || carry.quote) {
      carry = openings(raw, carry);
      continue;
    }
    if (rest === '' || rest.startsWith('#')) continue;
    if (lead.includes('\t')) {
      tabs.push({ line: lineNo, col: lead.indexOf('\t') + 1, code: 'tab-indent', params: { line: lineNo } });
      continue;
    }
    if (first || tabs.length) continue;
    if (lead.length === 0 && /^(---|\.\.\.|%)/.test(rest)) continue;

    let indent = lead.length;
    let content = rest;
    if (!(content.startsWith('- ') || content === '-') && !KEY.test(content)) {
      const top = stack[stack.length - 1];
      const word = /^([A-Za-z][\w-]*)\s+(\S.*)$/.exec(content);
      if (!open && top?.kind === 'map' && indent <= top.indent && word) {
        // At the level of the fields above and not a field itself: the colon is missing.
        const fixed = `${word[1]}: ${word[2]}`;
        first = { line: lineNo, col: indent + 1, code: 'missing-colon', params: { key: word[1]!, fixed } };
        continue;
      }
      // A plain text running on from the line above, or a lone value: no level of its own.
      carry = openings(content, carry);
      continue;
    }
    if (/^-[A-Za-z]/.test(content) && stack.some((l) => l.kind === 'seq' && l.indent === indent)) {
      // `-id: x` where the list items above read `- id:`: the space after the dash is missing.
      const fixed = `- ${content.slice(1)}`;
      first = { line: lineNo, col: indent + 1, code: 'dash-space', params: { fixed } };
      continue;
    }
    let wrong = place(indent, content.startsWith('- ') || content === '-' ? 'seq' : 'map', lineNo);
    if (wrong) {
      first = wrong;
      continue;
    }
    // `- - x` and `- key: value`: the parts after each dash sit one level deeper.
    while (content.startsWith('- ') || content === '-') {
      const after = content.slice(1);
      const gap = /^\s*/.exec(after)![0].length;
      if (after.trim() === '' || after.trim().startsWith('#')) {
        open = { indent };
        content = '';
        break;
      }
      indent = indent + 1 + gap;
      content = after.slice(gap);
      wrong = place(indent, content.startsWith('- ') ? 'seq' : 'map', lineNo, true);
      if (wrong) break;
    }
    if (wrong) {
      first = wrong;
      continue;
    }
    if (content === '') continue;
    const key = KEY.exec(content);
    if (!key) {
      carry = openings(content, carry);
      continue;
    }
    const value = stripComment(content.slice(key[0].length));
    const valueCol = indent + key[0].length + 1;
    if (value === '') open = { indent, key: key[1] };
    else if (BLOCK_SCALAR.test(value)) scalarParent = indent;
    else if (!/^["'{[&*!|>%@`]/.test(value) && (/:\s/.test(value) || value.endsWith(':'))) {
      first = {
        line: lineNo,
        col: valueCol,
        code: 'needs-quotes',
        params: { key: key[1]!, text: value, fixed: `${key[1]}: "${value.replaceAll('"', '\\"')}"` },
      };
    } else carry = openings(value, carry);
  }
  return tabs.length ? tabs : first ? [first] : [];

  /**
   * Fit a map field or list item starting at `indent` into the open levels; the mistake when it
   * fits none. `nested` is the part after a dash: always a new, deeper level.
   */
  function place(indent: number, kind: 'map' | 'seq', lineNo: number, nested = false): Explained | null {
    if (nested) {
      stack.push({ indent, kind, line: lineNo });
      return null;
    }
    const opened = open;
    open = null;
    const top = stack[stack.length - 1];
    if (opened && (indent > opened.indent || (kind === 'seq' && indent === opened.indent && opened.key))) {
      stack.push({ indent, kind, line: lineNo, under: opened.key });
      return null;
    }
    let popped: Level | undefined;
    while (stack.length && stack[stack.length - 1]!.indent > indent) popped = stack.pop();
    const now = stack[stack.length - 1];
    if (!now && !top) {
      stack.push({ indent, kind, line: lineNo });
      return null;
    }
    if (now && now.indent === indent && now.kind === kind) {
      now.line = lineNo;
      return null;
    }
    // The level this line most likely belongs to: the nearest open one of its kind.
    const candidates = [...stack].reverse().filter((l) => l.kind === kind);
    if (popped && popped.kind === kind) candidates.unshift(popped);
    if (!now && popped && popped.kind !== kind && top && top.kind === kind) candidates.unshift(top);
    const target =
      indent > (top?.indent ?? 0) && top?.kind === kind
        ? top
        : (candidates.find((l) => l.indent !== indent) ?? (popped?.kind === kind ? popped : undefined));
    if (!target) return null;
    const params: MessageParams = { got: indent + 1, want: target.indent + 1, like: target.line };
    if (target.under) params.under = target.under;
    return { line: lineNo, col: indent + 1, code: 'bad-indent', params };
  }
}
