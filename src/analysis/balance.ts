/**
 * The balance analysis of issue 6: the same games under several strategies (random, cheapest,
 * best for each meter), and what a trainer needs to know from them. A pure function of
 * (scenario, options) except the speed figures in the reports.
 *
 * Definitions (the report and the shipped-scenario test use these):
 * - **Best ending**: the format has no ranking of endings, so it is read from their conditions:
 *   the ending, reached and not `immediate`, whose `when` asks for the most good things (see `goodness`:
 *   +1 per bound in a meter's `good` direction or money up, −1 per bound the other way); the
 *   first in file order on a tie; none when no ending asks for more good than bad.
 * - **Walkover**: one ending in more than `WALKOVER_SHARE` (90%) of the random games (the game
 *   hardly depends on what the table does), or one strategy that reaches the best ending in more
 *   than 90% of its games (a simple rule wins).
 * - **Never** lists count every game of every strategy: a card is "never drawn" only when no
 *   strategy drew it; an option is "never offered" when its card was drawn but the option was
 *   never among those offered; an investment is "never affordable" when it was never offered
 *   (the engine offers one only when it is affordable); a scheduled card "never arrives" when it
 *   was scheduled and never arrived (too late, or the game ended first).
 */
import { type SimulationReport, type Spread, simulate, spread } from '../engine/simulate';
import { type StrategyName, strategiesFor } from '../engine/strategies';
import type { Condition, Scenario } from '../scenario/schema';
import { type Collected, collectGame, emptyCollected, meanOf } from './collect';
import { type DominatedOption, decisionCards, dominatedOptions } from './dominance';
import { expectedRanges, type Ranges } from './expected';

export const WALKOVER_SHARE = 0.9;

export interface AnalysisOptions {
  games: number;
  seed: string;
  players?: number;
  /** Defaults to every strategy of the scenario (`strategiesFor`). */
  strategies?: StrategyName[];
  onProgress?: (played: number, total: number) => void;
  now?: () => number;
}

export interface RoundSpread extends Spread {
  /** Games that reached this round's end. */
  n: number;
}

export interface StrategyRun {
  strategy: StrategyName;
  report: SimulationReport;
  rounds: { resources: Record<string, RoundSpread[]>; meters: Record<string, RoundSpread[]> };
  /** The ending this strategy reaches most, with its share of the games. */
  top: { ending: string; share: number } | null;
  deficitShare: number;
}

export interface OptionSummary {
  id: string;
  /** Times offered when its card was settled, over all strategies. */
  offered: number;
  /** Times chosen under the random strategy. */
  chosen: number;
  /** Chosen / times the card was settled with a choice (random strategy). */
  pickRate: number;
  /** The mean realised deltas when chosen (random strategy), or null when never chosen. */
  meanEffect: { resources: Record<string, number>; meters: Record<string, number> } | null;
  /** Expected immediate deltas as written (no priorities), as ranges (see expected.ts). */
  expected: Ranges;
  dominatedBy: string[];
}

export interface CardSummary {
  id: string;
  kind: 'request' | 'event' | 'dilemma';
  /** Times settled under the random strategy, and under all strategies together. */
  drawn: number;
  drawnAll: number;
  options: OptionSummary[];
}

export interface EndingSummary {
  id: string;
  immediate: boolean;
  fallback: boolean;
  /** Games per strategy that ended here. */
  byStrategy: Record<string, number>;
  reached: boolean;
  /** See `goodness`: how good a state the ending asks for (0 for the fallback). */
  goodness: number;
}

export interface BalanceAnalysis {
  scenario: string;
  games: number;
  seed: string;
  players: number;
  strategies: StrategyRun[];
  endings: EndingSummary[];
  bestEnding: string | null;
  walkover: {
    ending: { ending: string; share: number } | null;
    strategy: { strategy: StrategyName; ending: string; share: number } | null;
  };
  cards: CardSummary[];
  dominated: DominatedOption[];
  decisionCards: number;
  decisionCardsWithDominated: number;
  neverDrawn: string[];
  neverOffered: { card: string; option: string }[];
  neverAffordable: string[];
  goalsNeverMet: string[];
  neverArrives: { card: string; scheduled: number; tooLate: number }[];
  errors: number;
  warnings: string[];
}

