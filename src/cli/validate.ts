/** `scenario validate FILE…`: every error and warning of every file, a summary line per file. */
import { formatProblem, loadScenario } from '../scenario';
import { type CliIo, EXIT, parseArgs, type Verb } from './io';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function readFailure(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'this is a folder, not a scenario file';
  if (code === 'EACCES') return 'not allowed to read this file';
  return e instanceof Error ? e.message : String(e);
}

export function validateFile(file: string, io: CliIo): boolean {
  let bytes: Uint8Array;
  try {
    if (io.isDirectory(file)) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    bytes = io.readFile(file);
  } catch (e) {
    io.out(`${file}:1:1 cannot read the file: ${readFailure(e)}`);
    io.out(`${file}: could not be read`);
    return false;
  }
  const result = loadScenario(bytes, file);
  const errors = result.ok ? [] : result.errors;
  for (const p of errors) io.out(formatProblem(p));
  for (const p of result.warnings) io.out(formatProblem(p));
  const warn = plural(result.warnings.length, 'warning');
  io.out(
    errors.length === 0 ? `${file}: ok, ${warn}` : `${file}: ${plural(errors.length, 'error')}, ${warn}`,
  );
  return errors.length === 0;
}

export const validateVerb: Verb = {
  summary: 'check scenario files and list every error and warning',
  usage: 'validate FILE… [--lang nl|en]',
  run(args, io) {
    const { positional } = parseArgs(args, ['lang']);
    if (positional.length === 0) {
      io.err(`usage: scenario ${this.usage}`);
      return EXIT.usage;
    }
    let allOk = true;
    for (const file of positional) allOk = validateFile(file, io) && allOk;
    return allOk ? EXIT.ok : EXIT.problems;
  },
};
