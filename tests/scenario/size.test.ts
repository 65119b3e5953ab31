/**
 * Any size, any shape (issue 26): the files a trainer makes by accident or a stranger on purpose
 * are refused with a located error, in time linear in the file, and never as "failed
 * unexpectedly". Each input is generated here; the tests bound the result (codes, positions,
 * how many problems), and the timeouts are only safety nets.
 */
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io';
import { runCli } from '../../src/cli/main';
import { MAX_LISTED, type Problem } from '../../src/scenario';
import { MAX_ALIAS_NODES, MAX_KEYS } from '../../src/scenario/source';
import { BASE, errorsOf, expectProblem, load } from './helpers';

const SAFETY = 60_000;

function noInternal(problems: Problem[]): void {
  expect(problems.filter((p) => p.code === 'internal').map((p) => p.message)).toEqual([]);
}

/** 1,500 cards of ~2 kB each, aliased by 99 more decks: 3 MB of text, millions of nodes. */
function aliasBomb(): string {
  const text = 'x'.repeat(1900);
  const cards: string[] = [];
  for (let i = 0; i < 1500; i++)
    cards.push(
      `      - { id: c${i}, kind: request, title: T, text: "${text}", options: [ { id: a, label: A }, { id: b, label: B } ] }`,
    );
  const decks = ['  - id: d0', '    name: D', '    cards: &cards', ...cards];
  for (let i = 1; i < 100; i++) decks.push(`  - { id: d${i}, name: D, cards: *cards }`);
  return BASE.replace(/decks:\n[\s\S]*?\nendings:/, () => `decks:\n${decks.join('\n')}\nendings:`);
}

function cliIo(files: Record<string, string>) {
  const out: string[] = [];
  const io: CliIo = {
    out: (t) => out.push(t),
    err: (t) => out.push(t),
    readFile: (path) => new TextEncoder().encode(files[path] ?? ''),
    writeFile: () => {},
    isDirectory: () => false,
  };
  return { io, out };
}

describe('files of any size and shape', () => {
  it(
    'refuses 101,010 fields in one map at the first one over the limit',
    () => {
      const lines = Array.from({ length: 101_010 }, (_, i) => `k${i}: 1`);
      const r = load(`${lines.join('\n')}\n`);
      const errors = errorsOf(r);
      noInternal(errors);
      expectProblem(r, 'too-many-keys', { line: MAX_KEYS + 1, col: 1 });
      expect(errors.length).toBe(1);
      expect(errors[0]!.message).toContain('101010');
    },
    SAFETY,
  );

  it(
    'finds every duplicate field in a large map, and lists the first ones with "and M more"',
    () => {
      // 3,000 fields, each written twice: the walk finds the 3,000 duplicates with a Set.
      const lines: string[] = [];
      for (let i = 0; i < 3000; i++) lines.push(`k${i}: 1`);
      for (let i = 0; i < 3000; i++) lines.push(`k${i}: 2`);
      const r = load(`${lines.join('\n')}\n`);
      const errors = errorsOf(r);
      noInternal(errors);
      expect(errors.length).toBe(MAX_LISTED + 1);
      expectProblem(r, 'duplicate-key', { line: 3001, col: 1 });
      const more = errors[MAX_LISTED]!;
      expect(more.code).toBe('more-errors');
      expect(more.message).toBe('and 2900 more errors: fix the ones above first');
      expect(more.line).toBe(3001 + MAX_LISTED);
    },
    SAFETY,
  );

  it(
    'refuses 130,000 closing braces with a located syntax error, not a stack overflow',
    () => {
      const r = load('}'.repeat(130_000));
      const errors = errorsOf(r);
      noInternal(errors);
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.length).toBeLessThanOrEqual(MAX_LISTED + 1);
      expect(errors[0]).toMatchObject({ code: 'yaml-syntax', line: 1, col: 1 });
    },
    SAFETY,
  );

  it(
    'refuses a 3 MB file aliasing a 1,500-card list 99 times, at the alias that runs over the budget of expanded values',
    () => {
      const text = aliasBomb();
      expect(text.length).toBeGreaterThan(3_000_000);
      const r = load(text);
      const errors = errorsOf(r);
      noInternal(errors);
      // One expansion (1,500 cards of 13 values) fits the budget; the second runs it over.
      const second = text.indexOf('*cards', text.indexOf('*cards') + 1);
      const before = text.slice(0, second).split('\n');
      expectProblem(r, 'alias-nodes', { line: before.length, col: before.at(-1)!.length + 1 });
      expect(errors.length).toBe(1);
      expect(errors[0]!.message).toContain(String(MAX_ALIAS_NODES));
    },
    SAFETY,
  );

  it(
    'validate prints at most the listed problems with their carets, and the true total',
    async () => {
      const lines: string[] = [];
      for (let i = 0; i < MAX_KEYS / 2; i++) lines.push(`k${i}: 1`);
      for (let i = 0; i < MAX_KEYS / 2; i++) lines.push(`k${i}: 2`);
      const { io, out } = cliIo({ 'keys.yaml': `${lines.join('\n')}\n` });
      await runCli(['validate', '--lang', 'nl', 'keys.yaml'], io);
      // One line per problem and two caret lines each, plus the summary.
      expect(out.length).toBe((MAX_LISTED + 1) * 3 + 1);
      expect(out.at(-4)).toBe('keys.yaml:5101:1 en nog 4900 fouten: los eerst de fouten hierboven op');
      expect(out.at(-1)).toBe('keys.yaml: 5000 fouten, 0 waarschuwingen');
      expect(out.join('\n')).not.toContain('onverwacht');
    },
    SAFETY,
  );
});

