/**
 * `npm run scenario -- new ID [--board|--deck] [--lang nl,en] [--out FILE]`: writes a small,
 * valid scenario for a trainer to start from. It never overwrites a file, and every refusal is
 * one plain sentence (in the language of the file asked for), never a stack trace.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { ID_PATTERN } from '../scenario/schema';
import { scenarioTemplate, TEMPLATE_LANGUAGES, type TemplateLanguage } from '../scenario/templates';
import { EXIT, type Verb } from './io';

export interface NewIo {
  /** The folder the command runs in: the project root under `npm run scenario`. */
  cwd: string;
  out(line: string): void;
  err(line: string): void;
}

export const NEW_USAGE = 'npm run scenario -- new ID [--board|--deck] [--lang nl,en] [--out FILE]';

interface Parsed {
  id?: string;
  kind: 'board' | 'deck';
  languages: TemplateLanguage[];
  out?: string;
}

type Say = (nl: string, en: string) => string;

/** Runs the verb; returns the exit code: 0 written, 1 the file exists or cannot be written, 2 wrong arguments. */
export function runNew(args: readonly string[], io: NewIo): number {
  // The language of the messages follows --lang when it is usable, else Dutch, the default.
  const langArg = findLang(args);
  const first = langArg?.split(',')[0]?.trim();
  const say: Say = (nl, en) => (first === 'en' ? en : nl);

  if (args.includes('--help') || args.includes('-h')) {
    io.out(`${say('Gebruik', 'Usage')}: ${NEW_USAGE}`);
    io.out(
      say(
        'Schrijft scenarios/ID.yaml: een klein geldig scenario met uitleg. --board (standaard) of --deck; --lang nl (standaard), en, nl,en of en,nl.',
        'Writes scenarios/ID.yaml: a small valid scenario with explanations. --board (default) or --deck; --lang nl (default), en, nl,en or en,nl.',
      ),
    );
    return EXIT.ok;
  }
  const parsed = parse(args, say);
  if (typeof parsed === 'string') {
    io.err(parsed);
    io.err(`${say('Gebruik', 'Usage')}: ${NEW_USAGE}`);
    return EXIT.usage;
  }
  const { id, kind, languages } = parsed;
  if (id === undefined) {
    io.err(
      say(
        'Geef een id voor het nieuwe scenario, bijv. "wijkteam-noord".',
        'Give an id for the new scenario, e.g. "wijkteam-noord".',
      ),
    );
    io.err(`${say('Gebruik', 'Usage')}: ${NEW_USAGE}`);
    return EXIT.usage;
  }
  if (!ID_PATTERN.test(id)) {
    io.err(
      say(
        `"${id}" is geen geldige id: gebruik kleine letters, cijfers en streepjes, beginnend met een letter (bijv. "wijkteam-noord").`,
        `"${id}" is not a valid id: use lower-case letters, digits and hyphens, starting with a letter (e.g. "wijkteam-noord").`,
      ),
    );
    return EXIT.usage;
  }

  const shown = parsed.out ?? `scenarios/${id}.yaml`;
  const target = resolve(io.cwd, shown);
  // Hover help and completion in the trainer's language: the Dutch schema for a Dutch file.
  const schemaFile = languages[0] === 'nl' ? 'scenario.schema.nl.json' : 'scenario.schema.json';
  const schema = resolve(io.cwd, 'schema', schemaFile);
  const schemaPath = relative(dirname(target), schema).split(sep).join('/');
  const source = scenarioTemplate({ id, kind, languages, schemaPath, filePath: toSlashes(shown) });

  try {
    mkdirSync(dirname(target), { recursive: true });
    // 'wx' fails when the file exists, so a trainer's work is never overwritten, even in a race.
    writeFileSync(target, source, { encoding: 'utf8', flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      io.err(
        say(
          `${shown} bestaat al; niets overschreven. Kies een andere id of geef --out met een nieuwe bestandsnaam.`,
          `${shown} already exists; nothing was overwritten. Choose another id or give --out with a new file name.`,
        ),
      );
    } else {
      io.err(
        say(
          `Kan ${shown} niet schrijven (${code ?? 'onbekende fout'}).`,
          `Cannot write ${shown} (${code ?? 'unknown error'}).`,
        ),
      );
    }
    return EXIT.problems;
  }

  const where = isAbsolute(shown) ? shown : toSlashes(shown);
  io.out(say(`Geschreven: ${where}`, `Written: ${where}`));
  io.out(
    say(
      `Controleer het:  npm run scenario -- validate ${where}`,
      `Check it:  npm run scenario -- validate ${where}`,
    ),
  );
  io.out(
    say(
      `Test de balans:  npm run scenario -- simulate ${where} --games 1000`,
      `Test the balance:  npm run scenario -- simulate ${where} --games 1000`,
    ),
  );
  io.out(say('Uitleg van elk veld: docs/authoring.md', 'Every field explained: docs/authoring.en.md'));
  return EXIT.ok;
}

export const newVerb: Verb = {
  summary: 'write a small valid scenario to start from',
  usage: 'new ID [--board|--deck] [--lang nl,en] [--out FILE]',
  run: (args, io) => runNew(args, { cwd: process.cwd(), out: (l) => io.out(l), err: (l) => io.err(l) }),
};

function toSlashes(path: string): string {
  return path.split(sep).join('/');
}

function findLang(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--lang') return args[i + 1];
    if (args[i].startsWith('--lang=')) return args[i].slice('--lang='.length);
  }
  return undefined;
}

function parse(args: readonly string[], say: Say): Parsed | string {
  const result: Parsed = { kind: 'board', languages: ['nl'] };
  let kindSeen: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = (): string | undefined => (inline !== undefined ? inline : args[++i]);
    if (flag === '--board' || flag === '--deck') {
      if (kindSeen && kindSeen !== flag)
        return say('Kies --board of --deck, niet allebei.', 'Choose --board or --deck, not both.');
      kindSeen = flag;
      result.kind = flag === '--board' ? 'board' : 'deck';
    } else if (flag === '--lang') {
      const v = value();
      const languages = v?.split(',').map((l) => l.trim());
      if (!languages || languages.some((l) => !(TEMPLATE_LANGUAGES as readonly string[]).includes(l))) {
        return say(
          `--lang "${v ?? ''}" wordt niet ondersteund: kies nl, en, nl,en of en,nl.`,
          `--lang "${v ?? ''}" is not supported: choose nl, en, nl,en or en,nl.`,
        );
      }
      if (new Set(languages).size !== languages.length) {
        return say(`--lang "${v}" noemt een taal twee keer.`, `--lang "${v}" names a language twice.`);
      }
      result.languages = languages as TemplateLanguage[];
    } else if (flag === '--out') {
      const v = value();
      if (!v || v.startsWith('--'))
        return say(
          'Geef na --out een bestandsnaam, bijv. --out scenarios/mijn-spel.yaml.',
          'Give a file name after --out, e.g. --out scenarios/my-game.yaml.',
        );
      result.out = v;
    } else if (arg.startsWith('-')) {
      return say(`Onbekende optie "${arg}".`, `Unknown option "${arg}".`);
    } else if (result.id === undefined) {
      result.id = arg;
    } else {
      return say(
        `Eén id tegelijk: "${result.id}" en "${arg}".`,
        `One id at a time: "${result.id}" and "${arg}".`,
      );
    }
  }
  return result;
}
