/**
 * Strategies beside `random` for the simulator and the balance analysis. Each is a simple,
 * readable rule a table could follow; if one of them always wins, the scenario has no dilemma.
 * Every strategy owns its own seeded stream (`createRandom`), never the game's, so the game's
 * decks, dice and chances stay those of the seed.
 *
 * - `cheapest`: at a card, the offered option that spends the least money: the sum over all
 *   resources of its money changes outside `chance`/`when`, after costFactor — exactly the
 *   figures `view` shows as `shownCost` (an income counts as negative spending). Ties at random.
 *   Asks a question with probability ½ unless it costs money (then never); never invests
 *   (investing spends money); at a council chooses the priority set that cuts the most cost
 *   (the sum of (1 − costFactor) over its tag modifiers), ties at random.
 * - `best-<meter>`: at a card, the offered option that moves that meter most in its `good`
 *   direction, chance-weighted (nested `chance` multiplies), `when` judged on the state at the
 *   moment of choosing, a `set` counted as the change from the current value. Ties at random.
 *   Asks a question with probability ½ unless its cost worsens the meter (then never); invests
 *   when the investment's cost and `perRound` improve the meter, declines when they worsen it,
 *   ½ when they do not touch it; chooses the priority set whose drift helps the meter most.
 * All of them: in vote mode every seat votes for the strategy's pick (ties at random per seat),
 * a tie is broken by the same rule, and no transfers are made.
 */
import type { Effect, Meter, Scenario } from '../scenario/schema';
import { optionFactor } from './cards';
import { holds } from './conditions';
import { moneyPreview } from './effects';
import { prepare } from './prepare';
import type { Random } from './rng';
import type { Action, GameState } from './types';

export type StrategyName = 'random' | 'cheapest' | `best-${string}`;

/** A strategy picks one of the legal actions; it owns its own random stream, never the game's. */
export interface Strategy {
  pick(state: GameState, legal: Action[]): Action;
}

/** Every strategy this scenario knows: `random`, `cheapest` and `best-<meter>` for each meter. */
export function strategiesFor(scenario: Scenario): StrategyName[] {
  return ['random', 'cheapest', ...scenario.meters.map((m) => `best-${m.id}` as const)];
}

/** Whether a name has the shape of a strategy (any scenario): used before a file is loaded. */
export function isStrategyShape(name: string): name is StrategyName {
  return name === 'random' || name === 'cheapest' || /^best-[a-z][a-z0-9-]*$/.test(name);
}

/** The expected change of one resource or meter by `effects`, chance-weighted, `when` judged on `state`. */
export function expectedChange(
  effects: readonly Effect[],
  target: { resource: string } | { meter: string },
  state: GameState,
): number {
  let sum = 0;
  for (const e of effects) {
    if ('resource' in target && 'resource' in e && e.resource === target.resource)
      sum += 'add' in e ? e.add : e.set - (state.resources[e.resource] ?? 0);
    else if ('meter' in target && 'meter' in e && e.meter === target.meter)
      sum += 'add' in e ? e.add : e.set - (state.meters[e.meter] ?? 0);
    else if ('chance' in e)
      sum +=
        e.chance * expectedChange(e.effects, target, state) +
        (1 - e.chance) * (e.else ? expectedChange(e.else, target, state) : 0);
    else if ('when' in e) {
      const branch = holds(e.when, state) ? e.effects : e.else;
      if (branch) sum += expectedChange(branch, target, state);
    }
  }
  return sum;
}

/** What a strategy prefers; each score is "higher is better", ties are broken at random. */
interface Rules {
  optionScore(state: GameState, card: string, option: string): number;
  /** Whether question `index` of the card may be asked (then with probability ½). */
  mayAsk(state: GameState, card: string, index: number): boolean;
  /** 1 invest, −1 decline, 0 a coin flip. */
  invest(state: GameState, investment: string): number;
  priorityScore(set: readonly string[]): number;
}

