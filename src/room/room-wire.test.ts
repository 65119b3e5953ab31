/**
 * What a phone can learn from the wire (issue 19): a whole flagship game (urk-2015) in vote mode
 * against a real room server, six phones each keeping every message it received, decoded by
 * colyseus.js as a phone's browser does (welcome, lobby, brief, the msgpack view frames, the
 * scenario at the end). Before the end, no phone's messages may hold a card that was not on the
 * table yet, an answer to a question nobody asked, a role's stance on an option, an option's
 * effects beyond the scenario's `reveal: cost`, another seat's ballot or another seat's hidden
 * brief. After the end every phone gets the whole scenario for the debrief.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { replay } from '../engine/record';
import { parseSavedSession } from '../persistence/session-format';
import type { SeatView } from '../protocol/room';
import { loadScenario } from '../scenario/load';
import type { Card, Scenario, Text } from '../scenario/schema';
import { newToken } from './table';
import { type Received, roomServerForTests, TestClient, until } from './test-client';

const SCENARIOS = resolve(import.meta.dirname, '..', '..', 'scenarios');
const loaded = loadScenario(readFileSync(join(SCENARIOS, 'urk-2015.yaml')), 'urk-2015.yaml');
if (!loaded.ok) throw new Error('urk-2015 does not load');
const urk: Scenario = loaded.scenario;
const SEATS = 6;

const rooms = roomServerForTests('dd-room-wire-');

const texts = (t: Text | undefined): string[] =>
  t === undefined ? [] : typeof t === 'string' ? [t] : Object.values(t);
const allCards: Card[] = [...urk.decks.flatMap((d) => d.cards), ...urk.reserveCards];

/** The next move of the game and who makes it, read from the facilitator's view (the engine's mayAct). */
function nextMove(
  sv: SeatView,
  game: { asked: number; closed: number },
): { seat: number | null; action: object } | null {
  const v = sv.view;
  const may = v.mayAct;
  const first = (list: number[] | undefined) => (list && list.length > 0 ? list[0] : null);
  if (first(may.roll) !== null) return { seat: first(may.roll), action: { type: 'roll' } };
  if (first(may.draw) !== null) return { seat: first(may.draw), action: { type: 'draw' } };
  if (v.card) {
    const open = v.card.questions.find((q) => q.offered && !q.asked);
    if (open && may.ask && game.asked < 6) {
      game.asked++;
      return { seat: SEATS - 1, action: { type: 'ask', question: open.index } };
    }
    const selectable = v.card.options.filter((o) => o.selectable).map((o) => o.id);
    const voters = may.vote ?? [];
    // Twice in the game the facilitator closes a vote with seats still to vote.
    if (voters.length > 0 && voters.length <= 3 && game.closed < 2) {
      game.closed++;
      return { seat: null, action: { op: 'closeVote' } };
    }
    if (voters.length > 0)
      return {
        seat: voters[0],
        action: {
          type: 'vote',
          seat: voters[0],
          option: selectable[(voters[0] + sv.actions) % selectable.length],
        },
      };
    if (first(may.breakTie) !== null)
      return { seat: first(may.breakTie), action: { type: 'breakTie', option: selectable[0] } };
  }
  if (first(may.invest) !== null) return { seat: first(may.invest), action: { type: 'invest' } };
  if (first(may.decline) !== null) return { seat: first(may.decline), action: { type: 'decline' } };
  const pr = v.council?.priorities;
  if (pr && first(may.votePriorities) !== null) {
    const seat = first(may.votePriorities) as number;
    const pick = [...pr.candidates.slice(seat % pr.candidates.length), ...pr.candidates].slice(
      0,
      pr.prioritiesToPick,
    );
    return { seat, action: { type: 'votePriorities', seat, priorities: [...new Set(pick)] } };
  }
  if (pr && first(may.breakPriorityTie) !== null)
    return {
      seat: first(may.breakPriorityTie),
      action: { type: 'breakPriorityTie', priorities: pr.candidates.slice(0, pr.prioritiesToPick) },
    };
  if (first(may.endTransfers) !== null)
    return { seat: first(may.endTransfers), action: { type: 'endTransfers' } };
  return null;
}

