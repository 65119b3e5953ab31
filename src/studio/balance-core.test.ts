import { describe, expect, it } from 'vitest';
import { scenarioTemplate } from '../scenario/templates';
import { analyseText, problemCount } from './balance-core';

const template = scenarioTemplate({ id: 't', kind: 'deck', languages: ['nl'] });

describe("the Balance tab's figures", () => {
  it('name a planted dominated option, the endings reached and every strategy', () => {
    const planted = template.replace(
      '          - id: buren-vragen',
      [
        '          - id: duur-en-slecht',
        '            label: "Duur en slecht"',
        '            effects: [ { resource: budget, add: -5000 }, { meter: welzijn, add: -1 } ]',
        '          - id: buren-vragen',
      ].join('\n'),
    );
    const b = analyseText(planted, 40);
    expect(b?.dominated).toContainEqual({
      card: 'boodschappen',
      option: 'duur-en-slecht',
      by: expect.any(Array),
    });
    expect(b?.endings.map((e) => e.id)).toEqual(['tekort', 'gewoon']);
    expect(b?.endings.find((e) => e.id === 'gewoon')?.reached).toBe(true);
    expect(b?.strategies.map((s) => s.strategy)).toEqual(['random', 'cheapest', 'best-welzijn']);
    expect(b?.strategies.every((s) => s.games === 40)).toBe(true);
    // The badge counts the problems: the planted option (and nothing in the template itself).
    const plain = analyseText(template, 40);
    expect(b && plain && problemCount(b) - problemCount(plain)).toBe(1);
  });
  it('list a card no strategy draws, and nothing for a text that does not load', () => {
    const broken = template.replace('endings:', 'endingz:');
    expect(analyseText(broken, 10)).toBeNull();
    // A second deck nothing draws from: its card is never drawn by any strategy.
    const unused = template.replace(
      '\n# Eindes',
      [
        '  - id: la',
        '    name: "La"',
        '    cards:',
        '      - id: vergeten',
        '        kind: event',
        '        title: "Vergeten"',
        '        effects: [ { meter: welzijn, add: 1 } ]',
        '',
        '# Eindes',
      ].join('\n'),
    );
    const b = analyseText(unused, 10);
    expect(b?.neverDrawn).toEqual(['vergeten']);
    expect(b && problemCount(b)).toBeGreaterThanOrEqual(1);
  });
});
