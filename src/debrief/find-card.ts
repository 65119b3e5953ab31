import type { Card, Scenario } from '../scenario/schema';

/** A card of the scenario by id: in a deck, or among the reserve cards (scheduled or brought in). */
export function findCard(scenario: Scenario, id: string): Card | undefined {
  for (const deck of scenario.decks) for (const c of deck.cards) if (c.id === id) return c;
  return scenario.reserveCards.find((c) => c.id === id);
}
