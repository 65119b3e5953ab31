/**
 * Every loader message, by code. English only for now; a Dutch table with the same codes and
 * parameters can be added beside `en` (the UI's scenario-check screen will pick by language).
 */
export type MessageParams = Record<string, string | number>;

const q = (v: unknown) => `"${String(v)}"`;
const known = (p: MessageParams) => (p.known ? ` (known: ${p.known})` : ' (none are declared)');
const OP_EN: Record<string, string> = {
  atLeast: 'at least',
  above: 'above',
  atMost: 'at most',
  below: 'below',
};
const mean = (p: MessageParams) => (p.suggestion ? `; did you mean "${p.suggestion}"?` : '');

const en: Record<string, (p: MessageParams) => string> = {
  // reading the file
  'not-utf8': () => 'the file is not UTF-8 text: save it as UTF-8 (this byte is not valid)',
  'empty-file': () => 'the file is empty: a scenario starts with "format: 1"',
  'file-too-large': (p) =>
    `the file has ${p.size} characters, more than the ${p.max} a scenario may have: is this the right file?`,
  'yaml-syntax': (p) => `the YAML is not well-formed: ${p.detail}`,
  'tab-indent': () => 'use spaces, not tabs, to indent: this line starts with a tab',
  'needs-quotes': (p) =>
    `the text after "${p.key}:" has a colon in it, which YAML reads as a new field: put the text in quotes: ${p.fixed}`,
  'dash-space': (p) => `a list item needs a space after the dash: write ${p.fixed}`,
  'missing-colon': (p) => `a colon is missing after the field name "${p.key}": write ${p.fixed}`,
  'bad-indent': (p) =>
    `this line starts in column ${p.got}, but at this level it belongs in column ${p.want}, like line ${p.like}${p.under ? ` (the items of "${p.under}")` : ''}: indent it with spaces to column ${p.want}`,
  'duplicate-key': (p) => `the field ${q(p.key)} appears twice in the same place`,
  'multiple-documents': () =>
    'the file holds more than one YAML document ("---"): keep one scenario per file',
  'yaml-warning': (p) => `${p.detail}`,
  'alias-limit': (p) =>
    `too many YAML aliases (*name): at most ${p.max} are expanded, to keep a malicious file from exhausting memory`,
  'control-character': (p) =>
    `this text holds the control character ${p.char} (an escape sequence or a text-direction override): remove it`,
  'alias-nodes': (p) =>
    `YAML aliases (*name) expand to more than ${p.max} values in all: write the values out, or alias something smaller`,
  'too-many-keys': (p) => `this map has ${p.count} fields, more than the ${p.max} a scenario map may have`,
  'too-many-items': (p) => `this list has ${p.count} items, more than the ${p.max} a scenario list may have`,
  'more-errors': (p) => `and ${p.count} more errors: fix the ones above first`,
  'more-warnings': (p) => `and ${p.count} more warnings`,
  'alias-unknown': (p) => `the alias *${p.name} refers to no anchor &${p.name} above it`,
  'too-deep': (p) => `nested more than ${p.max} levels deep`,
  'not-finite': (p) => `${p.value} is not a usable number: write an ordinary number`,
  'number-too-large': (p) => `the number ${p.value} is too large to be exact`,
  'complex-key': () => 'a field name must be a plain word, not a list or map',
  'unsupported-value': (p) =>
    `${p.what} values are not part of the scenario format: write plain text or a number`,
  'not-a-map': () => 'a scenario is a map of fields (format, id, title, …), not a list or a single value',
  internal: (p) => `the loader failed unexpectedly (${p.detail}); please report this file`,

  // shape (first pass)
  'missing-field': (p) => `the required field ${q(p.field)} is missing${p.hint ? ` (${p.hint})` : ''}`,
  'missing-one-of': (p) => `needs one of the fields ${p.fields}`,
  'unknown-field': (p) =>
    `unknown field ${q(p.field)}${mean(p)}${p.allowed ? ` (allowed here: ${p.allowed})` : ''}${p.hint ? `; ${p.hint}` : ''}`,
  'quote-string': (p) =>
    `${p.field} must be text, but ${p.value} reads as a ${p.got}: put it in quotes ("${p.value}")`,
  'wrong-type': (p) => `${p.field} must be ${p.expected}, not ${p.got}${p.hint ? ` (${p.hint})` : ''}`,
  'empty-value': (p) => `${p.field} is empty: ${p.expected}`,
  'bad-id': (p) =>
    `${q(p.value)} is not a valid id: use lower-case letters a–z, digits and hyphens, starting with a letter${p.suggestion ? ` (e.g. "${p.suggestion}")` : ''}`,
  'bad-language': (p) =>
    `${q(p.value)} is not a language code: use two or three lower-case letters, e.g. "nl" or "en"`,
  'bad-value': (p) => `${p.field} cannot be ${p.value}: choose one of ${p.allowed}`,
  'bad-format': (p) => `this scenario says format ${p.value}, but this program reads format 1`,
  'not-integer': (p) =>
    p.money
      ? `${p.field} is money in whole euros: ${p.value} has decimals`
      : `${p.field} must be a whole number, not ${p.value}`,
  'too-small': (p) => `${p.field} must be ${p.inclusive ? 'at least' : 'more than'} ${p.min}, not ${p.value}`,
  'too-big': (p) => `${p.field} must be ${p.inclusive ? 'at most' : 'less than'} ${p.max}, not ${p.value}`,
  'too-few': (p) => `${p.field} needs at least ${p.min} ${p.min === 1 ? 'entry' : 'entries'}, not ${p.count}`,
  'too-many': (p) => `${p.field} may have at most ${p.max} entries, not ${p.count}`,
  'bad-union': (p) => `this is not a valid ${p.kind}: ${p.expected}`,
  'bad-union-key': (p) => `this is not a valid ${p.kind}: ${q(p.field)} is not one of ${p.allowed}${mean(p)}`,
  'bad-space-kind': (p) => `a space's kind must be one of ${p.allowed}, not ${p.value}${mean(p)}`,
  invalid: (p) => `${p.field} is not valid: ${p.detail}`,

  // cross-references and rules (second pass)
  'duplicate-id': (p) =>
    `the ${p.kind} id ${q(p.id)} is already used on line ${p.firstLine}: ids must be unique`,
  'resource-meter-clash': (p) =>
    `${q(p.id)} is both a resource and a meter (line ${p.firstLine}): give them different ids`,
  'unknown-ref': (p) => `unknown ${p.kind} ${q(p.id)}${p.of ? ` of ${p.of}` : ''}${mean(p)}${known(p)}`,
  'total-in-effect': () =>
    '"total" is the sum of all resources and may only be used in conditions; an effect must name one resource',
  'turn-deck-required': (p) =>
    `a scenario without a board needs "turnDeck": the deck a player draws from each turn${p.known ? ` (decks: ${p.known})` : ''}`,
  'move-without-board': () => '"move" needs a board: this scenario has none',
  'move-not-here': () => '"move" is allowed only in the effects of cards, options and questions',
  'first-space-start': (p) => `the first space must be the start space (kind: start), not a ${p.kind} space`,
  'extra-start-space': () => 'only the first space may be a start space',
  'card-needs-options': (p) => `a ${p.kind} card needs at least two options, not ${p.count}`,
  'event-needs-something': () => 'an event card needs effects, at least two options, or both',
  'too-few-options': (p) => `a card with options needs at least two, not ${p.count}`,
  'card-effects-event-only': (p) =>
    `only event cards have card effects; this is a ${p.kind} card: put the effects on its options`,
  'players-min-max': (p) => `players.min (${p.min}) is more than players.max (${p.max})`,
  'priorities-choose': (p) =>
    `the table must choose ${p.choose} priorities, but only ${p.count} ${p.count === 1 ? 'is' : 'are'} offered`,
  'no-fallback-ending': () =>
    'exactly one ending must have no "when": it is the fallback when no other ending applies; there is none',
  'extra-fallback-ending': (p) =>
    `only one ending may have no "when" (the fallback); ${q(p.first)} is already the fallback: add a "when" here`,
  'fallback-immediate': () => 'the fallback ending (the one without "when") cannot be immediate',
  'meter-range': (p) =>
    `meter must have min ≤ start ≤ max, but min is ${p.min}, start ${p.start}, max ${p.max}`,
  'resource-below-floor': (p) => `the start (${p.start}) is below the floor (${p.floor})`,
  'placeholder-misplaced': () =>
    '"{{n}}" is replaced by the round number only in rounds.label; write the text out here',
  'turn-deck-with-board': () => 'turnDeck is ignored in a scenario with a board: players draw on draw spaces',
  'round-label-no-number': () => 'rounds.label has no "{{n}}": every round will show the same name',

  // warnings
  'missing-translation': (p) =>
    `no ${p.lang} text here (languages: ${p.languages}); the ${p.fallback} text is shown instead`,
  'unknown-language': (p) =>
    `text in ${q(p.lang)}, which is not in languages (${p.languages}); it is never shown`,
  'unused-deck': () =>
    'nothing draws from this deck: no draw space, not the turnDeck, not named by schedule or addCard',
  'flag-never-set': (p) => `the flag ${q(p.id)} is tested here, but no effect ever sets it`,
  'priorities-no-council': () =>
    'there are priorities, but no council meeting to choose them: add council.every, council.atStart or a council space',
  'thousands-dot': (p) =>
    `${p.value} is read as ${p.read}: YAML takes the dot for a decimal point. For ${Number(p.meant).toLocaleString('en-GB')} euros write ${p.whole} or ${p.grouped}`,
  'chance-percent': (p) =>
    `a chance is a number from 0 to 1, not ${p.value}: for ${p.percent}% write ${p.fraction}`,
  'condition-never': (p) =>
    p.side === 'floor'
      ? `this condition can never hold: it asks for resource ${q(p.resource)} ${OP_EN[p.op] ?? p.op} ${p.n}, but the resource never goes below its floor of ${p.limit}; ${p.what === 'goal' ? 'this goal is never met' : 'this ending is never reached'}`
      : `this condition can never hold: it asks for meter ${q(p.meter)} ${OP_EN[p.op] ?? p.op} ${p.n}, but the meter never goes ${p.side === 'max' ? 'above its max' : 'below its min'} of ${p.limit}; ${p.what === 'goal' ? 'this goal is never met' : 'this ending is never reached'}`,
  'ending-shadowed': (p) =>
    `this ending is never reached: the earlier ending ${q(p.by)} always holds first (it has no condition that can fail)`,
  'unknown-tag': (p) =>
    `no card, option or investment has the tag ${q(p.tag)}: this modifier never applies${mean(p)}`,
};

export function messageText(code: string, params: MessageParams): string {
  const make = en[code];
  return make ? make(params) : `${code} ${JSON.stringify(params)}`;
}

export const MESSAGE_CODES: readonly string[] = Object.keys(en);
