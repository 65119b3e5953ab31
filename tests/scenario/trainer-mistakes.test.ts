/**
 * The mistakes a trainer makes most, as the trainer reads them (issue 14): Dutch money, chances
 * as percentages, endings and goals that can never come true, and YAML slips — each one
 * problem, at its line, in Dutch and English, with the fix in words.
 */
import { describe, expect, it } from 'vitest';
import { loadScenarioIn, type MessageLang, type Problem } from '../../src/scenario';
import { BASE, errorsOf, load, pos, variant } from './helpers';

function problems(text: string, lang: MessageLang): Problem[] {
  const r = loadScenarioIn(text, 'test.yaml', lang);
  return [...errorsOf(r), ...r.warnings];
}

describe('money and numbers as a Dutch trainer writes them', () => {
  it('warns about 30.000 read as 30, with the line and the fix, in Dutch and English', () => {
    const text = variant(BASE, ['start: 1000 }', 'start: 30.000 }']);
    const r = load(text);
    expect(r.ok).toBe(true);
    const [w] = r.warnings;
    expect(w).toMatchObject({ code: 'thousands-dot', severity: 'warning', ...pos(text, '30.000') });
    expect(w!.message).toContain('30.000 is read as 30');
    expect(w!.message).toContain('write 30000 or 30_000');
    const [nl] = problems(text, 'nl');
    expect(nl!.message).toContain('30.000 wordt gelezen als 30');
    expect(nl!.message).toContain('schrijft u 30000 of 30_000');
  });

  it('reads 30_000 as thirty thousand, so the suggested fix works', () => {
    const r = load(variant(BASE, ['start: 1000 }', 'start: 30_000 }']));
    expect(r.ok && r.scenario.resources[0]!.start).toBe(30000);
    expect(r.warnings).toEqual([]);
  });

  it('warns for money in effects too, but not for a meter step like 0.125 or a text', () => {
    const text = variant(
      BASE,
      ['add: -100 }', 'add: -1.500 }'],
      ['min: 0, max: 10, start: 5 }', 'min: 0, max: 10, start: 5, drift: 1.250 }'],
    );
    const warnings = load(text).warnings;
    expect(warnings.map((w) => w.code)).toEqual(['thousands-dot']);
    expect(warnings[0]).toMatchObject(pos(text, '-1.500'));
    expect(warnings[0]!.message).toContain('For -1,500 euros write -1500 or -1_500');
  });

  it('says "write 0.5" for a chance written as 50% or 50, in both languages', () => {
    const chance = (value: string) =>
      variant(BASE, [
        'add: -100 } ]',
        `add: -100 }, { chance: ${value}, effects: [ { meter: welzijn, add: 1 } ] } ]`,
      ]);
    for (const value of ['50%', '50']) {
      const text = chance(value);
      const [en] = problems(text, 'en');
      expect(en).toMatchObject({
        code: 'chance-percent',
        severity: 'error',
        ...pos(text, `chance: ${value}`, 0, 8),
      });
      expect(en!.message).toContain('write 0.5');
      const [nl] = problems(text, 'nl');
      expect(nl!.message).toContain('een kans is een getal van 0 tot 1');
      expect(nl!.message).toContain('schrijf voor 50% 0.5');
    }
  });
});

describe('endings and goals that can never hold', () => {
  it('warns about an ending that asks a meter to go above its max', () => {
    const text = variant(BASE, [
      'endings:\n',
      'endings:\n  - { id: top, title: Top, text: T, when: { meter: welzijn, above: 10 } }\n',
    ]);
    const r = load(text);
    expect(r.ok).toBe(true);
    expect(r.warnings).toMatchObject([{ code: 'condition-never', ...pos(text, '{ meter: welzijn, above') }]);
    expect(r.warnings[0]!.message).toContain('never goes above its max of 10; this ending is never reached');
    expect(problems(text, 'nl')[0]!.message).toContain('dit einde wordt nooit bereikt');
  });

  it('warns about a role goal that asks a meter to go below its min', () => {
    const text = variant(BASE, ['brief: B }', 'brief: B, goal: { all: [ { meter: welzijn, below: 0 } ] } }']);
    const [w] = load(text).warnings;
    expect(w).toMatchObject({ code: 'condition-never', path: ['roles', 0, 'goal'] });
    expect(w!.message).toContain('below its min of 0; this goal is never met');
  });

  it('warns about an ending that asks a floored budget to go below its floor', () => {
    const text = variant(
      BASE,
      ['start: 1000 }', 'start: 1000, floor: 0 }'],
      [
        'endings:\n',
        'endings:\n  - { id: failliet, title: F, text: T, when: { resource: wmo, below: 0 }, immediate: true }\n',
      ],
    );
    const [w] = load(text).warnings;
    expect(w).toMatchObject({ code: 'condition-never', path: ['endings', 0, 'when'] });
    expect(w!.message).toContain('resource "wmo" below 0, but the resource never goes below its floor of 0');
    expect(problems(text, 'nl')[0]!.message).toContain(
      'het budget komt nooit onder zijn bodem (floor) van 0',
    );
  });

  it('warns about an ending shadowed by an earlier one that always holds', () => {
    const text = variant(BASE, [
      'endings:\n',
      'endings:\n  - { id: altijd, title: A, text: T, when: { meter: welzijn, atLeast: 0 } }\n  - { id: later, title: L, text: T, when: { flag: x } }\n',
    ]);
    const shadowed = load(text).warnings.filter((w) => w.code === 'ending-shadowed');
    expect(shadowed.map((w) => w.path)).toEqual([
      ['endings', 1, 'id'],
      ['endings', 2, 'id'],
    ]);
    expect(shadowed[0]!.message).toContain('the earlier ending "altijd" always holds first');
  });

  it('says nothing about an ending that can happen', () => {
    const text = variant(BASE, [
      'endings:\n',
      'endings:\n  - { id: top, title: Top, text: T, when: { meter: welzijn, atLeast: 10 } }\n',
    ]);
    expect(load(text).warnings).toEqual([]);
  });
});

