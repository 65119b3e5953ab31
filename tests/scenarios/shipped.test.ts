/**
 * The bar of issue 7 for every shipped scenario (see bar.ts for the checks and their
 * definitions). demo*.yaml get only the first three checks (load, languages, games without an error).
 *
 * Game counts: issue 7 asks 10,000 random games per player count, at `players.min` and at
 * `players.max`; since the core got faster that takes about half a minute on a 2-core machine,
 * so `npm test` plays them (and 1,000 per strategy for the walkover and dominance analysis).
 * SCENARIO_GAMES=1000 gives a quicker run while writing a scenario.
 * `tsx tests/scenarios/findings.ts` writes what fails, per scenario, for the scenario writers.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBar } from './bar';

const GAMES = Number(process.env.SCENARIO_GAMES ?? 10_000);
const ANALYSIS_GAMES = Math.max(200, Math.round(GAMES / 10));
const dir = join(import.meta.dirname, '..', '..', 'scenarios');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

describe('shipped scenarios', () => {
  it('include the three workshop scenarios', () => {
    expect(files).toEqual(
      expect.arrayContaining(['urk-2015.yaml', 'lerend-werken.yaml', 'actieleren-wijkteam.yaml']),
    );
  });

  for (const file of files) {
    it(`${file} meets the bar`, { timeout: 600_000 }, () => {
      const result = checkBar(join(dir, file), GAMES, ANALYSIS_GAMES);
      const failed = result.checks.filter((c) => !c.ok).map((c) => `${c.name}:\n${c.detail}`);
      expect(failed, `${file} misses the bar`).toEqual([]);
      expect(result.checks.length).toBe(result.demo ? 3 : file === 'urk-2015.yaml' ? 7 : 6);
    });
  }
});
