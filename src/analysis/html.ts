/**
 * Building HTML safely: scenario text is data, never markup. Every value put into a page goes
 * through the `html` tagged template, which escapes strings and numbers; only what `html` itself
 * built (an `Html`) is inserted as it is. There is no other way to make an `Html` than `html` and
 * `trusted` (for the fixed CSS of this module's callers, never for scenario or user text).
 */

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Part = string | number | Html | null | undefined | false | readonly Part[];

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text as HTML text or a quoted attribute value: & < > " ' escaped. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  return esc(String(part));
}

/** The tagged template: `html\`<td>${name}</td>\`` escapes `name`; nested `html` results stay as they are. */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new Html(out);
}

/** Fixed markup written in this code base (a style sheet): never pass scenario or user text. */
export function trusted(markup: string): Html {
  return new Html(markup);
}

/** A number for an SVG attribute: finite, at most 2 decimals. */
export function num(n: number): string {
  return Number.isFinite(n) ? String(Math.round(n * 100) / 100) : '0';
}
