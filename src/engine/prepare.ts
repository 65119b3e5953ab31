/**
 * A scenario prepared once for play: lookups by id and the small derived facts every step needs.
 * Cached per scenario object (a WeakMap), so the rules never search a list by id in the hot path
 * and a scenario that is dropped frees its cache. A prepared scenario is read-only.
 */
import type { Card, Deck, Investment, Meter, Option, Priority, Resource, Scenario } from '../scenario/schema';

export interface Prepared {
  /** Every card by id: cards in decks and `reserveCards`. */
  cards: Map<string, Card>;
  /** The deck a card id is first found in (reserve cards have none). */
  homeDeck: Map<string, string>;
  decks: Map<string, Deck>;
  resources: Map<string, Resource>;
  /** Resources that have a floor, with it. */
  floors: { id: string; floor: number }[];
  floorOf: Map<string, number>;
  meters: Map<string, Meter>;
  investments: Map<string, { investment: Investment; index: number }>;
  priorities: Map<string, Priority>;
  /** Space id → index on the board. */
  spaces: Map<string, number>;
  /** The tags of an option for `costFactor`: the card's plus the option's. */
  optionTags: WeakMap<Option, string[]>;
  /** The `chosen` key of an option, `"<card>/<option>"`: one string per option, so lookups compare cheaply. */
  choiceKey: WeakMap<Option, string>;
  /**
   * Cards whose options are offered whatever the state (no option has a `when`, no top-level
   * money effect of an option touches a floored resource) → their option ids in card order.
   * Read-only and shared: callers that hand the list out copy it.
   */
  alwaysOffered: Map<Card, readonly string[]>;
  /** `{ p: this }`: the rules argument of cards.ts/council.ts without an allocation per call. */
  rules: { p: Prepared };
  /** The deck a facilitator's injected card goes to when none is named. */
  defaultDeck: string;
  /** The `chose` keys (`"<card>/<option>"`) some condition of the scenario asks about. */
  choseKeys: Set<string>;
  /** Whether any ending is immediate (else the checks after every action are skipped). */
  hasImmediate: boolean;
}

const cache = new WeakMap<Scenario, Prepared>();
/**
 * The last scenario asked for and its preparation: a step asks three times for the same one, and
 * a pointer compare is much cheaper than a WeakMap lookup (or a WeakRef's deref). The one strong
 * reference keeps at most that last scenario alive until another one is prepared.
 */
let lastScenario: Scenario | null = null;
let lastPrepared: Prepared | null = null;

export function prepare(scenario: Scenario): Prepared {
  if (scenario === lastScenario) return lastPrepared as Prepared;
  const hit = cache.get(scenario) ?? build(scenario);
  lastScenario = scenario;
  lastPrepared = hit;
  return hit;
}

function build(scenario: Scenario): Prepared {
  const cards = new Map<string, Card>();
  const homeDeck = new Map<string, string>();
  const optionTags = new WeakMap<Option, string[]>();
  const choiceKey = new WeakMap<Option, string>();
  const alwaysOffered = new Map<Card, readonly string[]>();
  const floored = new Set(
    scenario.resources.filter((r) => r.floor !== undefined && r.floor !== null).map((r) => r.id),
  );
  const addCard = (card: Card) => {
    if (!cards.has(card.id)) cards.set(card.id, card);
    const options = card.options ?? [];
    const fixed = options.every(
      (o) => o.when === undefined && o.effects.every((e) => !('resource' in e) || !floored.has(e.resource)),
    );
    if (fixed)
      alwaysOffered.set(
        card,
        options.map((o) => o.id),
      );
    for (const option of card.options ?? []) {
      optionTags.set(option, [...new Set([...card.tags, ...option.tags])]);
      choiceKey.set(option, intern(`${card.id}/${option.id}`));
    }
  };
  const decks = new Map<string, Deck>();
  for (const deck of scenario.decks) {
    decks.set(deck.id, deck);
    for (const card of deck.cards) {
      addCard(card);
      if (!homeDeck.has(card.id)) homeDeck.set(card.id, deck.id);
    }
  }
  for (const card of scenario.reserveCards) addCard(card);
  const floors: Prepared['floors'] = [];
  const floorOf = new Map<string, number>();
  for (const r of scenario.resources) {
    if (r.floor !== undefined && r.floor !== null) {
      floors.push({ id: r.id, floor: r.floor });
      floorOf.set(r.id, r.floor);
    }
  }
  const prepared: Prepared = {
    cards,
    homeDeck,
    decks,
    resources: new Map(scenario.resources.map((r) => [r.id, r])),
    floors,
    floorOf,
    meters: new Map(scenario.meters.map((m) => [m.id, m])),
    investments: new Map(
      scenario.investments.map((investment, index) => [investment.id, { investment, index }]),
    ),
    priorities: new Map((scenario.priorities?.options ?? []).map((p) => [p.id, p])),
    spaces: new Map((scenario.board?.spaces ?? []).map((s, i) => [s.id, i])),
    optionTags,
    choiceKey,
    alwaysOffered,
    defaultDeck: scenario.turnDeck ?? scenario.decks[0].id,
    choseKeys: choseKeys(scenario),
    hasImmediate: scenario.endings.some((e) => e.immediate && e.when !== undefined),
    rules: null as unknown as { p: Prepared },
  };
  prepared.rules = { p: prepared };
  cache.set(scenario, prepared);
  return prepared;
}

/**
 * Every `chose` condition anywhere in the scenario (card and option `when`, effects, goals,
 * endings): the only card/option pairs the state needs to remember.
 */
function choseKeys(scenario: Scenario): Set<string> {
  const keys = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const v of value) walk(v);
    } else if (value !== null && typeof value === 'object') {
      const chose = (value as { chose?: { card?: unknown; option?: unknown } }).chose;
      if (chose && typeof chose.card === 'string' && typeof chose.option === 'string') {
        keys.add(intern(`${chose.card}/${chose.option}`));
      }
      for (const v of Object.values(value)) walk(v);
    }
  };
  walk(scenario);
  return keys;
}

/**
 * The same text as an internalized string: V8 compares two internalized strings by pointer, so
 * `chosen.includes(key)` stays cheap as the list grows (a property name is always internalized).
 */
function intern(text: string): string {
  return Object.keys({ [text]: 0 })[0];
}

/** The card with this id; throws on an id the loader should have refused. */
export function cardById(p: Prepared, id: string): Card {
  const card = p.cards.get(id);
  if (!card) throw new Error(`unknown card "${id}"`);
  return card;
}
