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

/**
 * Upper bounds for every count and amount a trainer types: far above any workshop (four to
 * twelve rounds, budgets in millions), low enough that a typo such as 12000 rounds is refused
 * instead of played forever, and that sums of amounts stay exact. Documented in docs/format.md.
 */
export const LIMITS = {
  /** Rounds, and anything counted in rounds or turns (schedule after, council every, wait turns). */
  rounds: 100,
  /** Euros, either sign: a trillion. */
  money: 1_000_000_000_000,
  /** A meter's values and changes, either sign. */
  meter: 1_000_000_000,
  /** Priorities chosen at one meeting. */
  choose: 100,
  minutes: 1000,
  costFactor: 100,
} as const;

const Money = z
  .number()
  .int({ error: 'money is whole euros: no decimals' })
  .min(-LIMITS.money)
  .max(LIMITS.money);
const MeterNumber = z.number().min(-LIMITS.meter).max(LIMITS.meter);
const Bound = z.number();
const MoneyAdd = describe(
  Money,
  'Euros added (negative: spent), whole euros: write 30000 or 30_000, not 30.000.',
  'Euro’s erbij (negatief: uitgegeven), hele euro’s: schrijf 30000 of 30_000, niet 30.000.',
);
const MoneySet = describe(Money, 'The new balance in whole euros.', 'Het nieuwe saldo in hele euro’s.');
const MeterAdd = describe(
  MeterNumber,
  'Added to the meter (negative: taken off); it stays between min and max.',
  'Komt bij de meter (negatief: gaat eraf); hij blijft tussen min en max.',
);
const MeterSet = describe(MeterNumber, 'The meter’s new value.', 'De nieuwe waarde van de meter.');

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
        round: describe(
          z.strictObject({
            atLeast: describe(
              z.number().int().optional(),
              'Holds from this round on.',
              'Waar vanaf deze ronde.',
            ),
            atMost: describe(
              z.number().int().optional(),
              'Holds up to and including this round.',
              'Waar tot en met deze ronde.',
            ),
          }),
          'The round number: { atLeast: N, atMost: N }.',
          'Het rondenummer: { atLeast: N, atMost: N }.',
        ),
      }),
      z.strictObject({
        chose: describe(
          z.strictObject({ card: Id, option: Id }),
          'Holds when the table chose this option of this card earlier in the game.',
          'Waar als de tafel eerder in het spel deze keuze van deze kaart maakte.',
        ),
      }),
      z.strictObject({ invested: Id }),
      z.strictObject({ priority: Id }),
      z.strictObject({
        all: describe(
          z.array(Condition),
          'Holds when every condition holds.',
          'Waar als elke voorwaarde waar is.',
        ),
      }),
      z.strictObject({
        any: describe(
          z.array(Condition),
          'Holds when at least one condition holds.',
          'Waar als minstens één voorwaarde waar is.',
        ),
      }),
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
      z.strictObject({ resource: Id, add: MoneyAdd }),
      z.strictObject({ resource: Id, set: MoneySet }),
      z.strictObject({ meter: Id, add: MeterAdd }),
      z.strictObject({ meter: Id, set: MeterSet }),
      z.strictObject({
        flag: Id,
        set: describe(
          z.boolean(),
          'true sets the flag, false clears it.',
          'true zet de vlag aan, false zet hem uit.',
        ),
      }),
      z.strictObject({
        schedule: describe(
          z.strictObject({
            card: Id,
            deck: Id,
            after: describe(
              z.number().int().min(1).max(LIMITS.rounds),
              'After how many rounds the card arrives (1 = next round).',
              'Na hoeveel rondes de kaart aankomt (1 = volgende ronde).',
            ),
          }),
          'A delayed consequence: the card arrives on top of the deck at the start of round R + after.',
          'Een uitgesteld gevolg: de kaart komt bovenop de stapel aan het begin van ronde R + after.',
        ),
      }),
      z.strictObject({
        addCard: describe(
          CardRef,
          'Shuffles a copy of the card (from any deck or the reserve) into this deck.',
          'Schudt een kopie van de kaart (uit een stapel of de reserve) in deze stapel.',
        ),
      }),
      z.strictObject({
        removeCard: describe(
          CardRef,
          'Takes the card out of this deck for the rest of the game.',
          'Haalt de kaart voor de rest van het spel uit deze stapel.',
        ),
      }),
      z.strictObject({ move: Id }),
      z.strictObject({
        chance: describe(
          z.number().min(0).max(1),
          'The chance from 0 to 1 that the effects happen (0.25 = one in four; write 0.5, not 50%).',
          'De kans van 0 tot 1 dat de effecten gebeuren (0.25 = één op vier; schrijf 0.5, niet 50%).',
        ),
        effects: describe(
          z.array(Effect),
          'What happens when the chance hits.',
          'Wat er gebeurt als de kans raak is.',
        ),
        else: describe(z.array(Effect).optional(), 'What happens otherwise.', 'Wat er anders gebeurt.'),
      }),
      z.strictObject({
        when: Condition,
        effects: describe(
          z.array(Effect),
          'What happens when the condition holds.',
          'Wat er gebeurt als de voorwaarde waar is.',
        ),
        else: describe(z.array(Effect).optional(), 'What happens otherwise.', 'Wat er anders gebeurt.'),
      }),
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
  min: describe(
    MeterNumber,
    'The lowest value; the meter never goes below it.',
    'De laagste waarde; de meter komt er nooit onder.',
  ),
  start: describe(
    MeterNumber,
    'The value at the start (min ≤ start ≤ max).',
    'De waarde bij de start (min ≤ start ≤ max).',
  ),
  max: describe(
    MeterNumber.optional(),
    'The highest value; leave out for no maximum.',
    'De hoogste waarde; weglaten voor geen maximum.',
  ),
  drift: describe(
    MeterNumber.default(0),
    'Added at every round end.',
    'Komt erbij aan het eind van elke ronde.',
  ),
  unit: describe(
    z.enum(['percent', 'count', 'score']).default('score'),
    'How the value is shown: percent, count or score.',
    'Hoe de waarde getoond wordt: percent (procent), count (aantal) of score.',
  ),
  good: describe(
    z.enum(['high', 'low']).default('high'),
    'Which direction is an improvement: "low" for workload or waiting lists.',
    'Welke richting een verbetering is: "low" voor werkdruk of wachtlijsten.',
  ),
});

