/**
 * The engine's answers the table view needs, from the engine's own rule modules: offered
 * options, shown costs after priorities, transfer limits. Kept apart so it can move to the
 * engine's view in one place.
 */
import { isOffered, optionFactor } from '../engine/cards';
import { investmentFactor, transferLimit } from '../engine/council';
import { moneyPreview } from '../engine/effects';
import { cardById, prepare } from '../engine/prepare';
import type { GameState } from '../engine/types';
import type { Card, Effect, Investment, Option, Question, Scenario } from '../scenario/schema';

function meterPreview(effects: readonly Effect[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of effects) if ('meter' in e && 'add' in e) out[e.meter] = e.add;
  return out;
}

export function engineFacts(scenario: Scenario, state: GameState) {
  const r = { p: prepare(scenario) };
  return {
    card: (id: string): Card => cardById(r.p, id),
    offered: (card: Card, option: string) => isOffered(r, state, card, option),
    optionPreview: (o: Option) => ({
      money: moneyPreview(o.effects, optionFactor(r, state, o)),
      meters: meterPreview(o.effects),
    }),
    questionPreview: (q: Question) => ({ money: moneyPreview(q.cost, 1), meters: meterPreview(q.cost) }),
    investmentPreview: (i: Investment) => moneyPreview(i.cost, investmentFactor(r, state, i)),
    transferLimit: (id: string) => transferLimit(r, state, id),
  };
}
