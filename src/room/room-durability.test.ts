/**
 * Nothing lost: the room server runs in a child process that is killed with SIGKILL at a random
 * moment while the table votes, 30 times over, and started again on the same journals. Every
 * action any screen was shown must be there after the restart, in the same order, and the
 * restored game must be at the same decision the projector last showed.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { replay } from '../engine/record';
import type { SessionRecord } from '../engine/types';
import { view } from '../engine/view';
import type { ExportMessage, SeatView } from '../protocol/room';
import { loadScenario } from '../scenario';
import { newToken } from './table';
import { type ChildServer, freePort, killHard, spawnServer, TestClient, until } from './test-client';

const FIXTURES = resolve(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'room');
const TRIALS = 30;
const loaded = loadScenario(readFileSync(join(FIXTURES, 'room-long.yaml'), 'utf8'), 'room-long.yaml');
if (!loaded.ok) throw new Error('fixture room-long.yaml does not load');
const scenario = loaded.scenario;

let server: ChildServer | null = null;
afterAll(async () => {
  if (server) await killHard(server);
});

/** What a screen last saw, compared with the restored record at that many actions. */
function sameDecision(seen: SeatView, record: SessionRecord): void {
  const state = replay(scenario, { ...record, actions: record.actions.slice(0, seen.actions) });
  const v = view(scenario, state);
  expect({ round: v.round, phase: v.phase, card: v.card?.card, resources: v.resources }).toEqual({
    round: seen.view.round,
    phase: seen.view.phase,
    card: seen.view.card?.card,
    resources: seen.view.resources,
  });
  if (seen.votes) expect(v.card?.votes?.filter((x) => x !== null).length).toBe(seen.votes.cast);
  expect(v.card?.tieCandidates ?? null).toEqual(seen.view.card?.tieCandidates ?? null);
}

it(`kill -9 mid-vote, ${TRIALS} times: every action a screen was shown is restored`, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dd-room-kill-'));
  const port = await freePort();
  const endpoint = `ws://127.0.0.1:${port}`;
  server = await spawnServer({ port, dataDir, scenariosDir: FIXTURES });
  const facilitator = newToken();
  let projector = await TestClient.create(endpoint, { scenario: 'room-long', facilitator, seed: 'kill' });
  const code = projector.room.roomId;
  const tokens: string[] = [];
  for (let seat = 0; seat < 4; seat++) {
    const phone = await TestClient.join(endpoint, code, { name: `P${seat}` });
    await until(() => phone.welcome !== null);
    tokens.push(phone.welcome!.token!);
    phone.send('seat', { seat });
    await until(() => phone.last('refused') !== undefined || phone.allText().includes(`"seat":${seat}`));
  }
  projector.send('fac', { op: 'start' });
  await until(() => projector.view !== null, 5000, 'start');

  let previous: SessionRecord | null = null;
  let lost = 0;
  let midVote = 0;
  for (let trial = 0; trial < TRIALS; trial++) {
    const phones = await Promise.all(tokens.map((token) => TestClient.join(endpoint, code, { token })));
    await until(() => phones.every((p) => p.view !== null) && projector.view !== null, 5000, 'views');
    // Play: the active seat draws, every seat votes as soon as a card is on the table.
    const shown: SeatView[] = [];
    projector.onReceive((r) => {
      if (r.type === 'view') shown.push(r.message as SeatView);
    });
    // Every third trial the last seat keeps its vote back, so that kill lands while a vote is
    // half cast whatever the machine's speed (bounded by trials, not by a lucky moment).
    const holdBack = trial % 3 === 0;
    const play = (p: TestClient, seat: number) => {
      const v = p.view;
      if (!v) return;
      const card = v.view.card;
      if (card?.tieCandidates && card.tieBreaker === seat) {
        p.send('act', { action: { type: 'breakTie', option: card.tieCandidates[0] } });
      } else if (card?.votes && card.pick === 'vote' && v.votes?.mine === null) {
        if (holdBack && seat === tokens.length - 1) return;
        const option = card.options[(seat + trial) % card.options.length].id;
        p.send('act', { action: { type: 'vote', seat, option } });
      } else if (v.view.phase === 'turn' && v.view.activeSeat === seat) {
        p.send('act', { action: { type: 'draw' } });
      }
    };
    phones.forEach((p, seat) => {
      p.onReceive((r) => r.type === 'view' && play(p, seat));
      play(p, seat);
    });
    // Killed at a random moment while the table draws and votes, or once a vote is half cast.
    const halfCast = (v: SeatView | null) => !!v?.votes && v.votes.cast > 0 && v.votes.cast < v.votes.total;
    // (Once the game has ended there is no vote left to cut in half.)
    const over = () => projector.view?.view.phase === 'ended' || shown.some((v) => v.view.phase === 'ended');
    if (holdBack)
      await until(
        () => shown.some(halfCast) || halfCast(projector.view) || over(),
        10_000,
        'a half-cast vote',
      );
    else await new Promise((r) => setTimeout(r, 30 + Math.random() * 120));
    await killHard(server);
    const lastSeen = [...shown].sort((a, b) => b.actions - a.actions)[0] ?? projector.view!;
    if (lastSeen.votes && lastSeen.votes.cast > 0 && lastSeen.votes.cast < lastSeen.votes.total) midVote++;
    server = await spawnServer({ port, dataDir, scenariosDir: FIXTURES });
    projector = await TestClient.join(endpoint, code, { facilitator });
    await until(() => projector.view !== null, 5000, 'projector back');
    projector.send('fac', { op: 'export' });
    await until(() => projector.last('export') !== undefined, 5000, 'export after restart');
    const restored = (projector.last('export') as ExportMessage).record;
    // Nothing restored earlier went missing, and every action the projector was shown survived, and the game stands where it was shown.
    if (previous) expect(restored.actions.slice(0, previous.actions.length)).toEqual(previous.actions);
    if (restored.actions.length < lastSeen.actions) lost++;
    expect(restored.actions.length).toBeGreaterThanOrEqual(lastSeen.actions);
    sameDecision(lastSeen, restored);
    previous = restored;
  }
  expect(lost).toBe(0);
  // The kills did land while a vote was half cast (not only between decisions).
  expect(midVote).toBeGreaterThan(0);
  expect(previous!.actions.length).toBeGreaterThan(TRIALS);
}, 120_000);
