/** Hostile and broken input: every case gives a located error, never an exception or a hang. */
import { describe, expect, it } from 'vitest';
import { MAX_ALIASES, MAX_CHARS, MAX_DEPTH } from '../../src/scenario/source';
import { BASE, errorsOf, expectProblem, load, pos, variant } from './helpers';

describe('hostile input', () => {
  it('refuses a YAML alias bomb (billion laughs) with a located error', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [name, prev] of [
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'c'],
      ['e', 'd'],
      ['f', 'e'],
      ['g', 'f'],
      ['h', 'g'],
      ['i', 'h'],
    ]) {
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const text = lines.join('\n');
    const r = load(text);
    const p = errorsOf(r).find((e) => e.code === 'alias-limit');
    expect(p).toBeDefined();
    expect(p!.line).toBeGreaterThanOrEqual(2);
    expect(p!.message).toContain(`at most ${MAX_ALIASES}`);
  });

  it('refuses a self-referencing alias', () => {
    const r = load('a: &x [1, *x]\n');
    expect(r.ok).toBe(false);
    expect(errorsOf(r).some((p) => p.code === 'alias-limit' || p.code === 'too-deep')).toBe(true);
  });

  it('expands a few ordinary aliases as their values', () => {
    const text = variant(BASE, ['start: 1000 }', 'start: &geld 1000 }'], ['start: 500 }', 'start: *geld }']);
    const r = load(text);
    expect(r.ok && r.scenario.resources[1]!.start).toBe(1000);
  });

  it('keeps __proto__, constructor and prototype as ordinary unknown fields', () => {
    const text = variant(BASE, [
      'id: base',
      'id: base\n__proto__: { polluted: yes }\nconstructor: { prototype: { polluted: yes } }\nprototype: 1',
    ]);
    const r = load(text);
    expectProblem(r, 'unknown-field', pos(text, '__proto__'));
    expectProblem(r, 'unknown-field', pos(text, 'constructor'));
    expectProblem(r, 'unknown-field', pos(text, 'prototype:', 1));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('keeps __proto__ inside a text map and in stances harmless', () => {
    const text = variant(
      BASE,
      ['title: Base', 'title: { nl: Basis, __proto__: { polluted: 1 } }'],
      ['{ id: nee, label: Nee }', '{ id: nee, label: Nee, stances: { constructor: 1, __proto__: 1 } }'],
    );
    const r = load(text);
    expectProblem(r, 'bad-language', pos(text, '__proto__'));
    expectProblem(r, 'unknown-ref', pos(text, 'constructor'));
    expectProblem(r, 'bad-id', pos(text, '__proto__', 1));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses deep nesting with a located error', () => {
    const depth = MAX_DEPTH + 20;
    const text = variant(BASE, [
      '        title: T\n',
      `        title: T\n        when: ${'{ not: '.repeat(depth)}{ flag: x }${' }'.repeat(depth)}\n`,
    ]);
    const r = load(text);
    const p = errorsOf(r).find((e) => e.code === 'too-deep');
    expect(p).toBeDefined();
    expect(p!.line).toBe(pos(text, 'when:').line);
  });

  it('refuses absurd nesting that overflows the YAML parser, at a location', () => {
    const r = load(`a: ${'['.repeat(5000)}${']'.repeat(5000)}`);
    expect(r.ok).toBe(false);
    const p = errorsOf(r)[0]!;
    expect(p.line).toBeGreaterThanOrEqual(1);
    expect(p.col).toBeGreaterThanOrEqual(1);
  });

  it('refuses a number too large to be finite (1e400)', () => {
    const text = variant(BASE, ['start: 1000', 'start: 1e400']);
    const p = expectProblem(load(text), 'not-finite', pos(text, '1e400'));
    expect(p.message).toContain('1e400');
  });

  it('refuses .nan and .inf', () => {
    const text = variant(BASE, ['start: 1000', 'start: .nan'], ['max: 10', 'max: .inf']);
    const r = load(text);
    expectProblem(r, 'not-finite', pos(text, '.nan'));
    expectProblem(r, 'not-finite', pos(text, '.inf'));
  });

  it('refuses an integer beyond exact precision', () => {
    const text = variant(BASE, ['start: 1000', 'start: 123456789012345678901']);
    expectProblem(load(text), 'number-too-large', pos(text, '123456789012345678901'));
  });

  it('refuses non-UTF-8 bytes, located at the bad byte', () => {
    const good = new TextEncoder().encode('format: 1\nid: caf');
    const bytes = new Uint8Array([...good, 0xe9, ...new TextEncoder().encode('\n')]);
    const r = load(bytes);
    expect(r.ok).toBe(false);
    expect(errorsOf(r)).toMatchObject([{ code: 'not-utf8', line: 2, col: 8 }]);
  });

  it('refuses a runaway file quickly, before parsing it', () => {
    const text = `format: 1\nsummary: "${'x'.repeat(MAX_CHARS)}"\n`;
    expect(errorsOf(load(text))).toMatchObject([{ code: 'file-too-large', line: 1, col: 1 }]);
  });

  it('refuses an empty file and a file with only comments', () => {
    expect(errorsOf(load(''))).toMatchObject([{ code: 'empty-file', line: 1, col: 1 }]);
    expect(errorsOf(load('\n  \n'))).toMatchObject([{ code: 'empty-file', line: 1, col: 1 }]);
    expect(errorsOf(load('# only a comment\n'))).toMatchObject([{ code: 'empty-file', line: 1, col: 1 }]);
    expect(errorsOf(load(new Uint8Array()))).toMatchObject([{ code: 'empty-file' }]);
  });

  it('refuses a list or a single value instead of a map', () => {
    expect(errorsOf(load('- a\n- b\n'))).toMatchObject([{ code: 'not-a-map', line: 1, col: 1 }]);
    expect(errorsOf(load('hello'))).toMatchObject([{ code: 'not-a-map', line: 1, col: 1 }]);
  });

  it('reports YAML syntax errors with their location', () => {
    const text = variant(BASE, ['players: { min: 1, max: 4 }', 'players: { min: 1, max: 4']);
    const r = load(text);
    expect(r.ok).toBe(false);
    const p = errorsOf(r)[0]!;
    expect(p.code).toBe('yaml-syntax');
    expect(p.line).toBeGreaterThanOrEqual(pos(text, 'players').line);
  });

  it('reports a duplicate key at the second one', () => {
    const text = variant(BASE, ['summary: S', 'summary: S\nsummary: T']);
    const p = expectProblem(load(text), 'duplicate-key', pos(text, 'summary', 1));
    expect(p.message).toContain('"summary"');
  });

  it('reports tabs used for indentation, with a hint', () => {
    const r = load('format: 1\nplayers:\n\tmin: 1\n');
    expect(r.ok).toBe(false);
    expect(errorsOf(r)[0]!.line).toBe(3);
    expect(errorsOf(r)[0]!.message).toMatch(/spaces, not tabs/);
  });

  it('says when a bracket is not closed', () => {
    const text = variant(BASE, ['players: { min: 1, max: 4 }', 'players: { min: 1, max: 4']);
    expect(errorsOf(load(text))[0]!.message).toMatch(/not closed/);
  });

  it('reports two documents in one file', () => {
    const text = `${BASE}---\nformat: 1\n`;
    expectProblem(load(text), 'multiple-documents', pos(text, '---'));
  });

  it('refuses !!binary, timestamps and sets: plain data only', () => {
    const text = variant(BASE, ['summary: S', 'summary: !!binary aGVsbG8=']);
    expectProblem(load(text), 'unsupported-value', pos(text, 'aGVsbG8='));
  });

  it('refuses a list used as a field name', () => {
    const text = variant(BASE, ['summary: S', 'summary: S\n? [a, b]\n: c']);
    expectProblem(load(text), 'complex-key', pos(text, '[a, b]'));
  });

  it('treats yes/no as strings (YAML 1.2), so a flag set: yes is a type error', () => {
    const text = variant(BASE, ['{ resource: wmo, add: -100 }', '{ flag: klaar, set: yes }']);
    expectProblem(load(text), 'wrong-type', pos(text, 'yes'));
  });

  it('never evaluates anything: a JavaScript-looking value is just text', () => {
    const code = `${'$'}{process.exit(1)} <script>alert(1)</script>`;
    const text = variant(BASE, ['summary: S', `summary: "${code}"`]);
    const r = load(text);
    expect(r.ok && r.scenario.summary).toBe(code);
  });
});
