import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBar } from './bar';

const fixture = join(import.meta.dirname, '..', 'fixtures', 'analysis', 'unbalanced.yaml');

describe('the bar for shipped scenarios', () => {
  const result = checkBar(fixture, 300, 100);
  const check = (start: string) => {
    const found = result.checks.find((c) => c.name.startsWith(start));
    if (!found) throw new Error(`no check "${start}"`);
    return found;
  };

  it('fails a scenario that misses it, saying what to fix', () => {
    expect(check('loads with zero errors').ok).toBe(false);
    expect(check('loads with zero errors').detail).toMatch(/afwachten/);
    expect(check('Dutch and English').ok).toBe(false);
    expect(check('Dutch and English').detail).toContain(
      'scenario{unbalanced}.decks[0]{stapel}.cards[0]{vraag}.options[2]{afwachten}.label (no en)',
    );
    expect(check('every ending reached').ok).toBe(false);
    expect(check('every ending reached').detail).toContain('ending "utopie" never reached');
    expect(check('no walkover').ok).toBe(false);
    expect(check('no walkover').detail).toMatch(
      /strategy best-welzijn reaches the best ending "bloei" in 100.0%/,
    );
    expect(check('at least 90% of decision cards').ok).toBe(false);
    expect(check('at least 90% of decision cards').detail).toContain('vraag/afwachten (by luisteren)');
  });

  it('passes what it should', () => {
    expect(check('300 random games').ok).toBe(true);
    expect(result.checks.some((c) => c.name.startsWith('20–70%'))).toBe(false);
  });
});
