/**
 * The one way a scenario file's bytes become text, on every path (the CLI, a file opened or
 * dropped in the game, the dev server's live reload): strict UTF-8, so a file saved in
 * Windows-1252 is refused with a located, plain message instead of being shown with "�" in it.
 * No DOM and no Node here: TextDecoder exists in both.
 */
import { makeProblem, type Problem } from './problems';

export type Decoded = { ok: true; text: string } | { ok: false; problem: Problem };

const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/** Text from a string or UTF-8 bytes; a byte-order mark is dropped. Invalid UTF-8 is located. */
export function decodeScenarioText(source: string | Uint8Array, file: string): Decoded {
  let text: string;
  if (typeof source === 'string') text = source;
  else {
    try {
      text = strict.decode(source);
    } catch {
      return { ok: false, problem: notUtf8(source, file) };
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text };
}

/** The problem at the first character the strict decoder refused (where the lenient one put "�"). */
function notUtf8(bytes: Uint8Array, file: string): Problem {
  const shown = lenient.decode(bytes);
  let bad = shown.indexOf('\uFFFD');
  // A real "�" (EF BF BD) before the bad byte is rare; skip the ones the file really holds.
  while (bad >= 0 && strictPrefixOk(shown.slice(0, bad + 1))) bad = shown.indexOf('\uFFFD', bad + 1);
  const before = shown.slice(0, Math.max(0, bad)).replace(/^\uFEFF/, '');
  const lines = before.split('\n');
  const at = { line: lines.length, col: (lines[lines.length - 1] ?? '').length + 1 };
  return makeProblem(file, at, [], 'error', 'not-utf8', { line: at.line });

  function strictPrefixOk(prefix: string): boolean {
    const encoded = new TextEncoder().encode(prefix);
    return encoded.length <= bytes.length && encoded.every((b, i) => b === bytes[i]);
  }
}
