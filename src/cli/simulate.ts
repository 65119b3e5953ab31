/**
 * `scenario simulate FILE --games N --seed S [--players P] [--strategy NAME] [--json] [--report FILE.html]`:
 * plays N games headless and reports endings, budgets, meters and cards, so a trainer knows
 * whether a scenario is balanced before standing in front of a council.
 *
 * The readable report (without `--json`) and `--report` add the balance analysis (issue 6): the
 * same N games under every strategy (random, cheapest, best-<meter>), its key findings in the
 * text, everything in the HTML file. `--json` alone prints exactly the simulator's report of the
 * chosen strategy (issue 3's shape) and runs no other strategy.
 */
import { analyseBalance, type BalanceAnalysis } from '../analysis/balance';
import { keyFindings } from '../analysis/findings';
import { balanceReportHtml } from '../analysis/report';
import {
  isStrategyShape,
  type SimulationReport,
  type StrategyName,
  simulate,
  strategiesFor,
} from '../engine/simulate';
import { formatProblemIn, loadScenario, type MessageLang, messageLang } from '../scenario';
import type { Scenario } from '../scenario/schema';
import { localize } from '../scenario/text';
import { type CliIo, EXIT, parseArgs, type Verb } from './io';

interface SimulateArgs {
  file: string;
  games: number;
  seed: string;
  players?: number;
  strategy: StrategyName;
  json: boolean;
  /** Where to write the HTML balance report, if asked. */
  report?: string;
  lang?: string;
}

/** Parses the arguments, or returns a sentence saying what is wrong with them. */
export function parseSimulateArgs(args: string[]): SimulateArgs | string {
  const { positional, flags } = parseArgs(args, ['games', 'seed', 'players', 'strategy', 'lang', 'report']);
  if (positional.length !== 1) return 'give exactly one scenario file';
  const games = Number(flags.get('games') ?? 1000);
  if (!Number.isInteger(games) || games < 1 || games > 10_000_000) return '--games takes a whole number ≥ 1';
  const seedFlag = flags.get('seed');
  if (seedFlag === true) return '--seed takes a value';
  const playersFlag = flags.get('players');
  const players = playersFlag === undefined ? undefined : Number(playersFlag);
  if (players !== undefined && (!Number.isInteger(players) || players < 1 || players > 8))
    return '--players takes a whole number from 1 to 8';
  const strategy = String(flags.get('strategy') ?? 'random') as StrategyName;
  if (!isStrategyShape(strategy))
    return `unknown strategy "${strategy}" (known: random, cheapest, best-<meter id>)`;
  const report = flags.get('report');
  if (report === true) return '--report takes a file name, e.g. --report report.html';
  const lang = flags.get('lang');
  if (lang === true) return '--lang takes a language code, e.g. --lang en';
  return {
    file: positional[0],
    games,
    seed: seedFlag ?? 'simulate',
    players,
    strategy,
    json: flags.has('json'),
    report,
    lang,
  };
}

