/**
 * `npm run fuzz -- --count 100000 [--seed S] [--games N]`: the long run of the seeded fuzz that
 * `npm test` runs a few thousand of (tests/scenario/fuzz.ts). Prints inputs/s and every count as
 * it goes, and each failure with the recipe that reproduces it; exits non-zero on a failure.
 */
import { parseArgs } from '../src/cli/io';
import { type FuzzCounts, fuzz } from '../tests/scenario/fuzz';

const { flags } = parseArgs(process.argv.slice(2), ['count', 'seed', 'games', 'budget']);
const number = (name: string, fallback: number) => {
  const v = flags.get(name);
  return typeof v === 'string' && Number.isFinite(Number(v)) ? Number(v) : fallback;
};
const count = number('count', 10_000);
const seed = typeof flags.get('seed') === 'string' ? (flags.get('seed') as string) : 'fuzz';

const line = (c: FuzzCounts) =>
  `${c.inputs} inputs (${((c.inputs * 1000) / c.ms).toFixed(1)}/s): ${c.accepted} accepted, ${c.refused} refused, ${c.games} games, ${c.replays} replays, ${c.failures.length} failures`;

const counts = fuzz({
  count,
  seed,
  games: number('games', 3),
  budgetMs: number('budget', 5000),
  every: Math.max(100, Math.round(count / 50)),
  progress: (c) => console.log(line(c)),
});
console.log(line(counts));
for (const f of counts.failures.slice(0, 50)) console.log(`  ${f}`);
if (counts.failures.length > 50) console.log(`  and ${counts.failures.length - 50} more`);
process.exitCode = counts.failures.length > 0 ? 1 : 0;
