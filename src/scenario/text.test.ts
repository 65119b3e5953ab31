import { describe, expect, it } from 'vitest';
import { localize, roundLabel } from './text';

describe('localize', () => {
  it('returns a plain string for every language', () => {
    expect(localize('Urk', 'en', ['nl', 'en'])).toBe('Urk');
  });
  it('picks the asked language from a map', () => {
    expect(localize({ nl: 'Kwartaal', en: 'Quarter' }, 'en', ['nl', 'en'])).toBe('Quarter');
  });
  it('falls back to the first scenario language when a translation is missing', () => {
    expect(localize({ nl: 'Kwartaal' }, 'en', ['nl', 'en'])).toBe('Kwartaal');
  });
  it('gives an empty string for absent text', () => {
    expect(localize(undefined, 'nl', ['nl'])).toBe('');
  });
});

describe('roundLabel', () => {
  it('fills in the round number', () => {
    expect(roundLabel({ nl: 'Kwartaal {{n}}', en: 'Quarter {{n}}' }, 2, 'nl', ['nl', 'en'])).toBe(
      'Kwartaal 2',
    );
  });
});