export const Role = z.strictObject({
  id: Id,
  name: Text,
  brief: describe(
    Text,
    'What this role wants, told to its player at the start.',
    'Wat deze rol wil, verteld aan de speler bij de start.',
  ),
  goal: describe(Condition.optional(), 'Judged on the final state.', 'Wordt beoordeeld op de eindstand.'),
  hidden: describe(
    z.boolean().default(false),
    'Brief and goal shown only to its player, revealed at the debrief.',
    'Opdracht en doel alleen voor de eigen speler, onthuld bij de nabespreking.',
  ),
});

const SpaceBase = { id: Id, name: Text };
const kind = <K extends string>(value: K, en: string, nl: string) => describe(z.literal(value), en, nl);
export const Space = z.discriminatedUnion('kind', [
  z.strictObject({
    ...SpaceBase,
    kind: kind('start', 'The start space (always the first).', 'Het startvakje (altijd het eerste).'),
    effects: describe(
      Effects.default([]),
      'Applied when a token passes or lands on start.',
      'Toegepast als een pion langs of op start komt.',
    ),
  }),
  z.strictObject({
    ...SpaceBase,
    kind: kind(
      'draw',
      'Landing draws a card from its deck.',
      'Wie hier landt, trekt een kaart van de stapel.',
    ),
    deck: Id,
  }),
  z.strictObject({
    ...SpaceBase,
    kind: kind(
      'invest',
      'Landing offers its investment.',
      'Wie hier landt, krijgt de investering aangeboden.',
    ),
    investment: Id,
  }),
  z.strictObject({
    ...SpaceBase,
    kind: kind('council', 'Landing calls a council meeting.', 'Wie hier landt, roept de raad bijeen.'),
  }),
  z.strictObject({
    ...SpaceBase,
    kind: kind('wait', 'Landing skips turns.', 'Wie hier landt, slaat beurten over.'),
    turns: describe(
      z.number().int().min(1).max(LIMITS.rounds),
      'How many turns are skipped.',
      'Hoeveel beurten worden overgeslagen.',
    ),
  }),
  z.strictObject({ ...SpaceBase, kind: kind('rest', 'Nothing happens here.', 'Hier gebeurt niets.') }),
]);

