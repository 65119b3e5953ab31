/**
 * The second pass: unique ids, references that must resolve, rules between fields, and the
 * warnings. Every case names the node the problem must point at.
 */
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/scenario';
import { BASE, BOARD, errorsOf, expectClean, expectProblem, load, pos, variant } from './helpers';

type Case = {
  name: string;
  base?: string;
  edits: [string, string][];
  code: string;
  at: [needle: string, nth?: number, shift?: number];
  message?: RegExp;
};

const OPTION_EFFECT = '{ resource: wmo, add: -100 }';
const effect = (e: string): [string, string] => [OPTION_EFFECT, e];
const cardWhen = (c: string): [string, string] => [
  '        title: T\n',
  `        title: T\n        when: ${c}\n`,
];
const beforeEndings = (y: string): [string, string] => ['endings:', `${y}\nendings:`];
const INVEST = 'investments:\n  - { id: buurthuis, name: B, cost: [ { resource: wmo, add: -10 } ] }';
const PRIORITIES =
  'priorities: { choose: 1, options: [ { id: preventie, name: P, modifiers: [] } ] }\ncouncil: { every: 1 }';
const RESERVE = 'reserveCards:\n  - { id: later, kind: event, title: L, effects: [] }';

const errors: Case[] = [
  // unique ids
  {
    name: 'resource ids are unique',
    edits: [['{ id: jeugd, name: Jeugd', '{ id: wmo, name: Jeugd']],
    code: 'duplicate-id',
    at: ['wmo', 1],
    message: /resource id "wmo" is already used on line 9/,
  },
  {
    name: 'meter ids are unique',
    edits: [['meters:\n', 'meters:\n  - { id: welzijn, name: W, min: 0, start: 1 }\n']],
    code: 'duplicate-id',
    at: ['welzijn', 1],
  },
  {
    name: 'a resource and a meter may not share an id',
    edits: [['{ id: welzijn, name: Welzijn', '{ id: jeugd, name: Welzijn']],
    code: 'resource-meter-clash',
    at: ['jeugd', 1],
    message: /both a resource and a meter \(line 10\)/,
  },
  {
    name: 'role ids are unique',
    edits: [['roles:\n', 'roles:\n  - { id: wethouder, name: W, brief: B }\n']],
    code: 'duplicate-id',
    at: ['wethouder', 1],
  },
  {
    name: 'deck ids are unique',
    edits: [
      ['endings:', 'decks2: x\nendings:'],
      ['decks2: x\n', ''],
    ],
    code: '',
    at: [''],
  },
  {
    name: 'card ids are unique across decks and reserve cards',
    edits: [beforeEndings('reserveCards:\n  - { id: kaart, kind: event, title: L, effects: [] }')],
    code: 'duplicate-id',
    at: ['kaart', 1],
    message: /card id "kaart"/,
  },
  {
    name: 'option ids are unique within a card',
    edits: [['{ id: nee, label: Nee }', '{ id: ja, label: Nee }']],
    code: 'duplicate-id',
    at: ['ja', 1],
    message: /card "kaart", option "ja": the option id/,
  },
  {
    name: 'investment ids are unique',
    edits: [beforeEndings(`${INVEST}\n  - { id: buurthuis, name: C, cost: [] }`)],
    code: 'duplicate-id',
    at: ['buurthuis', 1],
  },
  {
    name: 'priority ids are unique',
    edits: [
      beforeEndings(
        'priorities: { choose: 1, options: [ { id: p, name: P, modifiers: [] }, { id: p, name: Q, modifiers: [] } ] }\ncouncil: { every: 1 }',
      ),
    ],
    code: 'duplicate-id',
    at: ['id: p,', 1, 4],
  },
  {
    name: 'ending ids are unique',
    edits: [
      [
        '  - { id: einde, title: Einde, text: Klaar }',
        '  - { id: einde, title: E, text: K, when: { round: { atLeast: 1 } } }\n  - { id: einde, title: Einde, text: Klaar }',
      ],
    ],
    code: 'duplicate-id',
    at: ['einde', 1],
  },
  // references
  {
    name: 'an effect names a known resource',
    edits: [['add: -100', 'add: -100 }, { resource: wm0, add: 1']],
    code: 'unknown-ref',
    at: ['wm0'],
    message:
      /^card "kaart", option "ja": unknown resource "wm0"; did you mean "wmo"\? \(known: wmo, jeugd\)$/,
  },
  {
    name: '"total" is only for conditions',
    edits: [effect('{ resource: total, add: -1 }')],
    code: 'total-in-effect',
    at: ['total'],
  },
  {
    name: 'an effect names a known meter',
    edits: [effect('{ meter: welzyn, add: 1 }')],
    code: 'unknown-ref',
    at: ['welzyn'],
    message: /unknown meter "welzyn"; did you mean "welzijn"\? \(known: welzijn\)/,
  },
  {
    name: 'a condition names a known resource',
    edits: [cardWhen('{ resource: jeud, atLeast: 1 }')],
    code: 'unknown-ref',
    at: ['jeud'],
    message: /known: wmo, jeugd, total/,
  },
  {
    name: 'a condition names a known meter',
    edits: [cardWhen('{ meter: geluk, atLeast: 1 }')],
    code: 'unknown-ref',
    at: ['geluk'],
  },
  {
    name: 'chose names a known card',
    edits: [cardWhen('{ chose: { card: kart, option: ja } }')],
    code: 'unknown-ref',
    at: ['kart'],
    message: /did you mean "kaart"/,
  },
  {
    name: 'chose names an option of that card',
    edits: [cardWhen('{ chose: { card: kaart, option: misschien } }')],
    code: 'unknown-ref',
    at: ['misschien'],
    message: /unknown option "misschien" of card "kaart" \(known: ja, nee\)/,
  },
  {
    name: 'invested names a known investment',
    edits: [cardWhen('{ invested: buurthuis }')],
    code: 'unknown-ref',
    at: ['buurthuis'],
    message: /none are declared/,
  },
  {
    name: 'priority names a known priority',
    edits: [cardWhen('{ priority: preventi }'), beforeEndings(PRIORITIES)],
    code: 'unknown-ref',
    at: ['preventi'],
  },
  {
    name: 'conditions deep inside all/any/not are checked',
    edits: [cardWhen('{ all: [ { any: [ { not: { meter: geluk, above: 1 } } ] } ] }')],
    code: 'unknown-ref',
    at: ['geluk'],
  },
  {
    name: 'stances name known roles',
    edits: [['{ id: nee, label: Nee }', '{ id: nee, label: Nee, stances: { burgemeester: 1 } }']],
    code: 'unknown-ref',
    at: ['burgemeester'],
    message: /unknown role "burgemeester" \(known: wethouder\)/,
  },
  {
    name: 'role goals are checked',
    edits: [['brief: B }', 'brief: B, goal: { meter: geluk, atLeast: 1 } }']],
    code: 'unknown-ref',
    at: ['geluk'],
  },
  {
    name: 'schedule names a known card',
    edits: [effect('{ schedule: { card: laterr, deck: vragen, after: 1 } }'), beforeEndings(RESERVE)],
    code: 'unknown-ref',
    at: ['laterr'],
    message: /did you mean "later"/,
  },
  {
    name: 'schedule names a known deck',
    edits: [effect('{ schedule: { card: later, deck: vraag, after: 1 } }'), beforeEndings(RESERVE)],
    code: 'unknown-ref',
    at: ['vraag,'],
  },
  {
    name: 'addCard names a known card',
    edits: [effect('{ addCard: { card: nieuw, deck: vragen } }')],
    code: 'unknown-ref',
    at: ['nieuw'],
  },
  {
    name: 'removeCard names a known deck',
    edits: [effect('{ removeCard: { card: kaart, deck: stapel } }')],
    code: 'unknown-ref',
    at: ['stapel'],
  },
  {
    name: 'effects inside chance and when are checked',
    edits: [
      effect(
        '{ chance: 0.5, effects: [], else: [ { when: { flag: x }, effects: [ { resource: geld, add: 1 } ] } ] }',
      ),
    ],
    code: 'unknown-ref',
    at: ['geld'],
  },
  {
    name: 'turnDeck names a known deck',
    edits: [['turnDeck: vragen', 'turnDeck: vraagen']],
    code: 'unknown-ref',
    at: ['vraagen'],
  },
  {
    name: 'question costs are checked',
    edits: [
      [
        '        title: T\n',
        '        title: T\n        conversation:\n          - { ask: A, reveals: R, cost: [ { meter: tijd, add: 1 } ] }\n',
      ],
    ],
    code: 'unknown-ref',
    at: ['tijd'],
    message: /card "kaart", question 1: unknown meter/,
  },
  {
    name: 'upkeep is checked',
    edits: [beforeEndings('upkeep: [ { resource: huur, add: -1 } ]')],
    code: 'unknown-ref',
    at: ['huur'],
  },
  {
    name: 'investment costs are checked',
    edits: [beforeEndings('investments:\n  - { id: b, name: B, cost: [ { resource: wmoo, add: -10 } ] }')],
    code: 'unknown-ref',
    at: ['wmoo'],
    message: /investment "b"/,
  },
  {
    name: 'a modifier names a known meter',
    edits: [
      beforeEndings(
        'priorities: { choose: 1, options: [ { id: p, name: P, modifiers: [ { meter: geluk, drift: 1 } ] } ] }\ncouncil: { every: 1 }',
      ),
    ],
    code: 'unknown-ref',
    at: ['geluk'],
  },
  {
    name: 'ending conditions are checked',
    edits: [
      [
        'text: Klaar }',
        'text: Klaar }\n  - { id: rijk, title: R, text: R, when: { resource: goud, atLeast: 1 } }',
      ],
    ],
    code: 'unknown-ref',
    at: ['goud'],
  },
  // turns and board
  {
    name: 'a scenario without a board needs a turnDeck',
    edits: [['turnDeck: vragen\n', '']],
    code: 'turn-deck-required',
    at: ['format'],
    message: /decks: vragen/,
  },
  {
    name: 'move needs a board',
    edits: [effect('{ move: start }')],
    code: 'move-without-board',
    at: ['move'],
  },
  // kinds of cards
  {
    name: 'a request needs two options',
    edits: [['          - { id: nee, label: Nee }\n', '']],
    code: 'card-needs-options',
    at: ['options:'],
    message: /request card needs at least two options, not 1/,
  },
  {
    name: 'a dilemma needs options',
    edits: [
      ['kind: request', 'kind: dilemma'],
      [
        '        options:\n          - { id: ja, label: Ja, effects: [ { resource: wmo, add: -100 } ] }\n          - { id: nee, label: Nee }\n',
        '',
      ],
    ],
    code: 'card-needs-options',
    at: ['id: kaart'],
  },
  {
    name: 'an event needs effects or options',
    edits: [beforeEndings('reserveCards:\n  - { id: leeg, kind: event, title: L }')],
    code: 'event-needs-something',
    at: ['{ id: leeg'],
  },
  {
    name: 'an event with options has at least two',
    edits: [
      beforeEndings(
        'reserveCards:\n  - { id: een, kind: event, title: L, options: [ { id: a, label: A } ] }',
      ),
    ],
    code: 'too-few-options',
    at: ['options:', 1],
  },
  {
    name: 'only events have card effects',
    edits: [['        title: T\n', '        title: T\n        effects: []\n']],
    code: 'card-effects-event-only',
    at: ['effects: []'],
    message: /request card/,
  },
  // ranges and counts
  {
    name: 'players.min ≤ players.max',
    edits: [['min: 1, max: 4', 'min: 5, max: 4']],
    code: 'players-min-max',
    at: ['5'],
  },
  {
    name: 'priorities.choose ≤ the options',
    edits: [beforeEndings(PRIORITIES.replace('choose: 1', 'choose: 2'))],
    code: 'priorities-choose',
    at: ['choose: 2', 0, 8],
    message: /choose 2 priorities, but only 1 is offered/,
  },
  {
    name: 'meter start ≤ max',
    edits: [['max: 10, start: 5', 'max: 10, start: 11']],
    code: 'meter-range',
    at: ['10, start', 0, 0],
  },
  {
    name: 'meter min ≤ start',
    edits: [['min: 0, max: 10, start: 5', 'min: 6, max: 10, start: 5']],
    code: 'meter-range',
    at: ['5 }'],
  },
  {
    name: 'a resource starts at or above its floor',
    edits: [['start: 500 }', 'start: 500, floor: 600 }']],
    code: 'resource-below-floor',
    at: ['500'],
  },
  {
    name: '{{n}} only in rounds.label',
    edits: [['        title: T\n', '        title: "Ronde {{n}}"\n']],
    code: 'placeholder-misplaced',
    at: ['"Ronde {{n}}"', 1],
  },
  // endings
  {
    name: 'one ending must be the fallback',
    edits: [['text: Klaar }', 'text: Klaar, when: { round: { atLeast: 1 } } }']],
    code: 'no-fallback-ending',
    at: ['endings'],
  },
  {
    name: 'only one fallback ending',
    edits: [['text: Klaar }', 'text: Klaar }\n  - { id: ander, title: A, text: B }']],
    code: 'extra-fallback-ending',
    at: ['{ id: ander'],
    message: /"einde" is already the fallback/,
  },
  {
    name: 'the fallback is never immediate',
    edits: [['text: Klaar }', 'text: Klaar, immediate: true }']],
    code: 'fallback-immediate',
    at: ['true'],
  },
];

