import { describe, expect, it } from 'vitest';
import { scenarioTemplate } from '../scenario/templates';
import { cursorContext, ITEM } from './yaml-path';

/** The context at the `|` in `text`. */
function at(text: string) {
  const offset = text.indexOf('|');
  return cursorContext(text.replace('|', ''), offset);
}

describe('the cursor context read from indentation', () => {
  it('finds the path of a field being typed in a card of a deck', () => {
    const c = at('decks:\n  - id: a\n    cards:\n      - id: x\n        kin|');
    expect(c).toMatchObject({ path: ['decks', ITEM, 'cards', ITEM], mode: 'key', word: 'kin' });
  });
  it('reads a value after the colon, with the key it belongs to', () => {
    const c = at('decks:\n  - id: a\n    cards:\n      - id: x\n        kind: req|');
    expect(c).toMatchObject({
      path: ['decks', ITEM, 'cards', ITEM],
      mode: 'value',
      key: 'kind',
      word: 'req',
    });
  });
  it('reads open flow maps and lists on the line', () => {
    const c = at('cards:\n  - options:\n      - effects: [ { resource: b, add: 1 }, { meter: we|');
    expect(c).toMatchObject({
      path: ['cards', ITEM, 'options', ITEM, 'effects', ITEM],
      mode: 'value',
      key: 'meter',
    });
    const k = at('x:\n  when: { all: [ { fl|');
    expect(k).toMatchObject({ path: ['x', 'when', 'all', ITEM], mode: 'key', word: 'fl' });
  });
  it('takes a list written at the same column as its key', () => {
    const c = at('endings:\n- id: a\n  ti|');
    expect(c).toMatchObject({ path: ['endings', ITEM], mode: 'key' });
  });
  it('skips blank lines, comments and deeper lines above', () => {
    const c = at('resources:\n  - id: budget\n    name:\n      nl: x\n\n    # note\n    st|');
    expect(c.path).toEqual(['resources', ITEM]);
  });
  it('finds the top level on an empty line', () => {
    expect(at('format: 1\nid: x\n|').path).toEqual([]);
  });
  it('reads the template at its option effects', () => {
    const text = scenarioTemplate({ id: 't', kind: 'deck', languages: ['nl'] });
    const offset = text.indexOf('{ resource: budget') + '{ resource: bu'.length;
    expect(cursorContext(text, offset)).toMatchObject({
      path: ['decks', ITEM, 'cards', ITEM, 'options', ITEM, 'effects', ITEM],
      mode: 'value',
      key: 'resource',
      word: 'bu',
    });
  });
});

describe('lines read lazily around the cursor', () => {
  it('gives the lines above nearest first and the lines below in order', async () => {
    const { linesDown, linesUp } = await import('./yaml-path');
    const text = 'a\nbb\n\nccc\nd';
    expect([...linesUp(text, text.indexOf('ccc'))]).toEqual(['', 'bb', 'a']);
    expect([...linesDown(text, text.indexOf('ccc'))]).toEqual(['ccc', 'd']);
    expect([...linesUp(text, 0)]).toEqual([]);
  });
});
