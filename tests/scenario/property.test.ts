/**
 * Property-based tests: mutate valid scenarios (delete a key, duplicate an entry, retype a
 * value, rename a key, truncate the text, insert stray bytes) and check that the loader only
 * ever answers with a valid scenario or located problems: never an exception, never a hang.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { type LoadResult, loadScenario, MESSAGE_CODES } from '../../src/scenario';
import { BASE, BOARD } from './helpers';

const ROOT = join(import.meta.dirname, '..', '..');
const SOURCES = [BASE, BOARD, readFileSync(join(ROOT, 'scenarios', 'demo.yaml'), 'utf8')];
const DATA = SOURCES.map((s) => parse(s) as unknown);

type Path = (string | number)[];

function paths(v: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(v)) {
    v.forEach((x, i) => {
      paths(x, [...at, i], out);
    });
  } else if (v && typeof v === 'object')
    for (const k of Object.keys(v)) paths((v as Record<string, unknown>)[k], [...at, k], out);
  return out;
}
const ALL_PATHS = DATA.map((d) => paths(d).filter((p) => p.length > 0));

type Container = Record<string | number, unknown>;
function parentOf(root: unknown, path: Path): Container {
  let v = root as Container;
  for (const seg of path.slice(0, -1)) v = v[seg] as Container;
  return v;
}

type Mutation =
  | { kind: 'delete' }
  | { kind: 'duplicate' }
  | { kind: 'retype'; value: unknown }
  | { kind: 'rename'; name: string };

function mutate(data: unknown, path: Path, m: Mutation): unknown {
  const copy = structuredClone(data);
  const parent = parentOf(copy, path);
  const key = path[path.length - 1]!;
  if (m.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else if (m.kind === 'duplicate') {
    if (Array.isArray(parent)) parent.splice(Number(key), 0, structuredClone(parent[Number(key)]));
    else parent[`${String(key)}`] = structuredClone(parent[key]);
  } else if (m.kind === 'retype') {
    parent[key] = m.value;
  } else if (!Array.isArray(parent)) {
    const value = parent[key];
    delete parent[key];
    parent[m.name] = value;
  }
  return copy;
}

const anyValue = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 12 }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('wmo', 'kaart', 'vragen', 'total', '__proto__', '{{n}}', 'start'),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), {
    maxKeys: 3,
  }),
);
const anyName = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.constantFrom(
    'efects',
    'tittle',
    'optoins',
    '__proto__',
    'constructor',
    'prototype',
    'when',
    'effects',
    'id',
  ),
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant({ kind: 'delete' as const }),
  fc.constant({ kind: 'duplicate' as const }),
  anyValue.map((value) => ({ kind: 'retype' as const, value })),
  anyName.map((name) => ({ kind: 'rename' as const, name })),
);

const KNOWN_CODES = new Set(MESSAGE_CODES);

function expectOnlyLocatedProblems(r: LoadResult, text: string, file: string): void {
  const lines = text.split('\n').length;
  const problems = r.ok ? r.warnings : [...r.errors, ...r.warnings];
  if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
  for (const p of problems) {
    expect(p.file).toBe(file);
    expect(Number.isInteger(p.line) && p.line >= 1 && p.line <= lines + 1).toBe(true);
    expect(Number.isInteger(p.col) && p.col >= 1).toBe(true);
    expect(KNOWN_CODES.has(p.code)).toBe(true);
    expect(p.message.length).toBeGreaterThan(5);
    expect(p.code).not.toBe('internal');
  }
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

describe('mutated scenarios give only located problems', () => {
  it('after deleting, duplicating, retyping or renaming any node', () => {
    const source = fc
      .integer({ min: 0, max: SOURCES.length - 1 })
      .chain((s) =>
        fc.tuple(fc.constant(s), fc.integer({ min: 0, max: ALL_PATHS[s]!.length - 1 }), mutation),
      );
    fc.assert(
      fc.property(source, ([s, i, m]) => {
        const data = mutate(DATA[s], ALL_PATHS[s]![i]!, m);
        const text = stringify(data);
        expectOnlyLocatedProblems(loadScenario(text, 'mutant.yaml'), text, 'mutant.yaml');
      }),
      { numRuns: 200 },
    );
  }, 120_000);

  it('after several mutations at once', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), mutation), { minLength: 2, maxLength: 6 }), (steps) => {
        let data = DATA[2];
        for (const [n, m] of steps) {
          const all = paths(data).filter((p) => p.length > 0);
          if (all.length === 0) break;
          data = mutate(data, all[n % all.length]!, m);
        }
        const text = stringify(data);
        expectOnlyLocatedProblems(loadScenario(text, 'mutant.yaml'), text, 'mutant.yaml');
      }),
      { numRuns: 50 },
    );
  }, 120_000);

  it('after truncating the text anywhere', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: SOURCES.length - 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (s, f) => {
          const src = SOURCES[s]!;
          const text = src.slice(0, Math.floor(src.length * f));
          expectOnlyLocatedProblems(loadScenario(text, 'cut.yaml'), text, 'cut.yaml');
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);

  it('after inserting stray characters or bytes', () => {
    const stray = fc.oneof(
      fc.constantFrom(
        ':',
        '- ',
        '{',
        '}',
        '[',
        ']',
        '&a ',
        '*a',
        '!!',
        '"',
        "'",
        '\t',
        '\n',
        '  ',
        '#',
        '|',
        '>',
        '? ',
        '%',
      ),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: SOURCES.length - 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        stray,
        (s, f, ins) => {
          const src = SOURCES[s]!;
          const at = Math.floor(src.length * f);
          const text = src.slice(0, at) + ins + src.slice(at);
          expectOnlyLocatedProblems(loadScenario(text, 'stray.yaml'), text, 'stray.yaml');
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);

  it('after corrupting bytes', () => {
    const bytes = new TextEncoder().encode(SOURCES[2]!);
    fc.assert(
      fc.property(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 0, max: 255 }), (i, b) => {
        const copy = bytes.slice();
        copy[i] = b;
        const r = loadScenario(copy, 'bytes.yaml');
        const problems = r.ok ? r.warnings : r.errors;
        for (const p of problems) expect(p.line >= 1 && p.col >= 1).toBe(true);
      }),
      { numRuns: 80 },
    );
  }, 120_000);
});
