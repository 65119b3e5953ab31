/**
 * Random but valid scenarios for the engine's property tests: every effect and condition kind,
 * floors, boards with every space kind, questions, events, schedules, investments, priorities,
 * council meetings, both decision modes, immediate endings. Generated from one seed so a failing
 * case is reproducible from the number fast-check prints. Test-only: the engine never imports it.
 */
import type { Condition, Effect, Scenario } from '../scenario/schema';
import { scenario } from './fixtures';
import { createRandom } from './rng';

export function randomScenario(seed: number): Scenario {
  const r = createRandom(`scenario-${seed}`);
  const pick = <T>(items: readonly T[]): T => items[r.int(items.length)];
  const chance = (p: number) => r.next() < p;
  const between = (lo: number, hi: number) => lo + r.int(hi - lo + 1);

  const resources = Array.from({ length: between(1, 3) }, (_, i) => ({
    id: `r${i}`,
    name: `R${i}`,
    start: between(0, 50) * 100,
    income: pick([0, 0, 100, 300, -200]),
    floor: pick([undefined, null, 0, -1000]),
  }));
  const meters = Array.from({ length: between(0, 2) }, (_, i) => ({
    id: `m${i}`,
    name: `M${i}`,
    min: 0,
    ...(chance(0.7) ? { max: 10 } : {}),
    start: between(0, 10),
    drift: pick([0, 0.25, -0.5, 1.1]),
  }));
  const flags = ['f0', 'f1'];
  const reserve = ['extra-0', 'extra-1'];

  const condition = (depth = 0): Condition => {
    const kinds = depth > 1 ? 3 : 6;
    switch (r.int(kinds)) {
      case 0:
        return { flag: pick(flags) };
      case 1:
        return { resource: chance(0.3) ? 'total' : pick(resources).id, atLeast: between(-10, 50) * 100 };
      case 2:
        return meters.length > 0
          ? { meter: pick(meters).id, below: between(0, 10) }
          : { round: { atLeast: between(1, 3) } };
      case 3:
        return { not: condition(depth + 1) };
      case 4:
        return { any: [condition(depth + 1), condition(depth + 1)] };
      default:
        return { all: [condition(depth + 1), { round: { atMost: between(1, 4) } }] };
    }
  };

  const deckIds: string[] = [];
  const effect = (depth: number, board: boolean): Effect => {
    const roll = r.int(depth > 1 ? 4 : 11);
    switch (roll) {
      case 0:
      case 1:
        return { resource: pick(resources).id, add: -between(0, 40) * 100 };
      case 2:
        return meters.length > 0
          ? { meter: pick(meters).id, add: pick([-1.5, -0.25, 0.5, 2, 3.333]) }
          : { flag: pick(flags), set: true };
      case 3:
        return { flag: pick(flags), set: chance(0.7) };
      case 4:
        return { resource: pick(resources).id, add: between(1, 20) * 100 };
      case 5:
        return {
          chance: pick([0, 0.3, 0.5, 1]),
          effects: effects(depth + 1, board),
          else: chance(0.5) ? effects(depth + 1, board) : undefined,
        };
      case 6:
        return {
          when: condition(),
          effects: effects(depth + 1, board),
          ...(chance(0.5) ? { else: effects(depth + 1, board) } : {}),
        };
      case 7:
        return { schedule: { card: pick(reserve), deck: pick(deckIds), after: between(1, 3) } };
      case 8:
        return chance(0.5)
          ? { addCard: { card: pick(reserve), deck: pick(deckIds) } }
          : { removeCard: { card: pick(reserve), deck: pick(deckIds) } };
      case 9:
        return board ? { move: `s${between(0, 5)}` } : { log: 'Gebeurd' };
      default:
        return chance(0.5)
          ? { resource: pick(resources).id, set: between(0, 30) * 100 }
          : { log: { nl: 'Iets', en: 'Something' } };
    }
  };
  const effects = (depth: number, board: boolean): Effect[] =>
    Array.from({ length: between(0, 3) }, () => effect(depth, board)).map(stripUndefined);

  const hasBoard = chance(0.5);
  const deckCount = between(1, 2);
  for (let d = 0; d < deckCount; d++) deckIds.push(`d${d}`);
  const tags = ['t0', 't1'];
  const card = (id: string) => {
    const kind = pick(['request', 'dilemma', 'event', 'event'] as const);
    const optionCount = kind === 'event' ? pick([0, 2, 3]) : between(2, 3);
    const options = Array.from({ length: optionCount }, (_, o) => ({
      id: `o${o}`,
      label: `O${o}`,
      effects: effects(0, hasBoard),
      tags: chance(0.3) ? [pick(tags)] : [],
      ...(chance(0.25) ? { when: condition() } : {}),
    }));
    return {
      id,
      kind,
      title: id,
      tags: chance(0.3) ? [pick(tags)] : [],
      ...(chance(0.2) ? { when: condition() } : {}),
      conversation: Array.from({ length: between(0, 2) }, () => ({
        ask: 'V?',
        reveals: 'A.',
        cost: effects(1, hasBoard),
      })),
      ...(options.length > 0 ? { options } : {}),
      ...(kind === 'event'
        ? { effects: options.length > 0 && chance(0.5) ? [] : [effect(0, hasBoard)] }
        : {}),
    };
  };
  const decks = deckIds.map((id, d) => ({
    id,
    name: id,
    shuffle: chance(0.7),
    reshuffle: chance(0.8),
    cards: Array.from({ length: between(1, 6) }, (_, i) => card(`c${d}-${i}`)),
  }));
  const reserveCards = reserve.map((id) => card(id));
  const investments = Array.from({ length: between(0, 2) }, (_, i) => ({
    id: `i${i}`,
    name: `I${i}`,
    cost: [{ resource: pick(resources).id, add: -between(1, 30) * 100 }],
    perRound: effects(1, false),
    tags: chance(0.5) ? [pick(tags)] : [],
  }));
  const priorityCount = between(0, 4);
  const priorities =
    priorityCount > 0
      ? {
          choose: between(1, priorityCount),
          options: Array.from({ length: priorityCount }, (_, i) => ({
            id: `p${i}`,
            name: `P${i}`,
            modifiers: [
              ...(chance(0.6) ? [{ tag: pick(tags), costFactor: pick([0.5, 0.8, 1.2]) }] : []),
              ...(meters.length > 0 && chance(0.5)
                ? [{ meter: pick(meters).id, drift: pick([-0.5, 0.25]) }]
                : []),
            ],
          })),
        }
      : undefined;
  const board = hasBoard
    ? {
        dice: { count: between(1, 2), sides: pick([3, 6]) },
        spaces: [
          { id: 's0', kind: 'start', name: 'S', effects: effects(1, false) },
          { id: 's1', kind: 'draw', deck: pick(deckIds), name: 'D' },
          investments.length > 0
            ? { id: 's2', kind: 'invest', investment: pick(investments).id, name: 'I' }
            : { id: 's2', kind: 'rest', name: 'R' },
          { id: 's3', kind: 'council', name: 'C' },
          { id: 's4', kind: 'wait', turns: between(1, 2), name: 'W' },
          { id: 's5', kind: 'draw', deck: pick(deckIds), name: 'D2' },
        ],
      }
    : undefined;
  const min = between(1, 3);
  const input: Record<string, unknown> = {
    id: `random-${seed}`,
    decision: chance(0.5) ? 'vote' : 'group',
    players: { min, max: min + between(0, 2) },
    rounds: { count: between(1, 5), label: 'R{{n}}' },
    resources: resources.map(stripUndefined),
    meters,
    roles: [
      { id: 'a', name: 'A', brief: 'b', goal: condition() },
      { id: 'b', name: 'B', brief: 'b' },
    ],
    ...(board ? { board, turnDeck: undefined } : { turnDeck: pick(deckIds) }),
    decks,
    reserveCards,
    investments,
    ...(priorities ? { priorities } : {}),
    ...(chance(0.7)
      ? { council: { every: pick([1, 2]), atStart: chance(0.5), transfers: chance(0.5) } }
      : {}),
    upkeep: chance(0.3) ? effects(1, false) : [],
    endings: [
      ...(chance(0.5)
        ? [
            {
              id: 'crisis',
              title: 'C',
              text: 'c',
              immediate: true,
              when: { resource: 'total', below: -5000 },
            },
          ]
        : []),
      { id: 'goed', title: 'G', text: 'g', when: condition() },
      { id: 'gewoon', title: 'G', text: 'g' },
    ],
  };
  // The schema parses (and so checks) the generated input.
  return scenario(input);
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