describe('upper bounds on what a trainer types', () => {
  const cases: [string, [string, string], string, string][] = [
    ['rounds.count', ['count: 2,', 'count: 12000,'], '12000', 'at most 100'],
    ['rounds.count 10¹²', ['count: 2,', 'count: 1000000000000,'], '1000000000000', 'at most 100'],
    [
      'a start balance',
      ['start: 1000 }', 'start: 10000000000000 }'],
      '10000000000000',
      'at most 1000000000000',
    ],
    [
      'a money effect',
      ['add: -100 }', 'add: -10000000000000 }'],
      '-10000000000000',
      'at least -1000000000000',
    ],
    ['a meter', ['max: 10,', 'max: 10000000000,'], '10000000000', 'at most 1000000000'],
  ];
  for (const [what, edit, value, words] of cases) {
    it(`refuses ${what} past its limit, at the value`, () => {
      const text = BASE.replace(edit[0], edit[1]);
      expect(text).not.toBe(BASE);
      const r = load(text);
      const at = text.indexOf(value);
      const before = text.slice(0, at).split('\n');
      const code = value.startsWith('-') ? 'too-small' : 'too-big';
      const p = expectProblem(r, code, { line: before.length, col: before.at(-1)!.length + 1 });
      expect(p.message).toContain(words);
    });
  }
});

describe('positions and lengths of the answers', () => {
  it('points "nested more than 64 levels" at the 65th bracket, however many follow', () => {
    for (const n of [70, 1000, 5000]) {
      const text = `a: ${'['.repeat(n)}${']'.repeat(n)}\n`;
      const r = load(text);
      expectProblem(r, 'too-deep', { line: 1, col: 4 + 64 });
    }
    const maps = `a: ${'{b: '.repeat(3000)}1${'}'.repeat(3000)}\n`;
    expectProblem(load(maps), 'too-deep', { line: 1, col: 4 + 64 * 4 });
    // An anchor before the value does not hide the brackets after it.
    const anchored = `a: &x ${'['.repeat(3000)}${']'.repeat(3000)}\n`;
    expectProblem(load(anchored), 'too-deep', { line: 1, col: 7 + 64 });
  });

  it('keeps brackets in quotes and plain text out of the count', () => {
    const text = BASE.replace('summary: S', `summary: "${'['.repeat(100)}"\naudience: a ${'['.repeat(100)}`);
    expect(errorsOf(load(text)).filter((p) => p.code === 'too-deep')).toEqual([]);
  });

  it(
    'answers a 2.4 MB id with a short message and no "did you mean" search',
    () => {
      const big = `x${'a'.repeat(2_400_000)}`;
      const text = BASE.replace('{ id: wmo, name: Wmo', `{ id: ${big}, name: Wmo`).replace(
        'resource: wmo, add',
        `resource: ${big.slice(0, -1)}b, add`,
      );
      const errors = errorsOf(load(text));
      noInternal(errors);
      expect(errors.length).toBeGreaterThan(0);
      for (const p of errors) expect(p.message.length).toBeLessThan(2000);
    },
    SAFETY,
  );
});
