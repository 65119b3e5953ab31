/**
 * Every loader message in Dutch, by the same codes and parameters as the English table in
 * `messages.ts`. Some parameters are English fragments built by the checks (a field name like
 * `tags entry 2`, "a list", a hint); `dutchParams` rewords the known ones, so a Dutch trainer
 * reads one language. Ids, field names and values from the file are never translated.
 */
import type { MessageParams } from './messages';

type P = MessageParams;
const q = (v: unknown) => `"${String(v)}"`;
const known = (p: P) => (p.known ? ` (bekend: ${p.known})` : ' (er zijn er geen vastgelegd)');
const OP_NL: Record<string, string> = {
  atLeast: 'op minstens',
  above: 'boven',
  atMost: 'op hoogstens',
  below: 'onder',
};
const mean = (p: P) => (p.suggestion ? `; bedoelt u "${p.suggestion}"?` : '');
/** Dutch "het" words take the adjective without -e: "onbekend budget", "onbekende kaart". */
const HET = new Set(['budget', 'vakje', 'einde', 'effect', 'item']);
const adj = (word: string, kind: unknown) => (HET.has(String(kind)) ? word : `${word}e`);

export const nl: Record<string, (p: P) => string> = {
  // reading the file
  'not-utf8': () => 'het bestand is geen UTF-8-tekst: bewaar het als UTF-8 (deze byte is ongeldig)',
  'empty-file': () => 'het bestand is leeg: een scenario begint met "format: 1"',
  'file-too-large': (p) =>
    `het bestand heeft ${p.size} tekens, meer dan de ${p.max} die een scenario mag hebben: is dit het goede bestand?`,
  'yaml-syntax': (p) => `de YAML is niet goed opgebouwd: ${p.detail}`,
  'tab-indent': () => 'spring in met spaties, niet met tabs: deze regel begint met een tab',
  'needs-quotes': (p) =>
    `de tekst na "${p.key}:" bevat een dubbele punt, die YAML leest als een nieuw veld: zet de tekst tussen aanhalingstekens: ${p.fixed}`,
  'dash-space': (p) => `na het streepje van een lijstitem hoort een spatie: schrijf ${p.fixed}`,
  'missing-colon': (p) => `na de veldnaam "${p.key}" ontbreekt een dubbele punt: schrijf ${p.fixed}`,
  'bad-indent': (p) =>
    `deze regel begint in kolom ${p.got}, maar hoort op dit niveau in kolom ${p.want}, zoals regel ${p.like}${p.under ? ` (de items van "${p.under}")` : ''}: spring met spaties in tot kolom ${p.want}`,
  'duplicate-key': (p) => `het veld ${q(p.key)} staat twee keer op dezelfde plek`,
  'multiple-documents': () =>
    'het bestand bevat meer dan één YAML-document ("---"): houd één scenario per bestand',
  'yaml-warning': (p) => `YAML-waarschuwing: ${p.detail}`,
  'alias-limit': (p) =>
    `te veel YAML-aliassen (*naam): hoogstens ${p.max} worden uitgevouwen, zodat een kwaadaardig bestand het geheugen niet kan vullen`,
  'control-character': (p) =>
    `deze tekst bevat het stuurteken ${p.char} (een escapereeks of een omkering van de schrijfrichting): haal het weg`,
  'alias-nodes': (p) =>
    `YAML-aliassen (*naam) vouwen samen uit tot meer dan ${p.max} waarden: schrijf de waarden uit, of maak een alias van iets kleiners`,
  'too-many-keys': (p) =>
    `deze map heeft ${p.count} velden, meer dan de ${p.max} die een scenariomap mag hebben`,
  'too-many-items': (p) =>
    `deze lijst heeft ${p.count} items, meer dan de ${p.max} die een scenariolijst mag hebben`,
  'more-errors': (p) => `en nog ${p.count} fouten: los eerst de fouten hierboven op`,
  'more-warnings': (p) => `en nog ${p.count} waarschuwingen`,
  'alias-unknown': (p) => `de alias *${p.name} verwijst naar geen anker &${p.name} erboven`,
  'too-deep': (p) => `meer dan ${p.max} niveaus diep genest`,
  'not-finite': (p) => `${p.value} is geen bruikbaar getal: schrijf een gewoon getal`,
  'number-too-large': (p) => `het getal ${p.value} is te groot om exact te zijn`,
  'complex-key': () => 'een veldnaam moet een gewoon woord zijn, geen lijst of map',
  'unsupported-value': (p) =>
    `waarden van het type ${p.what} horen niet bij het scenarioformaat: schrijf gewone tekst of een getal`,
  'not-a-map': () => 'een scenario is een map van velden (format, id, title, …), geen lijst of losse waarde',
  internal: (p) => `de lader liep onverwacht vast (${p.detail}); meld dit bestand alstublieft`,

  // shape (first pass)
  'missing-field': (p) => `het verplichte veld ${q(p.field)} ontbreekt${p.hint ? ` (${p.hint})` : ''}`,
  'missing-one-of': (p) => `hier is een van de velden ${p.fields} nodig`,
  'unknown-field': (p) =>
    `onbekend veld ${q(p.field)}${mean(p)}${p.allowed ? ` (hier toegestaan: ${p.allowed})` : ''}${p.hint ? `; ${p.hint}` : ''}`,
  'quote-string': (p) =>
    `${p.field} moet tekst zijn, maar ${p.value} wordt gelezen als ${p.got}: zet het tussen aanhalingstekens ("${p.value}")`,
  'wrong-type': (p) => `${p.field} moet ${p.expected} zijn, niet ${p.got}${p.hint ? ` (${p.hint})` : ''}`,
  'empty-value': (p) => `${p.field} is leeg: ${p.expected}`,
  'bad-id': (p) =>
    `${q(p.value)} is geen geldige id: gebruik kleine letters a–z, cijfers en streepjes, en begin met een letter${p.suggestion ? ` (bijvoorbeeld "${p.suggestion}")` : ''}`,
  'bad-language': (p) =>
    `${q(p.value)} is geen taalcode: gebruik twee of drie kleine letters, zoals "nl" of "en"`,
  'bad-value': (p) => `${p.field} kan niet ${p.value} zijn: kies uit ${p.allowed}`,
  'bad-format': (p) => `dit scenario zegt format ${p.value}, maar dit programma leest format 1`,
  'not-integer': (p) =>
    p.money
      ? `${p.field} is geld in hele euro's: ${p.value} heeft decimalen`
      : `${p.field} moet een heel getal zijn, niet ${p.value}`,
  'too-small': (p) =>
    `${p.field} moet ${p.inclusive ? 'minstens' : 'meer dan'} ${p.min} zijn, niet ${p.value}`,
  'too-big': (p) =>
    `${p.field} mag ${p.inclusive ? 'hoogstens' : 'minder dan'} ${p.max} zijn, niet ${p.value}`,
  'too-few': (p) =>
    `${p.field} heeft minstens ${p.min} ${p.min === 1 ? 'item' : 'items'} nodig, niet ${p.count}`,
  'too-many': (p) => `${p.field} mag hoogstens ${p.max} items hebben, niet ${p.count}`,
  'bad-union': (p) => `dit is geen ${adj('geldig', p.kind)} ${p.kind}: ${p.expected}`,
  'bad-union-key': (p) =>
    `dit is geen ${adj('geldig', p.kind)} ${p.kind}: ${q(p.field)} is niet een van ${p.allowed}${mean(p)}`,
  'bad-space-kind': (p) =>
    `de soort (kind) van een vakje moet een van ${p.allowed} zijn, niet ${p.value}${mean(p)}`,
  invalid: (p) => `${p.field} is niet geldig: ${p.detail}`,

  // cross-references and rules (second pass)
  'duplicate-id': (p) =>
    `de ${p.kind}-id ${q(p.id)} wordt al gebruikt op regel ${p.firstLine}: ids moeten uniek zijn`,
  'resource-meter-clash': (p) =>
    `${q(p.id)} is zowel een budget als een meter (regel ${p.firstLine}): geef ze verschillende ids`,
  'unknown-ref': (p) =>
    `${adj('onbekend', p.kind)} ${p.kind} ${q(p.id)}${p.of ? ` van ${p.of}` : ''}${mean(p)}${known(p)}`,
  'total-in-effect': () =>
    '"total" is de som van alle budgetten en mag alleen in voorwaarden staan; een effect noemt één budget',
  'turn-deck-required': (p) =>
    `een scenario zonder bord heeft "turnDeck" nodig: de stapel waaruit een speler elke beurt trekt${p.known ? ` (stapels: ${p.known})` : ''}`,
  'move-without-board': () => '"move" heeft een bord nodig: dit scenario heeft er geen',
  'move-not-here': () => '"move" mag alleen in de effecten van kaarten, keuzes en vragen staan',
  'first-space-start': (p) =>
    `het eerste vakje moet het startvakje zijn (kind: start), geen vakje van soort ${p.kind}`,
  'extra-start-space': () => 'alleen het eerste vakje mag een startvakje zijn',
  'card-needs-options': (p) =>
    `een kaart van soort ${p.kind} heeft minstens twee keuzes nodig, niet ${p.count}`,
  'event-needs-something': () =>
    'een gebeurteniskaart (event) heeft effecten, minstens twee keuzes, of beide nodig',
  'too-few-options': (p) => `een kaart met keuzes heeft er minstens twee nodig, niet ${p.count}`,
  'card-effects-event-only': (p) =>
    `alleen gebeurteniskaarten (event) hebben kaarteffecten; dit is een kaart van soort ${p.kind}: zet de effecten bij de keuzes`,
  'players-min-max': (p) => `players.min (${p.min}) is groter dan players.max (${p.max})`,
  'priorities-choose': (p) =>
    `de tafel moet ${p.choose} prioriteiten kiezen, maar er ${p.count === 1 ? 'wordt' : 'worden'} er maar ${p.count} aangeboden`,
  'no-fallback-ending': () =>
    'precies één einde moet zonder "when" zijn: het vangnet als geen ander einde past; er is er geen',
  'extra-fallback-ending': (p) =>
    `maar één einde mag zonder "when" zijn (het vangnet); ${q(p.first)} is dat al: zet hier een "when"`,
  'fallback-immediate': () => 'het vangnet-einde (dat zonder "when") kan niet direct (immediate) zijn',
  'meter-range': (p) =>
    `een meter moet min ≤ start ≤ max hebben, maar min is ${p.min}, start ${p.start}, max ${p.max}`,
  'resource-below-floor': (p) => `de start (${p.start}) ligt onder de bodem (${p.floor})`,
  'placeholder-misplaced': () =>
    '"{{n}}" wordt alleen in rounds.label door het rondenummer vervangen; schrijf de tekst hier uit',
  'turn-deck-with-board': () =>
    'turnDeck wordt genegeerd in een scenario met een bord: spelers trekken op trekvakjes',
  'round-label-no-number': () => 'rounds.label heeft geen "{{n}}": elke ronde krijgt dezelfde naam',

  // warnings
  'missing-translation': (p) =>
    `hier staat geen ${p.lang}-tekst (talen: ${p.languages}); de ${p.fallback}-tekst wordt getoond`,
  'unknown-language': (p) =>
    `tekst in ${q(p.lang)}, dat niet in languages staat (${p.languages}); die wordt nooit getoond`,
  'unused-deck': () =>
    'niets trekt van deze stapel: geen trekvakje, niet de turnDeck, niet genoemd door schedule of addCard',
  'flag-never-set': (p) => `de vlag ${q(p.id)} wordt hier getest, maar geen effect zet hem ooit`,
  'priorities-no-council': () =>
    'er zijn prioriteiten, maar geen raadsvergadering om ze te kiezen: voeg council.every, council.atStart of een raadsvakje toe',
  'thousands-dot': (p) =>
    `${p.value} wordt gelezen als ${p.read}: YAML ziet de punt als decimaalteken. Voor ${Number(p.meant).toLocaleString('nl-NL')} euro schrijft u ${p.whole} of ${p.grouped}`,
  'chance-percent': (p) =>
    `een kans is een getal van 0 tot 1, niet ${p.value}: schrijf voor ${p.percent}% ${p.fraction}`,
  'condition-never': (p) =>
    p.side === 'floor'
      ? `deze voorwaarde kan nooit waar zijn: ze vraagt budget ${q(p.resource)} ${OP_NL[p.op] ?? p.op} ${p.n}, maar het budget komt nooit onder zijn bodem (floor) van ${p.limit}; ${p.what === 'goal' ? 'dit doel wordt nooit gehaald' : 'dit einde wordt nooit bereikt'}`
      : `deze voorwaarde kan nooit waar zijn: ze vraagt meter ${q(p.meter)} ${OP_NL[p.op] ?? p.op} ${p.n}, maar de meter komt nooit ${p.side === 'max' ? 'boven zijn max' : 'onder zijn min'} van ${p.limit}; ${p.what === 'goal' ? 'dit doel wordt nooit gehaald' : 'dit einde wordt nooit bereikt'}`,
  'ending-shadowed': (p) =>
    `dit einde wordt nooit bereikt: het eerdere einde ${q(p.by)} geldt altijd eerst (het heeft geen voorwaarde die kan falen)`,
  'unknown-tag': (p) =>
    `geen kaart, keuze of investering heeft het label ${q(p.tag)}: deze modifier geldt nooit${mean(p)}`,
};