export const Board = z.strictObject({
  spaces: describe(
    z.array(Space).min(2),
    'The spaces in order; the first is the start space. Kinds: start, draw, invest, council, wait, rest.',
    'De vakjes op volgorde; het eerste is het startvakje. Soorten: start, draw (kaart trekken), invest (investeren), council (raadsvergadering), wait (beurt overslaan), rest (niets).',
  ),
  dice: describe(
    z
      .strictObject({
        count: describe(
          z.number().int().min(1).max(6),
          'How many dice, 1 to 6.',
          'Hoeveel dobbelstenen, 1 tot 6.',
        ),
        sides: describe(
          z.number().int().min(2).max(100),
          'The sides of each die, 2 to 100.',
          'Het aantal zijden van elke dobbelsteen, 2 tot 100.',
        ),
      })
      .default({ count: 1, sides: 6 }),
    'The dice rolled to move: { count, sides }; one six-sided die when left out.',
    'De dobbelstenen om te verzetten: { count, sides }; één gewone dobbelsteen als dit ontbreekt.',
  ),
});

export const Question = z.strictObject({
  ask: describe(Text, 'The question the table may ask.', 'De vraag die de tafel mag stellen.'),
  reveals: describe(Text, 'What the answer tells the table.', 'Wat het antwoord de tafel vertelt.'),
  cost: describe(
    Effects.default([]),
    'What asking costs, e.g. staff time.',
    'Wat de vraag kost, bijv. tijd van het team.',
  ),
});

export const Option = z.strictObject({
  id: Id,
  label: describe(Text, 'The choice as the table sees it.', 'De keuze zoals de tafel die ziet.'),
  effects: describe(
    Effects.default([]),
    'What happens when the table chooses this option.',
    'Wat er gebeurt als de tafel deze keuze maakt.',
  ),
  when: describe(
    Condition.optional(),
    'The option is offered only when this holds.',
    'De keuze wordt alleen aangeboden als dit waar is.',
  ),
  tags: describe(
    z.array(Id).default([]),
    'Tags for priorities (costFactor), added to the card’s tags.',
    'Labels voor prioriteiten (costFactor), bovenop de labels van de kaart.',
  ),
  stances: describe(
    z.record(Id, z.number().int().min(-2).max(2)).default({}),
    'How much each role likes this option, from −2 to 2.',
    'Hoeveel elke rol deze keuze waardeert, van −2 tot 2.',
  ),
});

export const Card = z.strictObject({
  id: Id,
  kind: describe(
    z.enum(['request', 'event', 'dilemma']),
    'request or dilemma: at least two options; event: effects, at least two options, or both.',
    'request (hulpvraag) of dilemma: minstens twee keuzes; event (gebeurtenis): effecten, minstens twee keuzes, of beide.',
  ),
  title: Text,
  text: Text.optional(),
  tags: describe(
    z.array(Id).default([]),
    'Tags for priorities (costFactor).',
    'Labels voor prioriteiten (costFactor).',
  ),
  when: describe(
    Condition.optional(),
    'The card is drawn only when this holds; otherwise it goes to the bottom of the pile.',
    'De kaart wordt alleen getrokken als dit waar is; anders gaat hij onder de stapel.',
  ),
  conversation: describe(
    z.array(Question).default([]),
    'Kitchen-table questions the table may ask before choosing.',
    'Keukentafelvragen die de tafel mag stellen voor de keuze.',
  ),
  options: describe(z.array(Option).optional(), 'The choices for the table.', 'De keuzes voor de tafel.'),
  effects: describe(
    Effects.optional(),
    'Events only: applied when the card is drawn.',
    'Alleen gebeurtenissen: toegepast bij het trekken.',
  ),
  reflect: describe(
    Text.optional(),
    'A question for the debrief about this card.',
    'Een vraag voor de nabespreking over deze kaart.',
  ),
});

