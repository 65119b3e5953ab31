/**
 * `npm run bench:room [-- --rooms 50 --clients 8 --seconds 10 --think 250 --one --profile DIR]`:
 * room mode under a training day's load. N rooms, each a projector and (clients − 1) phones,
 * every client a real websocket on loopback; each phone does what its screen asks (vote, draw,
 * break a tie), one action at a time, looking at the screen as it is when it acts. Prints accepted actions
 * per second and the latency from a phone's action to the projector's update (median, p95,
 * p99), first with one server process, then with two behind Redis; each once with phones that
 * pause before acting (`--think`, the latency figure) and once flooding (the throughput figure).
 * Target on these 2-core machines: p95 under 100 ms at 50 × 8, no room lost. The clients run in
 * this one process, so their own event loop is part of the latency: their CPU and event-loop
 * delay are printed beside it. A benchmark, not a test.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { ExportMessage, LobbyMessage, SeatView } from '../src/protocol/room';
import { newToken } from '../src/room/table';
import {
  type ChildServer,
  freePort,
  killHard,
  spawnServer,
  startRedis,
  stopGently,
  TestClient,
  until,
} from '../src/room/test-client';

const ROOT = resolve(import.meta.dirname, '..');

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
}

const ROOMS = option('rooms', 50);
const CLIENTS = option('clients', 8);
const SECONDS = option('seconds', 10);
/** A phone's pause before it acts, in ms (a person reading the card is far slower still). */
const THINK = option('think', 250);
const PHONES = CLIENTS - 1;
/** `--profile DIR`: the server processes write a V8 CPU profile there (open it in Chromium's DevTools). */
const PROFILE = (() => {
  const i = process.argv.indexOf('--profile');
  return i === -1 ? null : resolve(process.argv[i + 1]);
})();
const nodeArgs = PROFILE ? ['--cpu-prof', '--cpu-prof-dir', PROFILE] : [];
const stop = (server: ChildServer) => (PROFILE ? stopGently(server) : killHard(server));

/** The test fixture, made for PHONES players and a game that outlasts the run. */
function scenarioDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dd-bench-room-'));
  let yaml = readFileSync(join(ROOT, 'tests', 'fixtures', 'room', 'room-long.yaml'), 'utf8');
  yaml = yaml
    .replace('id: room-long', 'id: room-bench')
    .replace(/players: \{ min: 2, max: \d+ \}/, `players: { min: 2, max: ${PHONES} }`);
  yaml = yaml.replace('  count: 40\n', '  count: 400\n');
  const extra = Array.from(
    { length: Math.max(0, PHONES - 4) },
    (_, i) => `  - id: extra-${i}\n    name: Extra ${i}\n    brief: Extra role ${i}.\n`,
  ).join('');
  yaml = yaml.replace('turnDeck: vragen\ndecks:', `${extra}turnDeck: vragen\ndecks:`);
  writeFileSync(join(dir, 'room-bench.yaml'), yaml);
  return dir;
}

interface Sent {
  at: number;
  phone: number;
}

