/** The scenario CLI: validate and schema, through a fake CliIo (no terminal, no stack traces). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CliIo, EXIT, runCli } from '../../src/cli/main';
import { BASE, variant } from './helpers';

const ROOT = join(import.meta.dirname, '..', '..');

function fakeIo(files: Record<string, string | Uint8Array> = {}, dirs: string[] = []) {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, string> = {};
  const io: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readFile: (path) => {
      if (dirs.includes(path)) throw Object.assign(new Error(`EISDIR: ${path}`), { code: 'EISDIR' });
      const f = files[path];
      if (f === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return typeof f === 'string' ? new TextEncoder().encode(f) : f;
    },
    writeFile: (path, text) => {
      written[path] = text;
    },
    isDirectory: (path) => dirs.includes(path),
  };
  return { io, out, err, written };
}

const BROKEN = variant(BASE, ['{ resource: wmo, add: -100 }', '{ resource: wm0, add: -100 }']);
const WARNS = variant(BASE, ['        title: T\n', '        title: T\n        when: { flag: nooit }\n']);

describe('scenario validate', () => {
  it('exits 0 and prints a summary for a valid file', async () => {
    const f = fakeIo({ 'ok.yaml': BASE });
    expect(await runCli(['validate', 'ok.yaml'], f.io)).toBe(EXIT.ok);
    expect(f.out).toEqual(['ok.yaml: ok, 0 warnings']);
  });

  it('prints warnings but still exits 0', async () => {
    const f = fakeIo({ 'w.yaml': WARNS });
    expect(await runCli(['validate', 'w.yaml'], f.io)).toBe(EXIT.ok);
    expect(f.out[0]).toMatch(/^w\.yaml:23:23 warning: card "kaart": the flag "nooit"/);
    expect(f.out.at(-1)).toBe('w.yaml: ok, 1 warning');
  });

  it('prints every error as file:line:col message and exits 1', async () => {
    const f = fakeIo({ 'bad.yaml': BROKEN });
    expect(await runCli(['validate', 'bad.yaml'], f.io)).toBe(EXIT.problems);
    expect(f.out).toEqual([
      'bad.yaml:24:57 card "kaart", option "ja": unknown resource "wm0"; did you mean "wmo"? (known: wmo, jeugd)',
      '              - { id: ja, label: Ja, effects: [ { resource: wm0, add: -100 } ] }',
      '                                                            ^',
      'bad.yaml: 1 error, 0 warnings',
    ]);
  });

  it('checks every file given, and fails when any has errors', async () => {
    const f = fakeIo({ 'a.yaml': BASE, 'b.yaml': BROKEN });
    expect(await runCli(['validate', 'a.yaml', 'b.yaml'], f.io)).toBe(EXIT.problems);
    expect(f.out.filter((l) => /^(a|b)\.yaml: /.test(l))).toEqual([
      'a.yaml: ok, 0 warnings',
      'b.yaml: 1 error, 0 warnings',
    ]);
  });

  it('reports a missing file and a folder in one line each, no stack trace', async () => {
    const f = fakeIo({}, ['scenarios']);
    expect(await runCli(['validate', 'nope.yaml', 'scenarios'], f.io)).toBe(EXIT.problems);
    expect(f.out).toEqual([
      'nope.yaml:1:1 cannot read the file: no such file',
      'nope.yaml: could not be read',
      'scenarios:1:1 cannot read the file: this is a folder, not a scenario file',
      'scenarios: could not be read',
    ]);
    expect([...f.out, ...f.err].join('\n')).not.toMatch(/\n\s+at /);
  });

  it('accepts and ignores --lang', async () => {
    const f = fakeIo({ 'ok.yaml': BASE });
    expect(await runCli(['validate', '--lang', 'nl', 'ok.yaml'], f.io)).toBe(EXIT.ok);
  });

  it('needs at least one file', async () => {
    const f = fakeIo();
    expect(await runCli(['validate'], f.io)).toBe(EXIT.usage);
    expect(f.err[0]).toMatch(/usage/);
  });

  it('validates the real demo from disk through the node io', async () => {
    const out: string[] = [];
    const io: CliIo = {
      out: (t) => out.push(t),
      err: (t) => out.push(t),
      readFile: (p) => readFileSync(p),
      writeFile: () => {},
      isDirectory: () => false,
    };
    expect(await runCli(['validate', join(ROOT, 'scenarios', 'demo.yaml')], io)).toBe(EXIT.ok);
    expect(out.at(-1)).toMatch(/demo\.yaml: ok, 0 warnings$/);
  });
});

describe('scenario schema', () => {
  it('prints the JSON Schema', async () => {
    const f = fakeIo();
    expect(await runCli(['schema'], f.io)).toBe(EXIT.ok);
    const schema = JSON.parse(f.out.join('\n'));
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('prints the Dutch schema with --lang nl', async () => {
    const f = fakeIo();
    await runCli(['schema', '--lang', 'nl'], f.io);
    expect(f.out.join('\n')).toContain('De versie van het formaat');
  });

  it('writes the three schema files with --write', async () => {
    const f = fakeIo();
    expect(await runCli(['schema', '--write'], f.io)).toBe(EXIT.ok);
    const names = Object.keys(f.written).map((p) => p.split(/[\\/]/).pop());
    expect(names).toEqual(['scenario.schema.json', 'scenario.schema.en.json', 'scenario.schema.nl.json']);
    for (const [path, text] of Object.entries(f.written)) {
      expect(readFileSync(path, 'utf8')).toBe(text);
    }
  });
});

describe('scenario command line', () => {
  it('names an unknown command and exits 2', async () => {
    const f = fakeIo();
    expect(await runCli(['valdate'], f.io)).toBe(EXIT.usage);
    expect(f.err[0]).toBe('unknown command "valdate"');
  });

  it('prints help', async () => {
    const f = fakeIo();
    expect(await runCli(['help'], f.io)).toBe(EXIT.ok);
    expect(f.out.join('\n')).toMatch(/validate FILE/);
  });

  it('turns an unexpected failure into one line, exit 1', async () => {
    const f = fakeIo();
    f.io.writeFile = () => {
      throw new Error('disk full');
    };
    expect(await runCli(['schema', '--write'], f.io)).toBe(EXIT.problems);
    expect(f.err).toEqual(['scenario schema: disk full']);
  });
});