export const Deck = z.strictObject({
  id: Id,
  name: Text,
  cards: describe(z.array(Card), 'The cards in this deck.', 'De kaarten in deze stapel.'),
  shuffle: describe(
    z.boolean().default(true),
    'Shuffle at the start (by the seed); false keeps the file order.',
    'Schudden bij de start (volgens de seed); false houdt de volgorde van het bestand.',
  ),
  reshuffle: describe(
    z.boolean().default(true),
    'When the pile runs out, the discards go back under it.',
    'Als de stapel op is, gaan de afgelegde kaarten er weer onder.',
  ),
});

export const Investment = z.strictObject({
  id: Id,
  name: Text,
  cost: describe(
    Effects,
    'What buying it costs (effects), e.g. [ { resource: wmo, add: -150000 } ].',
    'Wat de aankoop kost (effecten), bijv. [ { resource: wmo, add: -150000 } ].',
  ),
  text: Text.optional(),
  perRound: describe(
    Effects.default([]),
    'Applied at every round end after the purchase.',
    'Toegepast aan het eind van elke ronde na de aankoop.',
  ),
  tags: describe(
    z.array(Id).default([]),
    'Tags for priorities (costFactor on the cost).',
    'Labels voor prioriteiten (costFactor op de kosten).',
  ),
});

export const Modifier = z.union([
  z.strictObject({
    tag: Id,
    costFactor: describe(
      z.number().positive().max(LIMITS.costFactor),
      'Multiplies the money costs of options and investments with this tag (0.8 = 20% cheaper).',
      'Vermenigvuldigt de geldkosten van keuzes en investeringen met dit label (0,8 = 20% goedkoper).',
    ),
  }),
  z.strictObject({
    meter: Id,
    drift: describe(
      MeterNumber,
      'Extra drift of the meter per round while the priority is chosen.',
      'Extra verloop van de meter per ronde zolang de prioriteit gekozen is.',
    ),
  }),
]);

export const Priority = z.strictObject({
  id: Id,
  name: Text,
  modifiers: describe(
    z.array(Modifier),
    'What choosing it changes: { tag, costFactor } or { meter, drift }.',
    'Wat de keuze verandert: { tag, costFactor } of { meter, drift }.',
  ),
  text: Text.optional(),
});

export const Priorities = z.strictObject({
  choose: describe(
    z.number().int().min(1).max(LIMITS.choose),
    'How many priorities the council chooses at each meeting.',
    'Hoeveel prioriteiten de raad bij elke vergadering kiest.',
  ),
  options: describe(
    z.array(Priority).min(1),
    'The priorities the council can choose from.',
    'De prioriteiten waaruit de raad kiest.',
  ),
});

export const Council = z.strictObject({
  every: describe(
    z.number().int().min(1).max(LIMITS.rounds).optional(),
    'A council meeting after every N-th round (never after the last).',
    'Een raadsvergadering na elke N-de ronde (nooit na de laatste).',
  ),
  atStart: describe(
    z.boolean().default(false),
    'A council meeting before round 1.',
    'Een raadsvergadering voor ronde 1.',
  ),
  transfers: describe(
    z.boolean().default(false),
    'At council meetings money may be moved between resources.',
    'Bij raadsvergaderingen mag geld tussen budgetten worden verschoven.',
  ),
  name: describe(
    Text.optional(),
    'What the meeting is called on screen, e.g. "OR-overleg" for a works council; default "Raadsvergadering".',
    'Hoe de vergadering op het scherm heet, bijv. "OR-overleg" voor een ondernemingsraad; standaard "Raadsvergadering".',
  ),
});

