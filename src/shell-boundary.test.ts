/**
 * The functional core / imperative shell boundary (DESIGN, Architecture), checked on the source:
 * the rules core knows no Phaser, DOM, sound, UI language, clock or global randomness; the shell
 * (src/game, src/ui) changes no game state and applies no rule — it reads the engine's view and
 * log and sends actions.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = import.meta.dirname;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

/** Source without comments and string contents, so words in prose or text do not count. */
function code(path: string): string {
  return readFileSync(path, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1')
    .replace(/'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"/g, "''");
}

function offenders(dir: string, patterns: RegExp[]): string[] {
  const out: string[] = [];
  for (const path of files(join(SRC, dir))) {
    const text = code(path);
    for (const p of patterns) {
      const m = p.exec(text);
      if (m) out.push(`${relative(SRC, path)}: ${m[0]}`);
    }
  }
  return out;
}

describe('the rules core', () => {
  it('imports no Phaser, howler, i18next or shell module', () => {
    const bad: string[] = [];
    for (const path of files(join(SRC, 'engine'))) {
      const raw = readFileSync(path, 'utf8');
      for (const m of raw.matchAll(/from\s+'([^']+)'/g)) {
        const spec = m[1];
        if (
          /^(phaser|howler|i18next|playwright)/.test(spec) ||
          /\.\.\/(game|ui|audio|i18n|persistence)\//.test(spec)
        ) {
          bad.push(`${relative(SRC, path)} imports ${spec}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('reads no clock, global randomness, window, document or storage', () => {
    expect(
      offenders('engine', [
        /\bMath\.random\b/,
        /\bDate\.now\b/,
        /\bnew Date\b/,
        /\bperformance\.now\b/,
        /\bwindow\./,
        /\bdocument\./,
        /\blocalStorage\b/,
        /\bindexedDB\b/,
      ]),
    ).toEqual([]);
  });
});

describe('the shell', () => {
  const dirs = ['game', 'ui'];
  it('never writes a resource, meter, flag or pending into a game state', () => {
    const patterns = [
      /\b(resources|meters|flags)\s*\[[^\]]+\]\s*(\+|-|\*|\/)?=(?!=)/,
      /\bstate\.(resources|meters|flags|pending|round|priorities|invested|players|log)\s*(\+|-|\*|\/)?=(?!=)/,
      /\bstate\.(log|players|invested|priorities)\.(push|splice|pop|shift)\(/,
    ];
    // series.ts folds the logged deltas into chart points; series.test.ts proves the fold lands
    // exactly on the engine's own state, so it is a reading of the log, not a second rule book.
    const found = dirs.flatMap((d) => offenders(d, patterns)).filter((f) => !f.startsWith('ui/series.ts'));
    expect(found).toEqual([]);
  });

  it('applies no rule from the scenario: no cost factors, drift, income, upkeep, floors or conditions', () => {
    const patterns = [
      /\bcostFactor\b/,
      /\.drift\b/,
      /\.perRound\b/,
      /\.income\b/,
      /\bupkeep\b/,
      /(?<!Math)\.floor\b/,
      /\bmodifiers\b/,
      /\.when\b/,
      /\.goal\b(?!\s*\?)/,
    ];
    expect(dirs.flatMap((d) => offenders(d, patterns))).toEqual([]);
  });

  it('multiplies no effect amount: effects are shown as the engine gives them', () => {
    const patterns = [/\.add\s*[*/]/, /[*/]\s*\w+\.add\b/, /\bshownCost\b[^;\n]*[*/]/];
    expect(dirs.flatMap((d) => offenders(d, patterns))).toEqual([]);
  });
});
