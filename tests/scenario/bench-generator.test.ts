/** The benchmark's generated scenarios are valid, so `npm run bench` measures real loads. */
import { describe, expect, it } from 'vitest';
import { generateScenario } from '../../bench/loader';
import { loadScenario } from '../../src/scenario';

describe('bench scenario generator', () => {
  for (const cards of [1, 10, 120]) {
    it(`${cards} cards load without errors or warnings`, () => {
      const r = loadScenario(generateScenario(cards), `bench-${cards}.yaml`);
      expect(r.ok ? [] : r.errors.map((p) => p.message)).toEqual([]);
      expect(r.warnings).toEqual([]);
      if (r.ok) expect(r.scenario.decks.flatMap((d) => d.cards)).toHaveLength(cards);
    });
  }
});