function roundSpreads(values: Record<string, number[][]>): Record<string, RoundSpread[]> {
  return Object.fromEntries(
    Object.entries(values).map(([id, rounds]) => [id, rounds.map((v) => ({ ...spread(v), n: v.length }))]),
  );
}

export function analyseBalance(scenario: Scenario, options: AnalysisOptions): BalanceAnalysis {
  const names = options.strategies ?? strategiesFor(scenario);
  const total = names.length * options.games;
  const runs: StrategyRun[] = [];
  const collected: Collected[] = [];
  names.forEach((strategy, i) => {
    const c = emptyCollected(scenario);
    const report = simulate(scenario, {
      games: options.games,
      seed: options.seed,
      players: options.players,
      strategy,
      now: options.now,
      onGame: (state) => collectGame(scenario, c, state),
      onProgress: options.onProgress
        ? (played) => options.onProgress?.(i * options.games + played, total)
        : undefined,
    });
    const games = report.games;
    const top = Object.entries(report.endings).sort((a, b) => b[1] - a[1])[0];
    runs.push({
      strategy,
      report,
      rounds: { resources: roundSpreads(c.rounds.resources), meters: roundSpreads(c.rounds.meters) },
      top: top && games > 0 ? { ending: top[0], share: top[1] / games } : null,
      deficitShare: games > 0 ? report.deficitGames / games : 0,
    });
    collected.push(c);
  });

  const endings = endingSummaries(scenario, runs);
  let bestEnding: string | null = null;
  let bestGoodness = 0;
  for (const e of endings) {
    if (!e.immediate && e.reached && e.goodness > bestGoodness) {
      bestEnding = e.id;
      bestGoodness = e.goodness;
    }
  }

  const random = runs.find((r) => r.strategy === 'random') ?? runs[0];
  const endingWalkover =
    random?.top && random.top.share > WALKOVER_SHARE
      ? { ending: random.top.ending, share: random.top.share }
      : null;
  let strategyWalkover: BalanceAnalysis['walkover']['strategy'] = null;
  for (const run of runs) {
    if (bestEnding === null || run.report.games === 0) continue;
    const share = (run.report.endings[bestEnding] ?? 0) / run.report.games;
    if (share > WALKOVER_SHARE && (strategyWalkover === null || share > strategyWalkover.share))
      strategyWalkover = { strategy: run.strategy, ending: bestEnding, share };
  }

  const dominated = dominatedOptions(scenario);
  const cards = cardSummaries(scenario, runs, collected, random, dominated);
  const drawnAny = new Set(cards.filter((c) => c.drawnAll > 0).map((c) => c.id));
  const allCards = [
    ...new Set([...scenario.decks.flatMap((d) => d.cards), ...scenario.reserveCards].map((c) => c.id)),
  ];
  const neverOffered: BalanceAnalysis['neverOffered'] = [];
  for (const card of cards) {
    if (card.drawnAll === 0) continue;
    for (const o of card.options) if (o.offered === 0) neverOffered.push({ card: card.id, option: o.id });
  }
  const sumOver = <T>(pick: (c: Collected) => Record<string, T>) => collected.map(pick);
  const invOffers = sumOver((c) => c.investments);
  const neverAffordable = scenario.investments
    .filter((inv) => invOffers.every((o) => (o[inv.id]?.offered ?? 0) === 0))
    .map((inv) => inv.id);
  const roleStats = sumOver((c) => c.roles);
  const goalsNeverMet = scenario.roles
    .filter((role) => role.goal && roleStats.some((r) => (r[role.id]?.inPlay ?? 0) > 0))
    .filter((role) => roleStats.every((r) => (r[role.id]?.met ?? 0) === 0))
    .map((role) => role.id);
  const scheduleStats = sumOver((c) => c.schedules);
  const scheduledCards = [...new Set(scheduleStats.flatMap((s) => Object.keys(s)))].sort();
  const neverArrives = scheduledCards
    .map((card) => ({
      card,
      scheduled: scheduleStats.reduce((n, s) => n + (s[card]?.scheduled ?? 0), 0),
      tooLate: scheduleStats.reduce((n, s) => n + (s[card]?.tooLate ?? 0), 0),
      arrived: scheduleStats.reduce((n, s) => n + (s[card]?.arrived ?? 0), 0),
    }))
    .filter((s) => s.scheduled > 0 && s.arrived === 0)
    .map(({ card, scheduled, tooLate }) => ({ card, scheduled, tooLate }));
  const withDominated = new Set(dominated.map((d) => d.card));

  return {
    scenario: scenario.id,
    games: options.games,
    seed: options.seed,
    players: options.players ?? scenario.players.min,
    strategies: runs,
    endings,
    bestEnding,
    walkover: { ending: endingWalkover, strategy: strategyWalkover },
    cards,
    dominated,
    decisionCards: decisionCards(scenario).length,
    decisionCardsWithDominated: withDominated.size,
    neverDrawn: allCards.filter((id) => !drawnAny.has(id)),
    neverOffered,
    neverAffordable,
    goalsNeverMet,
    neverArrives,
    errors: runs.reduce((n, r) => n + r.report.errors, 0),
    warnings: [...new Set(runs.flatMap((r) => r.report.warnings))].sort(),
  };
}

