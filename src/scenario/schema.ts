/**
 * The scenario format, version 1, as a zod schema: the single source of truth for the
 * loader's first pass, for the TypeScript types of a loaded scenario and for the JSON Schema
 * that editors use. What a schema cannot say (unique ids, references, kind rules) lives in
 * `checks.ts`.
 *
 * Every field carries a description in English and Dutch (`describe(en, nl)`), so the
 * generated JSON Schemas show trainers help on hover in either language.
 */
import { z } from 'zod';

/** Attach a trainer-readable description in both languages (see json-schema.ts). */
function describe<T extends z.ZodType>(schema: T, en: string, nl: string): T {
  return schema.meta({ description: en, descriptionNl: nl }) as T;
}

export const ID_PATTERN = /^[a-z][a-z0-9-]*$/;
export const LANGUAGE_PATTERN = /^[a-z]{2,3}$/;

export const Id = describe(
  z
    .string()
    .regex(ID_PATTERN, { error: 'an id is lower-case letters, digits and hyphens, starting with a letter' }),
  'An id: lower-case letters, digits and hyphens, starting with a letter (e.g. "mevrouw-de-vries").',
  'Een id: kleine letters, cijfers en streepjes, beginnend met een letter (bijv. "mevrouw-de-vries").',
);

export const LanguageCode = z.string().regex(LANGUAGE_PATTERN, {
  error: 'a language code is two or three lower-case letters, e.g. "nl" or "en"',
});

export const Text = describe(
  z.union([z.string(), z.record(LanguageCode, z.string())]),
  'Plain text for every language, or a map of language code to text: { nl: "...", en: "..." }. Never HTML.',
  'Platte tekst voor elke taal, of per taal: { nl: "...", en: "..." }. Nooit HTML.',
);
export type Text = z.infer<typeof Text>;

const Money = z.number().int({ error: 'money is whole euros: no decimals' });
const Bound = z.number();

// ---------------------------------------------------------------- conditions

const NumberBounds = {
  atLeast: describe(
    Bound.optional(),
    'Holds when the value is at least this.',
    'Waar als de waarde minstens dit is.',
  ),
  atMost: describe(
    Bound.optional(),
    'Holds when the value is at most this.',
    'Waar als de waarde hoogstens dit is.',
  ),
  above: describe(
    Bound.optional(),
    'Holds when the value is more than this.',
    'Waar als de waarde hoger is dan dit.',
  ),
  below: describe(
    Bound.optional(),
    'Holds when the value is less than this.',
    'Waar als de waarde lager is dan dit.',
  ),
};

export type Condition =
  | { resource: string; atLeast?: number; atMost?: number; above?: number; below?: number }
  | { meter: string; atLeast?: number; atMost?: number; above?: number; below?: number }
  | { flag: string }
  | { round: { atLeast?: number; atMost?: number } }
  | { chose: { card: string; option: string } }
  | { invested: string }
  | { priority: string }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export const Condition: z.ZodType<Condition> = describe(
  z.lazy(() =>
    z.union([
      z.strictObject({
        resource: describe(
          Id,
          'A resource id, or "total" for the sum of all resources.',
          'Een budget-id, of "total" voor de som van alle budgetten.',
        ),
        ...NumberBounds,
      }),
      z.strictObject({ meter: Id, ...NumberBounds }),
      z.strictObject({ flag: Id }),
      z.strictObject({
        round: z.strictObject({ atLeast: z.number().int().optional(), atMost: z.number().int().optional() }),
      }),
      z.strictObject({ chose: z.strictObject({ card: Id, option: Id }) }),
      z.strictObject({ invested: Id }),
      z.strictObject({ priority: Id }),
      z.strictObject({ all: z.array(Condition) }),
      z.strictObject({ any: z.array(Condition) }),
      z.strictObject({ not: Condition }),
    ]),
  ),
  'A condition: { resource|meter: ID, atLeast|atMost|above|below: N }, { flag: ID }, { round: {...} }, { chose: { card, option } }, { invested: ID }, { priority: ID }, { all|any: [...] } or { not: ... }.',
  'Een voorwaarde: { resource|meter: ID, atLeast|atMost|above|below: N }, { flag: ID }, { round: {...} }, { chose: { card, option } }, { invested: ID }, { priority: ID }, { all|any: [...] } of { not: ... }.',
);

// ------------------------------------------------------------------- effects

export type Effect =
  | { resource: string; add: number }
  | { resource: string; set: number }
  | { meter: string; add: number }
  | { meter: string; set: number }
  | { flag: string; set: boolean }
  | { schedule: { card: string; deck: string; after: number } }
  | { addCard: { card: string; deck: string } }
  | { removeCard: { card: string; deck: string } }
  | { move: string }
  | { chance: number; effects: Effect[]; else?: Effect[] }
  | { when: Condition; effects: Effect[]; else?: Effect[] }
  | { log: Text };

