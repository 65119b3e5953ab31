/** `scenario schema [--lang nl|en] [--write]`: print the JSON Schema, or write schema/*.json. */
import { fileURLToPath } from 'node:url';
import { type SchemaLanguage, scenarioJsonSchema, schemaFiles } from '../scenario/json-schema';
import { EXIT, parseArgs, type Verb } from './io';

export const SCHEMA_DIR = fileURLToPath(new URL('../../schema/', import.meta.url));

export const schemaVerb: Verb = {
  summary: 'print the JSON Schema of the scenario format (--write: update schema/*.json)',
  usage: 'schema [--lang nl|en] [--write]',
  run(args, io) {
    const { flags } = parseArgs(args, ['lang']);
    const lang = flags.get('lang') ?? 'en';
    if (lang !== 'en' && lang !== 'nl') {
      io.err(`unknown language "${String(lang)}": use nl or en`);
      return EXIT.usage;
    }
    if (flags.has('write')) {
      for (const { name, text } of schemaFiles()) {
        io.writeFile(`${SCHEMA_DIR}${name}`, text);
        io.out(`wrote schema/${name}`);
      }
      return EXIT.ok;
    }
    io.out(JSON.stringify(scenarioJsonSchema(lang as SchemaLanguage), null, 2));
    return EXIT.ok;
  },
};
