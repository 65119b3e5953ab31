/**
 * `scenario validate FILE… [--lang nl|en]`: every error and warning of every file, each with its
 * line quoted and a caret under the column, and a summary line per file. English unless `--lang nl` asks for Dutch (the loader's messages and this summary).
 */
import {
  caretLines,
  decodeScenarioText,
  formatProblemIn,
  loadScenario,
  type MessageLang,
  messageLang,
  type Problem,
  problemTotal,
} from '../scenario';
import { type CliIo, EXIT, parseArgs, type Verb } from './io';

const WORDS = {
  en: {
    error: ['error', 'errors'],
    warning: ['warning', 'warnings'],
    ok: 'ok',
    cannotRead: 'cannot read the file',
    couldNotRead: 'could not be read',
    noFile: 'no such file',
    folder: 'this is a folder, not a scenario file',
    denied: 'not allowed to read this file',
  },
  nl: {
    error: ['fout', 'fouten'],
    warning: ['waarschuwing', 'waarschuwingen'],
    ok: 'in orde',
    cannotRead: 'kan het bestand niet lezen',
    couldNotRead: 'kon niet worden gelezen',
    noFile: 'dit bestand bestaat niet',
    folder: 'dit is een map, geen scenariobestand',
    denied: 'geen toestemming om dit bestand te lezen',
  },
} as const;

function count(n: number, [one, many]: readonly [string, string]): string {
  return `${n} ${n === 1 ? one : many}`;
}

function readFailure(e: unknown, lang: MessageLang): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return WORDS[lang].noFile;
  if (code === 'EISDIR') return WORDS[lang].folder;
  if (code === 'EACCES') return WORDS[lang].denied;
  return e instanceof Error ? e.message : String(e);
}

export function validateFile(file: string, io: CliIo, lang: MessageLang = 'en'): boolean {
  const words = WORDS[lang];
  let bytes: Uint8Array;
  try {
    if (io.isDirectory(file)) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    bytes = io.readFile(file);
  } catch (e) {
    io.out(`${file}:1:1 ${words.cannotRead}: ${readFailure(e, lang)}`);
    io.out(`${file}: ${words.couldNotRead}`);
    return false;
  }
  const result = loadScenario(bytes, file);
  const errors = result.ok ? [] : result.errors;
  const decoded = decodeScenarioText(bytes, file);
  const source = decoded.ok ? decoded.text : '';
  const show = (p: Problem) => {
    io.out(formatProblemIn(p, lang));
    // The line itself with a caret under the column, so nobody has to count columns.
    for (const line of caretLines(source, p.line, p.col)) io.out(`    ${line}`);
  };
  errors.forEach(show);
  result.warnings.forEach(show);
  // The loader lists at most MAX_LISTED of each and counts the rest: the summary gives the total.
  const warn = count(problemTotal(result.warnings), words.warning);
  io.out(
    errors.length === 0
      ? `${file}: ${words.ok}, ${warn}`
      : `${file}: ${count(problemTotal(errors), words.error)}, ${warn}`,
  );
  return errors.length === 0;
}

export const validateVerb: Verb = {
  summary: 'check scenario files and list every error and warning',
  usage: 'validate FILE… [--lang nl|en]',
  run(args, io) {
    const { positional, flags } = parseArgs(args, ['lang']);
    const langFlag = flags.get('lang');
    if (
      positional.length === 0 ||
      langFlag === true ||
      (langFlag !== undefined && !/^(nl|en)$/.test(langFlag))
    ) {
      io.err(`usage: scenario ${this.usage}`);
      return EXIT.usage;
    }
    const lang = messageLang(langFlag);
    let allOk = true;
    for (const file of positional) allOk = validateFile(file, io, lang) && allOk;
    return allOk ? EXIT.ok : EXIT.problems;
  },
};
