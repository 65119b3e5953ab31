import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { simulate } from '../engine/simulate';
import { formatProblem, loadScenario } from '../scenario/index';
import { runNew } from './new';

let cwd: string;
let out: string[];
let err: string[];
const io = () => ({ cwd, out: (l: string) => out.push(l), err: (l: string) => err.push(l) });

beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'scenario-new-'));
  out = [];
  err = [];
});
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

function loadWritten(path: string) {
  const text = readFileSync(join(cwd, path), 'utf8');
  const result = loadScenario(text, path);
  const problems = [...(result.ok ? [] : result.errors), ...result.warnings].map(formatProblem);
  return { text, result, problems };
}

describe('new', () => {
  const kinds = ['--board', '--deck'] as const;
  const langs = ['nl', 'en', 'nl,en', 'en,nl'] as const;
  for (const kind of kinds) {
    for (const lang of langs) {
      it(`writes a valid ${kind.slice(2)} scenario with --lang ${lang}`, () => {
        expect(runNew(['mijn-spel', kind, '--lang', lang], io())).toBe(0);
        const { text, result, problems } = loadWritten('scenarios/mijn-spel.yaml');
        expect(problems).toEqual([]);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const s = result.scenario;
        expect(s.id).toBe('mijn-spel');
        expect(s.languages).toEqual(lang.split(','));
        expect(s.board !== undefined).toBe(kind === '--board');
        expect(s.turnDeck !== undefined).toBe(kind === '--deck');
        // The schema in the trainer's (first) language, so the editor's hover help speaks it.
        const schemaFile = lang.startsWith('nl') ? 'scenario.schema.nl.json' : 'scenario.schema.json';
        expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=../schema/${schemaFile}`);
        // Comments in the trainer's (first) language.
        if (lang.startsWith('nl')) expect(text).toContain('# Budgetten in hele euro');
        else expect(text).toContain('# Budgets in whole euros');
        // One language: plain strings; two: a map per text.
        if (lang.includes(',')) expect(typeof s.title).toBe('object');
        else expect(typeof s.title).toBe('string');
        expect(out.join('\n')).toContain('scenarios/mijn-spel.yaml');
        expect(err).toEqual([]);
      });
    }
  }

  it('makes a board scenario by default, in Dutch', () => {
    expect(runNew(['standaard'], io())).toBe(0);
    const { result, text } = loadWritten('scenarios/standaard.yaml');
    expect(result.ok && result.scenario.board !== undefined).toBe(true);
    expect(result.ok && result.scenario.languages).toEqual(['nl']);
    expect(text).toContain('# Het bord');
    expect(out[0]).toBe('Geschreven: scenarios/standaard.yaml');
  });

  it('never overwrites an existing file', () => {
    mkdirSync(join(cwd, 'scenarios'));
    writeFileSync(join(cwd, 'scenarios/bestaand.yaml'), 'mijn werk');
    expect(runNew(['bestaand'], io())).toBe(1);
    expect(readFileSync(join(cwd, 'scenarios/bestaand.yaml'), 'utf8')).toBe('mijn werk');
    expect(err[0]).toContain('scenarios/bestaand.yaml bestaat al');
  });

  it('says so in English when the scenario is English', () => {
    mkdirSync(join(cwd, 'scenarios'));
    writeFileSync(join(cwd, 'scenarios/taken.yaml'), 'my work');
    expect(runNew(['taken', '--lang', 'en'], io())).toBe(1);
    expect(err[0]).toContain('already exists; nothing was overwritten');
  });

  for (const bad of ['Wijk-Noord', '1e-wijk', 'wijk_noord', 'wijk noord', 'wijk.yaml', '-']) {
    it(`refuses the invalid id "${bad}" with a plain message`, () => {
      expect(runNew([bad], io())).toBe(2);
      expect(err.join('\n')).toMatch(/geen geldige id|Onbekende optie/);
      expect(existsSync(join(cwd, 'scenarios'))).toBe(false);
    });
  }

  it('explains a missing id', () => {
    expect(runNew(['--deck'], io())).toBe(2);
    expect(err[0]).toContain('Geef een id');
    expect(err[1]).toContain('npm run scenario -- new ID');
  });

  it('refuses --board together with --deck, an unknown language, a language twice and an unknown option', () => {
    expect(runNew(['x', '--board', '--deck'], io())).toBe(2);
    expect(runNew(['x', '--lang', 'de'], io())).toBe(2);
    expect(runNew(['x', '--lang', 'nl,nl'], io())).toBe(2);
    expect(runNew(['x', '--lnag', 'nl'], io())).toBe(2);
    expect(runNew(['x', 'y'], io())).toBe(2);
    expect(err.filter((l) => !l.startsWith('Gebruik'))).toEqual([
      'Kies --board of --deck, niet allebei.',
      '--lang "de" wordt niet ondersteund: kies nl, en, nl,en of en,nl.',
      '--lang "nl,nl" noemt een taal twee keer.',
      'Onbekende optie "--lnag".',
      'Eén id tegelijk: "x" en "y".',
    ]);
    expect(existsSync(join(cwd, 'scenarios'))).toBe(false);
  });

  it('writes to --out with a schema line that points back to the schema folder', () => {
    expect(runNew(['elders', '--deck', '--out', 'werk/2015/elders.yaml'], io())).toBe(0);
    const { text, problems } = loadWritten('werk/2015/elders.yaml');
    expect(problems).toEqual([]);
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schema/scenario.schema.nl.json');
    expect(text).toContain('validate werk/2015/elders.yaml');
  });

  it('accepts --lang=… and --out=… forms', () => {
    expect(runNew(['vorm', '--lang=en', '--out=x.yaml'], io())).toBe(0);
    const { result } = loadWritten('x.yaml');
    expect(result.ok && result.scenario.languages).toEqual(['en']);
  });

  it('explains itself with --help and writes nothing', () => {
    expect(runNew(['--help'], io())).toBe(0);
    expect(out[0]).toContain('npm run scenario -- new ID');
    expect(existsSync(join(cwd, 'scenarios'))).toBe(false);
  });

  for (const kind of kinds) {
    it(`writes a ${kind.slice(2)} game in which every ending can happen`, () => {
      expect(runNew(['balans', kind], io())).toBe(0);
      const { result } = loadWritten('scenarios/balans.yaml');
      if (!result.ok) throw new Error('does not load');
      for (const players of [result.scenario.players.min, result.scenario.players.max]) {
        const report = simulate(result.scenario, { games: 300, seed: 'new', players });
        expect(report.errors).toBe(0);
        // A deficit is possible, but not certain: the template is a game, not a foregone conclusion.
        expect(report.endings.tekort).toBeGreaterThan(0);
        expect(report.endings.gewoon).toBeGreaterThan(0);
      }
    });
  }
});