/** The named things of a scenario, as `describeContext` and the checks call them. */
export const KIND_NL: Record<string, string> = {
  resource: 'budget',
  meter: 'meter',
  role: 'rol',
  space: 'vakje',
  deck: 'stapel',
  card: 'kaart',
  option: 'keuze',
  question: 'vraag',
  investment: 'investering',
  ending: 'einde',
  modifier: 'modifier',
  'debrief question': 'nabespreekvraag',
  priority: 'prioriteit',
  effect: 'effect',
  condition: 'voorwaarde',
  text: 'tekst',
  seed: 'startgetal',
};

/** English fragments the checks put into parameters, and their Dutch wording. */
const PHRASES: Record<string, string> = {
  // describeValue / typeWord
  empty: 'leeg',
  'a list': 'een lijst',
  'a map of fields': 'een map met velden',
  'yes/no value (true/false)': 'ja/nee-waarde (true/false)',
  number: 'getal',
  // EXPECTED
  text: 'tekst',
  'a number': 'een getal',
  'a whole number': 'een heel getal',
  'true or false': 'true of false',
  'a map': 'een map',
  'text (or a map of language to text, like { nl: "…", en: "…" })':
    'tekst (of een map van taal naar tekst, zoals { nl: "…", en: "…" })',
  // hints
  'to make effects conditional, wrap them: { when: CONDITION, effects: [ … ] }':
    'om effecten voorwaardelijk te maken, pak ze in: { when: VOORWAARDE, effects: [ … ] }',
  'write true or false: in YAML 1.2 words like yes and no are text':
    'schrijf true of false: in YAML 1.2 zijn woorden als yes en no tekst',
  'remove the quotes around the number': 'haal de aanhalingstekens rond het getal weg',
  // the kinds of union (UNION_KIND_HELP)
  'an effect is one of { resource: ID, add: N }, { meter: ID, set: N }, { flag: ID, set: true }, { schedule: … }, { addCard: … }, { removeCard: … }, { move: SPACE }, { chance: P, effects: […] }, { when: CONDITION, effects: […] }, { log: TEXT }':
    'een effect is een van { resource: ID, add: N }, { meter: ID, set: N }, { flag: ID, set: true }, { schedule: … }, { addCard: … }, { removeCard: … }, { move: VAKJE }, { chance: P, effects: […] }, { when: VOORWAARDE, effects: […] }, { log: TEKST }',
  'a condition is one of { resource: ID, atLeast: N }, { meter: ID, below: N }, { flag: ID }, { round: { atLeast: N } }, { chose: { card, option } }, { invested: ID }, { priority: ID }, { all: […] }, { any: […] }, { not: … }':
    'een voorwaarde is een van { resource: ID, atLeast: N }, { meter: ID, below: N }, { flag: ID }, { round: { atLeast: N } }, { chose: { card, option } }, { invested: ID }, { priority: ID }, { all: […] }, { any: […] }, { not: … }',
  'a modifier is { tag: TAG, costFactor: N } or { meter: ID, drift: N }':
    'een modifier is { tag: LABEL, costFactor: N } of { meter: ID, drift: N }',
  'write text, or a map of language to text like { nl: "…", en: "…" }':
    'schrijf tekst, of een map van taal naar tekst zoals { nl: "…", en: "…" }',
  'a seed is text or a whole number of at least 0':
    'een startgetal (seed) is tekst of een heel getal van minstens 0',
};

