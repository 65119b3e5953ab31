/**
 * Every example in the authoring guides is a real file that loads without a single error or
 * warning, and what the guides show is what is on disk. A trainer copies from these pages; a
 * stale or broken example would cost them an evening.
 *
 * The guides mark each ```yaml block with the comment on the line before it:
 *   <!-- example: docs/examples/x.yaml -->   the block is that whole file, byte for byte
 *   <!-- excerpt: docs/examples/x.yaml -->   the block is a run of lines of that file (indentation may shift)
 *   <!-- broken: docs/examples/broken/x.yaml -->  the whole file, which must fail to load; the
 *      next ```text block lists its problems as `file:line:col …`, positions as the loader gives them
 *   <!-- report: docs/examples/x.yaml -->   a ```json simulator report of that file, with the fields,
 *      endings, budgets, meters and cards a real report of it has
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runNew } from '../../src/cli/new';
import { simulate } from '../../src/engine/simulate';
import { formatProblem, loadScenario } from '../../src/scenario/index';

const root = join(import.meta.dirname, '..', '..');
const examplesDir = join(root, 'docs', 'examples');
const guides = ['docs/authoring.md', 'docs/authoring.en.md'];
const read = (path: string) => readFileSync(join(root, path), 'utf8');

const exampleFiles = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

function problemsOf(path: string): string[] {
  const result = loadScenario(read(path), path);
  return [...(result.ok ? [] : result.errors), ...result.warnings].map(formatProblem);
}

interface Block {
  guide: string;
  line: number;
  marker?: { kind: string; path: string };
  lang: string;
  body: string;
}

function blocksOf(guide: string): Block[] {
  const lines = read(guide).split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]);
    if (!open || open[1] === '') continue;
    let end = i + 1;
    while (end < lines.length && lines[end] !== '```') end++;
    let prev = i - 1;
    while (prev >= 0 && lines[prev].trim() === '') prev--;
    const m = prev >= 0 ? /^<!-- (example|excerpt|broken|report): (\S+) -->$/.exec(lines[prev].trim()) : null;
    blocks.push({
      guide,
      line: i + 1,
      lang: open[1],
      marker: m ? { kind: m[1], path: m[2] } : undefined,
      body: `${lines.slice(i + 1, end).join('\n')}\n`,
    });
    i = end;
  }
  return blocks;
}

/** The block's lines, with their common indentation removed, appear in a row in the file (at any one indentation). */
function isExcerpt(block: string, file: string): boolean {
  const want = block.replace(/\n$/, '').split('\n');
  const indent = Math.min(...want.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  const wanted = want.map((l) => l.slice(indent));
  const have = file.split('\n');
  for (let start = 0; start + wanted.length <= have.length; start++) {
    const first = have[start];
    const shift = first.length - first.trimStart().length - (wanted[0].length - wanted[0].trimStart().length);
    if (shift < 0) continue;
    const pad = ' '.repeat(shift);
    if (wanted.every((w, k) => (w === '' ? have[start + k].trim() === '' : have[start + k] === pad + w)))
      return true;
  }
  return false;
}

/** The guide's report has exactly the shape a real one of that scenario has, and adds up. */
function expectReportShape(json: string, path: string): void {
  const shown = JSON.parse(json);
  const result = loadScenario(read(path), path);
  if (!result.ok) throw new Error(`${path} does not load`);
  const real = simulate(result.scenario, { games: 50, seed: shown.seed, players: shown.players });
  const keys = (o: object) => Object.keys(o).sort();
  expect(keys(shown)).toEqual(keys(real));
  for (const part of ['endings', 'resources', 'meters', 'cards'] as const) {
    expect(keys(shown[part]), part).toEqual(keys(real[part]));
  }
  for (const spread of [...Object.values(shown.resources), ...Object.values(shown.meters)]) {
    expect(keys(spread as object)).toEqual(['max', 'min', 'p10', 'p50', 'p90']);
  }
  const endings = Object.values(shown.endings as Record<string, number>).reduce((a, b) => a + b, 0);
  expect(endings + shown.errors).toBe(shown.games);
  expect(shown.scenario).toBe(result.scenario.id);
}

describe('docs/examples', () => {
  it('has the tutorial steps and every cookbook recipe', () => {
    expect(exampleFiles).toEqual(
      expect.arrayContaining([
        'tutorial-1.yaml',
        'tutorial-6.yaml',
        'reference.yaml',
        'cookbook-delayed-consequence.yaml',
        'cookbook-kitchen-table.yaml',
        'cookbook-prevention-priority.yaml',
        'cookbook-conflicting-roles.yaml',
        'cookbook-investment.yaml',
        'cookbook-deck-game.yaml',
      ]),
    );
  });

  for (const file of exampleFiles) {
    it(`${file} loads with zero errors and zero warnings`, () => {
      expect(problemsOf(`docs/examples/${file}`)).toEqual([]);
    });
  }

  it('builds the tutorial scenario from what `new` writes', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'tutorial-'));
    try {
      const io = { cwd, out: () => {}, err: (l: string) => expect.fail(l) };
      expect(runNew(['wijkteam-noord', '--deck', '--lang', 'nl,en'], io)).toBe(0);
      const generated = readFileSync(join(cwd, 'scenarios', 'wijkteam-noord.yaml'), 'utf8');
      // Step 1 is that file without its comments: the same data.
      expect(parse(read('docs/examples/tutorial-1.yaml'))).toEqual(parse(generated));
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
    // Every later step is the same scenario, grown.
    const steps = exampleFiles.filter((f) => f.startsWith('tutorial-'));
    expect(steps.length).toBeGreaterThanOrEqual(5);
    for (const step of steps) expect(parse(read(`docs/examples/${step}`)).id).toBe('wijkteam-noord');
  });
});

