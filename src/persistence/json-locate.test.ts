import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkJsonSyntax, locatePath, positionAt } from './json-locate';

describe('positionAt', () => {
  it('gives 1-based lines and columns', () => {
    expect(positionAt('ab\ncd', 0)).toEqual({ line: 1, col: 1 });
    expect(positionAt('ab\ncd', 4)).toEqual({ line: 2, col: 2 });
  });
});

describe('checkJsonSyntax', () => {
  it('agrees with JSON.parse on what is valid', () => {
    fc.assert(
      fc.property(fc.json(), (json) => {
        expect(checkJsonSyntax(json).ok).toBe(true);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (s) => {
        let valid = true;
        try {
          JSON.parse(s);
        } catch {
          valid = false;
        }
        expect(checkJsonSyntax(s).ok).toBe(valid);
      }),
      { numRuns: 1000 },
    );
  });

  it('points at the first wrong character', () => {
    const r = checkJsonSyntax('{\n  "a": 1\n  "b": 2\n}');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(positionAt('{\n  "a": 1\n  "b": 2\n}', r.offset)).toEqual({ line: 3, col: 3 });
      expect(r.truncated).toBe(false);
    }
  });

  it('tells a cut-off text from a damaged one', () => {
    for (const cut of ['{"a": [1, 2', '{"a": "te', '{"a": tr', '{"a"', '{"a": -', '{"a": "\\u00']) {
      const r = checkJsonSyntax(cut);
      expect(r.ok ? 'ok' : r.truncated).toBe(true);
    }
    for (const bad of ['{"a": x}', '{"a": 1,}', '{"a": 01}', '{"a": "\\q"}', '{"a": 1} 2']) {
      const r = checkJsonSyntax(bad);
      expect(r.ok ? 'ok' : r.truncated).toBe(false);
    }
  });

  it('refuses absurd nesting instead of overflowing the stack', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const r = checkJsonSyntax(deep);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/nested/);
  });
});

describe('locatePath', () => {
  const text = '{\n  "a": {\n    "b": [\n      10,\n      {"c": true}\n    ]\n  }\n}';
  it('finds where a value starts', () => {
    expect(locatePath(text, [])).toEqual({ line: 1, col: 1 });
    expect(locatePath(text, ['a', 'b', 0])).toEqual({ line: 4, col: 7 });
    expect(locatePath(text, ['a', 'b', 1, 'c'])).toEqual({ line: 5, col: 13 });
  });
  it('falls back to the deepest parent that exists', () => {
    expect(locatePath(text, ['a', 'b', 7, 'x'])).toEqual({ line: 3, col: 10 });
    expect(locatePath(text, ['zz'])).toEqual({ line: 1, col: 1 });
  });
});