describe('YAML mistakes in plain words', () => {
  const CARD = variant(BASE, [
    '          - { id: nee, label: Nee }\n',
    '          - id: nee\n            label: Nee\n            effects: []\n',
  ]);

  it('gives one tab one problem: "use spaces, not tabs"', () => {
    const text = variant(CARD, ['            label: Nee', '\tlabel: Nee']);
    for (const lang of ['en', 'nl'] as const) {
      const found = problems(text, lang);
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ code: 'tab-indent', ...pos(text, '\tlabel') });
    }
    expect(problems(text, 'en')[0]!.message).toContain('use spaces, not tabs, to indent');
    expect(problems(text, 'nl')[0]!.message).toContain('spring in met spaties, niet met tabs');
  });

  it('asks for quotes around a text with a colon in it', () => {
    const text = variant(BASE, ['title: Base', 'title: Let op: nieuw']);
    const found = problems(text, 'en');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'needs-quotes', ...pos(text, 'Let op') });
    expect(found[0]!.message).toContain('put the text in quotes: title: "Let op: nieuw"');
    expect(problems(text, 'nl')[0]!.message).toContain('zet de tekst tussen aanhalingstekens');
  });

  it('names the column an option one level too deep or too shallow belongs in', () => {
    for (const wrong of ['            - id: nee', '        - id: nee']) {
      const text = variant(CARD, ['          - id: nee', wrong]);
      const found = problems(text, 'en');
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ code: 'bad-indent', line: pos(text, 'id: nee').line });
      expect(found[0]!.message).toContain('belongs in column 11');
      expect(found[0]!.message).toContain('(the items of "options")');
      expect(problems(text, 'nl')[0]!.message).toContain('hoort op dit niveau in kolom 11');
    }
  });

  it('asks for the space after the dash of a list item', () => {
    const text = variant(CARD, ['          - id: nee', '          -id: nee']);
    const found = problems(text, 'en');
    expect(found).toMatchObject([{ code: 'dash-space', ...pos(text, '-id: nee') }]);
    expect(found[0]!.message).toBe('a list item needs a space after the dash: write - id: nee');
    expect(problems(text, 'nl')[0]!.message).toContain('na het streepje van een lijstitem hoort een spatie');
  });

  it('names the column a field of an option belongs in', () => {
    const text = variant(CARD, ['            label: Nee', '              label: Nee']);
    const found = problems(text, 'en');
    expect(found).toMatchObject([{ code: 'bad-indent', ...pos(text, 'label: Nee') }]);
    expect(found[0]!.message).toContain(`belongs in column 13, like line ${pos(text, 'id: nee').line}`);
  });

  it('points at the line that leaves a bracket open, not the line after it', () => {
    const text = variant(CARD, [
      '            effects: []',
      '            effects: [ { meter: welzijn, add: 1 }',
    ]);
    const found = problems(text, 'en');
    expect(found[0]).toMatchObject({ code: 'yaml-syntax', ...pos(text, '[ { meter: welzijn') });
    expect(found[0]!.message).toContain('a bracket, brace or quote is not closed');
  });

  it('says a quote is not closed when a line has an odd number of them', () => {
    const text = variant(BASE, ['title: Base', 'title: { nl: "Base, en: "Base" }']);
    expect(problems(text, 'en')[0]!.message).toContain('a bracket, brace or quote is not closed');
  });

  it('mentions brackets or quotes only when one is really left open', () => {
    const open = variant(BASE, ['title: Base', 'title: { nl: Base']);
    expect(problems(open, 'en').some((p) => p.message.includes('is not closed'))).toBe(true);
    const notOpen = variant(BASE, ['summary: S', 'summary S']);
    const found = problems(notOpen, 'en');
    expect(found.length).toBeGreaterThan(0);
    expect(found.map((p) => p.message).filter((m) => /bracket|quote/.test(m))).toEqual([]);
    expect(found[0]).toMatchObject({ code: 'missing-colon', ...pos(notOpen, 'summary S') });
    expect(found[0]!.message).toContain(
      'a colon is missing after the field name "summary": write summary: S',
    );
  });
});

describe('a file that is not UTF-8', () => {
  it('is refused with the not-UTF-8 message at the first bad character', () => {
    // "Cliëntenraad" saved in Windows-1252: ë is the single byte 0xEB.
    const before = new TextEncoder().encode(`${BASE}# Cli`);
    const bytes = new Uint8Array([...before, 0xeb, ...new TextEncoder().encode('ntenraad\n')]);
    const r = loadScenarioIn(bytes, 'test.yaml', 'nl');
    expect(errorsOf(r)).toMatchObject([{ code: 'not-utf8', line: BASE.split('\n').length, col: 6 }]);
    expect(errorsOf(r)[0]!.message).toContain('bewaar het als UTF-8');
  });
});
