/**
 * The fast YAML reader against the `yaml` library: whenever the fast reader answers, its data,
 * key order and every source position must be exactly what the `yaml` walk gives, and `yaml`
 * must find no problem at all. Checked on every YAML file in the repository, on hand-picked
 * constructs, on documents `yaml` itself writes from random data, and on thousands of randomly
 * damaged files.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { generateScenario } from '../../bench/loader';
import { loadScenario } from '../../src/scenario';
import { resolvePlain } from '../../src/scenario/fast-yaml-scalars';
import { type ParsedTree, parseTree } from '../../src/scenario/source';
import { BASE, BOARD } from './helpers';

const ROOT = join(import.meta.dirname, '..', '..');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return name.endsWith('.yaml') || name.endsWith('.yml') ? [path] : [];
  });
}

type Path = (string | number)[];

function paths(v: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(v)) for (let i = 0; i < v.length; i++) paths(v[i], [...at, i], out);
  else if (v && typeof v === 'object')
    for (const k of Object.keys(v)) paths((v as Record<string, unknown>)[k], [...at, k], out);
  return out;
}

/** Deep equality that sees key order, `-0` and an own `__proto__` key. */
function sameData(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return Object.is(a, b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
  return ka.every((k) => sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * The property: the fast answer, when there is one, is the `yaml` answer. Returns whether the
 * fast reader answered, so tests can also insist that it does.
 */
function agree(text: string): boolean {
  const slow: ParsedTree = parseTree(text, 'f.yaml', { fast: false });
  const fast: ParsedTree = parseTree(text, 'f.yaml');
  if (fast.reader !== 'fast' || !fast.tree) {
    // No fast answer: parseTree fell back to `yaml`, so the answer is the same one.
    expect(fast.reader).toBe(slow.reader);
    expect(fast.errors).toEqual(slow.errors);
    expect(fast.warnings).toEqual(slow.warnings);
    expect(sameData(fast.tree?.data, slow.tree?.data)).toBe(true);
    return false;
  }
  expect(fast.errors).toEqual([]);
  expect(fast.warnings).toEqual([]);
  expect(slow.errors.map((e) => e.message)).toEqual([]);
  expect(slow.warnings).toEqual([]);
  const a = fast.tree.data;
  const b = slow.tree?.data;
  if (!sameData(a, b)) expect(a).toEqual(b);
  expect(sameData(a, b)).toBe(true);
  for (const path of paths(b)) {
    expect(fast.tree.positions.locate(path), `position of ${path.join('.')}`).toEqual(
      slow.tree?.positions.locate(path),
    );
    expect(fast.tree.positions.locate(path, true), `key of ${path.join('.')}`).toEqual(
      slow.tree?.positions.locate(path, true),
    );
  }
  return true;
}

const FILES = [
  ...yamlFiles(join(ROOT, 'scenarios')),
  ...yamlFiles(join(ROOT, 'docs')),
  ...yamlFiles(join(ROOT, 'tests')),
];

describe('fast YAML reader: every YAML file in the repository', () => {
  it.each(FILES.map((f) => [f.slice(ROOT.length + 1), f]))('%s reads the same as with yaml', (_, file) => {
    agree(readFileSync(file, 'utf8'));
  });

  it('takes the fast path for every shipped scenario, docs example and generated bench scenario', () => {
    const valid = FILES.filter((f) => !f.includes('broken') && !f.includes(`${join('tests', 'scenario')}`));
    const shipped = valid.filter(
      (f) => f.includes(join(ROOT, 'scenarios')) || f.includes(join(ROOT, 'docs')),
    );
    expect(shipped.length).toBeGreaterThan(10);
    for (const file of shipped) expect(agree(readFileSync(file, 'utf8')), file).toBe(true);
    for (const n of [1, 10, 100]) expect(agree(generateScenario(n))).toBe(true);
    expect(agree(BASE)).toBe(true);
    expect(agree(BOARD)).toBe(true);
  });
});

describe('fast YAML reader: problems in a file it reads', () => {
  it('are located where they are written, line and column', () => {
    // A typo in card 90 of 100: the meter `welzijn` spelt `welzjin`.
    const clean = generateScenario(100);
    const at = clean.indexOf('meter: welzijn', clean.indexOf('id: kaart-90'));
    const text = `${clean.slice(0, at)}meter: welzjin${clean.slice(at + 'meter: welzijn'.length)}`;
    expect(parseTree(text, 'f.yaml').reader).toBe('fast');
    const result = loadScenario(text, 'big.yaml');
    expect(result.ok).toBe(false);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('welzjin')) + 1;
    const col = (lines[line - 1] ?? '').indexOf('welzjin') + 1;
    expect(line).toBeGreaterThan(1000);
    const errors = result.ok ? [] : result.errors;
    expect(errors.map((e) => [e.line, e.col])).toEqual([[line, col]]);
    expect(errors[0]?.message).toContain('welzijn');
  });
});

describe('fast YAML reader: constructs', () => {
  const fastCases: [string, string][] = [
    ['nested block maps and lists', 'a:\n  b:\n    - x\n    - y: 1\n      z: [1, 2]\nc: 3\n'],
    ['a list at the same indentation as its key', 'a:\n- 1\n- 2\nb: x\n'],
    ['empty values', 'a:\nb:   # comment\nc:\n  -\n  - \n  - x\nd:'],
    ['comments everywhere', '# top\na: 1 # after\n# between\n  # indented\nb:\n# before child\n  c: 2\n'],
    [
      'quoted texts with escapes',
      'a: "x \\"y\\" \\\\ \\n \\t \\u00e9 \\/"\nb: \'it\'\'s\'\nc: ""\nd: \'\'\n',
    ],
    ['quoted keys', '"a b": 1\n\'c\': 2\n"": 3\n'],
    [
      'core schema scalars',
      'a: [~, null, Null, NULL, true, True, FALSE, 0o17, -12, +3, 0x1F, 1.5, .5, 1e3, -2.5E-2, 1_000, 0b1]\n',
    ],
    ['keys that resolve to numbers and booleans', '1: a\n1.50: b\ntrue: c\n~: d\n0x10: e\n'],
    [
      'plain texts with colons, hashes and brackets',
      'a: http://x.nl/a#b\nb: 10:30\nc: a, b [c] {d}\nd: x#y\n',
    ],
    ['flow collections', 'a: { b: 1, c: [ x, "y", { d: e } ], f: {} , g: [] }\nb: []\n'],
    [
      'literal and folded blocks',
      'a: |\n  one\n  two\n\n  four\nb: >\n  one\n  two\n\n  three\nc: |-\n  x\n    y\nd: >-\n  z\ne: 1\n',
    ],
    ['a block in a list', 'a:\n  - |\n    text\n  - x\n'],
    [
      '__proto__ and constructor are own keys',
      '__proto__: { polluted: 1 }\nconstructor: x\nprototype: [1]\n',
    ],
    ['a compact map with deeper indentation', 'a:\n  -   b: 1\n      c: 2\n  -   d: 3\n'],
    ['trailing spaces and no final newline', 'a: x   \nb: "y"  \nc: { d: 1 }   '],
    ['a document start line', '---\na: 1\n'],
    ['a document start after comments', '# yaml-language-server: $schema=x.json\n\n---   # start\na: 1\n'],
    ['Windows line ends', 'a: 1\r\nb:\r\n  - |\r\n    x\r\n\r\n    y\r\n  -\r\nc: { d: "e" } # f\r\n'],
    ['non-ASCII text', 'titel: Wmo-budget 2015 — “één” € 3,1 mln\n'],
  ];
  it.each(fastCases)('%s: fast and the same as yaml', (_, text) => {
    expect(agree(text)).toBe(true);
  });

  const slowCases: [string, string][] = [
    ['anchors and aliases', 'a: &x 1\nb: *x\n'],
    ['tags', 'a: !!str 1\n'],
    ['a second document', '---\na: 1\n---\nb: 2\n'],
    ['a document end marker', 'a: 1\n...\n'],
    ['text after the document start', '--- a: 1\n'],
    ['tabs', 'a:\t1\n'],
    ['a lone carriage return', 'a: 1\rb: 2\n'],
    ['a multi-line plain text', 'a: one\n  two\n'],
    ['a multi-line quoted text', 'a: "one\n  two"\n'],
    ['a multi-line flow list', 'a: [1,\n  2]\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['an infinite number', 'a: .inf\n'],
    ['a huge number', 'a: 123456789012345678901234567890\n'],
    ['a list at the root', '- a\n'],
    ['a text at the root', 'hello\n'],
    ['bad indentation', 'a:\n  b: 1\n c: 2\n'],
    ['a nested compact mapping', 'a: b: c\n'],
    ['an unclosed flow map', 'a: { b: 1\n'],
    ['an explicit key', '? a\n: 1\n'],
    ['a keep-chomping block', 'a: |+\n  x\n\n'],
    ['a block with an indentation indicator', 'a: |2\n   x\n'],
  ];
  it.each(slowCases)('%s: left to yaml, with the same answer', (_, text) => {
    expect(agree(text)).toBe(false);
  });

  it('resolves plain scalars like the YAML 1.2 core schema', () => {
    expect(resolvePlain('wmo')).toBe('wmo');
    expect(resolvePlain('Null')).toBeNull();
    expect(resolvePlain('0o10')).toBe(8);
    expect(resolvePlain('0x10')).toBe(16);
    expect(resolvePlain('-0.5')).toBe(-0.5);
    expect(resolvePlain('1e2')).toBe(100);
    expect(resolvePlain('.NaN')).toBeNaN();
    expect(resolvePlain('-.inf')).toBe(Number.NEGATIVE_INFINITY);
    expect(resolvePlain('1.2.3')).toBe('1.2.3');
    expect(resolvePlain('yes')).toBe('yes');
  });
});

/** Pieces of YAML syntax to damage files with. */
const SNIPPETS = [
  ' ',
  '  ',
  '\n',
  '\n  ',
  '- ',
  '-',
  ': ',
  ':',
  '#',
  ' #',
  '"',
  "'",
  "''",
  '{',
  '}',
  '[',
  ']',
  ', ',
  ',',
  '|',
  '>',
  '|-',
  '>-',
  '|+',
  '&a ',
  '*a',
  '!',
  '? ',
  '\\',
  '\\n',
  '\\u00e9',
  '\\x',
  'x',
  '1',
  '0x1F',
  '.5',
  '~',
  'null',
  'true',
  '\t',
  '\r\n',
  '---\n',
  '...',
  '%',
  '@',
  '`',
  '__proto__',
  'é',
  '1e999',
  'a: b',
];

function damage(text: string, edits: { at: number; cut: number; insert: number }[]): string {
  let t = text;
  for (const e of edits) {
    const at = e.at % (t.length + 1);
    t = t.slice(0, at) + SNIPPETS[e.insert % SNIPPETS.length] + t.slice(at + (e.cut % 4));
  }
  return t;
}

/** Random data for `yaml` to write: maps of up to `width` keys (names a scenario uses, and any). */
function randomData(scalar: fc.Arbitrary<unknown>, width: number) {
  const key = fc.oneof(
    fc.string({ minLength: 1, maxLength: 8 }),
    fc.constantFrom('id', 'nl', 'en', 'a b', '1', 'true', 'x-y'),
  );
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      scalar,
      fc.array(tie('value'), { maxLength: width }),
      fc.dictionary(key, tie('value'), { maxKeys: width }),
    ),
  }));
  return fc.dictionary(key, value, { minKeys: 1, maxKeys: width + 1 });
}

