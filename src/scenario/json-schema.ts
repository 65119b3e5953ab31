/**
 * The JSON Schema (draft-7) that editors use for hover help and completion, generated from the
 * zod schema so the two never disagree. Each field's meta carries an English `description`
 * and a Dutch `descriptionNl`; a language's file keeps one of them as `description`.
 */
import { z } from 'zod';
import { ScenarioSchema } from './schema';

export type SchemaLanguage = 'en' | 'nl';

const TITLE: Record<SchemaLanguage, string> = {
  en: 'Scenario file, format 1 (decentralisation dilemmas)',
  nl: 'Scenariobestand, formaat 1 (decentralisatiedilemma’s)',
};

export function scenarioJsonSchema(lang: SchemaLanguage = 'en'): Record<string, unknown> {
  const generated = z.toJSONSchema(ScenarioSchema, { target: 'draft-7', io: 'input' }) as Record<
    string,
    unknown
  >;
  const localised = localise(generated, lang) as Record<string, unknown>;
  const { $schema, ...rest } = localised;
  return { $schema, title: TITLE[lang], ...rest };
}

function localise(node: unknown, lang: SchemaLanguage): unknown {
  if (Array.isArray(node)) return node.map((n) => localise(n, lang));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  const src = node as Record<string, unknown>;
  for (const [key, value] of Object.entries(src)) {
    if (key === 'descriptionNl') continue;
    out[key] = localise(value, lang);
  }
  if (lang === 'nl' && typeof src.descriptionNl === 'string') out.description = src.descriptionNl;
  return out;
}

/** The committed schema files, by file name (under schema/). */
export function schemaFiles(): { name: string; text: string }[] {
  const text = (lang: SchemaLanguage) => `${JSON.stringify(scenarioJsonSchema(lang), null, 2)}\n`;
  return [
    { name: 'scenario.schema.json', text: text('en') },
    { name: 'scenario.schema.en.json', text: text('en') },
    { name: 'scenario.schema.nl.json', text: text('nl') },
  ];
}