/** The plain hints `source.ts` adds after the yaml library's own words. */
const YAML_HINTS: Record<string, string> = {
  'check the indentation: the fields of one map start in the same column, using spaces':
    'controleer het inspringen: de velden van één map beginnen in dezelfde kolom, met spaties',
  'indent with spaces, not tabs': 'spring in met spaties, niet met tabs',
  'a bracket, brace or quote is not closed': 'een haakje, accolade of aanhalingsteken is niet gesloten',
  'inside "double quotes" a backslash starts an escape; use single quotes or write \\\\':
    'tussen "dubbele aanhalingstekens" begint een backslash een escape; gebruik enkele aanhalingstekens of schrijf \\\\',
  'a colon is probably missing after a field name, or the indentation is off':
    'waarschijnlijk ontbreekt een dubbele punt na een veldnaam, of klopt het inspringen niet',
  'a colon is probably missing, or a text with ": " in it needs quotes':
    'waarschijnlijk ontbreekt een dubbele punt, of een tekst met ": " erin moet tussen aanhalingstekens',
  'a text that starts with a special character ([ { * & ! | > % @ `) needs quotes':
    'een tekst die met een speciaal teken begint ([ { * & ! | > % @ `) moet tussen aanhalingstekens',
  'a text that starts with a special character needs quotes':
    'een tekst die met een speciaal teken begint, moet tussen aanhalingstekens',
};

