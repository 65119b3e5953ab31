/**
 * The bar of issue 7 for a shipped scenario, as data: each check with whether it passes and, when
 * not, what a scenario writer needs to fix it (ids and numbers). `shipped.test.ts` asserts it;
 * `findings.ts` writes it out for the scenario writers.
 *
 * Checks (demo*.yaml get only the first three: issue 7's bar is for the workshop scenarios, issue
 * 3's "1,000 games without an error" is for every shipped file):
 * 1. loads with zero errors and zero warnings;
 * 2. Dutch and English complete: `languages` holds nl and en, and every text is a map with a
 *    non-empty `nl` and `en` (a plain string would show the same words in both);
 * 3. `games` random games at `players.min` and at `players.max`, none failing;
 * 4. every ending reached at least once in those random games;
 * 5. no walkover (see src/analysis/balance.ts): no ending in more than 90% of the random games at
 *    either player count, and no strategy (random, cheapest, best-<meter>) that reaches the best
 *    ending in more than 90% of its games (the analysis at `players.min`);
 * 6. urk-2015 only: 20–70% of random games end with a resource below 0, at both player counts;
 * 7. at least 90% of decision cards without a dominated option.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { analyseBalance, type BalanceAnalysis, WALKOVER_SHARE } from '../../src/analysis/balance';
import { type SimulationReport, simulate } from '../../src/engine/simulate';
import { formatProblem, loadScenario, type Scenario } from '../../src/scenario/index';

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export interface BarResult {
  file: string;
  demo: boolean;
  checks: Check[];
  scenario?: Scenario;
  random?: { players: number; report: SimulationReport }[];
  analysis?: BalanceAnalysis;
}

const TEXT_KEYS = new Set([
  'title',
  'summary',
  'audience',
  'name',
  'brief',
  'text',
  'label',
  'ask',
  'reveals',
  'reflect',
  'log',
]);

/** Paths of texts that miss a non-empty nl or en. */
export function incompleteTexts(scenario: Scenario): string[] {
  const out: string[] = [];
  const checkText = (v: unknown, path: string) => {
    if (typeof v === 'string') out.push(`${path} (one plain text for every language)`);
    else if (v && typeof v === 'object') {
      const map = v as Record<string, unknown>;
      for (const lang of ['nl', 'en'])
        if (typeof map[lang] !== 'string' || (map[lang] as string).trim() === '')
          out.push(`${path} (no ${lang})`);
    }
  };
  const walk = (o: unknown, path: string) => {
    if (Array.isArray(o))
      o.forEach((x, i) => {
        walk(x, `${path}[${i}]`);
      });
    else if (o && typeof o === 'object') {
      const obj = o as Record<string, unknown>;
      const here = typeof obj.id === 'string' ? `${path}{${obj.id}}` : path;
      for (const [k, v] of Object.entries(obj)) {
        if (TEXT_KEYS.has(k)) checkText(v, `${here}.${k}`);
        else if (k === 'questions' && Array.isArray(v))
          v.forEach((q, i) => {
            checkText(q, `${here}.questions[${i}]`);
          });
        else walk(v, `${here}.${k}`);
      }
    }
  };
  walk(scenario, 'scenario');
  return out;
}

const share = (n: number, of: number) => (of === 0 ? 0 : n / of);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

export function checkBar(path: string, games: number, analysisGames: number): BarResult {
  const file = basename(path);
  const demo = file.startsWith('demo');
  const checks: Check[] = [];
  const loaded = loadScenario(readFileSync(path), file);
  const problems = [...(loaded.ok ? [] : loaded.errors), ...loaded.warnings].map(formatProblem);
  checks.push({
    name: 'loads with zero errors and zero warnings',
    ok: problems.length === 0,
    detail: problems.join('\n'),
  });
  if (!loaded.ok) return { file, demo, checks };
  const scenario = loaded.scenario;
  const langs = ['nl', 'en'].filter((l) => !scenario.languages.includes(l));
  const missing = [...langs.map((l) => `languages lacks ${l}`), ...incompleteTexts(scenario)];
  checks.push({
    name: 'Dutch and English complete',
    ok: missing.length === 0,
    detail:
      missing.slice(0, 20).join('\n') + (missing.length > 20 ? `\n… and ${missing.length - 20} more` : ''),
  });
  const counts = [...new Set([scenario.players.min, scenario.players.max])];
  const random = counts.map((players) => ({
    players,
    report: simulate(scenario, { games, seed: `bar-${players}`, players }),
  }));
  const failed = random.filter((r) => r.report.errors > 0);
  checks.push({
    name: `${games} random games at ${counts.join(' and ')} players without an error`,
    ok: failed.length === 0,
    detail: failed
      .map(
        (r) => `${r.players} players: ${r.report.errors} failed; ${r.report.warnings.slice(0, 3).join('; ')}`,
      )
      .join('\n'),
  });
  if (demo) return { file, demo, checks, scenario, random };

  const unreached = scenario.endings.filter((e) => random.every((r) => (r.report.endings[e.id] ?? 0) === 0));
  checks.push({
    name: 'every ending reached at least once (random)',
    ok: unreached.length === 0,
    detail: unreached
      .map((e) => `ending "${e.id}" never reached in ${games * counts.length} random games`)
      .join('\n'),
  });

  const analysis = analyseBalance(scenario, {
    games: analysisGames,
    seed: 'bar',
    players: scenario.players.min,
  });
  const walkovers: string[] = [];
  for (const r of random)
    for (const [id, n] of Object.entries(r.report.endings))
      if (share(n, r.report.games) > WALKOVER_SHARE)
        walkovers.push(
          `ending "${id}" in ${pct(share(n, r.report.games))} of random games at ${r.players} players`,
        );
  if (analysis.walkover.strategy) {
    const w = analysis.walkover.strategy;
    walkovers.push(
      `strategy ${w.strategy} reaches the best ending "${w.ending}" in ${pct(w.share)} of its games`,
    );
  }
  checks.push({ name: 'no walkover', ok: walkovers.length === 0, detail: walkovers.join('\n') });

  if (scenario.id === 'urk-2015' || file === 'urk-2015.yaml') {
    const off = random
      .map((r) => ({ players: r.players, share: share(r.report.deficitGames, r.report.games) }))
      .filter((d) => d.share < 0.2 || d.share > 0.7);
    checks.push({
      name: '20–70% of random games end with a resource below 0',
      ok: off.length === 0,
      detail: random
        .map((r) => `${r.players} players: ${pct(share(r.report.deficitGames, r.report.games))}`)
        .join(', '),
    });
  }

  const without = share(analysis.decisionCards - analysis.decisionCardsWithDominated, analysis.decisionCards);
  checks.push({
    name: 'at least 90% of decision cards without a dominated option',
    ok: analysis.decisionCards === 0 || without >= 0.9,
    detail: `${pct(without)} of ${analysis.decisionCards} decision cards without; dominated: ${
      analysis.dominated.map((d) => `${d.card}/${d.option} (by ${d.by.join(', ')})`).join(', ') || 'none'
    }`,
  });
  return { file, demo, checks, scenario, random, analysis };
}
