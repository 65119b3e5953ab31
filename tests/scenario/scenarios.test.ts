/** Every scenario shipped in scenarios/ loads without errors; the demos also without warnings. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadScenario } from '../../src/scenario';

const DIR = join(import.meta.dirname, '..', '..', 'scenarios');
const files = readdirSync(DIR).filter((f) => /\.(ya?ml|json)$/.test(f));

describe('shipped scenarios', () => {
  it('include the demos', () => {
    expect(files).toContain('demo.yaml');
    expect(files).toContain('demo-deck.yaml');
  });

  for (const name of files) {
    it(`${name} loads with zero errors`, () => {
      const r = loadScenario(readFileSync(join(DIR, name)), `scenarios/${name}`);
      expect(r.ok ? [] : r.errors.map(formatProblem)).toEqual([]);
    });

    it(`${name} starts with the yaml-language-server schema line`, () => {
      if (name.endsWith('.json')) return;
      const first = readFileSync(join(DIR, name), 'utf8').split('\n')[0];
      expect(first).toBe('# yaml-language-server: $schema=../schema/scenario.schema.json');
    });
  }

  for (const name of ['demo.yaml', 'demo-deck.yaml']) {
    it(`${name} has no warnings either`, () => {
      const r = loadScenario(readFileSync(join(DIR, name)), name);
      expect(r.warnings.map(formatProblem)).toEqual([]);
    });
  }
});

describe('demo.yaml exercises the whole format', () => {
  const text = readFileSync(join(DIR, 'demo.yaml'), 'utf8');
  const r = loadScenario(text, 'demo.yaml');
  const json = r.ok ? JSON.stringify(r.scenario) : '';

  it('uses every effect', () => {
    for (const key of [
      '"resource"',
      '"add"',
      '"set"',
      '"meter"',
      '"flag"',
      '"schedule"',
      '"addCard"',
      '"removeCard"',
      '"move"',
      '"chance"',
      '"else"',
      '"when"',
      '"log"',
    ]) {
      expect(json, key).toContain(key);
    }
    expect(text).toMatch(/\{ resource: \w+, set: /);
    expect(text).toMatch(/\{ meter: \w+, set: /);
  });

  it('uses every condition', () => {
    for (const key of [
      'atLeast',
      'atMost',
      'above',
      'below',
      'flag:',
      'round:',
      'chose:',
      'invested:',
      'priority:',
      'all:',
      'any:',
      'not:',
      'resource: total',
    ]) {
      expect(text, key).toContain(key);
    }
  });

  it('has a board with all six kinds of space, roles, priorities and a council', () => {
    if (!r.ok) throw new Error('demo must load');
    const s = r.scenario;
    expect(new Set(s.board!.spaces.map((x) => x.kind))).toEqual(
      new Set(['start', 'draw', 'invest', 'council', 'wait', 'rest']),
    );
    expect(s.roles.some((x) => x.hidden && x.goal)).toBe(true);
    const kinds = s.priorities!.options.flatMap((p) =>
      p.modifiers.map((m) => ('tag' in m ? 'costFactor' : 'drift')),
    );
    expect(new Set(kinds)).toEqual(new Set(['costFactor', 'drift']));
    expect(s.council).toEqual({ every: 1, atStart: true, transfers: true });
    expect(s.investments.length).toBeGreaterThan(0);
    expect(s.reserveCards.length).toBeGreaterThan(0);
    expect(s.upkeep.length).toBeGreaterThan(0);
    expect(s.resources.some((x) => typeof x.floor === 'number')).toBe(true);
    expect(s.endings.some((e) => e.immediate)).toBe(true);
    expect(s.endings.some((e) => e.when && !e.immediate)).toBe(true);
    expect(s.endings.some((e) => !e.when)).toBe(true);
    expect(s.debrief!.questions.length).toBeGreaterThan(0);
    const cards = [...s.decks.flatMap((d) => d.cards), ...s.reserveCards];
    expect(new Set(cards.map((c) => c.kind))).toEqual(new Set(['request', 'event', 'dilemma']));
    expect(cards.some((c) => c.conversation.length > 0)).toBe(true);
    expect(cards.some((c) => c.reflect)).toBe(true);
    expect(s.decks.some((d) => !d.shuffle && !d.reshuffle)).toBe(true);
    expect(s.rounds.count).toBe(3);
    expect(s.players).toEqual({ min: 2, max: 4 });
  });
});
