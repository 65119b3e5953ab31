/** Loader messages in Dutch: every code has a Dutch sentence, real files read as Dutch, carets line up. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from './load';
import {
  caretLines,
  formatProblemIn,
  loadScenarioIn,
  messageIn,
  messageLang,
  problemMessage,
} from './localized';
import { MESSAGE_CODES, messageText } from './messages';
import { nl } from './messages-nl';

const root = join(import.meta.dirname, '..', '..');
const brokenDir = join(root, 'tests', 'fixtures', 'broken');

/** Parameters that make every template fill in all of its optional parts. */
const FULL = {
  field: 'tags entry 2',
  value: '"x"',
  got: 'a list',
  expected: 'a whole number',
  hint: 'remove the quotes around the number',
  kind: 'card',
  id: 'wm0',
  known: 'wmo, jeugd',
  suggestion: 'wmo',
  allowed: 'id, label',
  detail: 'something',
  min: 2,
  max: 3,
  count: 1,
  inclusive: 1,
  money: 0,
  lang: 'en',
  languages: 'nl, en',
  fallback: 'nl',
  fields: '"add" or "set"',
  of: 'card "x"',
  tag: 'preventie',
  first: 'klaar',
  firstLine: 4,
  key: 'id',
  name: 'a',
  what: '!!binary',
  choose: 2,
  start: 5,
  floor: 10,
};

/** Words that only an English sentence has. */
const ENGLISH = /\b(the|must|unknown|known|did you mean|is not|needs|only|write|allowed|entry|empty|list)\b/i;

describe('Dutch loader messages', () => {
  it('every message code has a Dutch sentence, and no Dutch code is unknown', () => {
    expect(Object.keys(nl).sort()).toEqual([...MESSAGE_CODES].sort());
  });

  it('every Dutch sentence differs from the English one and has no English words', () => {
    for (const code of MESSAGE_CODES) {
      const dutch = messageIn(code, FULL, 'nl');
      expect(dutch, code).not.toBe(messageText(code, FULL));
      expect(dutch.replace(/"[^"]*"|\{[^}]*\}|something/g, ''), code).not.toMatch(ENGLISH);
    }
  });

  it('English stays the default and is the loader message itself', () => {
    const result = loadScenario(readFileSync(join(brokenDir, 'unknown-ref.yaml')), 'x.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(loadScenarioIn(readFileSync(join(brokenDir, 'unknown-ref.yaml')), 'x.yaml')).toEqual(result);
    expect(problemMessage(result.errors[0]!, 'en')).toBe(result.errors[0]!.message);
  });

  it("reads the guide's broken file in Dutch, context and all", () => {
    const file = 'docs/examples/broken/wijkteam-zuid.yaml';
    const result = loadScenarioIn(readFileSync(join(root, file)), 'wijkteam-zuid.yaml', 'nl');
    const lines = [...(result.ok ? [] : result.errors), ...result.warnings].map((p) =>
      formatProblemIn(p, 'nl'),
    );
    expect(lines).toEqual([
      'wijkteam-zuid.yaml:25:13 kaart "mevrouw-de-vries", keuze "thuiszorg": onbekend veld "efects"; bedoelt u "effects"? (hier toegestaan: id, label, effects, when, tags, stances)',
      'wijkteam-zuid.yaml:28:36 kaart "mevrouw-de-vries", keuze "buren": onbekend budget "wm0"; bedoelt u "wmo"? (bekend: wmo)',
      'wijkteam-zuid.yaml:31:12 einde "klaar": title moet tekst zijn, maar 2015 wordt gelezen als getal: zet het tussen aanhalingstekens ("2015")',
      'wijkteam-zuid.yaml:27:20 waarschuwing: kaart "mevrouw-de-vries", keuze "buren": hier staat geen en-tekst (talen: nl, en); de nl-tekst wordt getoond',
    ]);
  });

  it("every broken fixture reads in Dutch without English words outside quotes and YAML's own words", () => {
    for (const name of readdirSync(brokenDir).filter((f) => f.endsWith('.yaml'))) {
      const result = loadScenarioIn(readFileSync(join(brokenDir, name)), name, 'nl');
      const problems = [...(result.ok ? [] : result.errors), ...result.warnings];
      for (const p of problems) {
        const prose = p.message.replace(/\(YAML: .*\)|YAML: .*|"[^"]*"|\{[^}]*\}|\([^)]*\)$/g, '');
        expect(prose, `${name}: ${p.message}`).not.toMatch(ENGLISH);
      }
    }
  });

  it('a line indented wrong says in Dutch which column it belongs in', () => {
    const result = loadScenarioIn(
      readFileSync(join(root, 'docs/examples/broken/inspringen.yaml')),
      'i.yaml',
      'nl',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.message).toBe(
      'deze regel begint in kolom 6, maar hoort op dit niveau in kolom 5, zoals regel 12: spring met spaties in tot kolom 5',
    );
  });

  it("another YAML syntax error gets its hint in Dutch and keeps the yaml library's words", () => {
    const result = loadScenarioIn('format: 1\nid: x\ntitle: { nl: "Titel"\n', 'i.yaml', 'nl');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]!.message).toMatch(
      /^de YAML is niet goed opgebouwd: een haakje, accolade of aanhalingsteken is niet gesloten \(YAML: /,
    );
  });

  it('picks Dutch for nl and nl-NL, English otherwise', () => {
    expect(messageLang('nl')).toBe('nl');
    expect(messageLang('nl-NL')).toBe('nl');
    expect(messageLang('en')).toBe('en');
    expect(messageLang(undefined)).toBe('en');
  });
});

describe('the offending line with a caret', () => {
  const source = 'format: 1\nresources:\n  - id: wmo\n    efects: []\r\n';

  it('puts the caret under the column', () => {
    expect(caretLines(source, 4, 5)).toEqual(['    efects: []', '    ^']);
    expect(caretLines(source, 1, 1)).toEqual(['format: 1', '^']);
  });

  it('keeps tabs so the caret lines up in a terminal', () => {
    expect(caretLines('a:\n\tb: 1', 2, 2)).toEqual(['\tb: 1', '\t^']);
  });

  it('gives nothing for a line that is not in the file', () => {
    expect(caretLines(source, 0, 1)).toEqual([]);
    expect(caretLines(source, 99, 1)).toEqual([]);
  });

  it('cuts a very long line to a window that still holds the column', () => {
    const long = `x: [${'a, '.repeat(200)}oops]`;
    const col = long.indexOf('oops') + 1;
    const [text, caret] = caretLines(long, 1, col) as [string, string];
    expect(text.length).toBeLessThanOrEqual(122);
    expect(text.slice(caret.length - 1, caret.length + 3)).toBe('oops');
  });
});
