/** `validate --lang nl` and `simulate --lang nl` speak Dutch; English stays the default. */
import { describe, expect, it } from 'vitest';
import { BASE, variant } from '../../tests/scenario/helpers';
import type { CliIo } from './io';
import { EXIT, runCli } from './main';

function io(files: Record<string, string | Uint8Array>) {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readFile: (path) => {
      const f = files[path];
      if (f === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return typeof f === 'string' ? new TextEncoder().encode(f) : f;
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
      '              - { id: ja, label: Ja, effects: [ { resource: wm0, add: -100 } ] }',
      '                                                            ^',
      'bad.yaml: 1 fout, 0 waarschuwingen',
    ]);
  });

  it('stays English without --lang and with --lang en', async () => {
    for (const args of [['bad.yaml'], ['--lang=en', 'bad.yaml']]) {
      const f = io({ 'bad.yaml': BROKEN });
      await runCli(['validate', ...args], f.cli);
      expect(f.out[0]).toMatch(/card "kaart", option "ja": unknown resource "wm0"/);
      expect(f.out.at(-1)).toBe('bad.yaml: 1 error, 0 warnings');
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

describe('validate: the mistakes trainers make most, as the trainer reads them', () => {
  it('one tab is one problem, in Dutch, with the line quoted and a caret', async () => {
    const f = io({ 'tab.yaml': variant(BASE, ['  - { id: jeugd', '\t- { id: jeugd']) });
    expect(await runCli(['validate', '--lang', 'nl', 'tab.yaml'], f.cli)).toBe(EXIT.problems);
    expect(f.out).toEqual([
      'tab.yaml:10:1 spring in met spaties, niet met tabs: deze regel begint met een tab',
      '    \t- { id: jeugd, name: Jeugd, start: 500 }',
      '    ^',
      'tab.yaml: 1 fout, 0 waarschuwingen',
    ]);
  });

  it('30.000 gets a warning with the fix, in English', async () => {
    const f = io({ 'geld.yaml': variant(BASE, ['start: 1000 }', 'start: 30.000 }']) });
    expect(await runCli(['validate', 'geld.yaml'], f.cli)).toBe(EXIT.ok);
    expect(f.out).toEqual([
      'geld.yaml:9:34 warning: resource "wmo": 30.000 is read as 30: YAML takes the dot for a decimal point. For 30,000 euros write 30000 or 30_000',
      '      - { id: wmo, name: Wmo, start: 30.000 }',
      '                                     ^',
      'geld.yaml: ok, 1 warning',
    ]);
  });

  it('a Windows-1252 file is refused as not UTF-8', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('format: 1\nid: cli'), 0xeb, 0x0a]);
    const f = io({ 'ansi.yaml': bytes });
    expect(await runCli(['validate', '--lang', 'nl', 'ansi.yaml'], f.cli)).toBe(EXIT.problems);
    expect(f.out).toEqual([
      'ansi.yaml:2:8 het bestand is geen UTF-8-tekst: bewaar het als UTF-8 (deze byte is ongeldig)',
      'ansi.yaml: 1 fout, 0 waarschuwingen',
    ]);
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