interface RoomRun {
  projector: TestClient;
  phones: TestClient[];
  /** Phone actions in the order sent; each projector update with more actions settles the oldest. */
  inFlight: Sent[];
  accepted: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function openRoom(endpoints: string[], r: number): Promise<RoomRun> {
  const at = (i: number) => endpoints[(r + i) % endpoints.length];
  const projector = await TestClient.create(
    at(0),
    {
      scenario: 'room-bench',
      facilitator: newToken(),
      seed: `b${r}`,
    },
    false,
  );
  await until(() => projector.welcome !== null, 10_000, 'projector');
  const code = projector.room.roomId;
  const phones: TestClient[] = [];
  for (let seat = 0; seat < PHONES; seat++) {
    // Phones reach the room through every process in turn.
    const phone = await TestClient.join(at(seat + 1), code, { name: `P${seat}` }, false);
    await until(() => phone.welcome !== null, 10_000, 'phone');
    phone.send('seat', { seat });
    phones.push(phone);
  }
  const seated = () =>
    (projector.last('lobby') as LobbyMessage | undefined)?.participants.filter((p) => p.seat !== null);
  await until(() => (seated()?.length ?? 0) >= PHONES, 10_000, 'seats');
  await new Promise((ok) => setTimeout(ok, 50));
  projector.send('fac', { op: 'start' });
  await until(() => phones.every((p) => p.view !== null), 10_000, 'start');
  return { projector, phones, inFlight: [], accepted: 0 };
}

function play(run: RoomRun, latencies: number[], until: () => boolean, think: number): void {
  let seen = run.projector.view?.actions ?? 0;
  run.projector.onReceive((r) => {
    if (r.type !== 'view') return;
    const v = r.message as SeatView;
    for (; seen < v.actions; seen++) {
      const sent = run.inFlight.shift();
      if (sent) latencies.push(r.at - sent.at);
      run.accepted++;
    }
  });
  run.phones.forEach((phone, seat) => {
    // Like a person: look at the screen as it is when acting, one action at a time. `sent` is the
    // action last sent until an update shows it landed (the screen asks something else) or it is refused.
    let sent: string | null = null;
    let thinking = false;
    const decide = () => {
      const v = phone.view;
      if (!v || until()) return null;
      const action = nextAction(v, seat);
      if (!action) return null;
      return { action, key: `${action.type}:${v.view.round}:${v.view.phase}:${v.view.card?.card ?? ''}` };
    };
    const fire = () => {
      const d = decide();
      if (!d || sent !== null) return;
      sent = d.key;
      run.inFlight.push({ at: performance.now(), phone: seat });
      phone.send('act', { action: d.action });
    };
    const look = () => {
      const d = decide();
      if (sent !== null && d?.key !== sent) sent = null;
      if (sent !== null || thinking || !d) return;
      if (think <= 0) return fire();
      thinking = true;
      setTimeout(
        () => {
          thinking = false;
          fire();
        },
        think * (0.5 + Math.random()),
      );
    };
    phone.onReceive((r) => {
      if (r.type === 'view') look();
      // A refused action (another phone's landed first) never reaches the projector.
      if (r.type === 'refused') {
        refusals++;
        const i = run.inFlight.findIndex((s) => s.phone === seat);
        if (i >= 0) run.inFlight.splice(i, 1);
        sent = null;
        setTimeout(look, 10);
      }
    });
    look();
  });
}

/** What this seat's phone does on the screen it shows: break a tie, vote, or draw (else nothing). */
function nextAction(v: SeatView, seat: number): { type: string; [k: string]: unknown } | null {
  const card = v.view.card;
  if (card?.tieCandidates && card.tieBreaker === seat)
    return { type: 'breakTie', option: card.tieCandidates[0] };
  if (card?.pick === 'vote' && v.votes?.mine === null) {
    const options = card.options.filter((o) => o.selectable);
    return { type: 'vote', seat, option: options[(seat + v.actions) % options.length].id };
  }
  if (v.view.phase === 'turn' && v.view.activeSeat === seat) return { type: 'draw' };
  return null;
}

/** Refused actions in the current run (printed: a driver that races itself would inflate the figures). */
let refusals = 0;

/** Two runs on the same rooms' server: phones pausing `THINK` ms (latency), then flooding (throughput). */
async function measure(label: string, endpoints: string[]): Promise<void> {
  await run(`${label}, phones think ${THINK} ms`, endpoints, THINK);
  await run(`${label}, phones flood`, endpoints, 0);
}

async function run(label: string, endpoints: string[], think: number): Promise<void> {
  const started = performance.now();
  const rooms: RoomRun[] = [];
  for (let r = 0; r < ROOMS; r += 10) {
    rooms.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(10, ROOMS - r) }, (_, i) => openRoom(endpoints, r + i)),
      )),
    );
  }
  console.log(
    `${label}: ${ROOMS} rooms × ${CLIENTS} clients joined in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const latencies: number[] = [];
  refusals = 0;
  let stop = false;
  const t0 = performance.now();
  // The clients' own event loop is part of every latency sample: its delay is printed beside them.
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const cpu0 = process.cpuUsage();
  for (const room of rooms) play(room, latencies, () => stop, think);
  await new Promise((ok) => setTimeout(ok, SECONDS * 1000));
  stop = true;
  loop.disable();
  const elapsed = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const clientCpu = (cpu.user + cpu.system) / 1000 / (elapsed * 1000);
  await new Promise((ok) => setTimeout(ok, 500));
  // No room lost: each room's record (exported by its projector) holds every update it showed.
  let lost = 0;
  await Promise.all(
    rooms.map(async (room) => {
      room.projector.send('fac', { op: 'export' });
      await until(() => room.projector.last('export') !== undefined, 10_000, 'export').catch(() => undefined);
      const record = (room.projector.last('export') as ExportMessage | undefined)?.record;
      if (!record || record.actions.length < room.accepted || room.accepted === 0) lost++;
    }),
  );
  const sorted = latencies.sort((a, b) => a - b);
  const total = rooms.reduce((n, r) => n + r.accepted, 0);
  console.log(
    `${label}: ${(total / elapsed).toFixed(0)} actions/s over ${elapsed.toFixed(1)} s; ` +
      `phone → projector latency median ${percentile(sorted, 50).toFixed(1)} ms, ` +
      `p95 ${percentile(sorted, 95).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms ` +
      `(${sorted.length} samples, ${refusals} refused); rooms lost: ${lost}`,
  );
  console.log(
    `${label}: the bench's own clients used ${(clientCpu * 100).toFixed(0)}% of one core (of ${cpus().length}); ` +
      `their event-loop delay p95 ${(loop.percentile(95) / 1e6).toFixed(1)} ms, max ${(loop.max / 1e6).toFixed(1)} ms`,
  );
  await Promise.all(rooms.flatMap((r) => [r.projector, ...r.phones]).map((c) => c.leave()));
}

async function main(): Promise<void> {
  const scenarios = scenarioDir();
  const data = () => mkdtempSync(join(tmpdir(), 'dd-bench-data-'));
  {
    const port = await freePort();
    const server = await spawnServer({ port, dataDir: data(), scenariosDir: scenarios, nodeArgs });
    try {
      await measure('one process', [`ws://127.0.0.1:${port}`]);
    } finally {
      await stop(server);
    }
  }
  if (process.argv.includes('--one')) return;
  const redis = await startRedis();
  const servers = [];
  try {
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      servers.push(
        await spawnServer({ port, dataDir: data(), scenariosDir: scenarios, redis: redis.url, nodeArgs }),
      );
    }
    await measure(
      'two processes + Redis',
      servers.map((s) => `ws://127.0.0.1:${s.port}`),
    );
  } finally {
    for (const s of servers) await stop(s);
    await redis.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