const CardRef = z.strictObject({ card: Id, deck: Id });

export const Effect: z.ZodType<Effect> = describe(
  z.lazy(() =>
    z.union([
      z.strictObject({ resource: Id, add: Money }),
      z.strictObject({ resource: Id, set: Money }),
      z.strictObject({ meter: Id, add: z.number() }),
      z.strictObject({ meter: Id, set: z.number() }),
      z.strictObject({ flag: Id, set: z.boolean() }),
      z.strictObject({
        schedule: describe(
          z.strictObject({ card: Id, deck: Id, after: z.number().int().min(1) }),
          'A delayed consequence: the card arrives on top of the deck at the start of round R + after.',
          'Een uitgesteld gevolg: de kaart komt bovenop de stapel aan het begin van ronde R + after.',
        ),
      }),
      z.strictObject({ addCard: CardRef }),
      z.strictObject({ removeCard: CardRef }),
      z.strictObject({ move: Id }),
      z.strictObject({
        chance: z.number().min(0).max(1),
        effects: z.array(Effect),
        else: z.array(Effect).optional(),
      }),
      z.strictObject({ when: Condition, effects: z.array(Effect), else: z.array(Effect).optional() }),
      z.strictObject({ log: Text }),
    ]),
  ),
  'An effect: { resource|meter: ID, add|set: N }, { flag: ID, set: true|false }, { schedule: {...} }, { addCard: {...} }, { removeCard: {...} }, { move: SPACE }, { chance: P, effects, else }, { when: CONDITION, effects, else } or { log: TEXT }.',
  'Een effect: { resource|meter: ID, add|set: N }, { flag: ID, set: true|false }, { schedule: {...} }, { addCard: {...} }, { removeCard: {...} }, { move: VAKJE }, { chance: P, effects, else }, { when: VOORWAARDE, effects, else } of { log: TEKST }.',
);

const Effects = z.array(Effect);

// ------------------------------------------------------------------- objects

export const Resource = z.strictObject({
  id: Id,
  name: Text,
  start: describe(Money, 'Euros at the start of the game.', 'Euro’s bij de start van het spel.'),
  income: describe(
    Money.default(0),
    'Added at the start of every round.',
    'Komt erbij aan het begin van elke ronde.',
  ),
  floor: describe(
    Money.nullable().optional(),
    'The lowest allowed balance; leave out (or null) to allow a deficit.',
    'Het laagst toegestane saldo; weglaten (of null) staat een tekort toe.',
  ),
});

export const Meter = z.strictObject({
  id: Id,
  name: Text,
  min: z.number(),
  start: z.number(),
  max: z.number().optional(),
  drift: describe(
    z.number().default(0),
    'Added at every round end.',
    'Komt erbij aan het eind van elke ronde.',
  ),
  unit: z.enum(['percent', 'count', 'score']).default('score'),
  good: describe(
    z.enum(['high', 'low']).default('high'),
    'Which direction is an improvement: "low" for workload or waiting lists.',
    'Welke richting een verbetering is: "low" voor werkdruk of wachtlijsten.',
  ),
});

export const Role = z.strictObject({
  id: Id,
  name: Text,
  brief: Text,
  goal: describe(Condition.optional(), 'Judged on the final state.', 'Wordt beoordeeld op de eindstand.'),
  hidden: describe(
    z.boolean().default(false),
    'Brief and goal shown only to its player, revealed at the debrief.',
    'Opdracht en doel alleen voor de eigen speler, onthuld bij de nabespreking.',
  ),
});

const SpaceBase = { id: Id, name: Text };
export const Space = z.discriminatedUnion('kind', [
  z.strictObject({ ...SpaceBase, kind: z.literal('start'), effects: Effects.default([]) }),
  z.strictObject({ ...SpaceBase, kind: z.literal('draw'), deck: Id }),
  z.strictObject({ ...SpaceBase, kind: z.literal('invest'), investment: Id }),
  z.strictObject({ ...SpaceBase, kind: z.literal('council') }),
  z.strictObject({ ...SpaceBase, kind: z.literal('wait'), turns: z.number().int().min(1) }),
  z.strictObject({ ...SpaceBase, kind: z.literal('rest') }),
]);

export const Board = z.strictObject({
  spaces: z.array(Space).min(2),
  dice: z
    .strictObject({ count: z.number().int().min(1).max(6), sides: z.number().int().min(2).max(100) })
    .default({ count: 1, sides: 6 }),
});

export const Question = z.strictObject({
  ask: Text,
  reveals: Text,
  cost: describe(
    Effects.default([]),
    'What asking costs, e.g. staff time.',
    'Wat de vraag kost, bijv. tijd van het team.',
  ),
});