function money(n: number): string {
  const abs = Math.abs(Math.round(n)).toLocaleString('nl-NL');
  return n < 0 ? `− € ${abs}` : `€ ${abs}`;
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${((100 * part) / whole).toFixed(1)}%`;
}

/** The readable report for a terminal; with an analysis, its key findings at the end. */
export function formatReport(
  scenario: Scenario,
  report: SimulationReport,
  analysis?: BalanceAnalysis,
  lang: MessageLang = 'en',
): string[] {
  const name = (text: Parameters<typeof localize>[0]) =>
    localize(text, scenario.languages[0], scenario.languages);
  const lines = [
    `${name(scenario.title)} — ${report.games} games, ${report.players} players, seed "${report.seed}", strategy ${report.strategy}`,
    `  ${report.gamesPerSecond.toFixed(0)} games/s, ${report.decisionsPerGame.toFixed(1)} decisions per game`,
    '',
    'Endings',
  ];
  for (const ending of scenario.endings) {
    const n = report.endings[ending.id] ?? 0;
    lines.push(
      `  ${percent(n, report.games).padStart(6)}  ${ending.id}${n === 0 ? '   ← never reached' : ''}`,
    );
  }
  lines.push(
    '',
    `Games ending with a deficit: ${percent(report.deficitGames, report.games)}`,
    '',
    'Resources at the end (p10 / median / p90)',
  );
  for (const r of scenario.resources) {
    const s = report.resources[r.id];
    lines.push(`  ${r.id.padEnd(20)} ${money(s.p10)} / ${money(s.p50)} / ${money(s.p90)}`);
  }
  if (scenario.meters.length > 0) lines.push('', 'Meters at the end (p10 / median / p90)');
  for (const m of scenario.meters) {
    const s = report.meters[m.id];
    lines.push(
      `  ${m.id.padEnd(20)} ${s.p10} / ${s.p50} / ${s.p90}${m.good === 'low' ? '   (lower is better)' : ''}`,
    );
  }
  const allCards = [...scenario.decks.flatMap((d) => d.cards), ...scenario.reserveCards];
  const never = allCards.filter((c) => !report.cards[c.id]).map((c) => c.id);
  if (never.length > 0) lines.push('', `Cards never drawn: ${never.join(', ')}`);
  if (report.errors > 0) lines.push('', `Games that failed: ${report.errors}`);
  if (report.warnings.length > 0) lines.push('', 'Warnings', ...report.warnings.map((w) => `  ${w}`));
  if (analysis) {
    lines.push('', 'Balance analysis');
    // The findings in the language asked for (English unless --lang nl), like validate.
    for (const f of keyFindings(analysis, lang)) {
      lines.push(`  ${f.level === 'problem' ? '✗' : '·'} ${f.text}`);
      if (f.why) lines.push(`      ${lang === 'nl' ? 'waarom' : 'why'}: ${f.why}`);
      if (f.fix) lines.push(`      ${lang === 'nl' ? 'wat te doen' : 'fix'}: ${f.fix}`);
    }
  }
  return lines;
}

export const simulateVerb: Verb = {
  summary: 'play many games headless and report balance',
  usage:
    'simulate FILE --games N --seed S [--players P] [--strategy random|cheapest|best-<meter>] [--json] [--report FILE.html] [--lang nl|en]',
  run(args, io: CliIo) {
    const parsed = parseSimulateArgs(args);
    if (typeof parsed === 'string') {
      io.err(`scenario simulate: ${parsed}`);
      io.err(`usage: scenario ${this.usage}`);
      return EXIT.usage;
    }
    let bytes: Uint8Array;
    try {
      bytes = io.readFile(parsed.file);
    } catch (e) {
      io.err(`${parsed.file}:1:1 cannot read the file: ${(e as { code?: string }).code ?? String(e)}`);
      return EXIT.problems;
    }
    const loaded = loadScenario(bytes, parsed.file);
    if (!loaded.ok) {
      const lang = messageLang(parsed.lang);
      for (const p of loaded.errors) io.err(formatProblemIn(p, lang));
      io.err(
        lang === 'nl'
          ? `${parsed.file}: een scenario met fouten kan niet worden gesimuleerd`
          : `${parsed.file}: cannot simulate a scenario with errors`,
      );
      return EXIT.problems;
    }
    const { scenario } = loaded;
    if (
      parsed.players !== undefined &&
      (parsed.players < scenario.players.min || parsed.players > scenario.players.max)
    ) {
      io.err(
        `scenario simulate: this scenario takes ${scenario.players.min} to ${scenario.players.max} players`,
      );
      return EXIT.usage;
    }
    const known = strategiesFor(scenario);
    if (!known.includes(parsed.strategy)) {
      io.err(`scenario simulate: unknown strategy "${parsed.strategy}" (known: ${known.join(', ')})`);
      return EXIT.usage;
    }
    const analyse = !parsed.json || parsed.report !== undefined;
    const total = parsed.games * (analyse ? known.length : 1);
    const progress = process.stderr.isTTY === true && total >= 2000;
    const onProgress = progress ? (n: number) => drawProgress(n, total) : undefined;
    const now = () => performance.now();
    let report: SimulationReport;
    let analysis: BalanceAnalysis | undefined;
    if (analyse) {
      analysis = analyseBalance(scenario, {
        games: parsed.games,
        seed: parsed.seed,
        players: parsed.players,
        now,
        onProgress: onProgress && ((played) => onProgress(played)),
      });
      report = analysis.strategies.find((s) => s.strategy === parsed.strategy)!.report;
    } else {
      report = simulate(scenario, {
        games: parsed.games,
        seed: parsed.seed,
        players: parsed.players,
        strategy: parsed.strategy,
        now,
        onProgress,
      });
    }
    if (progress) process.stderr.write('\r\x1b[K');
    if (parsed.report !== undefined && analysis) {
      try {
        io.writeFile(parsed.report, balanceReportHtml(scenario, analysis, { lang: parsed.lang }));
      } catch (e) {
        io.err(`${parsed.report}: cannot write the report: ${(e as { code?: string }).code ?? String(e)}`);
        return EXIT.problems;
      }
    }
    if (parsed.json) io.out(JSON.stringify(report, null, 2));
    else {
      for (const line of formatReport(scenario, report, analysis, messageLang(parsed.lang))) io.out(line);
      if (parsed.report !== undefined) io.out(`\nHTML report written to ${parsed.report}`);
    }
    return report.errors > 0 ? EXIT.problems : EXIT.ok;
  },
};

function drawProgress(played: number, total: number): void {
  const width = 30;
  const filled = Math.round((played / total) * width);
  process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${played}/${total}`);
}
