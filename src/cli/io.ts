/**
 * The CLI's contract with the outside world, so verbs can be tested without a terminal: every
 * verb gets its arguments and a `CliIo`, writes through it, and returns an exit code.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';

export interface CliIo {
  /** One line (or block) of normal output, without its trailing newline. */
  out(text: string): void;
  /** One line of error output. */
  err(text: string): void;
  /** The file's bytes; throws a Node error (code ENOENT, EISDIR, …) when it cannot be read. */
  readFile(path: string): Uint8Array;
  writeFile(path: string, text: string): void;
  isDirectory(path: string): boolean;
}

/** Exit codes: 0 all well, 1 a file has errors (or a check failed), 2 the command was wrong. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export interface Verb {
  /** One line for `help`. */
  summary: string;
  usage: string;
  run(args: string[], io: CliIo): Promise<number> | number;
}

export function nodeIo(): CliIo {
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    readFile: (path) => readFileSync(path),
    writeFile: (path, text) => writeFileSync(path, text),
    isDirectory: (path) => {
      try {
        return statSync(path).isDirectory();
      } catch {
        return false;
      }
    },
  };
}

/** Split `--flag`, `--key value` / `--key=value` options from positional arguments. */
export function parseArgs(
  args: string[],
  valued: readonly string[] = [],
): { positional: string[]; flags: Map<string, string | true> } {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      if (inline !== undefined) flags.set(name, inline);
      else if (valued.includes(name) && args[i + 1] !== undefined) flags.set(name, args[++i]!);
      else flags.set(name, true);
    } else positional.push(a);
  }
  return { positional, flags };
}
