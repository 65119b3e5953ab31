/** The loader's contract: valid text in, frozen scenario with defaults and a stable hash out. */
import { describe, expect, it } from 'vitest';
import { formatProblem, loadScenario, scenarioHash, sourceLine } from '../../src/scenario';
import { BASE, BOARD, errorsOf, expectClean, load, variant } from './helpers';

describe('loadScenario', () => {
  it('returns the validated scenario with defaults filled in', () => {
    const r = load(BOARD);
    expectClean(r);
    if (!r.ok) return;
    expect(r.scenario.decision).toBe('group');
    expect(r.scenario.reveal).toBe('cost');
    expect(r.scenario.resources[0]).toMatchObject({ id: 'wmo', income: 0 });
    expect(r.scenario.meters[0]).toMatchObject({ drift: 0, unit: 'score', good: 'high' });
    expect(r.scenario.board!.dice).toEqual({ count: 1, sides: 6 });
    expect(r.scenario.decks[0]).toMatchObject({ shuffle: true, reshuffle: true });
    expect(r.scenario.decks[0]!.cards[0]!.options![1]).toMatchObject({ effects: [], tags: [], stances: {} });
    expect(r.scenario.investments).toEqual([]);
    expect(r.scenario.upkeep).toEqual([]);
  });

  it('returns deeply frozen data', () => {
    const r = load(BASE);
    if (!r.ok) throw new Error('base must load');
    expect(Object.isFrozen(r.scenario)).toBe(true);
    expect(Object.isFrozen(r.scenario.decks[0]!.cards[0]!.options![0]!.effects[0])).toBe(true);
    expect(() => {
      (r.scenario.resources[0] as { start: number }).start = 5;
    }).toThrow();
  });

  it('reads UTF-8 bytes exactly like text, with or without a byte-order mark', () => {
    const text = variant(BASE, ['title: Base', 'title: Cliëntenraad']);
    const bytes = new TextEncoder().encode(text);
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
    const a = load(text);
    const b = load(bytes);
    const c = load(withBom);
    expect(a.ok && b.ok && c.ok).toBe(true);
    if (a.ok && b.ok && c.ok) {
      expect(b.scenario).toEqual(a.scenario);
      expect(c.scenario.title).toBe('Cliëntenraad');
      expect(b.hash).toBe(a.hash);
      expect(c.hash).toBe(a.hash);
    }
  });

  it('gives a stable FNV-1a 64-bit hash of the text', () => {
    expect(scenarioHash('')).toBe('cbf29ce484222325');
    expect(scenarioHash('a')).toBe('af63dc4c8601ec8c');
    expect(scenarioHash('foobar')).toBe('85944171f73967e8');
    expect(scenarioHash('é')).not.toBe(scenarioHash('e'));
    const r = load(BASE);
    expect(r.ok && r.hash).toBe(scenarioHash(BASE));
    const changed = load(`${BASE}# a comment\n`);
    expect(changed.ok && changed.hash).not.toBe(scenarioHash(BASE));
  });

  it('accepts JSON, which is YAML', () => {
    const r = load(BASE);
    if (!r.ok) throw new Error('base must load');
    const json = JSON.stringify({ $schema: '../schema/scenario.schema.json', ...r.scenario }, null, 2);
    expectClean(load(json, 'base.json'));
  });

  it('uses the given file name in every problem', () => {
    const r = loadScenario('format: 1\n', 'mijn/urk.yaml');
    expect(errorsOf(r).length).toBeGreaterThan(0);
    for (const p of errorsOf(r)) expect(formatProblem(p)).toMatch(/^mijn\/urk\.yaml:\d+:\d+ /);
  });

  it('never throws, whatever it is given', () => {
    const odd: unknown[] = [null, undefined, 42, {}, [], new Uint8Array([0xff])];
    for (const input of odd) {
      const r = loadScenario(input as string, 'odd.yaml');
      expect(r.ok).toBe(false);
      for (const p of errorsOf(r)) {
        expect(p.line).toBeGreaterThanOrEqual(1);
        expect(p.col).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('marks warnings in the formatted line', () => {
    const text = variant(BASE, ['        title: T\n', '        title: T\n        when: { flag: nooit }\n']);
    const r = load(text);
    expect(r.ok).toBe(true);
    expect(formatProblem(r.warnings[0]!)).toMatch(
      /^test\.yaml:\d+:\d+ warning: card "kaart": the flag "nooit"/,
    );
  });
});

describe('sourceLine', () => {
  it('quotes the line a problem points at', () => {
    expect(sourceLine('a\nb: 1\r\nc', 2)).toBe('b: 1');
    expect(sourceLine('a\nb', 1)).toBe('a');
    expect(sourceLine('a\nb', 3)).toBe('');
    expect(sourceLine('a', 0)).toBe('');
  });
});
