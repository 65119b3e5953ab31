/** "Did you mean …": the closest known name to a misspelt one, by edit distance. */

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * The known name closest to `word`, or undefined when none is close enough to be a likely typo
 * (case differences count as close; otherwise at most a third of the word may differ, max 3).
 */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  if (word.length > 64) return undefined;
  const lower = word.toLowerCase();
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    if (c === word) continue;
    // The distance is at least the difference in length: a far longer name (a 3 MB id) is
    // skipped without comparing it letter by letter.
    if (Math.abs(c.length - word.length) > limit) continue;
    const d = c.toLowerCase() === lower ? 0.5 : levenshtein(lower, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/** A readable list for "known: …", shortened when long. */
export function listKnown(names: Iterable<string>, max = 12): string {
  const all = [...names];
  if (all.length <= max) return all.join(', ');
  return `${all.slice(0, max).join(', ')}, … (${all.length - max} more)`;
}