export const Option = z.strictObject({
  id: Id,
  label: Text,
  effects: Effects.default([]),
  when: Condition.optional(),
  tags: z.array(Id).default([]),
  stances: describe(
    z.record(Id, z.number().int().min(-2).max(2)).default({}),
    'How much each role likes this option, from −2 to 2.',
    'Hoeveel elke rol deze keuze waardeert, van −2 tot 2.',
  ),
});

export const Card = z.strictObject({
  id: Id,
  kind: z.enum(['request', 'event', 'dilemma']),
  title: Text,
  text: Text.optional(),
  tags: z.array(Id).default([]),
  when: Condition.optional(),
  conversation: describe(
    z.array(Question).default([]),
    'Kitchen-table questions the table may ask before choosing.',
    'Keukentafelvragen die de tafel mag stellen voor de keuze.',
  ),
  options: z.array(Option).optional(),
  effects: describe(
    Effects.optional(),
    'Events only: applied when the card is drawn.',
    'Alleen gebeurtenissen: toegepast bij het trekken.',
  ),
  reflect: Text.optional(),
});

export const Deck = z.strictObject({
  id: Id,
  name: Text,
  cards: z.array(Card),
  shuffle: z.boolean().default(true),
  reshuffle: z.boolean().default(true),
});

export const Investment = z.strictObject({
  id: Id,
  name: Text,
  cost: Effects,
  text: Text.optional(),
  perRound: Effects.default([]),
  tags: z.array(Id).default([]),
});

export const Modifier = z.union([
  z.strictObject({ tag: Id, costFactor: z.number().positive() }),
  z.strictObject({ meter: Id, drift: z.number() }),
]);

export const Priority = z.strictObject({
  id: Id,
  name: Text,
  modifiers: z.array(Modifier),
  text: Text.optional(),
});

export const Priorities = z.strictObject({
  choose: z.number().int().min(1),
  options: z.array(Priority).min(1),
});

export const Council = z.strictObject({
  every: describe(
    z.number().int().min(1).optional(),
    'A council meeting after every N-th round (never after the last).',
    'Een raadsvergadering na elke N-de ronde (nooit na de laatste).',
  ),
  atStart: z.boolean().default(false),
  transfers: z.boolean().default(false),
});

export const Ending = z.strictObject({
  id: Id,
  title: Text,
  text: Text,
  when: Condition.optional(),
  immediate: z.boolean().default(false),
});

export const ScenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  format: describe(z.literal(1), 'The format version: 1.', 'De versie van het formaat: 1.'),
  id: Id,
  title: Text,
  summary: Text,
  languages: describe(
    z.array(LanguageCode).min(1),
    'The languages every text is written in; the first is the fallback.',
    'De talen waarin elke tekst staat; de eerste is de terugvaltaal.',
  ),
  audience: Text.optional(),
  minutes: z.number().int().positive().optional(),
  seed: z.union([z.string(), z.number().int().min(0)]).optional(),
  players: z.strictObject({ min: z.number().int().min(1).max(8), max: z.number().int().min(1).max(8) }),
  rounds: z.strictObject({
    count: z.number().int().min(1),
    label: describe(
      Text,
      'Round label with {{n}}, e.g. "Kwartaal {{n}}".',
      'Rondenaam met {{n}}, bijv. "Kwartaal {{n}}".',
    ),
  }),
  decision: z.enum(['group', 'vote']).default('group'),
  reveal: z.enum(['cost', 'all', 'none']).default('cost'),
  resources: z.array(Resource).min(1),
  meters: z.array(Meter).default([]),
  roles: z.array(Role).default([]),
  board: Board.optional(),
  turnDeck: Id.optional(),
  decks: z.array(Deck).min(1),
  reserveCards: z.array(Card).default([]),
  investments: z.array(Investment).default([]),
  priorities: Priorities.optional(),
  council: Council.optional(),
  upkeep: Effects.default([]),
  endings: z.array(Ending).min(1),
  debrief: z.strictObject({ questions: z.array(Text).default([]) }).optional(),
});

export type Scenario = z.output<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type Resource = Scenario['resources'][number];
export type Meter = Scenario['meters'][number];
export type Role = Scenario['roles'][number];
export type Space = NonNullable<Scenario['board']>['spaces'][number];
export type Deck = Scenario['decks'][number];
export type Card = Deck['cards'][number];
export type Option = NonNullable<Card['options']>[number];
export type Question = Card['conversation'][number];
export type Investment = Scenario['investments'][number];
export type Priority = NonNullable<Scenario['priorities']>['options'][number];
export type Modifier = Priority['modifiers'][number];
export type Ending = Scenario['endings'][number];