it('over a whole flagship game in vote mode, no phone receives what its screen may not show', async () => {
  const facilitator = newToken();
  const projector = await TestClient.create(rooms.endpoint(), {
    scenario: 'urk-2015',
    facilitator,
    seed: 'wire',
    decision: 'vote',
  });
  await until(() => projector.welcome !== null, 5000, 'welcome');
  const code = projector.room.roomId;
  const phones: TestClient[] = [];
  for (let i = 0; i < SEATS; i++) {
    const phone = await TestClient.join(rooms.endpoint(), code, { name: `Speler ${i + 1}` });
    await until(() => phone.welcome !== null, 5000, 'phone welcome');
    phone.send('seat', { seat: i });
    phones.push(phone);
  }
  await until(
    () =>
      phones.every((p) => JSON.stringify(projector.last('lobby')).includes(`"seat":${phones.indexOf(p)}`)),
    5000,
    'seats',
  );
  projector.send('fac', { op: 'start' });
  await until(() => projector.view !== null && phones.every((p) => p.view !== null), 5000, 'views');
  expect(projector.view?.view.decision).toBe('vote');

  // Play to the end, one move at a time, from the seat the engine says may make it.
  const game = { asked: 0, closed: 0 };
  let votes = 0;
  for (let moves = 0; projector.view?.view.phase !== 'ended'; moves++) {
    expect(moves).toBeLessThan(3000);
    const sv = projector.view as SeatView;
    const move = nextMove(sv, game);
    if (!move) throw new Error(`no move in phase ${sv.view.phase}`);
    if ('type' in move.action && move.action.type === 'vote') votes++;
    if (move.seat === null) projector.send('fac', move.action);
    else phones[move.seat].send('act', { action: move.action });
    await until(
      () => (projector.view?.actions ?? 0) > sv.actions,
      5000,
      `move ${JSON.stringify(move.action)}`,
    );
  }
  await until(() => phones.every((p) => p.last('scenario') !== undefined), 5000, 'the scenario at the end');
  expect(game.closed).toBe(2);
  expect(game.asked).toBeGreaterThan(0);
  expect(votes).toBeGreaterThan(SEATS * 3);

  const hiddenRoles = new Set(urk.roles.filter((r) => r.hidden).map((r) => r.id));
  let hiddenDealt = 0;
  for (const [seat, phone] of phones.entries()) {
    // The end: the first view of the ended game (the roles are revealed), then the whole scenario.
    const ended = phone.received.findIndex(
      (r) => r.type === 'view' && (r.message as SeatView).view.phase === 'ended',
    );
    const end = phone.received.findIndex((r) => r.type === 'scenario');
    expect(ended).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(ended);
    const before = phone.received.slice(0, ended);
    const brief = before.find((r) => r.type === 'brief')?.message as { role: string } | undefined;
    if (brief && hiddenRoles.has(brief.role)) hiddenDealt++;
    checkPhone(seat, brief?.role ?? null, before);
    // After the end: the whole scenario, for the debrief.
    const full = phone.received[end].message as Scenario;
    expect(full.decks.flatMap((d) => d.cards).length).toBe(urk.decks.flatMap((d) => d.cards).length);
  }
  expect(hiddenDealt).toBeGreaterThan(0);
  // The exported session replays on the single laptop, by vote, to the same end (the debrief).
  projector.send('fac', { op: 'export' });
  await until(() => projector.last('export') !== undefined, 5000, 'export');
  const saved = parseSavedSession((projector.last('export') as { file: string }).file);
  if (!saved.ok) throw new Error(`the export does not read back: ${saved.problem.message}`);
  const played = loadScenario(saved.session.scenario.source, 'export');
  if (!played.ok) throw new Error('the exported scenario does not load');
  expect(played.scenario.decision).toBe('vote');
  const ending = projector.view?.view.ending?.id;
  expect(ending).toBeTruthy();
  expect(replay(played.scenario, saved.session.record).ending?.id).toBe(ending);
  await Promise.all([projector, ...phones].map((c) => c.leave()));
}, 120_000);

/** Every string value in a decoded message (the texts a screen could show). */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

/** Every message a phone received before the end, checked against what its screen may show. */
function checkPhone(seat: number, ownRole: string | null, received: Received[]): void {
  const onTable = new Set<string>();
  const asked = new Set<string>();
  const hiddenBriefs = urk.roles.filter((r) => r.hidden && r.id !== ownRole).flatMap((r) => texts(r.brief));
  /** What this phone may not see yet, text → why (rebuilt when a card comes up or a question is asked). */
  const forbidden = () => {
    const out = new Map<string, string>();
    for (const brief of hiddenBriefs) out.set(brief, 'a hidden brief of another seat');
    for (const card of allCards) {
      if (!onTable.has(card.id))
        for (const title of texts(card.title)) out.set(title, `${card.id} before it came on the table`);
      card.conversation.forEach((q, index) => {
        if (asked.has(`${card.id}/${index}`)) return;
        for (const answer of texts(q.reveals))
          out.set(answer, `the answer to ${card.id}/${index} before it was asked`);
      });
    }
    return out;
  };
  let secret = forbidden();
  for (const [i, r] of received.entries()) {
    const where = `phone ${seat}, message ${i} (${r.type})`;
    const text = JSON.stringify(r.message);
    if (r.type === 'view') {
      const sv = r.message as SeatView;
      const card = sv.view.card;
      if (card) {
        const before = onTable.size + asked.size;
        onTable.add(card.card);
        for (const q of card.questions) if (q.asked) asked.add(`${card.card}/${q.index}`);
        if (onTable.size + asked.size !== before) secret = forbidden();
        // reveal: cost — the money only, no other effect.
        for (const o of card.options) expect(o.effects, where).toEqual([]);
        expect(card.votes?.every((x) => x === null) ?? true, where).toBe(true);
      }
      expect(sv.view.council?.priorities?.votes?.every((x) => x === null) ?? true, where).toBe(true);
      expect(sv.ballots, where).toBeNull();
      expect(sv.voted, where).toBeNull();
      expect(sv.you, where).toBe(seat);
      for (const p of sv.view.players)
        if (p.seat !== seat && p.role !== null)
          expect(urk.roles.find((x) => x.id === p.role)?.hidden, where).toBe(false);
    }
    if (r.type === 'brief') expect((r.message as { seat: number }).seat, where).toBe(seat);
    expect(text, where).not.toContain('"stances"');
    expect(text, where).not.toContain('"seed"');
    for (const value of strings(r.message)) {
      const why = secret.get(value);
      if (why) expect.fail(`${where}: ${why}`);
    }
    // The welcome (with its scenario) also holds no such text inside another.
    if (r.type === 'welcome')
      for (const [value, why] of secret)
        expect(text, `${where}: ${why}`).not.toContain(JSON.stringify(value).slice(1, -1));
  }
  expect(onTable.size).toBeGreaterThan(3);
}
