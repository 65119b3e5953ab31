import { Protocol } from '@colyseus/core';
import { unpack } from '@colyseus/msgpackr';
import { describe, expect, it } from 'vitest';
import type { PublicSight } from '../engine/seat-view';
import type { View } from '../engine/view';
import type { SeatExtras, SeatView } from '../protocol/room';
import { packTableView, viewFrame } from './view-frame';

/** What colyseus.js does with a ROOM_DATA frame: the code, the type as a string, then the message. */
function decodeFrame(frame: Buffer): { code: number; type: string; message: unknown } {
  const code = frame[0];
  const length = frame[1] & 0x1f; // a fixstr: 'view' is 4 bytes
  const type = frame.subarray(2, 2 + length).toString('utf8');
  return { code, type, message: unpack(frame.subarray(2 + length)) };
}

const view = {
  round: 2,
  phase: 'card',
  card: {
    card: 'jeugdzorg-wachtlijst',
    votes: [null, null, null],
    options: [{ id: 'a', shownCost: { zorg: -40 } }],
  },
  resources: [{ id: 'zorg', value: 1200.5, floor: null, income: 0 }],
  flags: { ééntje: true },
} as unknown as View;

const shared = (v: View): PublicSight => ({
  view: v,
  card: null,
  last: {
    kind: 'card',
    card: 'x',
    title: 'X',
    option: null,
    chosen: [],
    labels: {},
    tally: null,
    abstained: 0,
  },
  count: { cast: 1, total: 3, tally: null },
});

const extras = (you: number | null): SeatExtras => ({
  actions: 17,
  you,
  votes: { cast: 1, total: 3, mine: you === 0 ? 'a' : null },
  voted: you === null ? [true, false, false] : null,
  ballots: you === null ? ['a', null, 'b'] : null,
  paused: false,
  canUndo: true,
});

describe('viewFrame', () => {
  it('decodes on the client to exactly the SeatView the room meant, for every screen', () => {
    const packed = packTableView(shared(view));
    for (const you of [null, 0, 1, 2]) {
      const decoded = decodeFrame(viewFrame(packed, extras(you)));
      expect(decoded.code).toBe(Protocol.ROOM_DATA);
      expect(decoded.type).toBe('view');
      expect(decoded.message).toEqual({ ...shared(view), ...extras(you) });
    }
  });

  it('keeps the shared encoding intact while others are encoded after it', () => {
    const first = packTableView(shared(view));
    const copy = Buffer.from(first);
    packTableView(shared({ ...view, round: 9 }));
    viewFrame(first, extras(1));
    expect(first.equals(copy)).toBe(true);
    expect((decodeFrame(viewFrame(first, extras(1))).message as SeatView).view.round).toBe(2);
  });
});
