/**
 * The scenario content hash a session record carries. Until the scenario loader exports its own
 * `scenarioHash`, this is FNV-1a (32-bit) over the UTF-16 code units of the source text, as
 * 8 hex digits — enough to notice an edited file, not a security measure.
 */
export function sourceHash(source: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < source.length; i++) {
    h ^= source.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