describe('fast YAML reader: random documents', () => {
  const seeds = [
    BASE,
    BOARD,
    readFileSync(join(ROOT, 'docs', 'examples', 'tutorial-1.yaml'), 'utf8'),
    readFileSync(join(ROOT, 'scenarios', 'demo-deck.yaml'), 'utf8'),
    'a: |\n  one\n\n  two\nb: >-\n  x\n  y\nc:\n  - { d: "e\\n", f: \'g\' }\n  -\n    h: [1, 2.5, ~]\n',
  ];

  it('damaged Windows files: a fast answer is always the yaml answer', () => {
    const edit = fc.record({ at: fc.nat(), cut: fc.nat(), insert: fc.nat() });
    fc.assert(
      fc.property(
        fc.constantFrom(...seeds),
        fc.array(edit, { minLength: 0, maxLength: 2 }),
        (seed, edits) => {
          agree(damage(seed.replace(/\n/g, '\r\n'), edits));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('damaged files: a fast answer is always the yaml answer', () => {
    const edit = fc.record({ at: fc.nat(), cut: fc.nat(), insert: fc.nat() });
    fc.assert(
      fc.property(
        fc.constantFrom(...seeds),
        fc.array(edit, { minLength: 1, maxLength: 3 }),
        (seed, edits) => {
          agree(damage(seed, edits));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('written documents with comments, blank lines, spacing and Windows line ends added: the same', () => {
    const root = randomData(
      fc.oneof(
        fc.string({ maxLength: 12 }),
        fc.integer({ min: -1000, max: 1000 }),
        fc.boolean(),
        fc.constant(null),
        fc.constantFrom('a\nb', 'a\n\nb\n', 'line\n', ' lead', 'trail ', 'x: y', '#x', "it's", 'é €'),
      ),
      3,
    );
    const styles = [
      {},
      { indent: 4 },
      { indentSeq: false },
      { blockQuote: 'folded' },
      { blockQuote: 'literal' },
    ] as const;
    const kinds = ['comment', 'indented comment', 'trailing comment', 'blank', 'spaces'] as const;
    const edit = fc.record({ line: fc.nat(), kind: fc.constantFrom(...kinds) });
    let answered = 0;
    fc.assert(
      fc.property(
        root,
        fc.constantFrom(...styles),
        fc.array(edit, { maxLength: 4 }),
        fc.boolean(),
        (data, style, edits, crlf) => {
          const lines = stringify(data, style).split('\n');
          for (const e of edits) {
            const i = e.line % lines.length;
            if (e.kind === 'comment') lines.splice(i, 0, '# note');
            else if (e.kind === 'indented comment') lines.splice(i, 0, '     # note');
            else if (e.kind === 'blank') lines.splice(i, 0, '');
            else if (e.kind === 'trailing comment') lines[i] = `${lines[i]} # t`;
            else lines[i] = (lines[i] ?? '').replace(': ', ':   ');
          }
          const text = lines.join(crlf ? '\r\n' : '\n');
          if (agree(text)) answered++;
        },
      ),
      { numRuns: 600 },
    );
    // Run at 20,000 cases while writing the reader: about four in five take the fast path.
    expect(answered).toBeGreaterThan(300);
  });

  it('documents yaml writes from random data: read fast and the same', () => {
    const root = randomData(
      fc.oneof(
        fc.string({ maxLength: 20 }),
        fc.integer(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.boolean(),
        fc.constant(null),
        fc.constantFrom('x: y', '- a', '#x', 'a #b', "it's", '"q"', '0x10', '1e3', '~', 'é €'),
      ),
      4,
    );
    let answered = 0;
    let readable = 0;
    const styles = [
      {},
      { lineWidth: 0 },
      { collectionStyle: 'flow', lineWidth: 0 },
      { defaultStringType: 'QUOTE_DOUBLE', lineWidth: 0 },
      { defaultStringType: 'QUOTE_SINGLE', defaultKeyType: 'PLAIN', lineWidth: 0 },
      { indentSeq: false, lineWidth: 0 },
    ] as const;
    fc.assert(
      fc.property(root, fc.constantFrom(...styles), (data, style) => {
        // A flow map at the root is no scenario: flow styles are written as the value of a key.
        const written = stringify(data, style);
        const text = 'collectionStyle' in style ? `root: ${written}` : written;
        const fast = agree(text);
        // Huge numbers are refused by the walk: only count what the loader accepts.
        if (parseTree(text, 'f.yaml', { fast: false }).errors.length === 0) {
          readable++;
          if (fast) answered++;
        }
      }),
      { numRuns: 500 },
    );
    // Nearly all of what yaml writes is the plain subset: the fast reader must not give up on it.
    expect(answered / readable).toBeGreaterThan(0.9);
  });
});
