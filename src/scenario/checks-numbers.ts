/**
 * A Dutch trainer writes thirty thousand euros as 30.000, and YAML reads 30: the dot is a
 * decimal point. The loader notes every number written with a dot and exactly three digits
 * after it (source.ts); here the ones that stand for money get a warning with the fix.
 */
import { own, valueAt } from './context';
import type { PathSegment, Reporter } from './problems';
import type { DottedNumber } from './source';

const RESOURCE_MONEY = new Set(['start', 'income', 'floor']);
const AMOUNT_KEYS = new Set(['add', 'set', 'atLeast', 'atMost', 'above', 'below']);

/** Whether the value at `path` is an amount of euros. */
export function isMoney(data: unknown, path: readonly PathSegment[]): boolean {
  const last = path[path.length - 1];
  if (typeof last !== 'string') return false;
  if (path.length === 3 && path[0] === 'resources') return RESOURCE_MONEY.has(last);
  if (!AMOUNT_KEYS.has(last)) return false;
  return typeof own(valueAt(data, path.slice(0, -1)), 'resource') === 'string';
}

export function checkDottedMoney(data: unknown, dotted: readonly DottedNumber[], report: Reporter): void {
  for (const { path, source } of dotted) {
    if (!isMoney(data, path)) continue;
    const sign = source.startsWith('-') ? '-' : '';
    const [whole, part] = source.replace(/^[-+]/, '').split('.') as [string, string];
    const meant = `${sign}${whole}${part}`;
    report(
      path,
      'thousands-dot',
      {
        value: source,
        read: String(Number(source)),
        meant: Number(meant),
        whole: String(Number(meant)),
        grouped: `${sign}${whole}_${part}`,
      },
      'warning',
    );
  }
}
