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
});
