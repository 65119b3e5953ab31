import { describe, expect, it } from 'vitest';
import { MAX_AMOUNT, parseMoney } from './money';

const amount = (typed: string, lang: 'nl' | 'en' = 'nl') => {
  const r = parseMoney(typed, lang);
  return r.ok ? r.amount : r.reason;
};

describe('parseMoney: Dutch notation', () => {
  it.each([
    ['100.000', 100_000],
    ['€ 100.000', 100_000],
    ['€100.000', 100_000],
    ['100.000,50', 100_001],
    ['100.000,49', 100_000],
    ['100000,50', 100_001],
    ['1.250.000', 1_250_000],
    ['100000', 100_000],
    ['  25 000 ', 25_000],
    ['25\u00a0000', 25_000],
    ['4.200 euro', 4_200],
    ['EUR 4.200', 4_200],
    ['12,5', 13],
    ['+5.000', 5_000],
    ['100,000', 100],
  ])('%s → %s', (typed, expected) => {
    expect(amount(typed)).toBe(expected);
  });
});

describe('parseMoney: English notation', () => {
  it.each([
    ['100,000', 100_000],
    ['100,000.50', 100_001],
    ['€ 1,250,000', 1_250_000],
    ['100000.50', 100_001],
    ['12.5', 13],
    // Three digits after a lone point are still read as a grouped Dutch amount only in Dutch.
    ['100.000', 100],
    // Both marks: the last one is the decimal mark, whichever the language.
    ['100.000,50', 100_001],
  ])('%s → %s', (typed, expected) => {
    expect(amount(typed, 'en')).toBe(expected);
  });
});

describe('parseMoney: what cannot be moved', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['€', 'empty'],
    ['honderd', 'not-a-number'],
    ['10.000.', 'not-a-number'],
    ['1e6', 'not-a-number'],
    ['0x10', 'not-a-number'],
    ['1.000,00,00', 'not-a-number'],
    ['12,34,567', 'not-a-number'],
    ['1.00.000', 'not-a-number'],
    ['0', 'not-positive'],
    ['0,40', 'not-positive'],
    ['-5.000', 'not-positive'],
    ['\u22125.000', 'not-positive'],
    ['9'.repeat(400), 'not-a-number'],
    [String(MAX_AMOUNT * 10), 'too-large'],
  ])('%j → %s', (typed, reason) => {
    expect(amount(typed)).toBe(reason);
  });

  it('never returns a fraction, NaN or a negative amount for any text', () => {
    const samples = ['1', '12', '1.2', '1,2', '1.234', '1,234', '1.234,5', '1,234.5', '1.2.3', '12,34,567'];
    for (const s of samples) {
      for (const lang of ['nl', 'en'] as const) {
        const r = parseMoney(s, lang);
        if (r.ok) {
          expect(Number.isInteger(r.amount)).toBe(true);
          expect(r.amount).toBeGreaterThan(0);
        }
      }
    }
  });
});
