/** Finding a card by id in the scenario's decks and reserve (plain data lookup, for display). */
import type { Card, Scenario } from '../scenario/schema';

const cache = new WeakMap<Scenario, Map<string, Card>>();

export function findCard(scenario: Scenario, id: string): Card {
  let map = cache.get(scenario);
  if (!map) {
    map = new Map();
    for (const deck of scenario.decks)
      for (const card of deck.cards) if (!map.has(card.id)) map.set(card.id, card);
    for (const card of scenario.reserveCards) if (!map.has(card.id)) map.set(card.id, card);
    cache.set(scenario, map);
  }
  const card = map.get(id);
  if (!card) return { id, kind: 'event', title: id, tags: [], conversation: [] } as unknown as Card;
  return card;
}
