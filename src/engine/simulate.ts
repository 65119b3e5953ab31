/**
 * The simulator: plays many games headless through the real core with a seeded strategy, so a
 * trainer learns in seconds whether a scenario is balanced. It calls the core directly (no
 * XState): the machine adds nothing the rules need and costs ~10 µs an event.
 *
 * The report is a pure function of (scenario, options) except `seconds` and `gamesPerSecond`.
 */
import type { Scenario } from '../scenario/schema';
import { logChain } from './draft';
import { legalActions } from './legal';
import { prepare } from './prepare';
import { createRandom, type Random } from './rng';
import { newGame } from './setup';
import { step } from './step';
import { ruledStrategy, type Strategy, type StrategyName, strategiesFor } from './strategies';
import type { Action, GameState } from './types';

export { isStrategyShape, type Strategy, type StrategyName, strategiesFor } from './strategies';

/**
 * The strategies every scenario has. `best-<meter>` exists for each meter of a scenario: use
 * `strategiesFor(scenario)` for the full list.
 */
export const STRATEGIES: readonly StrategyName[] = ['random', 'cheapest'];

export interface SimulateOptions {
  games: number;
  seed: string;
  /** Players per game; defaults to `players.min`. */
  players?: number;
  strategy?: StrategyName;
  /** Called now and then with the number of games played (for a progress bar). */
  onProgress?: (played: number) => void;
  /** A clock for the report's speed figures only; never used by the games themselves. */
  now?: () => number;
  /** Called with every finished game's final state (the balance analysis reads the logs). */
  onGame?: (state: GameState, game: number) => void;
}

export interface Spread {
  min: number;
  p10: number;
  p50: number;
  p90: number;
  max: number;
}

export interface CardStats {
  drawn: number;
  options: Record<string, number>;
}

export interface SimulationReport {
  scenario: string;
  games: number;
  seed: string;
  players: number;
  strategy: StrategyName;
  seconds: number;
  gamesPerSecond: number;
  decisionsPerGame: number;
  endings: Record<string, number>;
  resources: Record<string, Spread>;
  meters: Record<string, Spread>;
  cards: Record<string, CardStats>;
  deficitGames: number;
  /** Games the core could not finish (a bug in the engine or scenario); 0 in a healthy scenario. */
  errors: number;
  warnings: string[];
}

/**
 * The `random` strategy: options and votes uniformly among the allowed ones, each question asked
 * with probability ½ (decided once per question), invest when affordable with probability ½, no
 * transfers.
 */
export function randomStrategy(random: Random): Strategy {
  const decided = new Set<string>();
  return {
    // One pass over `legal` per question, no intermediate arrays: the same choices and the same
    // random draws as filtering (asks in order, then invest/decline, endTransfers, the rest).
    pick(state, legal) {
      let table: string | null = null;
      let invest: Action | null = null;
      let decline: Action | null = null;
      let endTransfers: Action | null = null;
      let rest = 0;
      for (let i = 0; i < legal.length; i++) {
        const a = legal[i];
        if (a.type === 'ask') {
          table ??= cardOnTable(state);
          const key = `${table}:${a.question}`;
          if (decided.has(key)) continue;
          decided.add(key);
          if (random.next() < 0.5) return a;
          continue;
        }
        if (a.type === 'decline') {
          decline ??= a;
          continue;
        }
        rest++;
        if (a.type === 'invest') invest ??= a;
        else if (a.type === 'endTransfers') endTransfers ??= a;
      }
      if (invest) return random.next() < 0.5 ? invest : (decline ?? invest);
      if (endTransfers) return endTransfers;
      // The pool: every action but asks and declines, or all of `legal` when that leaves none.
      const all = rest === 0;
      let head: Action | null = null;
      for (let i = 0; i < legal.length; i++) {
        const t = legal[i].type;
        if (all || (t !== 'ask' && t !== 'decline')) {
          head = legal[i];
          break;
        }
      }
      if (head === null) return legal[0];
      // Votes: one seat at a time, uniformly among that seat's options.
      const type = head.type;
      const seat = type === 'vote' || type === 'votePriorities' ? (head as { seat: number }).seat : -1;
      let n = 0;
      for (let i = 0; i < legal.length; i++) if (inPool(legal[i], all, type, seat)) n++;
      let k = Math.floor(random.next() * n);
      for (let i = 0; i < legal.length; i++) {
        if (!inPool(legal[i], all, type, seat)) continue;
        if (k === 0) return legal[i];
        k--;
      }
      return head;
    },
  };
}

/** Whether `a` is in the random strategy's pool (and, for votes, the first voting seat's). */
function inPool(a: Action, all: boolean, type: Action['type'], seat: number): boolean {
  if (!all && (a.type === 'ask' || a.type === 'decline')) return false;
  if (seat < 0) return true;
  return a.type === type && (a as { seat: number }).seat === seat;
}

/** Identifies the card copy on the table, so each of its questions is decided once. */
function cardOnTable(state: GameState): string {
  const p = state.pending;
  if (p.kind !== 'card') return p.kind;
  // The log index where this card came on the table: the last draw (or injection) of it.
  for (let i = state.log.length - 1; i >= 0; i--) {
    const e = state.log[i];
    if ((e.kind === 'draw' || e.kind === 'inject') && e.card === p.copy.card) return `${p.copy.card}@${i}`;
  }
  return `${p.copy.card}@${state.round}`;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1];
}

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    min: sorted[0] ?? 0,
    p10: percentile(sorted, 10),
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    max: sorted[sorted.length - 1] ?? 0,
  };
}

