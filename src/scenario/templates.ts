/**
 * Templates for `npm run scenario -- new`: a small scenario that loads with zero errors and zero
 * warnings, with comments that walk a trainer through it. The file is built as text (not
 * serialised from data) because the comments are the point: a trainer learns the format by
 * reading them next to the fields they explain.
 *
 * Pure: no file system, so the tests and the tutorial check can call it directly.
 */

/** The languages the template's texts and comments are written in. */
export const TEMPLATE_LANGUAGES = ['nl', 'en'] as const;
export type TemplateLanguage = (typeof TEMPLATE_LANGUAGES)[number];

export interface TemplateOptions {
  id: string;
  /** `board`: tokens move around a board of spaces; `deck`: every turn draws one card. */
  kind: 'board' | 'deck';
  /** Scenario languages in order; the first is the fallback and the language of the comments. */
  languages: TemplateLanguage[];
  /** Relative path from the file to the JSON Schema, for the editor's first line. */
  schemaPath?: string;
  /** Where the file will be written, as the trainer would type it (shown in the comments). */
  filePath?: string;
}

type Pair = { nl: string; en: string };

/** A YAML text value: a plain string for one language, else a map in the scenario's language order. */
function text(value: Pair, languages: TemplateLanguage[]): string {
  if (languages.length === 1) return JSON.stringify(value[languages[0]]);
  return `{ ${languages.map((l) => `${l}: ${JSON.stringify(value[l])}`).join(', ')} }`;
}

