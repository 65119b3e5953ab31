/**
 * The Balance tab's figures: the project's balance analysis (src/analysis/balance.ts), run one
 * strategy at a time so the worker can report progress and the main-thread fallback can yield
 * between strategies, then merged into what the tab shows: endings reached, deficits, dominated
 * options, cards never drawn. Pure (ids and numbers only); the tab words and links them.
 */
import { analyseBalance, type BalanceAnalysis } from '../analysis/balance';
import type { DominatedOption } from '../analysis/dominance';
import { strategiesFor } from '../engine/strategies';
import { loadScenario } from '../scenario';
import type { Scenario } from '../scenario/schema';

/** Games per strategy: a few hundred, enough to see an ending that is never reached. */
export const STUDIO_GAMES = 200;
export const STUDIO_SEED = 'studio';

export interface StrategyFigures {
  strategy: string;
  games: number;
  endings: Record<string, number>;
  deficitShare: number;
}

export interface StudioBalance {
  games: number;
  strategies: StrategyFigures[];
  endings: { id: string; reached: boolean; games: number }[];
  dominated: DominatedOption[];
  neverDrawn: string[];
  errors: number;
}

export function strategyNames(scenario: Scenario): string[] {
  return strategiesFor(scenario);
}

export function runStrategy(scenario: Scenario, strategy: string, games = STUDIO_GAMES): BalanceAnalysis {
  return analyseBalance(scenario, {
    games,
    seed: STUDIO_SEED,
    strategies: [strategy as BalanceAnalysis['strategies'][number]['strategy']],
  });
}

/** One analysis per strategy → the tab's figures (a card is never drawn when no strategy drew it). */
export function mergeRuns(scenario: Scenario, parts: readonly BalanceAnalysis[]): StudioBalance {
  const strategies = parts.flatMap((a) =>
    a.strategies.map((s) => ({
      strategy: s.strategy,
      games: s.report.games,
      endings: s.report.endings,
      deficitShare: s.deficitShare,
    })),
  );
  const endings = scenario.endings.map((e) => {
    const games = strategies.reduce((n, s) => n + (s.endings[e.id] ?? 0), 0);
    return { id: e.id, reached: games > 0, games };
  });
  // Never drawn: in the list of every strategy.
  const never = (parts[0]?.neverDrawn ?? []).filter((id) => parts.every((a) => a.neverDrawn.includes(id)));
  return {
    games: parts[0]?.games ?? 0,
    strategies,
    endings,
    dominated: parts[0]?.dominated ?? [],
    neverDrawn: never,
    errors: parts.reduce((n, a) => n + a.errors, 0),
  };
}

/** How many findings want the trainer's attention (the Balance tab's badge): dominated options,
 * endings never reached, cards never drawn — the ones the tab marks as problems. */
export function problemCount(b: StudioBalance): number {
  return b.dominated.length + b.endings.filter((e) => !e.reached).length + b.neverDrawn.length;
}

/** The whole analysis of a text, at once (the worker's job; the benchmark and tests call it too). */
export function analyseText(text: string, games = STUDIO_GAMES): StudioBalance | null {
  const loaded = loadScenario(text, 'studio.yaml');
  if (!loaded.ok) return null;
  const parts = strategyNames(loaded.scenario).map((s) => runStrategy(loaded.scenario, s, games));
  return mergeRuns(loaded.scenario, parts);
}
