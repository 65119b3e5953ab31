/** `validate --lang nl` and `simulate --lang nl` speak Dutch; English stays the default. */
import { describe, expect, it } from 'vitest';
import { BASE, variant } from '../../tests/scenario/helpers';
import type { CliIo } from './io';
import { EXIT, runCli } from './main';

function io(files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readFile: (path) => {
      const f = files[path];
      if (f === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return new TextEncoder().encode(f);
    },
    writeFile: () => {},
    isDirectory: () => false,
  };
  return { cli, out, err };
}

const BROKEN = variant(BASE, ['{ resource: wmo, add: -100 }', '{ resource: wm0, add: -100 }']);

describe('validate --lang', () => {
  it('prints the problems and the summary in Dutch with --lang nl', async () => {
    const f = io({ 'bad.yaml': BROKEN });
    expect(await runCli(['validate', '--lang', 'nl', 'bad.yaml'], f.cli)).toBe(EXIT.problems);
    expect(f.out).toEqual([
      'bad.yaml:24:57 kaart "kaart", keuze "ja": onbekend budget "wm0"; bedoelt u "wmo"? (bekend: wmo, jeugd)',
      'bad.yaml: 1 fout, 0 waarschuwingen',
    ]);
  });

  it('stays English without --lang and with --lang en', async () => {
    for (const args of [['bad.yaml'], ['--lang=en', 'bad.yaml']]) {
      const f = io({ 'bad.yaml': BROKEN });
      await runCli(['validate', ...args], f.cli);
      expect(f.out[0]).toMatch(/card "kaart", option "ja": unknown resource "wm0"/);
      expect(f.out[1]).toBe('bad.yaml: 1 error, 0 warnings');
    }
  });

  it('says a missing file in Dutch', async () => {
    const f = io({});
    await runCli(['validate', '--lang', 'nl', 'weg.yaml'], f.cli);
    expect(f.out).toEqual([
      'weg.yaml:1:1 kan het bestand niet lezen: dit bestand bestaat niet',
      'weg.yaml: kon niet worden gelezen',
    ]);
  });

  it('refuses a language it does not speak', async () => {
    const f = io({ 'bad.yaml': BROKEN });
    expect(await runCli(['validate', '--lang', 'de', 'bad.yaml'], f.cli)).toBe(EXIT.usage);
    expect(f.err[0]).toMatch(/--lang nl\|en/);
  });
});

describe('simulate --lang', () => {
  it("lists a broken file's errors in Dutch", async () => {
    const f = io({ 'bad.yaml': BROKEN });
    expect(await runCli(['simulate', 'bad.yaml', '--games', '1', '--lang', 'nl'], f.cli)).toBe(EXIT.problems);
    expect(f.err).toEqual([
      'bad.yaml:24:57 kaart "kaart", keuze "ja": onbekend budget "wm0"; bedoelt u "wmo"? (bekend: wmo, jeugd)',
      'bad.yaml: een scenario met fouten kan niet worden gesimuleerd',
    ]);
  });
});
