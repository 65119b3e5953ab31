/** The committed JSON Schema files are generated from the zod schema and must not go stale. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema, schemaFiles } from '../../src/scenario/json-schema';

const DIR = join(import.meta.dirname, '..', '..', 'schema');

describe('JSON Schema', () => {
  for (const { name, text } of schemaFiles()) {
    it(`schema/${name} is up to date (regenerate with: npm run schema)`, () => {
      expect(readFileSync(join(DIR, name), 'utf8')).toBe(text);
    });
  }

  it('is draft-7, which the YAML editor extension understands', () => {
    expect(scenarioJsonSchema().$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('rejects unknown fields, so editors flag typos', () => {
    expect(scenarioJsonSchema().additionalProperties).toBe(false);
  });

  it('allows a $schema key for JSON scenarios', () => {
    const props = scenarioJsonSchema().properties as Record<string, unknown>;
    expect(props.$schema).toBeDefined();
  });

  it('keeps fields with defaults optional', () => {
    const required = scenarioJsonSchema().required as string[];
    expect(required).toEqual(
      expect.arrayContaining([
        'format',
        'id',
        'title',
        'summary',
        'languages',
        'players',
        'rounds',
        'resources',
        'decks',
        'endings',
      ]),
    );
    expect(required).not.toContain('meters');
    expect(required).not.toContain('decision');
  });

  it('has English descriptions in the default and .en files and Dutch ones in the .nl file', () => {
    const en = JSON.stringify(scenarioJsonSchema('en'));
    const nl = JSON.stringify(scenarioJsonSchema('nl'));
    expect(en).toContain('The languages every text is written in');
    expect(nl).toContain('De talen waarin elke tekst staat');
    expect(nl).not.toContain('The languages every text is written in');
    expect(en).not.toContain('descriptionNl');
    expect(nl).not.toContain('descriptionNl');
    const [main, enFile] = schemaFiles();
    expect(main!.text).toBe(enFile!.text);
  });

  /** Every field (a key under `properties`, anywhere) without a description, by its path. */
  function undescribed(schema: Record<string, unknown>): string[] {
    const definitions = (schema.definitions ?? {}) as Record<string, { description?: string }>;
    const missing: string[] = [];
    const seen = new Set<unknown>();
    const walk = (node: unknown, path: string) => {
      if (!node || typeof node !== 'object' || seen.has(node)) return;
      seen.add(node);
      const n = node as Record<string, unknown>;
      for (const [key, value] of Object.entries(
        (n.properties ?? {}) as Record<string, Record<string, unknown>>,
      )) {
        if (key === '$schema') continue;
        const ref = typeof value.$ref === 'string' ? definitions[value.$ref.split('/').pop()!] : undefined;
        if (!value.description && !ref?.description) missing.push(`${path}.${key}`);
        walk(value, `${path}.${key}`);
      }
      for (const key of ['items', 'anyOf', 'oneOf', 'allOf', 'additionalProperties', 'not']) {
        const child = n[key];
        if (Array.isArray(child)) {
          for (const [i, c] of child.entries()) walk(c, `${path}[${i}]`);
        } else walk(child, `${path}[]`);
      }
      for (const [name, def] of Object.entries((n.definitions ?? {}) as Record<string, unknown>))
        walk(def, `#${name}`);
    };
    walk(schema, '');
    return missing;
  }

  it('describes every field, chance included, in both languages (hover help)', () => {
    for (const lang of ['en', 'nl'] as const) expect(undescribed(scenarioJsonSchema(lang)), lang).toEqual([]);
    expect(JSON.stringify(scenarioJsonSchema('nl'))).toContain('De kans van 0 tot 1');
    expect(JSON.stringify(scenarioJsonSchema('en'))).toContain('The chance from 0 to 1');
  });
});