function endingSummaries(scenario: Scenario, runs: StrategyRun[]): EndingSummary[] {
  return scenario.endings.map((e) => {
    const byStrategy = Object.fromEntries(runs.map((run) => [run.strategy, run.report.endings[e.id] ?? 0]));
    return {
      id: e.id,
      immediate: e.immediate,
      fallback: e.when === undefined,
      byStrategy,
      reached: Object.values(byStrategy).some((n) => n > 0),
      goodness: e.when ? goodness(scenario, e.when) : 0,
    };
  });
}

/**
 * How good the state an ending's `when` asks for is: +1 for every bound that asks for a good
 * value (a meter at least / above for `good: high`, at most / below for `good: low`; money at
 * least / above), −1 for every bound that asks for a bad one; `all` adds its parts, `any` counts
 * its weakest part (the easiest way in), `not` turns the sign. Flags, rounds, choices,
 * investments and priorities count 0.
 */
export function goodness(scenario: Scenario, c: Condition): number {
  if ('all' in c) return c.all.reduce((n, part) => n + goodness(scenario, part), 0);
  if ('any' in c) return c.any.length === 0 ? 0 : Math.min(...c.any.map((part) => goodness(scenario, part)));
  if ('not' in c) return -goodness(scenario, c.not);
  let sign = 0;
  if ('resource' in c) sign = 1;
  else if ('meter' in c) sign = scenario.meters.find((m) => m.id === c.meter)?.good === 'low' ? -1 : 1;
  else return 0;
  const b = c as { atLeast?: number; atMost?: number; above?: number; below?: number };
  let n = 0;
  if (b.atLeast !== undefined) n += sign;
  if (b.above !== undefined) n += sign;
  if (b.atMost !== undefined) n -= sign;
  if (b.below !== undefined) n -= sign;
  return n;
}

function cardSummaries(
  scenario: Scenario,
  runs: StrategyRun[],
  collected: Collected[],
  random: StrategyRun | undefined,
  dominated: DominatedOption[],
): CardSummary[] {
  const iRandom = random ? runs.indexOf(random) : -1;
  const seen = new Set<string>();
  const out: CardSummary[] = [];
  for (const card of [...scenario.decks.flatMap((d) => d.cards), ...scenario.reserveCards]) {
    if (seen.has(card.id)) continue;
    seen.add(card.id);
    const drawn = random?.report.cards[card.id]?.drawn ?? 0;
    const drawnAll = runs.reduce((n, r) => n + (r.report.cards[card.id]?.drawn ?? 0), 0);
    const chosenTotal = Object.values(random?.report.cards[card.id]?.options ?? {}).reduce(
      (a, b) => a + b,
      0,
    );
    out.push({
      id: card.id,
      kind: card.kind,
      drawn,
      drawnAll,
      options: (card.options ?? []).map((o) => {
        const chosen = random?.report.cards[card.id]?.options[o.id] ?? 0;
        return {
          id: o.id,
          offered: collected.reduce((n, c) => n + (c.offered[card.id]?.[o.id] ?? 0), 0),
          chosen,
          pickRate: chosenTotal > 0 ? chosen / chosenTotal : 0,
          meanEffect: iRandom >= 0 ? meanOf(collected[iRandom].chosen[card.id]?.[o.id]) : null,
          expected: expectedRanges(o.effects),
          dominatedBy: dominated.find((d) => d.card === card.id && d.option === o.id)?.by ?? [],
        };
      }),
    });
  }
  return out;
}
