/**
 * The 'view' message as the bytes Colyseus would send, built from parts. Every screen of a room
 * gets the same public part (the engine's `publicSight`: view, card, last decision, count) and
 * only a few fields of its own (seat, own vote), so the public part is encoded once per update
 * and each client's message is that encoding plus its own small part: a MessagePack map is a
 * header (its entry count) followed by its entries, so two maps' entries join into one under a
 * new header.
 * The client decodes the same `SeatView` it would from `client.send('view', …)`.
 */
import { getMessageBytes, Protocol } from '@colyseus/core';
import { Packr } from '@colyseus/msgpackr';
import type { PublicSight } from '../engine/seat-view';
import type { SeatExtras } from '../protocol/room';

// The options Colyseus' own encoder uses (plain maps, readable by any MessagePack decoder).
const packr = new Packr({ useRecords: false });

/** Colyseus' message prefix: the ROOM_DATA code and the type 'view'. */
const PREFIX = Buffer.from(getMessageBytes.raw(Protocol.ROOM_DATA, 'view'));

/** The public part's encoding, made once per update (a copy: the encoder reuses its buffer). */
export function packTableView(shared: PublicSight): Buffer {
  return Buffer.from(packr.pack(shared));
}

/** The whole 'view' message for one client: the shared encoding plus its own fields. */
export function viewFrame(shared: Buffer, extras: SeatExtras): Buffer {
  const own = packr.pack(extras);
  const [ownEntries, ownHeader] = mapHeader(own);
  const [sharedEntries, sharedHeader] = mapHeader(shared);
  const entries = ownEntries + sharedEntries;
  const head = Buffer.from([0xde, entries >> 8, entries & 0xff]);
  return Buffer.concat([PREFIX, head, shared.subarray(sharedHeader), own.subarray(ownHeader)]);
}

/** A MessagePack map's entry count and header length (fixmap, map16: both parts are small maps). */
function mapHeader(bytes: Uint8Array): [entries: number, header: number] {
  if ((bytes[0] & 0xf0) === 0x80) return [bytes[0] & 0x0f, 1];
  if (bytes[0] === 0xde) return [(bytes[1] << 8) | bytes[2], 3];
  throw new Error(`viewFrame: a part is not a small map (0x${bytes[0].toString(16)})`);
}
