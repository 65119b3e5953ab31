/**
 * A seeded fuzz of the loader and the core (issue 26): mutants of the shipped scenarios go
 * through `loadScenario`; the accepted ones are played a few games each and replayed. What must
 * hold for every input: every problem is located and none is `internal`, no input takes longer
 * than a budget, nothing reaches Object.prototype, the core never throws on a valid scenario,
 * and a replay of a played game gives the same state. `npm test` runs a few thousand
 * (fuzz.test.ts); `npm run fuzz -- --count 100000` the long run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { legalActions } from '../../src/engine/legal';
import { newRecord, replay } from '../../src/engine/record';
import { createRandom, type Random } from '../../src/engine/rng';
import { newGame } from '../../src/engine/setup';
import { randomStrategy } from '../../src/engine/simulate';
import { step } from '../../src/engine/step';
import type { Action } from '../../src/engine/types';
import { loadScenario, type Scenario } from '../../src/scenario';

export interface FuzzOptions {
  count: number;
  seed: string;
  /** Games played per accepted mutant. */
  games: number;
  /** The most one input may take to load (ms); more is a failure. A safety net, not a race. */
  budgetMs: number;
  /** Called every `every` inputs with the counts so far. */
  progress?: (counts: FuzzCounts) => void;
  every?: number;
}

export interface FuzzCounts {
  inputs: number;
  accepted: number;
  refused: number;
  games: number;
  replays: number;
  /** Each failure: what broke and the input's mutation recipe, to reproduce it. */
  failures: string[];
  ms: number;
}

const ROOT = join(import.meta.dirname, '..', '..', 'scenarios');

/** The shipped scenarios, the small ones weighted up so that a run sees many inputs. */
export function seeds(): { file: string; text: string; weight: number }[] {
  return readdirSync(ROOT)
    .filter((f) => f.endsWith('.yaml'))
    .map((file) => {
      const text = readFileSync(join(ROOT, file), 'utf8');
      return { file, text, weight: text.length < 20_000 ? 8 : 1 };
    });
}

const JUNK = [
  '[',
  ']',
  '{',
  '}',
  ':',
  '- ',
  '&a ',
  '*a',
  '!!binary ',
  '"',
  "'",
  '#',
  '\t',
  '__proto__: 1',
  '\u202e',
  '\u001b',
];
const NUMBERS = [
  '-1',
  '0',
  '1e400',
  '.nan',
  '99999999999999999999',
  '12000',
  '0.5',
  '-0',
  '30.000',
  '30_000',
  '1e12',
];