export function scenarioTemplate(options: TemplateOptions): string {
  const { id, kind, languages } = options;
  const lang = languages[0];
  const t = (nl: string, en: string) => text({ nl, en }, languages);
  // Comments follow the first language: that is the trainer's own.
  const c = (nl: string, en: string) => `# ${lang === 'nl' ? nl : en}`;
  const schemaPath = options.schemaPath ?? '../schema/scenario.schema.json';
  const file = options.filePath ?? `scenarios/${id}.yaml`;

  const lines: string[] = [
    `# yaml-language-server: $schema=${schemaPath}`,
    c(
      'Een nieuw scenario. Controleer het na elke wijziging met:',
      'A new scenario. Check it after every change with:',
    ),
    `#   npm run scenario -- validate ${file}`,
    c(
      'Uitleg van elk veld: docs/authoring.md. Ids: kleine letters, cijfers en streepjes.',
      'Every field explained: docs/authoring.en.md. Ids: lower-case letters, digits and hyphens.',
    ),
    'format: 1',
    `id: ${id}`,
    `title: ${t('Nieuw scenario', 'New scenario')}`,
    `summary: ${t('Een klein spel om mee te beginnen.', 'A small game to start from.')}`,
    c(
      'De talen waarin elke tekst staat; de eerste is de reservetaal.',
      'The languages every text is written in; the first is the fallback.',
    ),
    `languages: [${languages.join(', ')}]`,
    'players: { min: 2, max: 4 }',
    'rounds:',
    '  count: 4',
    `  label: ${t('Kwartaal {{n}}', 'Quarter {{n}}')}`,
    '',
    c(
      "Budgetten in hele euro's. Zonder 'floor' mag een budget onder nul (een tekort).",
      "Budgets in whole euros. Without a 'floor' a budget may go below zero (a deficit).",
    ),
    'resources:',
    '  - id: budget',
    `    name: ${t('Budget', 'Budget')}`,
    // A board draws a card on some turns only, so it needs less money for the same tension.
    `    start: ${kind === 'board' ? 10000 : 15000}`,
    '',
    c(
      "Meters: wat de tafel ziet bewegen. 'good: low' als meer slechter is (werkdruk).",
      "Meters: what the table sees move. 'good: low' when more is worse (workload).",
    ),
    'meters:',
    '  - id: welzijn',
    `    name: ${t('Welzijn inwoners', "Residents' wellbeing")}`,
    '    min: 0',
    '    max: 10',
    '    start: 5',
    '',
  ];

  if (kind === 'board') {
    lines.push(
      c(
        'Het bord: pionnen lopen rond over deze vakjes. Het eerste is de start.',
        'The board: tokens go round these spaces. The first one is the start.',
      ),
      'board:',
      '  spaces:',
      `    - { id: start, kind: start, name: ${t('Start', 'Start')} }`,
      `    - { id: dorp, kind: draw, deck: hulpvragen, name: ${t('Het dorp', 'The village')} }`,
      `    - { id: bankje, kind: rest, name: ${t('Bankje', 'Bench')} }`,
      `    - { id: haven, kind: draw, deck: hulpvragen, name: ${t('De haven', 'The harbour')} }`,
      `    - { id: polder, kind: draw, deck: hulpvragen, name: ${t('De polder', 'The polder')} }`,
      '',
    );
  } else {
    lines.push(
      c(
        'Zonder bord trekt elke beurt één kaart van deze stapel.',
        'Without a board every turn draws one card from this deck.',
      ),
      'turnDeck: hulpvragen',
      '',
    );
  }

  lines.push(
    c(
      "Stapels kaarten. Een hulpvraag ('request') heeft minstens twee keuzes.",
      'Decks of cards. A request has at least two options.',
    ),
    'decks:',
    '  - id: hulpvragen',
    `    name: ${t('Hulpvragen', 'Requests for help')}`,
    '    cards:',
    '      - id: boodschappen',
    '        kind: request',
    `        title: ${t('Meneer Bakker kan niet meer zelf boodschappen doen', 'Mr Bakker can no longer do his own shopping')}`,
    `        text: ${t('Hij is 81 en loopt slecht sinds zijn val.', 'He is 81 and walks badly since his fall.')}`,
    '        options:',
    '          - id: hulp-inzetten',
    `            label: ${t('Zet een boodschappendienst in', 'Arrange a shopping service')}`,
    '            effects: [ { resource: budget, add: -2000 }, { meter: welzijn, add: 1 } ]',
    '          - id: buren-vragen',
    `            label: ${t('Vraag de buren om te helpen', 'Ask the neighbours to help')}`,
    '            effects: [ { resource: budget, add: -200 }, { meter: welzijn, add: -0.5 } ]',
    '      - id: buurtfeest',
    '        kind: dilemma',
    `        title: ${t('De buurt wil een buurtfeest', 'The neighbourhood wants a street party')}`,
    '        options:',
    '          - id: betalen',
    `            label: ${t('Betaal het feest', 'Pay for the party')}`,
    '            effects: [ { resource: budget, add: -3000 }, { meter: welzijn, add: 1.5 } ]',
    '          - id: niet-betalen',
    `            label: ${t('Geen geld voor feesten', 'No money for parties')}`,
    '            effects: [ { meter: welzijn, add: -1 } ]',
    '',
    c(
      "Eindes: het eerste dat klopt wint. Precies één einde heeft geen 'when': het gewone einde.",
      "Endings: the first that holds wins. Exactly one ending has no 'when': the fallback.",
    ),
    'endings:',
    '  - id: tekort',
    '    when: { resource: budget, below: 0 }',
    `    title: ${t('Een tekort', 'A deficit')}`,
    `    text: ${t('Het budget is op. Wat had u anders gedaan?', 'The budget ran out. What would you have done differently?')}`,
    '  - id: gewoon',
    `    title: ${t('Het jaar is voorbij', 'The year is over')}`,
    `    text: ${t('U bleef binnen het budget.', 'You stayed within the budget.')}`,
    '',
    c('Volgende stappen, met voorbeelden in de handleiding:', 'Next steps, with examples in the guide:'),
    c(
      "- keukentafelvragen bij een kaart: 'conversation'",
      "- kitchen-table questions on a card: 'conversation'",
    ),
    c(
      "- een gevolg dat later terugkomt: 'schedule' en 'reserveCards'",
      "- a consequence that comes back later: 'schedule' and 'reserveCards'",
    ),
    c(
      "- rollen met eigen doelen: 'roles'; de raad en prioriteiten: 'council', 'priorities'",
      "- roles with their own goals: 'roles'; the council and priorities: 'council', 'priorities'",
    ),
    c(
      `- test de balans: npm run scenario -- simulate ${file} --games 1000`,
      `- test the balance: npm run scenario -- simulate ${file} --games 1000`,
    ),
  );
  return `${lines.join('\n')}\n`;
}
