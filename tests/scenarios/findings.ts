/**
 * `npx tsx tests/scenarios/findings.ts [GAMES] > findings.md`: the bar of issue 7 (bar.ts) for every
 * shipped scenario as Markdown, with the balance analysis' key findings, so scenario writers see
 * what to fix: which ending is unreachable, which options are dominated, the deficit shares.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { keyFindings } from '../../src/analysis/findings';
import { checkBar } from './bar';

const games = Number(process.argv[2] ?? 1000);
const analysisGames = Math.max(200, Math.round(games / 10));
const dir = join(import.meta.dirname, '..', '..', 'scenarios');
const lines: string[] = [
  '# Balance findings for the shipped scenarios',
  '',
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
  if (r.analysis) {
    lines.push('', `Balance analysis at ${r.analysis.players} players:`);
    for (const f of keyFindings(r.analysis))
      lines.push(`- ${f.level === 'problem' ? '**problem**' : 'note'}: ${f.text}`);
  }
  lines.push('');
}
process.stdout.write(`${lines.join('\n')}\n`);
