/**
 * The room server's log under a flood: once per client and kind per minute, then a count; and
 * an error no handler caught logged once while the process keeps serving.
 */
import { spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepServing, LogOnce } from './log-once';

function clocked() {
  const lines: string[] = [];
  let now = 0;
  const log = new LogOnce(
    (l) => lines.push(l),
    () => now,
    60_000,
    false,
  );
  return { lines, log, advance: (ms: number) => (now += ms) };
}

describe('once per client per minute', () => {
  it('10,000 refusals from one client are one line now and one count after the minute', () => {
    const { lines, log, advance } = clocked();
    for (let i = 0; i < 10_000; i++) log.note('drop:abc', 'dropped a message from abc');
    expect(lines).toEqual(['dropped a message from abc']);
    advance(60_000);
    log.flush();
    expect(lines).toEqual([
      'dropped a message from abc',
      'dropped a message from abc … and 9,999 more in the last minute',
    ]);
    log.note('drop:abc', 'dropped a message from abc');
    expect(lines).toHaveLength(3);
  });

  it('another client still gets its own line', () => {
    const { lines, log } = clocked();
    log.note('a', 'from a');
    log.note('b', 'from b');
    log.note('a', 'from a');
    expect(lines).toEqual(['from a', 'from b']);
  });

  it('a flood from thousands of addresses stays a bounded number of lines', () => {
    const { lines, log } = clocked();
    for (let i = 0; i < 20_000; i++) log.note(`ip:${i}`, `refused ${i}`);
    expect(lines.length).toBeLessThanOrEqual(1001);
  });
});

describe('an error no handler caught', () => {
  it('is logged once, then counted, not reprinted', () => {
    const lines: string[] = [];
    const proc = new EventEmitter();
    keepServing(
      proc as unknown as NodeJS.Process,
      (l) => lines.push(l),
      new LogOnce((l) => lines.push(l), Date.now, 60_000, false),
    );
    for (let i = 0; i < 100; i++) proc.emit('uncaughtException', new Error('boom'));
    proc.emit('unhandledRejection', new Error('later'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/unexpected error \(kept serving\): boom/);
    expect(lines[1]).toMatch(/unhandled rejection \(kept serving\): later/);
  });

  it('does not end the process', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dd-keep-'));
    const script = join(dir, 'crash.ts');
    const module = resolve(import.meta.dirname, 'log-once.ts');
    writeFileSync(
      script,
      `import { keepServing } from ${JSON.stringify(module)};
keepServing(process, (l) => console.log(l));
setTimeout(() => { throw new Error('a bug'); }, 1);
setTimeout(() => { throw new Error('a bug'); }, 2);
setTimeout(() => { Promise.reject(new Error('no catch')); }, 3);
setTimeout(() => { console.log('still serving'); process.exit(0); }, 50);
`,
    );
    const tsx = resolve(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'tsx');
    const run = spawnSync(tsx, [script], { encoding: 'utf8', timeout: 15_000 });
    expect(run.stdout).toContain('still serving');
    expect(run.stdout.match(/a bug/g)).toHaveLength(1);
    expect(run.status).toBe(0);
  });
});
