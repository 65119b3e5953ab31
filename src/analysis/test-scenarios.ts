/**
 * Small scenarios made for the analysis tests: one boardless deck, two meters (one `good: low`),
 * one floored budget. `clean` has no flaw the analysis looks for; `flawed` plants each of them.
 */
import { type Scenario, ScenarioSchema } from '../scenario/schema';

type Json = Record<string, unknown>;

export function scenarioWith(overrides: Json): Scenario {
  return ScenarioSchema.parse({
    format: 1,
    id: 'analyse',
    title: 'Analyse',
    summary: 'A test game.',
    languages: ['nl'],
    players: { min: 2, max: 3 },
    rounds: { count: 3, label: 'Ronde {{n}}' },
    resources: [{ id: 'geld', name: 'Geld', start: 10000, floor: 0 }],
    meters: [
      { id: 'welzijn', name: 'Welzijn', min: 0, max: 20, start: 10 },
      { id: 'werkdruk', name: 'Werkdruk', min: 0, max: 20, start: 10, good: 'low' },
    ],
    turnDeck: 'stapel',
    decks: [{ id: 'stapel', name: 'Stapel', cards: DILEMMAS }],
    endings: [
      {
        id: 'bloei',
        title: 'Bloei',
        text: '.',
        when: {
          all: [
            { meter: 'welzijn', atLeast: 12 },
            { meter: 'werkdruk', atMost: 11 },
            { resource: 'geld', atLeast: 7000 },
          ],
        },
      },
      { id: 'gewoon', title: 'Gewoon', text: '.' },
    ],
    ...overrides,
  });
}

/** Three real dilemmas: money against wellbeing against workload. */
export const DILEMMAS = [
  {
    id: 'hulpvraag',
    kind: 'request',
    title: 'Hulpvraag',
    options: [
      {
        id: 'zorg',
        label: 'Zorg',
        effects: [
          { resource: 'geld', add: -1500 },
          { meter: 'welzijn', add: 2 },
        ],
      },
      {
        id: 'netwerk',
        label: 'Netwerk',
        effects: [
          { meter: 'werkdruk', add: 1 },
          { meter: 'welzijn', add: 1 },
        ],
      },
      { id: 'nee', label: 'Nee', effects: [{ meter: 'welzijn', add: -1 }] },
    ],
  },
  {
    id: 'overleg',
    kind: 'dilemma',
    title: 'Overleg',
    options: [
      {
        id: 'vaker',
        label: 'Vaker',
        effects: [
          { meter: 'werkdruk', add: 2 },
          { meter: 'welzijn', add: 1 },
        ],
      },
      {
        id: 'minder',
        label: 'Minder',
        effects: [
          { meter: 'werkdruk', add: -1 },
          { meter: 'welzijn', add: -1 },
        ],
      },
    ],
  },
  {
    id: 'pilot',
    kind: 'dilemma',
    title: 'Pilot',
    options: [
      {
        id: 'starten',
        label: 'Starten',
        effects: [
          { resource: 'geld', add: -800 },
          { chance: 0.5, effects: [{ meter: 'welzijn', add: 3 }] },
        ],
      },
      { id: 'wachten', label: 'Wachten', effects: [{ meter: 'werkdruk', add: -0.5 }] },
    ],
  },
];

export const clean = scenarioWith({});

/**
 * Plants every flaw: `pilot/wachten` is dominated by a new `beter` option; the ending `utopie`
 * asks for more wellbeing than the meter's max; the investment `paleis` costs more than the
 * floored budget ever holds; the card `nooit` never qualifies; the option `hulpvraag/verboden`
 * is never offered; the role `dromer` has an impossible goal; `later` is scheduled past the end.
 */
export const flawed = scenarioWith({
  council: { every: 1 },
  investments: [
    {
      id: 'paleis',
      name: 'Paleis',
      cost: [{ resource: 'geld', add: -50000 }],
      perRound: [{ meter: 'welzijn', add: 1 }],
    },
  ],
  roles: [
    { id: 'dromer', name: 'Dromer', brief: '.', goal: { meter: 'welzijn', above: 20 } },
    { id: 'realist', name: 'Realist', brief: '.', goal: { meter: 'welzijn', atLeast: 0 } },
  ],
  reserveCards: [{ id: 'later', kind: 'event', title: 'Later', effects: [{ meter: 'welzijn', add: 1 }] }],
  decks: [
    {
      id: 'stapel',
      name: 'Stapel',
      cards: [
        {
          ...DILEMMAS[0],
          options: [
            ...DILEMMAS[0].options,
            { id: 'verboden', label: 'Verboden', when: { flag: 'nooit-gezet' }, effects: [] },
          ],
        },
        DILEMMAS[1],
        {
          ...DILEMMAS[2],
          options: [
            ...DILEMMAS[2].options,
            { id: 'beter', label: 'Beter', effects: [{ meter: 'werkdruk', add: -1 }] },
          ],
        },
        {
          id: 'laat',
          kind: 'dilemma',
          title: 'Laat',
          options: [
            {
              id: 'plannen',
              label: 'Plannen',
              effects: [{ schedule: { card: 'later', deck: 'stapel', after: 5 } }],
            },
            { id: 'laten', label: 'Laten', effects: [{ meter: 'welzijn', add: 1 }] },
          ],
        },
        {
          id: 'nooit',
          kind: 'event',
          title: 'Nooit',
          when: { round: { atLeast: 99 } },
          effects: [{ meter: 'welzijn', add: 1 }],
        },
      ],
    },
  ],
  endings: [
    { id: 'utopie', title: 'Utopie', text: '.', when: { meter: 'welzijn', above: 20 } },
    { id: 'bloei', title: 'Bloei', text: '.', when: { meter: 'welzijn', atLeast: 12 } },
    { id: 'gewoon', title: 'Gewoon', text: '.' },
  ],
});
