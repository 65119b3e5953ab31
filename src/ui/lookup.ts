/**
 * The shell's only way into the scenario's catalogue: display texts found by id (a card's title
 * and labels, a space's name, a priority's name, the meeting's name). Each returns a narrowed
 * type without effects, costs, conditions or modifiers, so a screen cannot read a rule even by
 * accident; what may happen now comes from the engine's `view()` (see
 * tests/architecture/no-rules-in-shell.test.ts for the rule this file is exempt from).
 */
import type { Card, Scenario, Space, Text } from '../scenario/schema';

/** A card as a screen shows it: kind, texts, tags, option labels and the questions' texts. */
export interface CardText {
  id: string;
  kind: Card['kind'];
  title: Text;
  text?: Text;
  tags: readonly string[];
  options?: readonly { id: string; label: Text }[];
  conversation: readonly { ask: Text; reveals: Text }[];
  /** The reflection question the debrief asks about this card. */
  reflect?: Text;
}

/** A named thing (priority, investment, deck) as a screen shows it. */
export interface NamedText {
  id: string;
  name: Text;
  text?: Text;
}

/** A board space as the board draws it: its kind picks the colour and icon. */
export interface SpaceText {
  id: string;
  kind: Space['kind'];
  name: Text;
}

const cards = new WeakMap<Scenario, Map<string, CardText>>();

function cardText(card: Card): CardText {
  return {
    id: card.id,
    kind: card.kind,
    title: card.title,
    ...(card.text !== undefined ? { text: card.text } : {}),
    tags: card.tags,
    ...(card.options ? { options: card.options.map((o) => ({ id: o.id, label: o.label })) } : {}),
    conversation: card.conversation.map((q) => ({ ask: q.ask, reveals: q.reveals })),
    ...(card.reflect !== undefined ? { reflect: card.reflect } : {}),
  };
}

/** Every card once by id (decks in order, then the reserve); built once per scenario. */
function cardMap(scenario: Scenario): Map<string, CardText> {
  let map = cards.get(scenario);
  if (!map) {
    map = new Map();
    for (const deck of scenario.decks)
      for (const card of deck.cards) if (!map.has(card.id)) map.set(card.id, cardText(card));
    for (const card of scenario.reserveCards) if (!map.has(card.id)) map.set(card.id, cardText(card));
    cards.set(scenario, map);
  }
  return map;
}

/** A card by id from the decks and the reserve; an unknown id shows as itself. */
export function findCard(scenario: Scenario, id: string): CardText {
  return cardMap(scenario).get(id) ?? { id, kind: 'event', title: id, tags: [], conversation: [] };
}

/** Every card once (decks, then reserve), for the facilitator's list of cards to put on the table. */
export function allCards(scenario: Scenario): CardText[] {
  return [...cardMap(scenario).values()];
}

function named(list: readonly { id: string; name: Text; text?: Text }[] | undefined, id: string): NamedText {
  const found = list?.find((x) => x.id === id);
  if (!found) return { id, name: id };
  return { id, name: found.name, ...(found.text !== undefined ? { text: found.text } : {}) };
}

/** The priorities a council may set, in file order (empty when the scenario has none). */
export function priorityList(scenario: Scenario): NamedText[] {
  return (scenario.priorities?.options ?? []).map((p) => named(scenario.priorities?.options, p.id));
}

export function findPriority(scenario: Scenario, id: string): NamedText {
  return named(scenario.priorities?.options, id);
}

export function findInvestment(scenario: Scenario, id: string): NamedText {
  return named(scenario.investments, id);
}

export function findDeck(scenario: Scenario, id: string): NamedText {
  return named(scenario.decks, id);
}

/** The board's spaces in order, or null for a game without a board. */
export function boardSpaces(scenario: Scenario): SpaceText[] | null {
  return scenario.board?.spaces.map((s) => ({ id: s.id, kind: s.kind, name: s.name })) ?? null;
}

/** The name a scenario gives its meeting ("OR-overleg" for a works council), or null. */
export function councilName(scenario: Scenario): Text | null {
  return scenario.council?.name ?? null;
}
