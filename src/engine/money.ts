/**
 * Reading an amount of money a person typed. Councils type the way they write: "100.000",
 * "€ 100.000", "100.000,50" in Dutch, "100,000.50" in English. A browser's number field reads
 * "100.000" as one hundred, which moved €100 instead of €100,000 at a council meeting. One parser,
 * here in the core, so every screen that asks for an amount reads it the same way. Whole euros:
 * the game shows no cents, so a decimal part is rounded (and the confirmation shows the result).
 */

export type MoneyLang = 'nl' | 'en';

export type ParsedMoney =
  | { ok: true; amount: number }
  | { ok: false; reason: 'empty' | 'not-a-number' | 'not-positive' | 'too-large' };

/** More than any budget a scenario may hold (see the schema's bounds): surely a typo. */
export const MAX_AMOUNT = 1e12;

const MARKS: Record<MoneyLang, { group: string; decimal: string }> = {
  nl: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

/**
 * Which of `.` and `,` is the decimal mark in `digits` (only digits and those two marks):
 * both present — the last one; one mark several times — it groups; one mark once — it groups when
 * three digits follow and it is the language's grouping mark, else it is the decimal mark.
 */
function decimalMark(digits: string, lang: MoneyLang): string | null {
  const dot = digits.lastIndexOf('.');
  const comma = digits.lastIndexOf(',');
  if (dot >= 0 && comma >= 0) return dot > comma ? '.' : ',';
  const mark = dot >= 0 ? '.' : comma >= 0 ? ',' : null;
  if (mark === null) return null;
  if (digits.indexOf(mark) !== digits.lastIndexOf(mark)) return null;
  const after = digits.length - digits.lastIndexOf(mark) - 1;
  return after === 3 && mark === MARKS[lang].group ? null : mark;
}

export function parseMoney(typed: string, lang: MoneyLang = 'nl'): ParsedMoney {
  // Currency signs, words and every kind of space (a pasted amount may carry a no-break space).
  let s = typed
    .normalize('NFKC')
    .replace(/€|eur(o)?\b/gi, '')
    .replace(/[\s\u00a0\u202f']/g, '');
  if (s === '') return { ok: false, reason: 'empty' };
  let sign = 1;
  if (/^[-\u2212]/.test(s)) sign = -1;
  s = s.replace(/^[-\u2212+]/, '');
  if (!/^\d[\d.,]*$/.test(s) || /[.,]$/.test(s)) return { ok: false, reason: 'not-a-number' };
  const mark = decimalMark(s, lang);
  const [whole, fraction = ''] =
    mark === null ? [s] : [s.slice(0, s.lastIndexOf(mark)), s.slice(s.lastIndexOf(mark) + 1)];
  // Grouping is in threes, with the other mark only: "1.000,00,00" or "12,34,567" is no amount.
  const groups = whole.split(/[.,]/);
  const grouped = groups.length === 1 || groups.slice(1).every((g) => g.length === 3);
  if (!grouped || (mark !== null && whole.includes(mark)) || /[.,]/.test(fraction))
    return { ok: false, reason: 'not-a-number' };
  const wholeDigits = groups.join('');
  const value = sign * Number(`${wholeDigits}.${fraction || '0'}`);
  if (!Number.isFinite(value)) return { ok: false, reason: 'not-a-number' };
  const amount = Math.round(value);
  if (amount <= 0) return { ok: false, reason: 'not-positive' };
  if (amount > MAX_AMOUNT) return { ok: false, reason: 'too-large' };
  return { ok: true, amount };
}
