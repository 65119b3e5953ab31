/**
 * The words a facilitator reads on the start and choice screens: a scenario file and a saved
 * session are never called alike, and the seed has one Dutch name everywhere (issue 14).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const locale = (lang: string) => JSON.parse(readFileSync(join(root, 'locales', `${lang}.json`), 'utf8'));

/** Every string of a locale file with its key, `a.b.c`. */
function strings(node: unknown, path = ''): [string, string][] {
  if (typeof node === 'string') return [[path, node]];
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
}

describe('the words for files and the seed', () => {
  it('names opening a scenario file and importing a saved session differently', () => {
    for (const lang of ['nl', 'en']) {
      const l = locale(lang);
      const scenario = l.authoring.open as string;
      const session = l.saved.import as string;
      expect(scenario.toLowerCase()).toContain(lang === 'nl' ? 'scenariobestand' : 'scenario file');
      expect(session.toLowerCase()).toContain(lang === 'nl' ? 'opgeslagen sessie' : 'saved session');
      // No word of one is the other's key word.
      expect(session.toLowerCase()).not.toContain('scenario');
      expect(scenario.toLowerCase()).not.toContain('sessie');
      expect(scenario.toLowerCase()).not.toContain('session');
    }
  });

  it('calls the seed "startgetal" in every Dutch string', () => {
    const nl = strings(locale('nl'));
    expect(nl.filter(([, text]) => /\bseed\b|zaadgetal|zaad\b/i.test(text))).toEqual([]);
    expect(nl.find(([key]) => key === 'setup.seed')?.[1]).toMatch(/^Startgetal/);
  });

  it('never says seed or zaadgetal in the prose of the Dutch guide', () => {
    const guide = readFileSync(join(root, 'docs', 'authoring.md'), 'utf8');
    // Outside code (`seed`, --seed, seed: …) the Dutch guide never says seed or zaadgetal.
    const prose = guide.replace(/```[\s\S]*?```/g, '').replace(/`[^`]*`/g, '');
    expect(prose.match(/\bseed\b|zaadgetal/gi) ?? []).toEqual([]);
  });
});
