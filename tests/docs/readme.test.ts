/**
 * The README is the first thing a newcomer reads: what it says about the shipped scenarios must
 * be what they find. Its table of scenarios is read here and held against the files themselves
 * (title, players, minutes, how the table decides), and so are the table sizes it promises.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/index';
import type { Scenario } from '../../src/scenario/schema';
import { FLAGSHIP } from '../../src/ui/catalog';

const root = join(import.meta.dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const files = readdirSync(join(root, 'scenarios')).filter((f) => f.endsWith('.yaml'));

function load(file: string): Scenario {
  const result = loadScenario(readFileSync(join(root, 'scenarios', file), 'utf8'), file);
  if (!result.ok) throw new Error(`${file} does not load`);
  return result.scenario;
}

interface Row {
  title: string;
  file: string;
  players: string;
  minutes: string;
  decides: string;
}

/** The rows of the README's table of shipped scenarios (the one with a `file` column). */
function scenarioRows(): Row[] {
  const lines = readme.split('\n');
  const header = lines.findIndex((l) => /^\|\s*scenario\s*\|\s*file\s*\|/.test(l));
  if (header === -1) return [];
  const rows: Row[] = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    const [title, file, players, minutes, decides] = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    rows.push({ title, file: file.replace(/`/g, ''), players, minutes, decides });
  }
  return rows;
}

const titleNl = (s: Scenario) => (typeof s.title === 'string' ? s.title : (s.title.nl ?? ''));

describe('README: the shipped scenarios', () => {
  const rows = scenarioRows();

  it('lists every shipped scenario once, and nothing else', () => {
    expect(rows.map((r) => r.file).sort()).toEqual([...files].sort());
  });

  it.each(files)('%s: title, players, minutes and decision as in the file', (file) => {
    const row = rows.find((r) => r.file === file);
    const s = load(file);
    expect(row, `README has no row for ${file}`).toBeDefined();
    if (!row) return;
    expect(row.title.replace(/\s*\(flagship\)$/, '')).toBe(titleNl(s));
    expect(row.players).toBe(`${s.players.min}–${s.players.max}`);
    expect(row.minutes).toBe(s.minutes ? String(s.minutes) : '—');
    expect(row.decides).toBe(s.decision === 'vote' ? 'vote' : 'choosing together');
  });

  it('marks the flagship the start screen puts first, and names it in the play section', () => {
    const flagship = rows.filter((r) => r.title.endsWith('(flagship)'));
    expect(flagship.map((r) => load(r.file).id)).toEqual([FLAGSHIP]);
    const title = titleNl(load(flagship[0].file));
    const play = readme.slice(readme.indexOf('## Play'), readme.indexOf('## Test'));
    expect(play).toContain(`*${title}*`);
  });

  it('promises the table sizes the shipped scenarios allow', () => {
    const claim = /\((\d+)–(\d+)\s+players at one table/.exec(readme);
    expect(claim, 'README states the players per table').not.toBeNull();
    const all = files.map(load);
    expect(Number(claim?.[1])).toBe(Math.min(...all.map((s) => s.players.min)));
    expect(Number(claim?.[2])).toBe(Math.max(...all.map((s) => s.players.max)));
  });

  it('promises the workshop lengths the shipped scenarios give', () => {
    const claim = /(\d+)–(\d+) minute workshop/.exec(readme);
    expect(claim).not.toBeNull();
    const minutes = files.map(load).flatMap((s) => (s.minutes ? [s.minutes] : []));
    expect(Number(claim?.[1])).toBe(Math.min(...minutes));
    expect(Number(claim?.[2])).toBe(Math.max(...minutes));
  });
});
