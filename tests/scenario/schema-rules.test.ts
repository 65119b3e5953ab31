/**
 * The first pass: every schema rule gives a located problem in plain words. Each case edits a
 * valid scenario and names the exact node the problem must point at (needle, occurrence,
 * shift within the needle).
 */
import { describe, expect, it } from 'vitest';
import { BASE, BOARD, expectProblem, load, pos, variant } from './helpers';

type Case = {
  name: string;
  base?: string;
  edits: [string, string][];
  code: string;
  at: [needle: string, nth?: number, shift?: number];
  message?: RegExp;
};

const cases: Case[] = [
  // scenario level
  {
    name: 'format must be 1',
    edits: [['format: 1', 'format: 2']],
    code: 'bad-format',
    at: ['2'],
    message: /format 2.*format 1/,
  },
  {
    name: 'a missing top-level field points at the scenario map',
    edits: [['summary: S\n', '']],
    code: 'missing-field',
    at: ['format'],
    message: /"summary" is missing/,
  },
  {
    name: 'a misspelt top-level field suggests the right one',
    edits: [['turnDeck:', 'turndeck:']],
    code: 'unknown-field',
    at: ['turndeck'],
    message: /did you mean "turnDeck"/,
  },
  {
    name: 'an id that reads as a number suggests quotes',
    edits: [['id: base', 'id: 2015']],
    code: 'quote-string',
    at: ['2015'],
    message: /put it in quotes \("2015"\)/,
  },
  {
    name: 'an id that reads as true suggests quotes',
    edits: [['id: base', 'id: true']],
    code: 'quote-string',
    at: ['true'],
    message: /quotes/,
  },
  {
    name: 'a title that reads as a number suggests quotes',
    edits: [['title: Base', 'title: 2015']],
    code: 'quote-string',
    at: ['2015'],
  },
  {
    name: 'ids are lower-kebab-case',
    edits: [['id: base', 'id: Mijn Scenario']],
    code: 'bad-id',
    at: ['Mijn'],
    message: /mijn-scenario/,
  },
  {
    name: 'language codes are two or three letters',
    edits: [['languages: [nl]', 'languages: [nl, English]']],
    code: 'bad-language',
    at: ['English'],
  },
  {
    name: 'languages may not be empty',
    edits: [['languages: [nl]', 'languages: []']],
    code: 'too-few',
    at: ['[]'],
  },
  {
    name: 'a text map key must be a language code',
    edits: [['title: Base', 'title: { nl: Base, Engels: Base }']],
    code: 'bad-language',
    at: ['Engels'],
  },
  {
    name: 'decision is group or vote',
    edits: [['languages: [nl]', 'languages: [nl]\ndecision: votes']],
    code: 'bad-value',
    at: ['votes'],
    message: /"vote"/,
  },
  {
    name: 'reveal is cost, all or none',
    edits: [['languages: [nl]', 'languages: [nl]\nreveal: some']],
    code: 'bad-value',
    at: ['some'],
  },
  {
    name: 'seed is text or a non-negative whole number',
    edits: [['languages: [nl]', 'languages: [nl]\nseed: -3']],
    code: 'too-small',
    at: ['-3'],
  },
  {
    name: 'minutes is a positive whole number',
    edits: [['languages: [nl]', 'languages: [nl]\nminutes: 0']],
    code: 'too-small',
    at: ['0'],
  },
  {
    name: 'players.min is at least 1',
    edits: [['min: 1, max: 4', 'min: 0, max: 4']],
    code: 'too-small',
    at: ['0, max'],
  },
  {
    name: 'players.max is at most 8',
    edits: [['min: 1, max: 4', 'min: 1, max: 9']],
    code: 'too-big',
    at: ['9'],
  },
  {
    name: 'players needs max',
    edits: [['{ min: 1, max: 4 }', '{ min: 1 }']],
    code: 'missing-field',
    at: ['players'],
    message: /"max"/,
  },
  {
    name: 'rounds.count is at least 1',
    edits: [['count: 2', 'count: 0']],
    code: 'too-small',
    at: ['0, label'],
  },
  {
    name: 'rounds.count is a whole number',
    edits: [['count: 2', 'count: 2.5']],
    code: 'not-integer',
    at: ['2.5'],
  },
  {
    name: 'rounds needs a label',
    edits: [[', label: "Ronde {{n}}"', '']],
    code: 'missing-field',
    at: ['rounds'],
  },
  {
    name: 'resources may not be empty',
    edits: [
      [
        'resources:\n  - { id: wmo, name: Wmo, start: 1000 }\n  - { id: jeugd, name: Jeugd, start: 500 }',
        'resources: []',
      ],
    ],
    code: 'too-few',
    at: ['[]'],
  },
  {
    name: 'a quoted number suggests removing the quotes',
    edits: [['start: 1000', 'start: "1000"']],
    code: 'wrong-type',
    at: ['"1000"'],
    message: /remove the quotes/,
  },
  {
    name: 'yes for true/false explains YAML 1.2',
    edits: [['{ resource: wmo, add: -100 }', '{ flag: klaar, set: yes }']],
    code: 'wrong-type',
    at: ['yes'],
    message: /write true or false: in YAML 1\.2/,
  },
  {
    name: 'an empty condition says it is empty',
    edits: [['        title: T\n', '        title: T\n        when:\n']],
    code: 'empty-value',
    at: ['when:', 0, 5],
    message: /when is empty: a condition is one of/,
  },
  {
    name: 'an empty title says it is empty',
    edits: [['title: Base', 'title:']],
    code: 'empty-value',
    at: ['title:', 0, 6],
    message: /title is empty/,
  },
  {
    name: 'a when inside an effect suggests wrapping',
    edits: [['{ resource: wmo, add: -100 }', '{ resource: wmo, add: -100, when: { flag: x } }']],
    code: 'unknown-field',
    at: ['when:'],
    message: /wrap them: \{ when: CONDITION, effects/,
  },
  // resources and meters
  {
    name: 'money is whole euros',
    edits: [['start: 1000', 'start: 1000.5']],
    code: 'not-integer',
    at: ['1000.5'],
    message: /whole euros/,
  },
  {
    name: 'money must be a number',
    edits: [['start: 1000', 'start: veel']],
    code: 'wrong-type',
    at: ['veel'],
    message: /must be a number/,
  },
  {
    name: 'a resource needs a start',
    edits: [['{ id: wmo, name: Wmo, start: 1000 }', '{ id: wmo, name: Wmo }']],
    code: 'missing-field',
    at: ['{ id: wmo'],
  },
  {
    name: 'floor is whole euros or null',
    edits: [['start: 1000 }', 'start: 1000, floor: laag }']],
    code: 'wrong-type',
    at: ['laag'],
  },
  {
    name: 'meter unit is percent, count or score',
    edits: [['start: 5 }', 'start: 5, unit: euro }']],
    code: 'bad-value',
    at: ['euro'],
  },
  {
    name: 'meter good is high or low',
    edits: [['start: 5 }', 'start: 5, good: hoog }']],
    code: 'bad-value',
    at: ['hoog'],
  },
  {
    name: 'a meter needs a min',
    edits: [['min: 0, max: 10, start: 5', 'max: 10, start: 5']],
    code: 'missing-field',
    at: ['{ id: welzijn'],
  },
  // roles
  {
    name: 'hidden is true or false',
    edits: [['brief: B }', 'brief: B, hidden: ja }']],
    code: 'wrong-type',
    at: ['ja'],
    message: /true or false/,
  },
  {
    name: 'a role needs a brief',
    edits: [[', brief: B }', ' }']],
    code: 'missing-field',
    at: ['{ id: wethouder'],
  },
  // decks, cards, options
  {
    name: 'a card kind is request, event or dilemma',
    edits: [['kind: request', 'kind: vraag']],
    code: 'bad-value',
    at: ['vraag'],
  },
  {
    name: 'a card needs a title (pointing at the card)',
    edits: [['        title: T\n', '']],
    code: 'missing-field',
    at: ['id: kaart'],
    message: /card "kaart".*"title"/,
  },
  {
    name: 'a misspelt card field suggests the right one',
    edits: [['        options:', '        opties:']],
    code: 'unknown-field',
    at: ['opties'],
  },
  {
    name: 'efects → effects on an option',
    edits: [['label: Ja, effects:', 'label: Ja, efects:']],
    code: 'unknown-field',
    at: ['efects'],
    message: /option "ja": unknown field "efects"; did you mean "effects"\?/,
  },
  {
    name: 'stances are −2…2',
    edits: [['{ id: nee, label: Nee }', '{ id: nee, label: Nee, stances: { wethouder: 3 } }']],
    code: 'too-big',
    at: ['3 }'],
  },
  {
    name: 'a stance key is a role id',
    edits: [['{ id: nee, label: Nee }', '{ id: nee, label: Nee, stances: { Wethouder: 1 } }']],
    code: 'bad-id',
    at: ['Wethouder: 1'],
    message: /"wethouder"/,
  },
  {
    name: 'tags are ids',
    edits: [['kind: request', 'kind: request\n        tags: [Ouderen]']],
    code: 'bad-id',
    at: ['Ouderen'],
  },
  {
    name: 'shuffle is true or false',
    edits: [['    name: Vragen', '    name: Vragen\n    shuffle: soms']],
    code: 'wrong-type',
    at: ['soms'],
  },
  {
    name: 'a question needs reveals',
    edits: [
      ['        title: T\n', '        title: T\n        conversation:\n          - { ask: Waarom? }\n'],
    ],
    code: 'missing-field',
    at: ['{ ask'],
  },
  // effects
  {
    name: 'a money effect needs add or set',
    edits: [['{ resource: wmo, add: -100 }', '{ resource: wmo }']],
    code: 'missing-one-of',
    at: ['{ resource: wmo }'],
    message: /"add" or "set"/,
  },
  {
    name: 'a money add is whole euros',
    edits: [['add: -100', 'add: -99.5']],
    code: 'not-integer',
    at: ['-99.5'],
  },
  {
    name: 'a meter add is a number',
    edits: [['{ resource: wmo, add: -100 }', '{ meter: welzijn, add: veel }']],
    code: 'wrong-type',
    at: ['veel'],
  },
  {
    name: 'a flag is set to true or false',
    edits: [['{ resource: wmo, add: -100 }', '{ flag: klaar, set: 1 }']],
    code: 'wrong-type',
    at: ['1 }'],
  },
  {
    name: 'an effect with an unknown first key suggests the kinds',
    edits: [['{ resource: wmo, add: -100 }', '{ resorce: wmo, add: -100 }']],
    code: 'unknown-field',
    at: ['resorce'],
    message: /did you mean "resource"/,
  },
  {
    name: 'an effect that is no effect lists the kinds',
    edits: [['{ resource: wmo, add: -100 }', '{ geld: wmo }']],
    code: 'bad-union-key',
    at: ['geld'],
    message: /resource, meter, flag/,
  },
  {
    name: 'an effect must be a map',
    edits: [['{ resource: wmo, add: -100 }', 'betaal']],
    code: 'bad-union',
    at: ['betaal'],
  },
  {
    name: 'chance is 0…1',
    edits: [['{ resource: wmo, add: -100 }', '{ chance: 1.5, effects: [] }']],
    code: 'too-big',
    at: ['1.5'],
  },
  {
    name: 'chance needs effects',
    edits: [['{ resource: wmo, add: -100 }', '{ chance: 0.5, efects: [] }']],
    code: 'unknown-field',
    at: ['efects'],
    message: /did you mean "effects"/,
  },
  {
    name: 'schedule after is at least 1',
    edits: [['{ resource: wmo, add: -100 }', '{ schedule: { card: kaart, deck: vragen, after: 0 } }']],
    code: 'too-small',
    at: ['after: 0', 0, 7],
  },
  {
    name: 'schedule needs a deck',
    edits: [['{ resource: wmo, add: -100 }', '{ schedule: { card: kaart, after: 1 } }']],
    code: 'missing-field',
    at: ['schedule'],
  },
  {
    name: 'nested effects are checked too',
    edits: [
      ['{ resource: wmo, add: -100 }', '{ when: { flag: x }, effects: [ { meter: welzijn, ad: 1 } ] }'],
    ],
    code: 'unknown-field',
    at: ['ad:'],
  },
  {
    name: 'a log is text',
    edits: [['{ resource: wmo, add: -100 }', '{ log: [a] }']],
    code: 'wrong-type',
    at: ['[a]'],
    message: /log must be text/,
  },
  // conditions
  {
    name: 'a condition bound is a number',
    edits: [['        title: T\n', '        title: T\n        when: { resource: wmo, atLeast: veel }\n']],
    code: 'wrong-type',
    at: ['veel'],
  },
  {
    name: 'a misspelt condition bound suggests the right one',
    edits: [['        title: T\n', '        title: T\n        when: { meter: welzijn, atleast: 3 }\n']],
    code: 'unknown-field',
    at: ['atleast'],
    message: /"atLeast"/,
  },
  {
    name: 'a round condition is a whole number',
    edits: [['        title: T\n', '        title: T\n        when: { round: { atLeast: 1.5 } }\n']],
    code: 'not-integer',
    at: ['1.5'],
  },
  {
    name: 'chose needs an option',
    edits: [['        title: T\n', '        title: T\n        when: { chose: { card: kaart } }\n']],
    code: 'missing-field',
    at: ['chose'],
  },
  {
    name: 'an unknown condition lists the kinds',
    edits: [['        title: T\n', '        title: T\n        when: { ronde: 2 }\n']],
    code: 'bad-union-key',
    at: ['ronde'],
    message: /round/,
  },
  {
    name: 'conditions inside not are checked',
    edits: [['        title: T\n', '        title: T\n        when: { not: { flag: Klaar } }\n']],
    code: 'bad-id',
    at: ['Klaar'],
  },
  {
    name: 'conditions inside all are checked',
    edits: [
      ['        title: T\n', '        title: T\n        when: { all: [ { flag: a }, { fleg: b } ] }\n'],
    ],
    code: 'bad-union-key',
    at: ['fleg'],
    message: /did you mean "flag"/,
  },
  // endings
  {
    name: 'endings may not be empty',
    edits: [['endings:\n  - { id: einde, title: Einde, text: Klaar }', 'endings: []']],
    code: 'too-few',
    at: ['[]'],
  },
  {
    name: 'immediate is true or false',
    edits: [['text: Klaar }', 'text: Klaar, immediate: ja }']],
    code: 'wrong-type',
    at: ['ja }'],
  },
  {
    name: 'debrief questions are texts',
    edits: [['endings:', 'debrief: { questions: [ 12 ] }\nendings:']],
    code: 'quote-string',
    at: ['12'],
  },
];

const boardCases: Case[] = [
  {
    name: 'a space kind is one of the six',
    edits: [['kind: draw', 'kind: drew']],
    code: 'bad-space-kind',
    at: ['drew'],
    message: /did you mean "draw"/,
  },
  {
    name: 'a draw space needs a deck',
    edits: [['kind: draw, deck: vragen,', 'kind: draw,']],
    code: 'missing-field',
    at: ['{ id: plein'],
    message: /"deck"/,
  },
  {
    name: 'a wait space needs turns ≥ 1',
    edits: [['    - { id: plein', '    - { id: wacht, kind: wait, turns: 0, name: W }\n    - { id: plein']],
    code: 'too-small',
    at: ['0, name'],
  },
  {
    name: 'only the start space has effects',
    edits: [['deck: vragen, name: Plein }', 'deck: vragen, name: Plein, effects: [] }']],
    code: 'unknown-field',
    at: ['effects: []'],
  },
  {
    name: 'a board has at least two spaces',
    edits: [['    - { id: plein, kind: draw, deck: vragen, name: Plein }\n', '']],
    code: 'too-few',
    at: ['- { id: start'],
  },
  {
    name: 'dice sides are at least 2',
    edits: [['board:\n', 'board:\n  dice: { count: 1, sides: 1 }\n']],
    code: 'too-small',
    at: ['1 }'],
  },
  {
    name: 'priorities.choose is at least 1',
    edits: [
      [
        'endings:',
        'priorities: { choose: 0, options: [ { id: p, name: P, modifiers: [] } ] }\ncouncil: { every: 1 }\nendings:',
      ],
    ],
    code: 'too-small',
    at: ['choose: 0', 0, 8],
  },
  {
    name: 'costFactor is more than 0',
    edits: [
      [
        'endings:',
        'priorities: { choose: 1, options: [ { id: p, name: P, modifiers: [ { tag: x, costFactor: 0 } ] } ] }\ncouncil: { every: 1 }\nendings:',
      ],
    ],
    code: 'too-small',
    at: ['costFactor: 0', 0, 12],
    message: /more than 0/,
  },
  {
    name: 'a modifier with neither kind of key',
    edits: [
      [
        'endings:',
        'priorities: { choose: 1, options: [ { id: p, name: P, modifiers: [ { drift: 1 } ] } ] }\ncouncil: { every: 1 }\nendings:',
      ],
    ],
    code: 'missing-field',
    at: ['{ drift'],
  },
  {
    name: 'council.every is at least 1',
    edits: [['endings:', 'council: { every: 0 }\nendings:']],
    code: 'too-small',
    at: ['every: 0', 0, 7],
  },
];

describe('schema rules give located, plain problems', () => {
  for (const c of [
    ...cases.map((x) => ({ ...x, base: x.base ?? BASE })),
    ...boardCases.map((x) => ({ ...x, base: BOARD })),
  ]) {
    it(c.name, () => {
      const text = variant(c.base!, ...c.edits);
      const r = load(text);
      expect(r.ok).toBe(false);
      const [needle, nth = 0, shift = 0] = c.at;
      const p = expectProblem(r, c.code, pos(text, needle, nth, shift));
      if (c.message) expect(p.message).toMatch(c.message);
      expect(p.file).toBe('test.yaml');
    });
  }
});
