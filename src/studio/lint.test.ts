import { describe, expect, it } from 'vitest';
import { loadScenarioIn } from '../scenario';
import { scenarioTemplate } from '../scenario/templates';
import { checkText, lineStarts, problemRange } from './lint';

const template = scenarioTemplate({ id: 't', kind: 'deck', languages: ['nl', 'en'] });

describe('problems as editor ranges', () => {
  it('underlines the word at the line and column', () => {
    const text = 'a: 1\n  efects: x\n';
    expect(problemRange(text, lineStarts(text), 2, 3)).toEqual([7, 13]);
    expect(text.slice(7, 13)).toBe('efects');
  });
  it('underlines a quoted value whole, and something at the end of a line', () => {
    const text = 'title: "a b"\nx:\n\n';
    expect(problemRange(text, lineStarts(text), 1, 8)).toEqual([7, 12]);
    expect(problemRange(text, lineStarts(text), 2, 3)).toEqual([14, 15]);
    expect(problemRange(text, lineStarts(text), 3, 1)).toEqual([16, 16]);
    // Out of range: clamped to the last line, never an exception.
    expect(problemRange(text, lineStarts(text), 99, 99)[0]).toBeLessThanOrEqual(text.length);
  });
  it('gives the same problems, lines and Dutch words as the CLI loader', () => {
    const text = template.replace('        kind: request', '        knd: request');
    const checked = checkText(text, 'x.yaml', 'nl');
    const cli = loadScenarioIn(text, 'x.yaml', 'nl');
    expect(cli.ok).toBe(false);
    const expected = cli.ok ? [] : cli.errors;
    expect(checked.diagnoses.map((d) => [d.problem.line, d.problem.col, d.message])).toEqual(
      expected.map((p) => [p.line, p.col, p.message]),
    );
    const unknown = checked.diagnoses.find((d) => d.problem.code === 'unknown-field');
    expect(text.slice(unknown?.from, unknown?.to)).toBe('knd');
    expect(unknown?.message).toMatch(/onbekend veld "knd"/);
  });
});

describe('line of an offset', () => {
  it('finds the 1-based line by binary search, at line starts and ends alike', async () => {
    const { lineAt } = await import('./lines');
    const text = 'ab\ncd\n\nef';
    const starts = lineStarts(text);
    expect([0, 2, 3, 5, 6, 7, 9].map((o) => lineAt(starts, o))).toEqual([1, 1, 2, 2, 3, 4, 4]);
  });
});
