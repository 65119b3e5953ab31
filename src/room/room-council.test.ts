/**
 * Money at a council meeting in room mode, against a real Colyseus server on 127.0.0.1: the
 * chair's seat moves money between budgets (the demo scenario has `transfers: true`), another
 * seat's move is refused `not-your-turn`, one over the limit `over-limit`; who may is the engine's.
 */
import { expect, it } from 'vitest';
import { prioritiesAction } from '../engine/view-actions';
import type { LobbyMessage } from '../protocol/room';
import { newToken } from './table';
import { roomServerForTests, TestClient, until } from './test-client';

const rooms = roomServerForTests('dd-room-council-');

/** The next `refused` message this client gets after `send` runs. */
async function refusal(client: TestClient, send: () => void): Promise<unknown> {
  const before = client.received.filter((m) => m.type === 'refused').length;
  send();
  await until(() => client.received.filter((m) => m.type === 'refused').length > before, 5000, 'a refusal');
  return client.last('refused');
}

it("the chair's phone moves money at the council; another seat may not", async () => {
  const projector = await TestClient.create(rooms.endpoint(), {
    scenario: 'demo-zeewijk',
    facilitator: newToken(),
    seed: 'council-money',
  });
  await until(() => projector.welcome !== null, 5000, 'welcome');
  const phones: TestClient[] = [];
  for (let i = 0; i < 2; i++) {
    const phone = await TestClient.join(rooms.endpoint(), projector.room.roomId, { name: `Speler ${i + 1}` });
    await until(() => phone.welcome !== null, 5000, 'phone welcome');
    phone.send('seat', { seat: i });
    phones.push(phone);
  }
  const lobby = () => projector.last('lobby') as LobbyMessage | undefined;
  await until(() => lobby()?.participants.filter((p) => p.seat !== null).length === 2, 5000, 'seats');
  projector.send('fac', { op: 'start' });
  // Zeewijk opens with a council meeting: the chair picks the priorities, then the money.
  await until(() => projector.view?.view.council?.priorities != null, 5000, 'the priorities');
  const pr = projector.view!.view.council!.priorities!;
  // The chair is whom the engine lets pick the priorities.
  const [seat] = projector.view!.view.mayAct[pr.pick] ?? [];
  const chair = phones[seat];
  const other = phones[1 - seat];
  chair.send('act', { action: prioritiesAction(pr, pr.candidates.slice(0, pr.prioritiesToPick)) });
  await until(() => projector.view?.view.council?.step === 'transfers', 5000, 'the transfers step');
  expect(chair.view?.view.mayAct.transfer).toEqual([seat]);
  const budget = (id: string) => projector.view?.view.resources.find((r) => r.id === id)?.value;
  expect(budget('wmo')).toBe(60_000);

  const move = { type: 'transfer', from: 'wmo', to: 'jeugd', amount: 10_000 };
  expect(await refusal(other, () => other.send('act', { action: move }))).toMatchObject({
    reason: 'not-your-turn',
  });
  expect(
    await refusal(chair, () => chair.send('act', { action: { ...move, amount: 60_001 } })),
  ).toMatchObject({ reason: 'over-limit' });
  expect(budget('wmo')).toBe(60_000);

  chair.send('act', { action: move });
  await until(() => budget('wmo') === 50_000, 5000, 'the money moved');
  expect(budget('jeugd')).toBe(50_000);
  // Every phone sees the new budgets and the new limit.
  await until(() => other.view?.view.council?.transferLimits?.wmo === 50_000, 5000, 'the phone sees it');
  await Promise.all([projector, ...phones].map((c) => c.leave()));
});
