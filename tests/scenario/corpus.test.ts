/**
 * The corpus of broken files (tests/fixtures/broken): one file per kind of error, each saying
 * in its header which problem it must produce and where (`# Expected: CODE at LINE:COL`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, loadScenario } from '../../src/scenario';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'broken');
const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml'));

describe('broken corpus', () => {
  it('has one file for each kind of error', () => {
    expect(files.length).toBeGreaterThanOrEqual(45);
  });

  for (const name of files) {
    it(name, () => {
      const bytes = readFileSync(join(DIR, name));
      const header = bytes.subarray(0, 400).toString('latin1');
      const m = /# Expected: ([a-z0-9-]+) at (\d+):(\d+)/.exec(header);
      expect(m, 'the file must say "# Expected: CODE at LINE:COL"').not.toBeNull();
      const [, code, line, col] = m!;
      const r = loadScenario(new Uint8Array(bytes), name);
      expect(r.ok).toBe(false);
      const errors = r.ok ? [] : r.errors;
      const lines = errors.map(formatProblem);
      expect(
        errors.some((p) => p.code === code && p.line === Number(line) && p.col === Number(col)),
        `expected ${code} at ${line}:${col}, got:\n${lines.join('\n')}`,
      ).toBe(true);
    });
  }
});
