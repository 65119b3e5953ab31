/** Every message code is documented for trainers, and the "did you mean" helper behaves. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGE_CODES, messageText } from '../../src/scenario';
import { didYouMean, levenshtein, listKnown } from '../../src/scenario/suggest';

describe('messages', () => {
  it('every code is listed in docs/format.md', () => {
    const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'format.md'), 'utf8');
    const missing = MESSAGE_CODES.filter((code) => !doc.includes(`\`${code}\``));
    expect(missing).toEqual([]);
  });

  it('every code has a sentence', () => {
    for (const code of MESSAGE_CODES) expect(messageText(code, {}).length).toBeGreaterThan(5);
  });
});

describe('did you mean', () => {
  it('measures edit distance', () => {
    expect(levenshtein('efects', 'effects')).toBe(1);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('kitten', 'sitting')).toBe(3);
  });

  it('suggests close names, ignoring case, and nothing for far ones', () => {
    expect(didYouMean('efects', ['id', 'effects', 'when'])).toBe('effects');
    expect(didYouMean('turndeck', ['turnDeck', 'decks'])).toBe('turnDeck');
    expect(didYouMean('wm0', ['wmo', 'jeugd'])).toBe('wmo');
    expect(didYouMean('xyz', ['effects', 'when'])).toBeUndefined();
    expect(didYouMean('effects', ['effects'])).toBeUndefined();
  });

  it('shortens long lists of known names', () => {
    expect(listKnown(['a', 'b'])).toBe('a, b');
    expect(
      listKnown(
        Array.from({ length: 15 }, (_, i) => `k${i}`),
        12,
      ),
    ).toMatch(/k11, … \(3 more\)$/);
  });
});
