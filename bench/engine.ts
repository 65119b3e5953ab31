/**
 * Engine speed: the same simple game played through the real core (a scenario file, the
 * simulator's random strategy, `legalActions` + `step`) and through a small hand-written
 * reducer, in one process, so the machine's noise cancels out in the ratio.
 *
 * The game: 12 rounds × 4 players' turns, one card each from a 40-card deck of 2–3 options with
 * money and meter effects, three resources, three meters with drift.
 */
import { stringify } from 'yaml';
import { logChain } from '../src/engine/draft';
import { legalActions } from '../src/engine/legal';
import { createRandom, type Random } from '../src/engine/rng';
import { newGame } from '../src/engine/setup';
import { randomStrategy } from '../src/engine/simulate';
import { step } from '../src/engine/step';
import { loadScenario } from '../src/scenario';
import type { Scenario } from '../src/scenario/schema';

const ROUNDS = 12;
const PLAYERS = 4;
const CARDS = 40;
const RESOURCES = ['wmo', 'jeugd', 'werk'];
const METERS = ['welzijn', 'vertrouwen', 'werkdruk'];

/** The benchmark game as a trainer would write it (YAML text). */
export function benchScenarioYaml(): string {
  const cards = Array.from({ length: CARDS }, (_, i) => ({
    id: `kaart-${i}`,
    kind: 'request',
    title: `Kaart ${i}`,
    options: Array.from({ length: 2 + (i % 2) }, (_, o) => ({
      id: `optie-${o}`,
      label: `Optie ${o}`,
      effects: [
        { resource: RESOURCES[(i + o) % 3], add: -1000 * (1 + ((i * 7 + o * 3) % 9)) },
        { meter: METERS[(i + o) % 3], add: ((i + o) % 5) - 2 },
      ],
    })),
  }));
  return stringify({
    format: 1,
    id: 'bench',
    title: 'Bench',
    summary: 'A simple game for the engine benchmark.',
    languages: ['nl'],
    players: { min: PLAYERS, max: PLAYERS },
    rounds: { count: ROUNDS, label: 'Ronde {{n}}' },
    resources: RESOURCES.map((id) => ({ id, name: id, start: 500_000 })),
    meters: METERS.map((id, k) => ({ id, name: id, min: 0, max: 100, start: 50, drift: k - 1 })),
    turnDeck: 'stapel',
    decks: [{ id: 'stapel', name: 'Stapel', cards }],
    endings: [{ id: 'einde', title: 'Einde', text: 'Klaar.' }],
  });
}

export function loadBenchScenario(): Scenario {
  const result = loadScenario(benchScenarioYaml(), 'bench.yaml');
  if (!result.ok) throw new Error(`bench scenario invalid: ${JSON.stringify(result.errors)}`);
  return result.scenario;
}

/**
 * One game through the real core with the simulator's random strategy, as `playGame` plays it:
 * every step leaves the previous state untouched, except that the log is appended in place in a
 * `LogChain` (each state is dropped for the next). Returns a checksum.
 */
export function playCore(scenario: Scenario, seed: string): number {
  const strategy = randomStrategy(createRandom(`${seed}/strategy`));
  let state = newGame(scenario, {
    seed,
    players: [{ name: 'A' }, { name: 'B' }, { name: 'C' }, { name: 'D' }],
  });
  const chain = logChain();
  while (state.pending.kind !== 'ended')
    state = step(scenario, state, strategy.pick(state, legalActions(scenario, state)), chain);
  return state.resources.wmo;
}

// ---------------------------------------------------------------- the hand-written reducer

/**
 * The same game as an idiomatic hand-written reducer that knows only this game: immutable state
 * keyed by ids, one action per turn, a log of decisions, a seeded shuffle — what a developer would
 * write for one fixed game without an engine. The baseline the core is measured against.
 */
interface HandOption {
  resource: string;
  add: number;
  meter: string;
  delta: number;
}

interface HandState {
  round: number;
  seat: number;
  resources: Record<string, number>;
  meters: Record<string, number>;
  draw: string[];
  discard: string[];
  log: { round: number; seat: number; card: string; option: number }[];
}

type HandAction = { type: 'decide'; option: number };

