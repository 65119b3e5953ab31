/**
 * The seeded fuzz in the suite (issue 26): 2,000 mutants of the shipped scenarios through the
 * loader, two games and a replay for each accepted one. The same seed gives the same inputs, so
 * a failure names the recipe that reproduces it. `npm run fuzz -- --count 100000` is the long run.
 */
import { describe, expect, it } from 'vitest';
import { fuzz } from './fuzz';

describe('fuzz', () => {
  it('2,000 mutants: every problem located, no internal error, no pollution, replays identical', {
    timeout: 180_000,
  }, () => {
    const counts = fuzz({ count: 2000, seed: 'suite', games: 2, budgetMs: 10_000 });
    expect(counts.failures).toEqual([]);
    expect(counts.inputs).toBe(2000);
    expect(counts.accepted).toBeGreaterThan(100);
    expect(counts.refused).toBeGreaterThan(1000);
    expect(counts.replays).toBe(counts.accepted * 2);
  });
});