/** A field name as `fieldName` builds it: `tags entry 2` → `tags, item 2`; `the scenario` → `het scenario`. */
export function dutchField(field: string): string {
  if (field === 'the scenario') return 'het scenario';
  return field.replace(/^(?:(\S+) )?entry (\d+)$/, (_, list: string | undefined, n: string) =>
    list ? `${list}, item ${n}` : `item ${n}`,
  );
}

function phrase(text: string): string {
  if (text in PHRASES) return PHRASES[text]!;
  if (text.startsWith('write ')) {
    const rest = text.slice('write '.length);
    return `schrijf ${PHRASES[rest] ?? rest}`;
  }
  return text;
}

/** `card "x", option 2` → `kaart "x", keuze 2`. Pieces that are not a kind and a name stay as they are. */
export function dutchContext(context: string): string {
  if (!context) return context;
  return context
    .split(', ')
    .map((piece) => {
      const m = /^(debrief question|[a-z]+) (".*"|\d+)$/.exec(piece);
      return m && KIND_NL[m[1]!] ? `${KIND_NL[m[1]!]} ${m[2]}` : piece;
    })
    .join(', ');
}

function yamlDetail(detail: string): string {
  for (const [en, nlHint] of Object.entries(YAML_HINTS)) {
    const tail = ` (${en})`;
    if (detail.endsWith(tail)) return `${nlHint} (YAML: ${detail.slice(0, -tail.length)})`;
  }
  return `YAML: ${detail}`;
}

