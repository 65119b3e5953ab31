import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Document } from 'yaml';
import { scenarioJsonSchema } from '../scenario/json-schema';
import { scenarioTemplate } from '../scenario/templates';
import { checkInTwo } from './checker-core';
import { complete, hoverAt, type JsonSchema } from './complete';
import { cardAt, extractIds } from './ids';
import { checkText } from './lint';

const words = { kind: (k: string) => `<${k}>`, line: (n: number) => `line ${n}` };
const nl = scenarioJsonSchema('nl') as JsonSchema;
const en = scenarioJsonSchema('en') as JsonSchema;
const template = scenarioTemplate({ id: 't', kind: 'deck', languages: ['nl', 'en'] });

function at(text: string, schema = en) {
  const offset = text.indexOf('|');
  const clean = text.replace('|', '');
  return complete(clean, offset, extractIds(clean), schema, words);
}

describe('completion', () => {
  it("offers a card's fields with their description in the UI language", () => {
    const text = template.replace('        kind: request', '        kind: request\n        ref|');
    const c = at(text);
    expect(c?.choices.map((x) => x.label)).toContain('reflect');
    // Fields already written in the same card are not offered again.
    expect(c?.choices.map((x) => x.label)).not.toContain('kind');
    expect(c?.choices.map((x) => x.label)).not.toContain('title');
    const enInfo = c?.choices.find((x) => x.label === 'conversation')?.info;
    const nlInfo = at(text, nl)?.choices.find((x) => x.label === 'conversation')?.info;
    expect(enInfo).toBeTruthy();
    expect(nlInfo).toBeTruthy();
    expect(nlInfo).not.toBe(enInfo);
  });
  it('offers every card id the file defines for a card reference, with its line', () => {
    const text = template.replace(
      'effects: [ { meter: welzijn, add: -1 } ]',
      'effects: [ { meter: welzijn, add: -1 }, { addCard: { card: b|',
    );
    const c = at(text);
    expect(c?.choices.map((x) => x.label)).toEqual(['boodschappen', 'buurtfeest']);
    expect(c?.choices[0]).toMatchObject({ detail: '<card>', info: expect.stringMatching(/^line \d+$/) });
  });
  it('offers resources, meters and decks where they are named', () => {
    const text = template.replace('turnDeck: hulpvragen', 'turnDeck: |');
    expect(at(text)?.choices.map((x) => x.label)).toEqual(['hulpvragen']);
    const meter = template.replace('{ meter: welzijn, add: 1 }', '{ meter: |');
    expect(at(meter)?.choices.map((x) => x.label)).toEqual(['welzijn']);
  });
  it("offers only the named card's options in a chose condition", () => {
    const text = template.replace(
      '  - id: gewoon\n',
      '  - id: gewoon\n    when: { chose: { card: buurtfeest, option: | } }\n',
    );
    expect(at(text)?.choices.map((x) => x.label)).toEqual(['betalen', 'niet-betalen']);
  });
  it('offers the fixed values of a field', () => {
    const text = template.replace('        kind: request', '        kind: |');
    expect(
      at(text)
        ?.choices.map((x) => x.label)
        .sort(),
    ).toEqual(['dilemma', 'event', 'request']);
  });
  it('offers the top-level fields on an empty line', () => {
    const c = at(`${template}|`);
    expect(c?.choices.map((x) => x.label)).toContain('reserveCards');
    expect(c?.choices.map((x) => x.label)).not.toContain('format');
  });
});

describe('hover help', () => {
  it("explains a field and names an id's kind and line", () => {
    const offset = template.indexOf('turnDeck') + 2;
    expect(hoverAt(template, offset, extractIds(template), nl, words)?.text).toBeTruthy();
    const ref = template.indexOf('turnDeck: hulpvragen') + 'turnDeck: hul'.length;
    expect(hoverAt(template, ref, extractIds(template), nl, words)).toMatchObject({
      title: '<deck> hulpvragen',
    });
  });
});

describe('ids of the file', () => {
  it('lists every kind with its place, and finds the card under the cursor', () => {
    const ids = extractIds(template);
    const kinds = (k: Parameters<typeof ids.byKind.get>[0]) => ids.byKind.get(k)?.map((d) => d.id);
    expect(kinds('deck')).toEqual(['hulpvragen']);
    expect(kinds('card')).toEqual(['boodschappen', 'buurtfeest']);
    expect(kinds('resource')).toEqual(['budget']);
    expect(kinds('meter')).toEqual(['welzijn']);
    expect(kinds('ending')).toEqual(['tekort', 'gewoon']);
    expect(kinds('option')).toEqual(['hulp-inzetten', 'buren-vragen', 'betalen', 'niet-betalen']);
    const inParty = template.indexOf('Betaal het feest');
    expect(cardAt(ids, inParty)?.id).toBe('buurtfeest');
    expect(cardAt(ids, template.indexOf('players:'))).toBeNull();
    const flags = extractIds(`${template}\nx: [ { flag: gebeld, set: true } ]\n`);
    expect(flags.byKind.get('flag')?.map((d) => d.id)).toEqual(['gebeld']);
  });
  it("reads the same ids from the check's own document as from a parse of its own, clean or broken", () => {
    const dir = join(import.meta.dirname, '..', '..', 'scenarios');
    const shipped = readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => readFileSync(join(dir, f), 'utf8'));
    const broken = [
      template.replace('kind: request', 'kind: request\n        kind: event'), // a duplicate key
      `${template}\n  - : [`, // an unclosed list
      template.replace('id: boodschappen', 'id: boodschappen\n\tx: 1'), // a tab
    ];
    for (const text of [template, ...shipped, ...broken]) {
      let doc: Document.Parsed | undefined;
      checkText(text, 'x.yaml', 'nl', (d) => (doc = d));
      expect(doc).toBeDefined();
      const fromCheck = extractIds(text, doc);
      expect(fromCheck.all).toEqual(extractIds(text).all);
      expect(fromCheck.all.length).toBeGreaterThan(3);
    }
  });
  it('answers with the problems first, then the ids, for the same version', () => {
    const answers: unknown[] = [];
    checkInTwo(7, template, 'x.yaml', 'en', (a) => answers.push(a));
    expect(answers.map((a) => Object.keys(a as object).sort())).toEqual([
      ['checked', 'version'],
      ['ids', 'version'],
    ]);
    expect((answers[1] as { ids: ReturnType<typeof extractIds> }).ids.byKind.get('card')?.length).toBe(2);
  });
  it('keeps what it can of a broken file', () => {
    const broken = template.replace('title: { nl: "De buurt wil', 'title: { nl: "De buurt wil\t');
    expect(
      extractIds(`${broken}\n  - : [`)
        .byKind.get('deck')
        ?.map((d) => d.id),
    ).toEqual(['hulpvragen']);
  });
});