describe('the balance the guides ask for', () => {
  // The finished tutorial and every recipe practise what the guide preaches: no game gets
  // stuck and every ending is reached at the smallest or the largest table.
  const balanced = exampleFiles.filter((f) => f.startsWith('cookbook-') || f === 'tutorial-6.yaml');
  for (const file of balanced) {
    it(`${file}: no errors, every ending reached`, () => {
      const path = `docs/examples/${file}`;
      const result = loadScenario(read(path), path);
      if (!result.ok) throw new Error(`${path} does not load`);
      const { min, max } = result.scenario.players;
      const reports = [...new Set([min, max])].map((players) =>
        simulate(result.scenario, { games: 300, seed: 'docs', players }),
      );
      for (const r of reports) expect(r.errors).toBe(0);
      const never = result.scenario.endings
        .map((e) => e.id)
        .filter((id) => reports.every((r) => r.endings[id] === 0));
      expect(never).toEqual([]);
    });
  }
});

describe('the authoring guides', () => {
  for (const guide of guides) {
    const blocks = blocksOf(guide);

    it(`${guide}: every yaml block is marked as an example, an excerpt or a broken file`, () => {
      const unmarked = blocks.filter((b) => b.lang === 'yaml' && !b.marker).map((b) => `${guide}:${b.line}`);
      expect(unmarked).toEqual([]);
      expect(blocks.filter((b) => b.marker).length).toBeGreaterThan(20);
    });

    for (const block of blocks.filter((b) => b.marker)) {
      const { kind, path } = block.marker!;
      it(`${guide}:${block.line} shows ${kind} ${path} as it is on disk`, () => {
        const file = read(path);
        if (kind === 'report') {
          expectReportShape(block.body, path);
          return;
        }
        if (kind === 'excerpt') expect(isExcerpt(block.body, file), 'not found in the file').toBe(true);
        else expect(block.body).toBe(file);
        if (kind === 'broken') {
          const problems = problemsOf(path);
          expect(problems.length).toBeGreaterThan(0);
          const output = blocks.find((b) => b.line > block.line && b.lang === 'text');
          // Positions only: the guide shows the file where a trainer keeps it, in the guide's language.
          const positions = (text: string[]) =>
            text.map((l) => /^\S+?:(\d+:\d+) /.exec(l)?.[1]).filter(Boolean);
          expect(positions(output!.body.split('\n'))).toEqual(positions(problems));
        }
      });
    }

    it(`${guide}: every link goes to a heading or a file that exists`, () => {
      const text = read(guide);
      // GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens.
      const anchors = new Set(
        [...text.matchAll(/^#+ (.+)$/gm)].map((m) =>
          m[1]
            .toLowerCase()
            .replace(/[^\p{L}\p{N} -]/gu, '')
            .replace(/ /g, '-'),
        ),
      );
      const broken: string[] = [];
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^https?:/.test(target)) continue;
        if (target.startsWith('#')) {
          if (!anchors.has(target.slice(1))) broken.push(target);
        } else if (!existsSync(join(root, 'docs', target))) broken.push(target);
      }
      expect(broken).toEqual([]);
    });

    it(`${guide} shows part of every tutorial step and links every example file`, () => {
      const text = read(guide);
      for (const file of exampleFiles) expect(text, file).toContain(`examples/${file}`);
      for (const step of exampleFiles.filter((f) => f.startsWith('tutorial-'))) {
        expect(
          blocks.some((b) => b.marker?.path === `docs/examples/${step}`),
          step,
        ).toBe(true);
      }
    });
  }
});