/** One mutation of `text`, chosen by `r`; its name goes into a failure's recipe. */
function mutate(text: string, r: Random): [string, string] {
  const lines = text.split('\n');
  const i = r.int(lines.length);
  const j = r.int(lines.length);
  switch (r.int(9)) {
    case 0:
      lines.splice(i, 1);
      return [lines.join('\n'), `delete line ${i + 1}`];
    case 1:
      lines.splice(i, 0, lines[j] ?? '');
      return [lines.join('\n'), `copy line ${j + 1} before ${i + 1}`];
    case 2:
      [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
      return [lines.join('\n'), `swap lines ${i + 1} and ${j + 1}`];
    case 3: {
      const n = NUMBERS[r.int(NUMBERS.length)]!;
      lines[i] = (lines[i] ?? '').replace(/-?\d+(\.\d+)?/, n);
      return [lines.join('\n'), `number on line ${i + 1} → ${n}`];
    }
    case 4: {
      const line = lines[i] ?? '';
      const at = r.int(line.length + 1);
      const junk = JUNK[r.int(JUNK.length)]!;
      lines[i] = line.slice(0, at) + junk + line.slice(at);
      return [lines.join('\n'), `insert ${JSON.stringify(junk)} at ${i + 1}:${at + 1}`];
    }
    case 5:
      lines[i] = ` ${lines[i] ?? ''}`;
      return [lines.join('\n'), `indent line ${i + 1}`];
    case 6: {
      const at = r.int(text.length);
      return [text.slice(0, at), `cut at ${at}`];
    }
    case 7: {
      // One id replaced by another of the file: dangling and duplicate references.
      const ids = [...text.matchAll(/id: ([a-z][a-z0-9-]*)/g)].map((m) => m[1]!);
      if (ids.length < 2) return [text, 'nothing'];
      const from = ids[r.int(ids.length)]!;
      const to = ids[r.int(ids.length)]!;
      return [text.replace(from, to), `id ${from} → ${to}`];
    }
    default:
      lines[i] = (lines[i] ?? '').replace(/: (\S)/, ': [$1');
      return [lines.join('\n'), `open a bracket on line ${i + 1}`];
  }
}

/** Plays one game with the random strategy and replays its record; a message when they differ. */
function playAndReplay(scenario: Scenario, seed: string): string | null {
  const players = Array.from({ length: scenario.players.min }, (_, i) => ({ name: `P${i + 1}` }));
  const strategy = randomStrategy(createRandom(`${seed}/strategy`));
  let state = newGame(scenario, { seed, players });
  const actions: Action[] = [];
  for (let n = 0; state.pending.kind !== 'ended'; n++) {
    if (n > 20_000) return 'no ending after 20,000 actions';
    const legal = legalActions(scenario, state);
    if (legal.length === 0) return `dead end while ${state.pending.kind}`;
    const action = strategy.pick(state, legal);
    actions.push(action);
    state = step(scenario, state, action);
  }
  const again = replay(scenario, newRecord(scenario, 'fuzz', seed, players, actions));
  return JSON.stringify(again) === JSON.stringify(state) ? null : 'replay differs from the game';
}

export function fuzz(options: FuzzOptions): FuzzCounts {
  const started = performance.now();
  const r = createRandom(options.seed, 'fuzz');
  const pool = seeds().flatMap((s) => Array.from({ length: s.weight }, () => s));
  const counts: FuzzCounts = {
    inputs: 0,
    accepted: 0,
    refused: 0,
    games: 0,
    replays: 0,
    failures: [],
    ms: 0,
  };
  const protoKeys = Object.getOwnPropertyNames(Object.prototype).length;
  for (let k = 0; k < options.count; k++) {
    const base = pool[r.int(pool.length)]!;
    let text = base.text;
    const recipe: string[] = [base.file];
    for (let m = 1 + r.int(3); m > 0; m--) {
      const [next, what] = mutate(text, r);
      text = next;
      recipe.push(what);
    }
    const fail = (what: string) => counts.failures.push(`${what} — input ${k}: ${recipe.join('; ')}`);
    const t = performance.now();
    const result = loadScenario(text, base.file);
    const took = performance.now() - t;
    counts.inputs++;
    if (took > options.budgetMs) fail(`loading took ${Math.round(took)} ms`);
    if (
      Object.getOwnPropertyNames(Object.prototype).length !== protoKeys ||
      ({} as { x?: unknown }).x !== undefined
    )
      fail('Object.prototype changed');
    if (!result.ok) {
      counts.refused++;
      for (const p of result.errors) {
        if (p.code === 'internal') fail(`internal error: ${p.message}`);
        if (!(p.line >= 1 && p.col >= 1)) fail(`unlocated ${p.code}`);
      }
    } else {
      counts.accepted++;
      for (let g = 0; g < options.games; g++) {
        try {
          const problem = playAndReplay(result.scenario, `${options.seed}/${k}/${g}`);
          counts.games++;
          counts.replays++;
          if (problem) fail(problem);
        } catch (e) {
          fail(`the core threw: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
    }
    if (options.progress && (k + 1) % (options.every ?? 1000) === 0) {
      counts.ms = performance.now() - started;
      options.progress(counts);
    }
  }
  counts.ms = performance.now() - started;
  return counts;
}