const boardErrors: Case[] = [
  {
    name: 'a draw space names a known deck',
    edits: [['deck: vragen, name: Plein', 'deck: vraagjes, name: Plein']],
    code: 'unknown-ref',
    at: ['vraagjes'],
    message: /space "plein": unknown deck/,
  },
  {
    name: 'an invest space names a known investment',
    edits: [
      ['name: Plein }', 'name: Plein }\n    - { id: bh, kind: invest, investment: buurthuis, name: B }'],
    ],
    code: 'unknown-ref',
    at: ['buurthuis'],
  },
  {
    name: 'move names a known space',
    edits: [effect('{ move: strand }')],
    code: 'unknown-ref',
    at: ['strand'],
    message: /known: start, plein/,
  },
  {
    name: 'move is not allowed in upkeep',
    edits: [beforeEndings('upkeep: [ { move: start } ]')],
    code: 'move-not-here',
    at: ['move'],
  },
  {
    name: 'move is not allowed on the start space',
    edits: [['kind: start, name: Start }', 'kind: start, name: Start, effects: [ { move: plein } ] }']],
    code: 'move-not-here',
    at: ['move'],
  },
  {
    name: 'move is not allowed in investments',
    edits: [beforeEndings('investments:\n  - { id: b, name: B, cost: [ { move: start } ] }')],
    code: 'move-not-here',
    at: ['move'],
  },
  {
    name: 'the first space is the start space',
    edits: [
      [
        '    - { id: start, kind: start, name: Start }\n    - { id: plein, kind: draw, deck: vragen, name: Plein }',
        '    - { id: plein, kind: draw, deck: vragen, name: Plein }\n    - { id: rust, kind: rest, name: Rust }',
      ],
    ],
    code: 'first-space-start',
    at: ['draw'],
    message: /not a draw space/,
  },
  {
    name: 'only the first space is a start space',
    edits: [['name: Plein }', 'name: Plein }\n    - { id: start2, kind: start, name: S }']],
    code: 'extra-start-space',
    at: ['start, name: S }'],
  },
];

