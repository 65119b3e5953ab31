/**
 * `npm start` is a newcomer's first command: it must open the game without a wall of text that
 * reads like an error. This runs the start script as package.json has it (without opening a
 * browser, on a free port) and reads everything it prints until the dev server is ready.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

it('npm start prints no warning before the game is ready', async () => {
  const script: string = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.start;
  const [bin, ...args] = script.split(/\s+/);
  expect(bin).toBe('vite');
  const port = await freePort();
  const child = spawn(
    join(root, 'node_modules', '.bin', 'vite'),
    [...args.filter((a) => a !== '--open'), '--port', String(port), '--strictPort'],
    { cwd: root, env: { ...process.env, NO_COLOR: '1', CI: '' } },
  );
  let out = '';
  child.stdout.on('data', (d) => {
    out += String(d);
  });
  child.stderr.on('data', (d) => {
    out += String(d);
  });
  try {
    await new Promise<void>((ok, fail) => {
      child.on('exit', (code) => fail(new Error(`vite exited (${code}):\n${out}`)));
      const check = setInterval(() => {
        if (/ready in/.test(out)) {
          clearInterval(check);
          ok();
        }
      }, 50);
    });
  } finally {
    child.kill('SIGTERM');
  }
  const before = out.slice(0, out.indexOf('ready in'));
  expect(before, before).not.toMatch(/\(!\)|warn/i);
}, 60_000);