export function handCards(scenario: Scenario): Record<string, HandOption[]> {
  return Object.fromEntries(
    scenario.decks[0].cards.map((card) => [
      card.id,
      (card.options ?? []).map((o) => {
        const money = o.effects[0] as { resource: string; add: number };
        const meter = o.effects[1] as { meter: string; add: number };
        return { resource: money.resource, add: money.add, meter: meter.meter, delta: meter.add };
      }),
    ]),
  );
}

const clampMeter = (value: number) => Math.round(Math.min(100, Math.max(0, value)) * 100) / 100;

function shuffled(ids: string[], random: Random): string[] {
  const out = ids.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function handReduce(cards: Record<string, HandOption[]>, s: HandState, action: HandAction): HandState {
  const [card, ...draw] = s.draw.length > 0 ? s.draw : s.discard;
  const option = cards[card][action.option];
  const resources = { ...s.resources, [option.resource]: s.resources[option.resource] + option.add };
  let meters = { ...s.meters, [option.meter]: clampMeter(s.meters[option.meter] + option.delta) };
  const discard = s.draw.length > 0 ? [...s.discard, card] : [card];
  const log = [...s.log, { round: s.round, seat: s.seat, card, option: action.option }];
  let { round, seat } = s;
  seat++;
  if (seat === PLAYERS) {
    seat = 0;
    round++;
    meters = Object.fromEntries(METERS.map((id, k) => [id, clampMeter(meters[id] + k - 1)]));
  }
  return { round, seat, resources, meters, draw, discard, log };
}

export function playHand(cards: Record<string, HandOption[]>, seed: string): number {
  const strategy = createRandom(`${seed}/strategy`);
  let s: HandState = {
    round: 0,
    seat: 0,
    resources: Object.fromEntries(RESOURCES.map((id) => [id, 500_000])),
    meters: Object.fromEntries(METERS.map((id) => [id, 50])),
    draw: shuffled(Object.keys(cards), createRandom(`${seed}/deck`)),
    discard: [],
    log: [],
  };
  while (s.round < ROUNDS) {
    const card = s.draw.length > 0 ? s.draw[0] : s.discard[0];
    s = handReduce(cards, s, { type: 'decide', option: Math.floor(strategy.next() * cards[card].length) });
  }
  return s.resources.wmo;
}

// ---------------------------------------------------------------- measuring

/**
 * Games per CPU-second of this process: other processes on a busy machine then cost this one
 * less than they would cost a wall clock. Runs for about `seconds` of CPU time.
 */
function gamesPerSecond(play: (seed: string) => number, seconds: number): number {
  let games = 0;
  let sink = 0;
  const cpu = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1e6;
  };
  const start = cpu();
  while (cpu() - start < seconds) {
    for (let i = 0; i < 10; i++) sink += play(`s${games++}`);
  }
  if (Number.isNaN(sink)) console.log('');
  return games / (cpu() - start);
}

export const CORE_RATIO_TARGET = 1 / 3;

/** Prints games/s for both and their ratio; returns whether the core reaches its target. */
export function benchEngine(seconds = 5): boolean {
  const scenario = loadBenchScenario();
  const cards = handCards(scenario);
  // Warm up both so the JIT has seen them before the clock runs.
  gamesPerSecond((s) => playCore(scenario, s), 0.5);
  gamesPerSecond((s) => playHand(cards, s), 0.5);
  // Interleave the runs so that a noisy neighbour hurts both alike.
  const core: number[] = [];
  const hand: number[] = [];
  for (let i = 0; i < 7; i++) {
    core.push(gamesPerSecond((s) => playCore(scenario, s), seconds / 7));
    hand.push(gamesPerSecond((s) => playHand(cards, s), seconds / 7));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[3];
  const handRate = median(hand);
  const ratio = median(core) / handRate;
  const row = (label: string, rate: number) =>
    console.log(
      `  ${label.padEnd(44)} ${rate.toFixed(0).padStart(8)} games/CPU-s  ${(rate / handRate).toFixed(3)}×`,
    );
  console.log('engine: 12 rounds × 4 decisions, 40 cards, 3 resources, 3 meters');
  row('hand-written reducer (baseline)', handRate);
  row('core (the simulator and the browser alike)', median(core));
  console.log(
    `  target: the simulator's core ≥ ${CORE_RATIO_TARGET.toFixed(3)}× the reducer (aim 0.5): ${ratio >= CORE_RATIO_TARGET ? 'ok' : 'MISSED'}`,
  );
  return ratio >= CORE_RATIO_TARGET;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = benchEngine() ? 0 : 1;
}
