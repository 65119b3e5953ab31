/**
 * Localised scenario text. A text is one string for every language or a map of language code
 * to string; a missing language falls back to the scenario's first language, then to any text
 * at all, so a workshop never shows an empty card.
 */
import type { Text } from './schema';

export function localize(text: Text | undefined, lang: string, languages: readonly string[]): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[lang] ?? text[languages[0] ?? ''] ?? Object.values(text)[0] ?? '';
}

/** `rounds.label` with `{{n}}` replaced by the round number (plain text substitution, nothing evaluated). */
export function roundLabel(label: Text, n: number, lang: string, languages: readonly string[]): string {
  return localize(label, lang, languages).replaceAll('{{n}}', String(n));
}

/**
 * Characters that are never text in a scenario or a name: C0 controls other than tab and line
 * breaks, DEL, C1 controls (ESC sequences set a terminal's title and colours), and the bidi
 * embeddings, overrides and isolates (U+202E shows "gnp.exe" as "exe.png").
 */
export function isControl(code: number): boolean {
  return (
    (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

/** The index of the first control character in `s` (see `isControl`), or -1. */
export function controlIndex(s: string): number {
  for (let i = 0; i < s.length; i++) if (isControl(s.charCodeAt(i))) return i;
  return -1;
}

/** `U+202E`: how a problem names a character. */
export function codePoint(s: string, i: number): string {
  return `U+${(s.codePointAt(i) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `s` without control characters (a participant's name typed or pasted with one). */
export function withoutControls(s: string): string {
  return controlIndex(s) < 0 ? s : Array.from(s, (c) => (isControl(c.charCodeAt(0)) ? '' : c)).join('');
}

/**
 * `s` safe for a terminal: every control character (and a line break or tab, when `oneLine`)
 * written as `\u001b`, so an escape sequence in a file is shown, never obeyed. The same escape
 * as JSON's, so JSON output stays valid JSON.
 */
export function printable(s: string, oneLine = false): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (!isControl(code) && !(oneLine && (code === 0x0a || code === 0x0d || code === 0x09))) continue;
    out += `${s.slice(from, i)}\\u${code.toString(16).padStart(4, '0')}`;
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}
