/**
 * `npm run scenario -- VERB …`: the scenario command line. Each verb is one entry in `verbs`;
 * to add one, write `src/cli/<verb>.ts` exporting a `Verb` and add it to the table below.
 * Never a stack trace: anything unexpected is reported in one line with exit code 1.
 */
import { pathToFileURL } from 'node:url';
import { printable } from '../scenario/text';
import { type CliIo, EXIT, nodeIo, type Verb } from './io';
import { newVerb } from './new';
import { schemaVerb } from './schema-cmd';
import { simulateVerb } from './simulate';
import { validateVerb } from './validate';

export { type CliIo, EXIT, type ExitCode, nodeIo, parseArgs, type Verb } from './io';

export const verbs: Record<string, Verb> = {
  validate: validateVerb,
  schema: schemaVerb,
  new: newVerb,
  simulate: simulateVerb,
};

function help(io: CliIo): void {
  io.out('usage: npm run scenario -- VERB [ARGS…]');
  for (const verb of Object.values(verbs)) io.out(`  ${verb.usage.padEnd(40)} ${verb.summary}`);
}

/**
 * Everything a verb prints with control characters escaped (`\u001b`): a title or a file name
 * with an escape sequence or a direction override is shown, never obeyed by the terminal.
 */
function terminalSafe(io: CliIo): CliIo {
  return { ...io, out: (text) => io.out(printable(text)), err: (text) => io.err(printable(text)) };
}

export async function runCli(argv: string[], rawIo: CliIo = nodeIo()): Promise<number> {
  const io = terminalSafe(rawIo);
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    help(io);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const verb = Object.hasOwn(verbs, name) ? verbs[name] : undefined;
  if (!verb) {
    io.err(`unknown command "${name}"`);
    help(io);
    return EXIT.usage;
  }
  try {
    return await verb.run(args, io);
  } catch (e) {
    io.err(`scenario ${name}: ${e instanceof Error ? e.message : String(e)}`);
    return EXIT.problems;
  }
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  // The yaml library reads process.env once per token; the real process.env is a slow C++
  // proxy, a plain copy makes validating large files about 40% faster (nothing here spawns).
  process.env = { ...process.env };
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
