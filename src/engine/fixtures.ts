/**
 * Small scenarios built inline for the engine's tests (parsed with the schema, so they get the
 * format's defaults), independent of the loader and the shipped files. Test-only: nothing in the
 * engine imports this.
 */
import { type Scenario, ScenarioSchema } from '../scenario/schema';
import { beginDraft, type Ctx } from './draft';
import { initialState } from './setup';
import type { GameState } from './types';

/** A scenario from a loose test input: the schema parses (and so checks) it, with the format's defaults. */
export function scenario(input: Record<string, unknown>): Scenario {
  return ScenarioSchema.parse({
    format: 1,
    id: 'test',
    title: 'Test',
    summary: 'Test',
    languages: ['nl'],
    players: { min: 1, max: 4 },
    rounds: { count: 2, label: 'Ronde {{n}}' },
    resources: [{ id: 'geld', name: 'Geld', start: 1000 }],
    decks: [{ id: 'stapel', name: 'Stapel', cards: [] }],
    turnDeck: 'stapel',
    endings: [{ id: 'einde', title: 'Einde', text: 'Einde' }],
    ...input,
  });
}

/** A two-option request card: `a` costs `costA` of `geld`, `b` costs nothing. */
export function request(
  id: string,
  extra: Record<string, unknown> = {},
  costA = -100,
): Record<string, unknown> {
  return {
    id,
    kind: 'request',
    title: id,
    options: [
      { id: 'a', label: 'A', effects: [{ resource: 'geld', add: costA }] },
      { id: 'b', label: 'B', effects: [] },
    ],
    ...extra,
  };
}

