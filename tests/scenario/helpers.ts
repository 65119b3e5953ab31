/** Shared helpers for the loader tests: small valid scenarios to vary, and exact positions. */
import { expect } from 'vitest';
import { type LoadResult, loadScenario, type Problem } from '../../src/scenario';

/** A minimal valid scenario without a board (one language, so no translation warnings). */
export const BASE = `format: 1
id: base
title: Base
summary: S
languages: [nl]
players: { min: 1, max: 4 }
rounds: { count: 2, label: "Ronde {{n}}" }
resources:
  - { id: wmo, name: Wmo, start: 1000 }
  - { id: jeugd, name: Jeugd, start: 500 }
meters:
  - { id: welzijn, name: Welzijn, min: 0, max: 10, start: 5 }
roles:
  - { id: wethouder, name: Wethouder, brief: B }
turnDeck: vragen
decks:
  - id: vragen
    name: Vragen
    cards:
      - id: kaart
        kind: request
        title: T
        options:
          - { id: ja, label: Ja, effects: [ { resource: wmo, add: -100 } ] }
          - { id: nee, label: Nee }
endings:
  - { id: einde, title: Einde, text: Klaar }
`;

/** A minimal valid scenario with a board. */
export const BOARD = BASE.replace(
  'turnDeck: vragen\n',
  `board:
  spaces:
    - { id: start, kind: start, name: Start }
    - { id: plein, kind: draw, deck: vragen, name: Plein }
`,
);

/** `base` with each `[from, to]` replaced once; fails the test when `from` is not there. */
export function variant(base: string, ...edits: [string, string][]): string {
  let text = base;
  for (const [from, to] of edits) {
    if (!text.includes(from)) throw new Error(`test setup: "${from}" is not in the scenario`);
    text = text.replace(from, to);
  }
  return text;
}

/** 1-based line and column of the `nth` occurrence of `needle` (plus `shift` characters). */
export function pos(text: string, needle: string, nth = 0, shift = 0): { line: number; col: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`test setup: occurrence ${nth} of "${needle}" not found`);
  }
  at += shift;
  const before = text.slice(0, at).split('\n');
  return { line: before.length, col: before[before.length - 1]!.length + 1 };
}

export function load(text: string | Uint8Array, file = 'test.yaml'): LoadResult {
  return loadScenario(text, file);
}

export function errorsOf(r: LoadResult): Problem[] {
  return r.ok ? [] : r.errors;
}

/** Asserts the result has a problem with `code` at exactly `at`, and returns it. */
export function expectProblem(
  r: LoadResult,
  code: string,
  at: { line: number; col: number },
  severity: 'error' | 'warning' = 'error',
): Problem {
  const list = severity === 'error' ? errorsOf(r) : r.warnings;
  const found = list.find((p) => p.code === code && p.line === at.line && p.col === at.col);
  if (!found) {
    const seen = list.map((p) => `${p.code}@${p.line}:${p.col} ${p.message}`).join('\n  ');
    expect.fail(`expected ${severity} ${code} at ${at.line}:${at.col}; got:\n  ${seen || '(none)'}`);
  }
  return found;
}

/** The text must load with no errors and no warnings. */
export function expectClean(r: LoadResult): void {
  const all = [...errorsOf(r), ...r.warnings].map((p) => `${p.code}@${p.line}:${p.col} ${p.message}`);
  expect(all).toEqual([]);
  expect(r.ok).toBe(true);
}
