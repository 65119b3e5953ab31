/**
 * How amounts and changes read on a projector: a sign (+ or U+2212 −), "€ ", Dutch grouping, no
 * decimals (LOOK-AND-FEEL). Pure formatting of numbers the engine already computed.
 */
const MINUS = '\u2212';
const grouping = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0, useGrouping: true });
const meterNumber = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });
const meterNumberEn = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** € 1.250.000 · − € 4.200 */
export function formatMoney(amount: number): string {
  const body = `€ ${grouping.format(Math.abs(Math.round(amount)))}`;
  return amount < 0 && Math.round(amount) !== 0 ? `${MINUS} ${body}` : body;
}

/** + € 4.200 ▲ · − € 4.200 ▼ (money: more is better). */
export function formatMoneyDelta(delta: number): string {
  const body = `€ ${grouping.format(Math.abs(Math.round(delta)))}`;
  if (delta > 0) return `+ ${body} ▲`;
  if (delta < 0) return `${MINUS} ${body} ▼`;
  return body;
}

/** A meter value: up to 2 decimals, the language's decimal mark. */
export function formatMeter(value: number, lang: string): string {
  return (lang === 'nl' ? meterNumber : meterNumberEn).format(value);
}

/** The direction a meter change means, by its `good` direction. */
export function meterVerdict(delta: number, good: 'high' | 'low'): 'better' | 'worse' | 'same' {
  if (delta === 0) return 'same';
  return delta > 0 === (good === 'high') ? 'better' : 'worse';
}

/** + 2 ▲ / − 1,5 ▼: the arrow says better (▲) or worse (▼), the sign says up or down. */
export function formatMeterDelta(delta: number, good: 'high' | 'low', lang: string): string {
  const verdict = meterVerdict(delta, good);
  const body = formatMeter(Math.abs(delta), lang);
  const sign = delta > 0 ? '+' : delta < 0 ? MINUS : '';
  const arrow = verdict === 'better' ? ' ▲' : verdict === 'worse' ? ' ▼' : '';
  return `${sign}${sign ? ' ' : ''}${body}${arrow}`;
}
