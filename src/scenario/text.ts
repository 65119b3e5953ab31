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