export const Ending = z.strictObject({
  id: Id,
  title: Text,
  text: Text,
  when: describe(
    Condition.optional(),
    'When this ending applies; exactly one ending has no when: the fallback.',
    'Wanneer dit einde geldt; precies één einde heeft geen when: het terugvaleinde.',
  ),
  immediate: describe(
    z.boolean().default(false),
    'Checked after every action: the game ends at once when it holds.',
    'Na elke actie gecontroleerd: het spel stopt meteen als het waar is.',
  ),
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
  audience: describe(Text.optional(), 'Who the scenario is for.', 'Voor wie het scenario is.'),
  minutes: describe(
    z.number().int().positive().max(LIMITS.minutes).optional(),
    'Expected playing time in minutes.',
    'Verwachte speelduur in minuten.',
  ),
  seed: describe(
    z.union([z.string(), z.number().int().min(0)]).optional(),
    'The seed, text or a whole number: every table with the same seed plays the same game.',
    'Het startgetal, tekst of een heel getal: elke tafel met hetzelfde startgetal speelt hetzelfde spel.',
  ),
  players: describe(
    z.strictObject({
      min: describe(z.number().int().min(1).max(8), 'The fewest players.', 'Het kleinste aantal spelers.'),
      max: describe(z.number().int().min(1).max(8), 'The most players.', 'Het grootste aantal spelers.'),
    }),
    'The number of players: { min, max }, 1 to 8.',
    'Het aantal spelers: { min, max }, 1 tot 8.',
  ),
  rounds: describe(
    z.strictObject({
      count: describe(
        z.number().int().min(1).max(LIMITS.rounds),
        'How many rounds the game lasts, 1 to 100.',
        'Hoeveel rondes het spel duurt, 1 tot 100.',
      ),
      label: describe(
        Text,
        'Round label with {{n}}, e.g. "Kwartaal {{n}}".',
        'Rondenaam met {{n}}, bijv. "Kwartaal {{n}}".',
      ),
    }),
    'The rounds: { count, label }.',
    'De rondes: { count, label }.',
  ),
  decision: describe(
    z.enum(['group', 'vote']).default('group'),
    'group: the table agrees on one choice; vote: every player votes.',
    'group: de tafel kiest samen; vote: elke speler stemt.',
  ),
  reveal: describe(
    z.enum(['cost', 'all', 'none']).default('cost'),
    'What options show before the choice: cost (money), all (every effect) or none.',
    'Wat keuzes vooraf tonen: cost (het geld), all (alle effecten) of none (niets).',
  ),
  resources: describe(
    z.array(Resource).min(1),
    'The budgets, in whole euros.',
    'De budgetten, in hele euro’s.',
  ),
  meters: describe(
    z.array(Meter).default([]),
    'Measures such as wellbeing or workload.',
    'Meters zoals welzijn of werkdruk.',
  ),
  roles: describe(
    z.array(Role).default([]),
    'Roles dealt to the players, each with a brief and maybe a goal.',
    'Rollen voor de spelers, elk met een opdracht en misschien een doel.',
  ),
  board: describe(
    Board.optional(),
    'A board with spaces; without one, each turn draws from turnDeck.',
    'Een bord met vakjes; zonder bord trekt elke beurt van turnDeck.',
  ),
  turnDeck: describe(
    Id.optional(),
    'The deck each turn draws from when there is no board.',
    'De stapel waarvan elke beurt trekt als er geen bord is.',
  ),
  decks: describe(z.array(Deck).min(1), 'The card decks.', 'De kaartstapels.'),
  reserveCards: describe(
    z.array(Card).default([]),
    'Cards in no deck at the start, brought in by schedule or addCard.',
    'Kaarten die bij de start in geen stapel zitten, in het spel gebracht met schedule of addCard.',
  ),
  investments: describe(
    z.array(Investment).default([]),
    'Things the table can buy once, with effects every round.',
    'Dingen die de tafel één keer kan kopen, met effecten elke ronde.',
  ),
  priorities: describe(
    Priorities.optional(),
    'Policy priorities the council chooses at its meetings.',
    'Beleidsprioriteiten die de raad kiest bij zijn vergaderingen.',
  ),
  council: describe(
    Council.optional(),
    'When the council meets: every N rounds, before round 1, and whether money may be moved.',
    'Wanneer de raad vergadert: elke N rondes, voor ronde 1, en of geld verschoven mag worden.',
  ),
  upkeep: describe(
    Effects.default([]),
    'Applied at every round end, after drift and investments.',
    'Toegepast aan het eind van elke ronde, na verloop en investeringen.',
  ),
  endings: describe(
    z.array(Ending).min(1),
    'How the game can end; exactly one ending has no when (the fallback).',
    'Hoe het spel kan eindigen; precies één einde heeft geen when (het terugvaleinde).',
  ),
  debrief: describe(
    z
      .strictObject({
        questions: describe(
          z.array(Text).default([]),
          'Questions the table talks about after the game.',
          'Vragen waarover de tafel na het spel praat.',
        ),
      })
      .optional(),
    'Questions for the debrief after the game.',
    'Vragen voor de nabespreking na het spel.',
  ),
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