describe('cross-reference checks and rules', () => {
  const all = [...errors.filter((c) => c.code !== ''), ...boardErrors.map((c) => ({ ...c, base: BOARD }))];
  for (const c of all) {
    it(c.name, () => {
      const text = variant(c.base ?? BASE, ...c.edits);
      const r = load(text);
      expect(r.ok).toBe(false);
      const [needle, nth = 0, shift = 0] = c.at;
      const p = expectProblem(r, c.code, pos(text, needle, nth, shift));
      if (c.message) expect(p.message).toMatch(c.message);
    });
  }

  it('deck ids are unique', () => {
    const text = variant(
      BASE,
      ['endings:', 'reserveCards: []\nendings:'],
      ['    name: Vragen\n', '    name: Vragen\n    cards: []\n  - id: vragen\n    name: Twee\n'],
    );
    expectProblem(load(text), 'duplicate-id', pos(text, 'vragen', 2));
  });

  it('formats a problem as file:line:col message', () => {
    const text = variant(BASE, effect('{ resource: wm0, add: 1 }'));
    const r = load(text, 'urk.yaml');
    const line = formatProblem(errorsOf(r)[0]!);
    const { line: l, col } = pos(text, 'wm0');
    expect(line).toBe(
      `urk.yaml:${l}:${col} card "kaart", option "ja": unknown resource "wm0"; did you mean "wmo"? (known: wmo, jeugd)`,
    );
  });

  it('lists every problem of a file at once, in file order', () => {
    const text = variant(BASE, ['id: base', 'id: Base'], effect('{ meter: geluk, add: 1 }'), [
      'text: Klaar }',
      'text: Klaar, immediate: true }',
    ]);
    const codes = errorsOf(load(text)).map((p) => p.code);
    expect(codes).toEqual(['bad-id', 'unknown-ref', 'fallback-immediate']);
  });

  it('accepts "total" in conditions, flags that are set, and priorities with a council', () => {
    const text = variant(
      BASE,
      cardWhen('{ all: [ { resource: total, atLeast: 0 }, { flag: klaar } ] }'),
      effect('{ flag: klaar, set: true }'),
      ['    options:', '    tags: [preventie]\n        options:'],
      beforeEndings(
        PRIORITIES.replace('modifiers: []', 'modifiers: [ { tag: preventie, costFactor: 0.5 } ]'),
      ),
    );
    expectClean(load(text));
  });
});