/** A card game without a board: questions, chance, schedule, floors, priorities, council, investments, roles. */
export function cardGame(decision: 'group' | 'vote' = 'group'): Scenario {
  return scenario({
    id: 'kaartspel',
    decision,
    players: { min: 1, max: 4 },
    rounds: { count: 6, label: 'Kwartaal {{n}}' },
    resources: [
      { id: 'wmo', name: 'Wmo', start: 20000, income: 1000, floor: 0 },
      { id: 'jeugd', name: 'Jeugd', start: 15000 },
      { id: 'werk', name: 'Werk', start: 5000, floor: -2000 },
    ],
    meters: [
      { id: 'welzijn', name: 'Welzijn', min: 0, max: 100, start: 50, drift: -0.5 },
      { id: 'werkdruk', name: 'Werkdruk', min: 0, max: 10, start: 5, drift: 0.25, good: 'low' },
    ],
    roles: [
      { id: 'wethouder', name: 'Wethouder', brief: 'b', goal: { resource: 'total', atLeast: 0 } },
      { id: 'oppositie', name: 'Oppositie', brief: 'b', goal: { meter: 'welzijn', atLeast: 60 } },
      { id: 'professional', name: 'Professional', brief: 'b' },
    ],
    turnDeck: 'aanvragen',
    decks: [
      {
        id: 'aanvragen',
        name: 'Aanvragen',
        cards: [
          {
            id: 'de-vries',
            kind: 'request',
            title: 'Mevrouw De Vries',
            tags: ['wmo'],
            conversation: [
              { ask: 'Wie?', reveals: 'Dochter.', cost: [{ meter: 'werkdruk', add: 0.5 }] },
              { ask: 'Geld?', reveals: 'Weinig.', cost: [{ resource: 'wmo', add: -500 }] },
            ],
            options: [
              {
                id: 'hulp',
                label: 'Hulp',
                tags: ['zorg'],
                effects: [
                  { resource: 'wmo', add: -4200 },
                  { meter: 'welzijn', add: 2 },
                ],
              },
              {
                id: 'eigen-kracht',
                label: 'Eigen kracht',
                tags: ['preventie'],
                effects: [
                  { resource: 'wmo', add: -300 },
                  {
                    chance: 0.4,
                    effects: [{ schedule: { card: 'overbelast', deck: 'aanvragen', after: 2 } }],
                  },
                ],
              },
            ],
          },
          {
            id: 'jeugdzorg',
            kind: 'dilemma',
            title: 'Jeugdzorg',
            options: [
              {
                id: 'duur',
                label: 'Duur',
                effects: [
                  { resource: 'jeugd', add: -9000 },
                  { meter: 'welzijn', add: 3 },
                ],
              },
              {
                id: 'wachtlijst',
                label: 'Wachtlijst',
                effects: [
                  { meter: 'welzijn', add: -2 },
                  { flag: 'wachtlijst', set: true },
                ],
              },
            ],
          },
          {
            id: 'storm',
            kind: 'event',
            title: 'Storm',
            effects: [
              { resource: 'werk', add: -1500 },
              { meter: 'werkdruk', add: 1 },
            ],
          },
          {
            id: 'subsidie',
            kind: 'event',
            title: 'Subsidie',
            effects: [{ resource: 'jeugd', add: 2000 }],
            options: [
              { id: 'sparen', label: 'Sparen', effects: [] },
              {
                id: 'uitgeven',
                label: 'Uitgeven',
                effects: [
                  { resource: 'jeugd', add: -2000 },
                  { meter: 'welzijn', add: 1 },
                ],
              },
            ],
          },
          {
            id: 'later',
            kind: 'request',
            title: 'Later',
            when: { round: { atLeast: 3 } },
            options: [
              { id: 'ja', label: 'Ja', effects: [{ resource: 'werk', add: -3000 }] },
              {
                id: 'nee',
                label: 'Nee',
                when: { flag: 'wachtlijst' },
                effects: [
                  { meter: 'welzijn', add: -1 },
                  { when: { meter: 'welzijn', below: 45 }, effects: [{ log: 'Slecht' }] },
                ],
              },
            ],
          },
          {
            id: 'baan',
            kind: 'request',
            title: 'Baan',
            tags: ['preventie'],
            options: [
              {
                id: 'traject',
                label: 'Traject',
                effects: [
                  { resource: 'werk', add: -2500 },
                  { meter: 'welzijn', add: 1 },
                ],
              },
              { id: 'uitkering', label: 'Uitkering', effects: [{ resource: 'werk', add: -500 }] },
            ],
          },
        ],
      },
    ],
    reserveCards: [
      {
        id: 'overbelast',
        kind: 'request',
        title: 'Mantelzorger overbelast',
        options: [
          { id: 'respijt', label: 'Respijtzorg', effects: [{ resource: 'wmo', add: -2000 }] },
          { id: 'niets', label: 'Niets', effects: [{ meter: 'welzijn', add: -3 }] },
        ],
      },
    ],
    investments: [
      {
        id: 'buurthuis',
        name: 'Buurthuis',
        cost: [{ resource: 'wmo', add: -10000 }],
        perRound: [{ meter: 'welzijn', add: 1 }],
        tags: ['preventie'],
      },
      {
        id: 'vrijwilligers',
        name: 'Vrijwilligers',
        cost: [{ resource: 'jeugd', add: -3000 }],
        perRound: [{ resource: 'jeugd', add: 200 }],
      },
    ],
    priorities: {
      choose: 1,
      options: [
        {
          id: 'preventie',
          name: 'Preventie',
          modifiers: [
            { tag: 'preventie', costFactor: 0.5 },
            { meter: 'welzijn', drift: 0.5 },
          ],
        },
        { id: 'zorg', name: 'Zorg', modifiers: [{ tag: 'zorg', costFactor: 0.8 }] },
        { id: 'sober', name: 'Sober', modifiers: [{ meter: 'werkdruk', drift: -0.25 }] },
      ],
    },
    council: { every: 2, atStart: true, transfers: true },
    upkeep: [{ resource: 'jeugd', add: -500 }],
    endings: [
      {
        id: 'toezicht',
        title: 'Toezicht',
        text: 't',
        when: { resource: 'total', below: 0 },
        immediate: true,
      },
      { id: 'bloei', title: 'Bloei', text: 'b', when: { meter: 'welzijn', atLeast: 60 } },
      { id: 'regulier', title: 'Regulier', text: 'r' },
    ],
  });
}