/** The parameters of a problem with their English fragments in Dutch. */
export function dutchParams(code: string, params: P): P {
  const out: P = { ...params };
  const str = (key: string) => (typeof out[key] === 'string' ? (out[key] as string) : undefined);
  const field = str('field');
  // A `field` names a field of the file in most codes; only these build it with fieldName().
  if (field !== undefined && !['missing-field', 'unknown-field', 'bad-union-key'].includes(code))
    out.field = dutchField(field);
  for (const key of ['got', 'expected', 'hint'] as const) {
    const v = str(key);
    if (v !== undefined) out[key] = phrase(v);
  }
  const value = str('value');
  if (
    value !== undefined &&
    ['quote-string', 'not-integer', 'number-too-large', 'not-finite'].indexOf(code) < 0
  ) {
    out.value = phrase(value).replace(/ \(did you mean "(.*)"\?\)$/, ' (bedoelt u "$1"?)');
  }
  const kind = str('kind');
  if (
    kind !== undefined &&
    !['card-needs-options', 'card-effects-event-only', 'first-space-start'].includes(code)
  )
    out.kind = KIND_NL[kind] ?? kind;
  const knownList = str('known');
  if (knownList !== undefined) out.known = knownList.replace(/\((\d+) more\)$/, '(nog $1)');
  const allowed = str('allowed');
  if (allowed !== undefined) out.allowed = allowed.replace(/\((\d+) more\)$/, '(nog $1)');
  const of = str('of');
  if (of) out.of = dutchContext(of);
  const fields = str('fields');
  if (fields !== undefined) out.fields = fields.replaceAll('" or "', '" of "');
  const detail = str('detail');
  if (detail !== undefined && code === 'yaml-syntax') out.detail = yamlDetail(detail);
  return out;
}