const warnings: Case[] = [
  {
    name: 'a text without a declared language',
    edits: [
      ['languages: [nl]', 'languages: [nl, en]'],
      ['title: Base', 'title: { nl: Basis, en: Base }'],
      ['summary: S', 'summary: { nl: S }'],
    ],
    code: 'missing-translation',
    at: ['{ nl: S }'],
    message: /no en text here/,
  },
  {
    name: 'a text in a language not declared',
    edits: [['title: Base', 'title: { nl: Basis, de: Grund }']],
    code: 'unknown-language',
    at: ['de:'],
  },
  {
    name: 'a deck nothing draws from',
    edits: [['    name: Vragen\n', '    name: Vragen\n    cards: []\n  - id: ongebruikt\n    name: O\n']],
    code: 'unused-deck',
    at: ['ongebruikt'],
    message: /nothing draws from this deck/,
  },
  {
    name: 'a flag no effect sets',
    edits: [cardWhen('{ flag: nooit }')],
    code: 'flag-never-set',
    at: ['nooit'],
    message: /"nooit"/,
  },
  {
    name: 'priorities without a council meeting',
    edits: [beforeEndings(PRIORITIES.replace('\ncouncil: { every: 1 }', ''))],
    code: 'priorities-no-council',
    at: ['priorities'],
  },
  {
    name: 'a costFactor tag nothing has',
    edits: [
      beforeEndings(
        PRIORITIES.replace('modifiers: []', 'modifiers: [ { tag: preventei, costFactor: 0.8 } ]'),
      ),
    ],
    code: 'unknown-tag',
    at: ['preventei'],
  },
  {
    name: 'a turnDeck beside a board',
    base: BOARD,
    edits: [['board:', 'turnDeck: vragen\nboard:']],
    code: 'turn-deck-with-board',
    at: ['turnDeck'],
  },
  {
    name: 'a round label without {{n}}',
    edits: [['label: "Ronde {{n}}"', 'label: "Ronde"']],
    code: 'round-label-no-number',
    at: ['"Ronde"'],
  },
];

describe('warnings are listed apart and do not fail', () => {
  for (const c of warnings) {
    it(c.name, () => {
      const text = variant(c.base ?? BASE, ...c.edits);
      const r = load(text);
      expect(errorsOf(r)).toEqual([]);
      expect(r.ok).toBe(true);
      const [needle, nth = 0, shift = 0] = c.at;
      const p = expectProblem(r, c.code, pos(text, needle, nth, shift), 'warning');
      expect(p.severity).toBe('warning');
      if (c.message) expect(p.message).toMatch(c.message);
    });
  }
});
