/**
 * Engine speed: the same simple game played through the real core (a scenario file, the
 * simulator's random strategy, `legalActions` + `step`) and through a small hand-written
 * reducer, in one process, so the machine's noise cancels out in the ratio.
 *
 * The game: 12 rounds × 4 players' turns, one card each from a 40-card deck of 2–3 options with
 * money and meter effects, three resources, three meters with drift.
 */
import { stringify } from 'yaml';
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

/** One game through the real core with the simulator's random strategy. Returns a checksum. */
export function playCore(scenario: Scenario, seed: string): number {
  const strategy = randomStrategy(createRandom(`${seed}/strategy`));
  let state = newGame(scenario, {
    seed,
    players: [{ name: 'A' }, { name: 'B' }, { name: 'C' }, { name: 'D' }],
  });
  while (state.pending.kind !== 'ended')
    state = step(scenario, state, strategy.pick(state, legalActions(scenario, state)));
  return state.resources.wmo;
}

// ---------------------------------------------------------------- the hand-written reducer

interface HandCard {
  options: { resource: number; add: number; meter: number; delta: number }[];
}

interface HandState {
  resources: number[];
  meters: number[];
  order: number[];
  next: number;
}

/** The same game as a reducer that knows only this game: the fastest an engine could be. */
export function handCards(scenario: Scenario): HandCard[] {
  return scenario.decks[0].cards.map((card) => ({
    options: (card.options ?? []).map((o) => {
      const money = o.effects[0] as { resource: string; add: number };
      const meter = o.effects[1] as { meter: string; add: number };
      return {
        resource: RESOURCES.indexOf(money.resource),
        add: money.add,
        meter: METERS.indexOf(meter.meter),
        delta: meter.add,
      };
    }),
  }));
}

function shuffle(order: number[], random: Random): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
}

function handDecide(cards: HandCard[], s: HandState, pick: number): HandState {
  const card = cards[s.order[s.next % s.order.length]];
  const option = card.options[pick % card.options.length];
  const resources = s.resources.slice();
  const meters = s.meters.slice();
  resources[option.resource] += option.add;
  meters[option.meter] =
    Math.round(Math.min(100, Math.max(0, meters[option.meter] + option.delta)) * 100) / 100;
  return { resources, meters, order: s.order, next: s.next + 1 };
}

function handRoundEnd(s: HandState): HandState {
  const meters = s.meters.map((m, k) => Math.round(Math.min(100, Math.max(0, m + k - 1)) * 100) / 100);
  return { ...s, meters };
}

export function playHand(cards: HandCard[], seed: string): number {
  const deck = createRandom(`${seed}/deck`);
  const strategy = createRandom(`${seed}/strategy`);
  const order = cards.map((_, i) => i);
  shuffle(order, deck);
  let s: HandState = { resources: [500_000, 500_000, 500_000], meters: [50, 50, 50], order, next: 0 };
  for (let r = 0; r < ROUNDS; r++) {
    for (let p = 0; p < PLAYERS; p++) {
      const card = cards[s.order[s.next % s.order.length]];
      s = handDecide(cards, s, Math.floor(strategy.next() * card.options.length));
    }
    s = handRoundEnd(s);
  }
  return s.resources[0];
}

// ---------------------------------------------------------------- measuring

function gamesPerSecond(play: (seed: string) => number, seconds: number): number {
  let games = 0;
  let sink = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 10; i++) sink += play(`s${games++}`);
  }
  if (Number.isNaN(sink)) console.log('');
  return games / ((performance.now() - start) / 1000);
}

export const CORE_RATIO_TARGET = 1 / 3;

/** Prints games/s for both and their ratio; returns whether the core reaches its target. */
export function benchEngine(seconds = 3): boolean {
  const scenario = loadBenchScenario();
  const cards = handCards(scenario);
  // Warm up both so the JIT has seen them before the clock runs.
  gamesPerSecond((s) => playCore(scenario, s), 0.5);
  gamesPerSecond((s) => playHand(cards, s), 0.5);
  // Interleave the runs so that a noisy neighbour hurts both alike.
  const core: number[] = [];
  const hand: number[] = [];
  for (let i = 0; i < 3; i++) {
    core.push(gamesPerSecond((s) => playCore(scenario, s), seconds / 3));
    hand.push(gamesPerSecond((s) => playHand(cards, s), seconds / 3));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1];
  const coreRate = median(core);
  const handRate = median(hand);
  const ratio = coreRate / handRate;
  console.log('engine: 12 rounds × 4 decisions, 40 cards, 3 resources, 3 meters');
  console.log(`  core (legalActions + step):   ${coreRate.toFixed(0).padStart(8)} games/s`);
  console.log(`  hand-written reducer:         ${handRate.toFixed(0).padStart(8)} games/s`);
  console.log(
    `  ratio core / hand:            ${ratio.toFixed(3).padStart(8)}  (target ≥ ${CORE_RATIO_TARGET.toFixed(3)}, aim 0.5)`,
  );
  return ratio >= CORE_RATIO_TARGET;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = benchEngine() ? 0 : 1;
}