/** A board game in vote mode: start effects, draw, invest, council, wait and rest spaces. */
export function boardGame(decision: 'group' | 'vote' = 'vote'): Scenario {
  return scenario({
    id: 'bordspel',
    decision,
    players: { min: 2, max: 5 },
    rounds: { count: 4, label: 'Ronde {{n}}' },
    resources: [
      { id: 'geld', name: 'Geld', start: 10000, floor: 0 },
      { id: 'reserve', name: 'Reserve', start: 2000 },
    ],
    meters: [{ id: 'vertrouwen', name: 'Vertrouwen', min: 0, max: 10, start: 5, drift: 0.1 }],
    turnDeck: undefined,
    board: {
      dice: { count: 1, sides: 4 },
      spaces: [
        { id: 'start', kind: 'start', name: 'Start', effects: [{ resource: 'geld', add: 500 }] },
        { id: 'dorp', kind: 'draw', deck: 'wijk', name: 'Dorp' },
        { id: 'buurthuis', kind: 'invest', investment: 'buurthuis', name: 'Buurthuis' },
        { id: 'raad', kind: 'council', name: 'Raadszaal' },
        { id: 'wacht', kind: 'wait', turns: 1, name: 'Wachtkamer' },
        { id: 'haven', kind: 'draw', deck: 'wijk', name: 'Haven' },
        { id: 'rust', kind: 'rest', name: 'Rust' },
      ],
    },
    decks: [
      {
        id: 'wijk',
        name: 'Wijk',
        cards: Array.from({ length: 6 }, (_, i) => ({
          id: `vraag-${i}`,
          kind: 'request',
          title: `Vraag ${i}`,
          conversation: [{ ask: 'Vraag?', reveals: 'Antwoord.', cost: [{ meter: 'vertrouwen', add: -0.2 }] }],
          options: [
            {
              id: 'duur',
              label: 'Duur',
              effects: [
                { resource: 'geld', add: -1500 - 100 * i },
                { meter: 'vertrouwen', add: 1 },
              ],
            },
            {
              id: 'goedkoop',
              label: 'Goedkoop',
              effects: [
                { resource: 'geld', add: -200 },
                { meter: 'vertrouwen', add: -0.5 },
              ],
            },
            {
              id: 'verhuizen',
              label: 'Verhuizen',
              effects: [{ move: 'rust' }, { chance: 0.5, effects: [{ resource: 'reserve', add: -300 }] }],
            },
          ],
        })),
      },
    ],
    investments: [
      {
        id: 'buurthuis',
        name: 'Buurthuis',
        cost: [{ resource: 'geld', add: -3000 }],
        perRound: [{ meter: 'vertrouwen', add: 0.5 }],
      },
    ],
    priorities: {
      choose: 2,
      options: [
        { id: 'p1', name: 'P1', modifiers: [{ meter: 'vertrouwen', drift: 0.2 }] },
        { id: 'p2', name: 'P2', modifiers: [] },
        { id: 'p3', name: 'P3', modifiers: [] },
        { id: 'p4', name: 'P4', modifiers: [] },
      ],
    },
    council: { every: 2, transfers: true },
    endings: [
      { id: 'failliet', title: 'F', text: 'f', when: { resource: 'reserve', below: -1000 }, immediate: true },
      { id: 'gewoon', title: 'G', text: 'g' },
    ],
  });
}

/** A state at setup (decks shuffled, nothing run yet), for unit tests of single rules. */
export function bareState(sc: Scenario, seed = 'seed', players = 2): GameState {
  const seated = Array.from({ length: players }, (_, i) => ({
    name: `P${i}`,
    role: null,
    space: 0,
    skip: 0,
  }));
  return { ...initialState(sc, seed, seated), round: 1 };
}

/** A draft over `bareState` (or a given state) for applying single rules in tests. */
export function draftOf(sc: Scenario, state: GameState = bareState(sc)): Ctx {
  return beginDraft(sc, state);
}

/** The `decks` of a test scenario: one deck `stapel`, not shuffled, so cards come in this order. */
export function orderedDeck(cards: Record<string, unknown>[]): Record<string, unknown>[] {
  return [{ id: 'stapel', name: 'S', shuffle: false, cards }];
}

/** A request card with two options that do nothing: `a` and `b` (title: the id in capitals). */
export function twoOptions(id: string): Record<string, unknown> {
  return {
    id,
    kind: 'request',
    title: id.toUpperCase(),
    options: [
      { id: 'a', label: 'A' },
      { id: 'b', label: 'B' },
    ],
  };
}