function ruled(random: Random, rules: Rules): Strategy {
  const decided = new Set<string>();
  const best = <T>(items: readonly T[], score: (item: T) => number): T => {
    let top: T[] = [];
    let topScore = Number.NEGATIVE_INFINITY;
    for (const item of items) {
      const s = score(item);
      if (s > topScore + 1e-9) {
        top = [item];
        topScore = s;
      } else if (Math.abs(s - topScore) <= 1e-9) top.push(item);
    }
    return top.length === 1 ? top[0] : top[random.int(top.length)];
  };
  return {
    pick(state, legal) {
      const p = state.pending;
      const card = p.kind === 'card' ? p.copy.card : '';
      for (const a of legal) {
        if (a.type !== 'ask') continue;
        const key = `${card}@${state.log.length - (p.kind === 'card' ? p.asked.length : 0)}:${a.question}`;
        if (decided.has(key)) continue;
        decided.add(key);
        if (rules.mayAsk(state, card, a.question) && random.next() < 0.5) return a;
      }
      const invest = legal.find((a) => a.type === 'invest');
      const decline = legal.find((a) => a.type === 'decline');
      if (decline) {
        const id = p.kind === 'invest' ? p.investment : p.kind === 'council' ? (p.offer ?? '') : '';
        const verdict = invest ? rules.invest(state, id) : -1;
        if (!invest || verdict < 0) return decline;
        return verdict > 0 || random.next() < 0.5 ? invest : decline;
      }
      const first = legal.find((a) => a.type !== 'ask') ?? legal[0];
      switch (first.type) {
        case 'choose':
        case 'breakTie': {
          const pool = legal.filter((a) => a.type === first.type) as { option: string }[];
          return best(pool, (a) => rules.optionScore(state, card, a.option)) as Action;
        }
        case 'vote': {
          const pool = legal.filter((a) => a.type === 'vote' && a.seat === first.seat) as Extract<
            Action,
            { type: 'vote' }
          >[];
          return best(pool, (a) => rules.optionScore(state, card, a.option));
        }
        case 'setPriorities':
        case 'breakPriorityTie': {
          const pool = legal.filter((a) => a.type === first.type) as { priorities: string[] }[];
          return best(pool, (a) => rules.priorityScore(a.priorities)) as Action;
        }
        case 'votePriorities': {
          const pool = legal.filter((a) => a.type === 'votePriorities' && a.seat === first.seat) as Extract<
            Action,
            { type: 'votePriorities' }
          >[];
          return best(pool, (a) => rules.priorityScore(a.priorities));
        }
        default:
          return first;
      }
    },
  };
}

function optionOf(scenario: Scenario, card: string, option: string) {
  return prepare(scenario)
    .cards.get(card)
    ?.options?.find((o) => o.id === option);
}

/** The `cheapest` strategy (see the module comment). */
export function cheapestStrategy(scenario: Scenario, random: Random): Strategy {
  const p = prepare(scenario);
  const r = { p };
  return ruled(random, {
    optionScore(state, card, id) {
      const option = optionOf(scenario, card, id);
      if (!option) return 0;
      const shown = moneyPreview(option.effects, optionFactor(r, state, option));
      let sum = 0;
      for (const v of Object.values(shown)) sum += v;
      return sum;
    },
    mayAsk(_state, card, index) {
      const q = p.cards.get(card)?.conversation[index];
      return !q || Object.values(moneyPreview(q.cost, 1)).every((v) => v >= 0);
    },
    invest: () => -1,
    priorityScore(set) {
      let cut = 0;
      for (const id of set)
        for (const m of p.priorities.get(id)?.modifiers ?? []) if ('tag' in m) cut += 1 - m.costFactor;
      return cut;
    },
  });
}

/** The `best-<meter>` strategy (see the module comment). */
export function bestMeterStrategy(scenario: Scenario, meter: Meter, random: Random): Strategy {
  const p = prepare(scenario);
  const sign = meter.good === 'low' ? -1 : 1;
  const target = { meter: meter.id };
  return ruled(random, {
    optionScore(state, card, id) {
      const option = optionOf(scenario, card, id);
      return option ? sign * expectedChange(option.effects, target, state) : 0;
    },
    mayAsk(state, card, index) {
      const q = p.cards.get(card)?.conversation[index];
      return !q || sign * expectedChange(q.cost, target, state) >= 0;
    },
    invest(state, id) {
      const inv = p.investments.get(id)?.investment;
      if (!inv) return 0;
      const change = sign * expectedChange([...inv.cost, ...inv.perRound], target, state);
      return change > 1e-9 ? 1 : change < -1e-9 ? -1 : 0;
    },
    priorityScore(set) {
      let drift = 0;
      for (const id of set)
        for (const m of p.priorities.get(id)?.modifiers ?? [])
          if ('meter' in m && m.meter === meter.id) drift += sign * m.drift;
      return drift;
    },
  });
}

/** Builds a named strategy other than `random` (see simulate.ts); throws on an unknown name. */
export function ruledStrategy(scenario: Scenario, name: StrategyName, random: Random): Strategy {
  if (name === 'cheapest') return cheapestStrategy(scenario, random);
  const meter = scenario.meters.find((m) => `best-${m.id}` === name);
  if (!meter) throw new Error(`unknown strategy "${name}" (known: ${strategiesFor(scenario).join(', ')})`);
  return bestMeterStrategy(scenario, meter, random);
}
