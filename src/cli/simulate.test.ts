import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulate } from '../engine/simulate';
import { loadScenario } from '../scenario/index';
import type { CliIo } from './io';
import { parseSimulateArgs, simulateVerb } from './simulate';

const demo = join(import.meta.dirname, '..', '..', 'scenarios', 'demo-deck.yaml');

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const files = new Map<string, string>();
  const io: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readFile: (p) => readFileSync(p),
    writeFile: (p, t) => files.set(p, t),
    isDirectory: () => false,
  };
  const code = simulateVerb.run(args, io) as number;
  return { code, out: out.join('\n'), err: err.join('\n'), files };
}

describe('simulate verb', () => {
  it('accepts the new strategies and refuses unknown ones, naming the known', () => {
    expect(parseSimulateArgs(['f.yaml', '--strategy', 'cheapest'])).toMatchObject({ strategy: 'cheapest' });
    expect(parseSimulateArgs(['f.yaml', '--strategy', 'best-welzijn'])).toMatchObject({
      strategy: 'best-welzijn',
    });
    expect(parseSimulateArgs(['f.yaml', '--strategy', 'greedy'])).toMatch(/unknown strategy "greedy"/);
    expect(parseSimulateArgs(['f.yaml', '--report'])).toMatch(/--report takes a file name/);
    const r = run([demo, '--games', '5', '--strategy', 'best-nope', '--json']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('known: random, cheapest, best-tevredenheid');
  });

  it('--json prints exactly the simulator report of the chosen strategy', () => {
    const r = run([demo, '--games', '40', '--seed', 'j', '--strategy', 'best-tevredenheid', '--json']);
    expect(r.code).toBe(0);
    const loaded = loadScenario(readFileSync(demo), demo);
    if (!loaded.ok) throw new Error('demo does not load');
    const expected = simulate(loaded.scenario, { games: 40, seed: 'j', strategy: 'best-tevredenheid' });
    const shown = JSON.parse(r.out);
    expect({ ...shown, seconds: 0, gamesPerSecond: 0 }).toEqual({
      ...expected,
      seconds: 0,
      gamesPerSecond: 0,
    });
  });

  it('the text report ends with the balance analysis; --report writes the HTML file', () => {
    const r = run([demo, '--games', '40', '--seed', 't', '--report', 'out.html', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Balance analysis');
    expect(r.out).toMatch(/best-tevredenheid: most often "tevreden"/);
    expect(r.out).toContain('HTML report written to out.html');
    const page = r.files.get('out.html') ?? '';
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('Endings per strategy');
  });

  it('writes the HTML report in Dutch without --lang', () => {
    const r = run([demo, '--games', '20', '--seed', 't', '--report', 'nl.html']);
    const page = r.files.get('nl.html') ?? '';
    expect(page).toContain('<html lang="nl">');
    expect(page).toContain('Belangrijkste bevindingen');
  });

  it('with --json and --report, prints the JSON and writes the report', () => {
    const r = run([demo, '--games', '20', '--json', '--report', 'r.html']);
    expect(Object.keys(JSON.parse(r.out))).toContain('deficitGames');
    expect(r.files.has('r.html')).toBe(true);
  });
});
