/**
 * `npm run room`: the room server for a workshop. Serves the built game and the Colyseus rooms
 * from one process, restores every room from its journal, and prints the address phones open
 * (the laptop's LAN address, never localhost when there is one) with a QR code in the terminal.
 *
 *   tsx src/room/main.ts [--port 2567] [--host 0.0.0.0] [--data .rooms] [--no-static]
 *                        [--redis redis://127.0.0.1:6379] [--public-address host:port]
 *                        [--scenarios DIR] [--join-burst N] [--static DIR]
 *                        [--open-rooms local|any] [--retire-after MINUTES]
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { joinUrlBase, lanAddress, otherAddresses, terminalQr } from './lan';
import { keepServing } from './log-once';
import { startRoomServer } from './server';

const ROOT = resolve(import.meta.dirname, '..', '..');
/** What the recovery code printed for each room is for (docs/room.md: the laptop's address changed). */
const RECOVER = "take the room back after the laptop's address changes: Take a room back on #/room";

function arg(name: string, fallback: string | null): string | null {
  const i = process.argv.lastIndexOf(`--${name}`);
  if (i === -1) return fallback;
  const value = process.argv[i + 1];
  if (value === undefined || value.startsWith('--')) {
    console.error(`--${name} needs a value`);
    process.exit(2);
  }
  return value;
}

async function main(): Promise<void> {
  // One request or one bug must not end every table of the workshop.
  keepServing(process, (line) => console.error(line));
  const port = Number(arg('port', '2567'));
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port: ${arg('port', '')} is not a port number`);
    process.exit(2);
  }
  const host = arg('host', '0.0.0.0') as string;
  const dataDir = resolve(arg('data', join(ROOT, '.rooms')) as string);
  const noStatic = process.argv.includes('--no-static');
  const dist = resolve(arg('static', join(ROOT, 'dist')) as string);
  const staticDir = noStatic ? null : dist;
  if (staticDir && !existsSync(join(dist, 'index.html'))) {
    console.error('The game is not built yet: run `npm run build` first, then `npm run room` again.');
    process.exit(1);
  }
  const redisUrl = arg('redis', process.env.REDIS_URL ?? null) ?? undefined;
  const lan = host === '0.0.0.0' ? lanAddress() : host;
  const publicAddress = arg('public-address', null) ?? (redisUrl ? `${lan}:${port}` : undefined);
  const joinBase = joinUrlBase(lan, port);
  const openRooms = arg('open-rooms', 'local');
  if (openRooms !== 'local' && openRooms !== 'any') {
    console.error(`--open-rooms: ${openRooms} is not "local" (this machine only) or "any" (a hosted server)`);
    process.exit(2);
  }
  const retireMinutes = Number(arg('retire-after', '30'));
  if (!(retireMinutes >= 0)) {
    console.error(`--retire-after: ${arg('retire-after', '')} is not a number of minutes`);
    process.exit(2);
  }
  const server = await startRoomServer({
    port,
    host,
    dataDir,
    scenariosDir: resolve(arg('scenarios', join(ROOT, 'scenarios')) as string),
    joinBurst: Number(arg('join-burst', '30')),
    staticDir,
    redisUrl,
    publicAddress,
    joinBase,
    openRooms,
    retireAfterMs: retireMinutes * 60_000,
    // One line per room: the QR code (the join address) is printed once, at start.
    opened: (code) => console.log(`Room ${code} is open. Phones join at ${joinBase}#/join/${code}`),
    recoveryCode: (code, r) =>
      console.log(`Room ${code}: recovery code ${r.slice(0, 4)}-${r.slice(4)} (${RECOVER})`),
  });
  // The child-process tests read this line to know the server is up.
  console.log(`room server listening on ${host}:${server.port} (restored ${server.restored.length} rooms)`);
  if (staticDir) {
    console.log(`\nOpen on the projector laptop: ${joinBase}#/room`);
    console.log(`Phones join at ${joinBase}#/join (then the room code), or scan:\n`);
    console.log(await terminalQr(`${joinBase}#/join`));
  }
  if (host === '0.0.0.0') {
    const others = otherAddresses(lan);
    if (others)
      console.log(`${others}\n(if phones cannot reach ${lan}, start again with --host and one of these)`);
  }
  // Ctrl-C or a service manager: rooms are disposed and journals closed (already on disk), then exit.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGUSR2'] as const)
    process.once(signal, () => void server.close().finally(() => process.exit(0)));
}

main().catch((error) => {
  console.error(`room server: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
