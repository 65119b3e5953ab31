/**
 * The room server's static files on a real socket: the facilitator's laptop reads the scenario
 * files (the start screen and the studio need them), a phone on the venue's network does not —
 * they hold every hidden role's brief. A phone is a connection from another address: here
 * 127.0.0.2, which Linux routes over loopback like any other 127.x address.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceWorkerSource } from '../offline/sw-plugin';
import { fromThisMachine, type RunningRoomServer, startRoomServer, withoutScenarios } from './server';

const BRIEF = 'Laat dat niet merken: u wilt zelf wethouder worden.';
let server: RunningRoomServer;

beforeAll(async () => {
  const dist = mkdtempSync(join(tmpdir(), 'dd-static-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<html><head></head><body></body></html>');
  writeFileSync(join(dist, 'assets', 'index-abc.js'), 'console.log(1);');
  writeFileSync(join(dist, 'assets', 'urk-2015-abc.yaml'), `brief: "${BRIEF}"\n`);
  writeFileSync(
    join(dist, 'sw.js'),
    serviceWorkerSource(['index.html', 'assets/index-abc.js', 'assets/urk-2015-abc.yaml'], 'v1'),
  );
  server = await startRoomServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: mkdtempSync(join(tmpdir(), 'dd-static-data-')),
    scenariosDir: mkdtempSync(join(tmpdir(), 'dd-static-scenarios-')),
    staticDir: dist,
    log: () => undefined,
  });
});
afterAll(async () => {
  await server?.close();
});

/** GET a path from the laptop itself (127.0.0.1) or from a phone (another address). */
function fetchFrom(from: 'laptop' | 'phone', path: string): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const request = get(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        localAddress: from === 'phone' ? '127.0.0.2' : '127.0.0.1',
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => done({ status: res.statusCode ?? 0, body }));
      },
    );
    request.on('error', fail);
  });
}

describe('scenario files and hidden briefs', () => {
  it('the laptop reads a scenario file from the build', async () => {
    const res = await fetchFrom('laptop', '/assets/urk-2015-abc.yaml');
    expect(res.status).toBe(200);
    expect(res.body).toContain(BRIEF);
  });

  it('a phone is refused the scenario file, with a reason, and never sees the brief', async () => {
    const res = await fetchFrom('phone', '/assets/urk-2015-abc.yaml');
    expect(res.status).toBe(403);
    expect(res.body).not.toContain(BRIEF);
    expect(res.body).toMatch(/facilitator's laptop/);
  });

  it('a phone still gets the page and the game code', async () => {
    const page = await fetchFrom('phone', '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<meta name=');
    expect((await fetchFrom('phone', '/assets/index-abc.js')).status).toBe(200);
  });

  it("a phone's offline cache does not list the scenario file; the laptop's does", async () => {
    const phone = await fetchFrom('phone', '/sw.js');
    expect(phone.body).toContain('./assets/index-abc.js');
    expect(phone.body).not.toContain('.yaml');
    expect((await fetchFrom('laptop', '/sw.js')).body).toContain('./assets/urk-2015-abc.yaml');
  });
});

describe('which requests come from this machine', () => {
  it('same address on both ends: this machine, on loopback or the LAN address', () => {
    expect(fromThisMachine({ remoteAddress: '127.0.0.1', localAddress: '127.0.0.1' })).toBe(true);
    expect(fromThisMachine({ remoteAddress: '192.168.1.20', localAddress: '192.168.1.20' })).toBe(true);
    expect(
      fromThisMachine({ remoteAddress: '::ffff:192.168.1.20', localAddress: '::ffff:192.168.1.20' }),
    ).toBe(true);
  });

  it('another address, or none known: a phone', () => {
    expect(fromThisMachine({ remoteAddress: '192.168.1.31', localAddress: '192.168.1.20' })).toBe(false);
    expect(fromThisMachine({ localAddress: '192.168.1.20' })).toBe(false);
  });

  it('the list of cached files loses only the scenario files', () => {
    const sw = serviceWorkerSource(['a.js', 'b.yaml', 'c.YML', 'd.css'], 'x');
    const files = JSON.parse(/^const FILES = (.*);$/m.exec(withoutScenarios(sw))?.[1] ?? '[]');
    expect(files).toEqual(['./', './a.js', './d.css']);
  });
});
