import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import nl from '../../locales/nl.json';

/** Every key path, plural suffixes folded, so nl and en can be compared. */
function keys(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix.replace(/_(one|other|zero)$/, '')];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    keys(v, prefix ? `${prefix}.${k}` : k),
  );
}

function placeholders(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') {
    return [...value.matchAll(/\{\{(\w+)\}\}/g)].map((m) => `${prefix.replace(/_(one|other)$/, '')}:${m[1]}`);
  }
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
    placeholders(v, prefix ? `${prefix}.${k}` : k),
  );
}

describe('UI strings', () => {
  it('exist in Dutch and English with the same keys', () => {
    expect([...new Set(keys(en))].sort()).toEqual([...new Set(keys(nl))].sort());
  });
  it('use the same placeholders in both languages', () => {
    expect([...new Set(placeholders(en))].sort()).toEqual([...new Set(placeholders(nl))].sort());
  });
  it('are never empty', () => {
    const empty = (v: unknown): boolean =>
      typeof v === 'string' ? v.trim() === '' : Object.values(v as object).some(empty);
    expect(empty(nl)).toBe(false);
    expect(empty(en)).toBe(false);
  });
});
