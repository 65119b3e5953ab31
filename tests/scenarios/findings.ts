/**
 * `npx tsx tests/scenarios/findings.ts [GAMES] > findings.md`: the bar of issue 7 (bar.ts) for every
 * shipped scenario as Markdown, with the balance analysis' key findings, so scenario writers see
 * what to fix: which ending is unreachable, which options are dominated, the deficit shares.
 */
import { execSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { keyFindings } from '../../src/analysis/findings';
import { checkBar } from './bar';

const games = Number(process.argv[2] ?? 1000);
const analysisGames = Math.max(200, Math.round(games / 10));
const dir = join(import.meta.dirname, '..', '..', 'scenarios');
const commit = (() => {
  try {
    return execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();
const lines: string[] = [
  '# Balance findings for the shipped scenarios',
  '',
  `${new Date().toISOString().slice(0, 16)} UTC, at commit ${commit} (scenario files as they were on disk).`,
  `Written by \`npx tsx tests/scenarios/findings.ts ${games}\` (the checks of tests/scenarios/shipped.test.ts):`,
  `${games} random games at players.min and players.max (seeds "bar-<players>"), ${analysisGames} games per strategy`,
  'at players.min (seed "bar") for the walkover and dominance analysis.',
  '',
];
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()) {
  const r = checkBar(join(dir, file), games, analysisGames);
  const failed = r.checks.filter((c) => !c.ok);
  lines.push(
    `## ${file} — ${failed.length === 0 ? 'meets the bar' : `MISSES the bar (${failed.length} check${failed.length > 1 ? 's' : ''})`}`,
    '',
  );
  for (const c of r.checks) {
    lines.push(`- ${c.ok ? 'ok' : '**FAILS**'}: ${c.name}`);
    if (c.detail && (!c.ok || c.name.includes('dominated') || c.name.includes('20–70')))
      for (const d of c.detail.split('\n')) lines.push(`  - ${d}`);
  }
  if (r.random) {
    lines.push('', 'Random games:');
    for (const { players, report } of r.random) {
      const endings = Object.entries(report.endings)
        .map(([id, n]) => `${id} ${((100 * n) / report.games).toFixed(1)}%`)
        .join(', ');
      lines.push(
        `- ${players} players: ${endings}; deficit ${((100 * report.deficitGames) / report.games).toFixed(1)}%`,
      );
    }
  }
  const watch: string[] = [];
  for (const { players, report } of r.random ?? []) {
    for (const [id, n] of Object.entries(report.endings))
      if (n > 0 && n / report.games < 0.005)
        watch.push(
          `ending "${id}" is rare at ${players} players (${n} of ${report.games} random games): one tweak could make it unreachable`,
        );
    const deficit = report.deficitGames / report.games;
    if (file === 'urk-2015.yaml' && (deficit < 0.25 || deficit > 0.65))
      watch.push(
        `deficit ${(100 * deficit).toFixed(1)}% at ${players} players is within 5 points of the 20–70% bar`,
      );
  }
  for (const s of r.analysis?.strategies ?? [])
    if (s.top && s.top.share >= 0.9 && s.top.ending !== r.analysis?.bestEnding)
      watch.push(
        `strategy ${s.strategy} ends in "${s.top.ending}" in ${(100 * s.top.share).toFixed(1)}% of its games: one simple rule decides the outcome (not the best ending, so not a walkover)`,
      );
  if (watch.length > 0) lines.push('', 'Worth watching (not failures):', ...watch.map((w) => `- ${w}`));
  if (r.analysis) {
    lines.push('', `Balance analysis at ${r.analysis.players} players:`);
    for (const f of keyFindings(r.analysis))
      lines.push(`- ${f.level === 'problem' ? '**problem**' : 'note'}: ${f.text}`);
  }
  lines.push('');
}
process.stdout.write(`${lines.join('\n')}\n`);