/** A safety net against a scenario or engine bug that would loop forever. */
const MAX_ACTIONS_PER_GAME = 20_000;

export interface GameResult {
  state: GameState;
  decisions: number;
}

/** Plays one game to its end with the given strategy. Throws when the core gets stuck. */
export function playGame(scenario: Scenario, seed: string, players: number, strategy: Strategy): GameResult {
  const setups = Array.from({ length: players }, (_, i) => ({ name: `P${i + 1}` }));
  let state = newGame(scenario, { seed, players: setups });
  let decisions = 0;
  // Each state is dropped for the next (a strategy only reads it): the log is appended in place.
  const chain = logChain();
  for (let n = 0; state.pending.kind !== 'ended'; n++) {
    if (n > MAX_ACTIONS_PER_GAME) throw new Error(`no ending after ${MAX_ACTIONS_PER_GAME} actions`);
    const legal = legalActions(scenario, state);
    if (legal.length === 0) throw new Error(`dead end: no legal action while ${state.pending.kind}`);
    state = step(scenario, state, strategy.pick(state, legal), chain);
  }
  for (const entry of state.log) if (entry.kind === 'decision' && entry.option !== null) decisions++;
  return { state, decisions };
}

export function simulate(scenario: Scenario, options: SimulateOptions): SimulationReport {
  const now = options.now ?? (() => 0);
  const started = now();
  const players = options.players ?? scenario.players.min;
  const strategyName = options.strategy ?? 'random';
  const endings: Record<string, number> = Object.fromEntries(scenario.endings.map((e) => [e.id, 0]));
  const resourceValues: Record<string, number[]> = Object.fromEntries(
    scenario.resources.map((r) => [r.id, []]),
  );
  const meterValues: Record<string, number[]> = Object.fromEntries(scenario.meters.map((m) => [m.id, []]));
  const cards: Record<string, CardStats> = {};
  const warnings = new Set<string>();
  let decisions = 0;
  let deficitGames = 0;
  let errors = 0;
  let finished = 0;

  if (!strategiesFor(scenario).includes(strategyName))
    throw new Error(`unknown strategy "${strategyName}" (known: ${strategiesFor(scenario).join(', ')})`);
  for (let g = 0; g < options.games; g++) {
    const strategy = createStrategy(scenario, strategyName, `${options.seed}/strategy/${g}`);
    let result: GameResult;
    try {
      result = playGame(scenario, `${options.seed}/${g}`, players, strategy);
    } catch (error) {
      errors++;
      warnings.add(`game ${g}: ${(error as Error).message}`);
      continue;
    }
    finished++;
    const { state } = result;
    decisions += result.decisions;
    if (state.ending) endings[state.ending.id] = (endings[state.ending.id] ?? 0) + 1;
    let deficit = false;
    for (const r of scenario.resources) {
      resourceValues[r.id].push(state.resources[r.id]);
      if (state.resources[r.id] < 0) deficit = true;
    }
    if (deficit) deficitGames++;
    for (const m of scenario.meters) meterValues[m.id].push(state.meters[m.id]);
    countCards(scenario, state, cards, warnings);
    options.onGame?.(state, g);
    if (options.onProgress && g % 100 === 99) options.onProgress(g + 1);
  }

  const seconds = (now() - started) / 1000;
  return {
    scenario: scenario.id,
    games: options.games,
    seed: options.seed,
    players,
    strategy: strategyName,
    seconds,
    gamesPerSecond: seconds > 0 ? options.games / seconds : 0,
    decisionsPerGame: finished > 0 ? decisions / finished : 0,
    endings,
    resources: mapValues(resourceValues, spread),
    meters: mapValues(meterValues, spread),
    cards: sortKeys(cards),
    deficitGames,
    errors,
    warnings: [...warnings].sort(),
  };
}

function statsOf(cards: Record<string, CardStats>, card: string): CardStats {
  if (!cards[card]) cards[card] = { drawn: 0, options: {} };
  return cards[card];
}

/**
 * A strategy's own stream for game `seed`: stream name = the strategy's name, so `random` keeps
 * the stream it always had and the others never share it.
 */
export function createStrategy(scenario: Scenario, name: StrategyName, seed: string): Strategy {
  const random = createRandom(seed, name);
  return name === 'random' ? randomStrategy(random) : ruledStrategy(scenario, name, random);
}

function countCards(
  scenario: Scenario,
  state: GameState,
  cards: Record<string, CardStats>,
  warnings: Set<string>,
): void {
  for (const entry of state.log) {
    if (entry.kind === 'decision') {
      const stats = statsOf(cards, entry.card);
      stats.drawn++;
      if (entry.option !== null) stats.options[entry.option] = (stats.options[entry.option] ?? 0) + 1;
      else if (entry.offered.length === 0)
        warnings.add(`card "${entry.card}" was settled without a choice: no option was offered`);
    } else if (entry.kind === 'event' && !hasOptions(scenario, entry.card)) {
      // An event with options is counted by its decision entry: count each card once.
      statsOf(cards, entry.card).drawn++;
    } else if (entry.kind === 'schedule' && !entry.arrives) {
      warnings.add(
        `scheduled card "${entry.card}" never arrives: round ${entry.round} is past the last round`,
      );
    }
  }
}

function hasOptions(scenario: Scenario, card: string): boolean {
  return (prepare(scenario).cards.get(card)?.options?.length ?? 0) > 0;
}

function mapValues<T, U>(record: Record<string, T>, fn: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, fn(v)]));
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
