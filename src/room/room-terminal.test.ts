/**
 * What `npm run room` prints in the facilitator's terminal: the join QR code once per process,
 * then one line per room with its code (a QR block per room scrolled everything else away).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { joinUrlBase, terminalQr } from './lan';
import { newToken } from './table';
import { freePort, TestClient, until } from './test-client';

const ROOT = resolve(import.meta.dirname, '..', '..');
let child: ChildProcess | null = null;
afterAll(() => {
  child?.kill('SIGKILL');
});

it('prints the QR code once, and one line per room opened', async () => {
  const dist = mkdtempSync(join(tmpdir(), 'dd-terminal-'));
  writeFileSync(join(dist, 'index.html'), '<html><head></head><body></body></html>');
  const port = await freePort();
  child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/room/main.ts',
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--static',
      dist,
      '--data',
      mkdtempSync(join(tmpdir(), 'dd-terminal-data-')),
      '--scenarios',
      join(ROOT, 'tests', 'fixtures', 'room'),
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout?.on('data', (c: Buffer) => {
    out += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    out += c.toString();
  });
  const qr = await terminalQr(`${joinUrlBase('127.0.0.1', port)}#/join`);
  await until(() => out.includes(qr), 20_000, 'the QR code');
  const rooms: TestClient[] = [];
  for (let i = 0; i < 3; i++)
    rooms.push(
      await TestClient.create(`ws://127.0.0.1:${port}`, { scenario: 'room-test', facilitator: newToken() }),
    );
  await until(() => (out.match(/Room [A-Z0-9]{6} is open/g) ?? []).length === 3, 10_000, 'three rooms');
  expect(out.split(qr).length - 1).toBe(1);
  for (const room of rooms) expect(out).toContain(`Room ${room.room.roomId} is open. Phones join at `);
  // The QR code's rows (block characters) appear only in that one block.
  const qrRows = (text: string) =>
    text
      .split('\n')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the terminal's colour codes
      .map((l) => l.replace(/\x1b\[[0-9;]*m/g, ''))
      .filter((l) => /^[\s▀▄█]+$/.test(l) && /[▀▄█]/.test(l)).length;
  expect(qrRows(qr)).toBeGreaterThan(5);
  expect(qrRows(out)).toBe(qrRows(qr));
  await Promise.all(rooms.map((r) => r.leave()));
});
