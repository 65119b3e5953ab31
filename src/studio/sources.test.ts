import { describe, expect, it } from 'vitest';
import { loadScenario } from '../scenario';
import enStrings from './locales/en.json';
import nlStrings from './locales/nl.json';
import { fileNameFor, newScenarioText, readScenarioFile, SCHEMA_COMMENT, withSchemaComment } from './sources';

describe('studio texts in and out', () => {
  it('makes every template choice a scenario without problems', () => {
    for (const kind of ['board', 'deck'] as const) {
      for (const lang of ['nl', 'en', 'nl,en', 'en,nl'] as const) {
        const result = loadScenario(newScenarioText(kind, lang), 'x.yaml');
        expect(result.ok && result.warnings).toEqual([]);
      }
    }
  });
  it('puts the schema comment on top once, and names the file after the id', () => {
    expect(withSchemaComment('format: 1\n')).toBe(`${SCHEMA_COMMENT}\nformat: 1\n`);
    const once = withSchemaComment(withSchemaComment('format: 1\n'));
    expect(once.split(SCHEMA_COMMENT)).toHaveLength(2);
    expect(fileNameFor('format: 1\nid: wijkteam-noord\n', 'x.yaml')).toBe('wijkteam-noord.yaml');
    expect(fileNameFor('format: 1\n', 'x.yaml')).toBe('x.yaml');
  });
});

describe("the studio's UI strings", () => {
  const keys = (v: unknown, prefix = ''): string[] =>
    typeof v === 'string'
      ? [prefix.replace(/_(one|other)$/, '')]
      : Object.entries(v as Record<string, unknown>).flatMap(([k, x]) =>
          keys(x, prefix ? `${prefix}.${k}` : k),
        );
  it('exist in Dutch and English with the same keys, none empty', () => {
    expect([...new Set(keys(enStrings))].sort()).toEqual([...new Set(keys(nlStrings))].sort());
    const empty = (v: unknown): boolean =>
      typeof v === 'string' ? v.trim() === '' : Object.values(v as object).some(empty);
    expect(empty(nlStrings) || empty(enStrings)).toBe(false);
    const placeholders = (v: unknown, prefix = ''): string[] =>
      typeof v === 'string'
        ? [...v.matchAll(/\{\{(\w+)\}\}/g)].map((m) => `${prefix.replace(/_(one|other)$/, '')}:${m[1]}`)
        : Object.entries(v as Record<string, unknown>).flatMap(([k, x]) =>
            placeholders(x, prefix ? `${prefix}.${k}` : k),
          );
    expect([...new Set(placeholders(enStrings))].sort()).toEqual(
      [...new Set(placeholders(nlStrings))].sort(),
    );
  });
});

describe('opening a file in the studio', () => {
  it('refuses a file that is not UTF-8 with the located not-UTF-8 problem, as the CLI does', async () => {
    // "Cliëntenraad" written by a Windows editor: ë is the single byte 0xEB in Windows-1252.
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('id: x\ntitle: Cli'),
      0xeb,
      ...new TextEncoder().encode('ntenraad\n'),
    ]);
    const read = await readScenarioFile(new File([bytes], 'raad.yaml'));
    expect(read.ok).toBe(false);
    if (read.ok || read.reason !== 'notUtf8') throw new Error('expected a not-UTF-8 refusal');
    expect(read.problem.code).toBe('not-utf8');
    expect([read.problem.line, read.problem.col]).toEqual([2, 11]);
  });

  it('opens UTF-8 text without its byte-order mark', async () => {
    const read = await readScenarioFile(new File(['\uFEFFid: x\ntitle: Cliëntenraad\n'], 'raad.yaml'));
    expect(read).toEqual({ ok: true, text: 'id: x\ntitle: Cliëntenraad\n' });
  });
});
