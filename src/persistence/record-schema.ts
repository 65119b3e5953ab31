/**
 * The engine's session record (`SessionRecord`, `Action` in src/engine/types.ts) as a strict zod
 * schema, so a save read back from disk or from another laptop is checked field by field before
 * the engine replays it. The type assertions at the bottom fail the typecheck when the engine's
 * contract changes and this schema is not updated with it.
 */

import { z } from 'zod';
import type { Action, PlayerSetup, SessionRecord } from '../engine/types';
import { controlIndex } from '../scenario/text';

const Seat = z.number().int().min(0).max(63);
const Ref = z.string().min(1).max(200);
/**
 * A participant's name: no control characters or direction overrides, which would turn the name
 * (and what follows it) around on screen and in every export.
 */
export const PlainName = z
  .string()
  .max(200)
  .refine((s) => controlIndex(s) < 0, 'a name may not hold control characters or direction overrides');
/** A facilitator's note is the only free text in a record; long, but not unbounded. */
const NOTE_MAX = 20_000;

export const ActionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('roll') }),
  z.strictObject({ type: z.literal('draw') }),
  z.strictObject({ type: z.literal('ask'), question: z.number().int().min(0) }),
  z.strictObject({ type: z.literal('choose'), option: Ref }),
  z.strictObject({ type: z.literal('vote'), seat: Seat, option: Ref }),
  z.strictObject({ type: z.literal('breakTie'), option: Ref }),
  z.strictObject({ type: z.literal('invest') }),
  z.strictObject({ type: z.literal('decline') }),
  z.strictObject({ type: z.literal('setPriorities'), priorities: z.array(Ref).max(200) }),
  z.strictObject({ type: z.literal('votePriorities'), seat: Seat, priorities: z.array(Ref).max(200) }),
  z.strictObject({ type: z.literal('breakPriorityTie'), priorities: z.array(Ref).max(200) }),
  z.strictObject({ type: z.literal('transfer'), from: Ref, to: Ref, amount: z.number().int() }),
  z.strictObject({ type: z.literal('endTransfers') }),
  z.strictObject({ type: z.literal('note'), text: z.string().max(NOTE_MAX) }),
  z.strictObject({ type: z.literal('skipCard') }),
  z.strictObject({ type: z.literal('injectCard'), card: Ref, deck: Ref.optional() }),
  z.strictObject({ type: z.literal('endNow') }),
  z.strictObject({ type: z.literal('closeVote') }),
]);

export const PlayerSetupSchema = z.strictObject({
  name: PlainName,
  role: Ref.optional(),
});

export const SessionRecordSchema = z.strictObject({
  version: z.literal(1),
  scenario: z.strictObject({ id: Ref, hash: z.string().min(1).max(200) }),
  seed: z.string().max(200),
  rng: z.string().max(100).optional(),
  players: z.array(PlayerSetupSchema).min(1).max(64),
  actions: z.array(ActionSchema).max(1_000_000),
});

// Compile-time guards: the schema and the engine's contract must describe the same JSON.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameAction: Same<z.infer<typeof ActionSchema>, Action> = true;
const samePlayer: Same<z.infer<typeof PlayerSetupSchema>, PlayerSetup> = true;
const sameRecord: Same<z.infer<typeof SessionRecordSchema>, SessionRecord> = true;
export const RECORD_SCHEMA_MATCHES_TYPES = sameAction && samePlayer && sameRecord;
