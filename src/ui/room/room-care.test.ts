// @vitest-environment happy-dom
/**
 * The screens' part of seat approval and journal healing, on a DOM: the console's requests with
 * Approve / Decline (a seat whose phone is gone says it changes hands) and the notice that the
 * journal was damaged; the phone waiting for the facilitator, and a phone whose room is gone.
 */
import { beforeAll, expect, it } from 'vitest';
import { initI18n } from '../../i18n';
import type { FacilitatorMessage, LobbyMessage } from '../../protocol/room';
import { emptySnapshot, type RoomConnection, type RoomSnapshot } from './connection';
import { journalNotice, seatRequests } from './console';

beforeAll(() => initI18n('nl'));

const lobby: LobbyMessage = {
  code: 'ABCDEF',
  scenario: { id: 'x', title: 'X' },
  min: 2,
  max: 3,
  started: true,
  paused: false,
  participants: [
    { id: 'p1', name: 'Anna', seat: 0, connected: false, played: false },
    { id: 'p2', name: 'Lege stoel', seat: 1, connected: false, played: true },
    { id: 'p3', name: 'Bram', seat: null, connected: true, played: false },
    { id: 'p4', name: 'Anna', seat: null, connected: true, played: false },
  ],
  requests: [
    { id: 'p3', seat: 1 },
    { id: 'p4', seat: 0 },
  ],
};

function fakeConn(part: Partial<RoomSnapshot>) {
  const sent: FacilitatorMessage[] = [];
  const conn = {
    snapshot: { ...emptySnapshot('open'), ...part },
    facilitate: (m: FacilitatorMessage) => sent.push(m),
    dismissNotice() {
      conn.snapshot = { ...conn.snapshot, notice: null };
    },
  };
  return { conn: conn as unknown as RoomConnection, sent };
}

it('lists each request with Approve and Decline, and says when a seat changes hands', () => {
  const { conn, sent } = fakeConn({ lobby });
  const el = seatRequests(conn)!;
  const rows = [...el.querySelectorAll('[data-testid="seat-request"]')];
  expect(rows.map((r) => r.querySelector('span')?.textContent)).toEqual([
    'Bram vraagt om stoel 2',
    'Anna vraagt om stoel 1, nu van Anna (niet verbonden): toestaan geeft de stoel aan deze telefoon, de oude telefoon raakt hem kwijt',
  ]);
  (el.querySelector('[data-key="approve-p3"]') as HTMLButtonElement).click();
  (el.querySelector('[data-key="decline-p4"]') as HTMLButtonElement).click();
  expect(sent).toEqual([
    { op: 'approve', participant: 'p3' },
    { op: 'decline', participant: 'p4' },
  ]);
  // Nothing waiting: nothing shown.
  expect(seatRequests(fakeConn({ lobby: { ...lobby, requests: [] } }).conn)).toBe(null);
});

it('tells the facilitator the journal was damaged, until it is read', () => {
  const { conn } = fakeConn({
    notice: { kind: 'journal-damaged', line: 9, kept: 7, copy: '/x/ABCDEF.jsonl.damaged-1' },
  });
  const el = journalNotice(conn)!;
  expect(el.textContent).toContain(
    'Het logboek van deze tafel was beschadigd op regel 9; de tafel is hersteld tot en met de laatste goede stap (7 stappen na het openen).',
  );
  expect(el.textContent).toContain('ABCDEF.jsonl.damaged-1');
  el.querySelector('button')!.click();
  expect(journalNotice(conn)).toBe(null);
});

it('a phone waits for the facilitator; a phone of a room that is gone says so and offers a new code', async () => {
  const { roomGone, waitingForSeat } = await import('./phone');
  const waiting = waitingForSeat(fakeConn({ lobby }).conn, 'p3');
  expect(waiting?.textContent).toBe('Wacht op de facilitator… (u vroeg om stoel 2)');
  expect(waitingForSeat(fakeConn({ lobby }).conn, 'p1')).toBe(null);
  const went: string[] = [];
  const ctx = { go: (p: string) => went.push(p) } as unknown as Parameters<typeof roomGone>[0];
  const gone = roomGone(ctx, fakeConn({ status: 'gone', refused: 'room-gone' }).conn)!;
  expect(gone.map((e) => e.textContent)).toContain('Deze tafel bestaat niet meer.');
  (gone.at(-1) as HTMLButtonElement).click();
  expect(went).toEqual(['join']);
  // Only a room that is gone, not a connection that is merely lost.
  expect(roomGone(ctx, fakeConn({ status: 'lost' }).conn)).toBe(null);
});
