/**
 * The engine's session record (`SessionRecord` in src/engine/types.ts; `Action` is its own schema,
 * src/engine/action.ts) as a strict zod
 * schema, so a save read back from disk or from another laptop is checked field by field before
 * the engine replays it. The type assertions at the bottom fail the typecheck when the engine's
 * contract changes and this schema is not updated with it.
 */

import { z } from 'zod';
import { ActionSchema } from '../engine/action';
import type { PlayerSetup, SessionRecord } from '../engine/types';
import { controlIndex } from '../scenario/text';

const Ref = z.string().min(1).max(200);
/**
 * A participant's name: no control characters or direction overrides, which would turn the name
 * (and what follows it) around on screen and in every export.
 */
export const PlainName = z
  .string()
  .max(200)
  .refine((s) => controlIndex(s) < 0, 'a name may not hold control characters or direction overrides');

export { ActionSchema };

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
const samePlayer: Same<z.infer<typeof PlayerSetupSchema>, PlayerSetup> = true;
const sameRecord: Same<z.infer<typeof SessionRecordSchema>, SessionRecord> = true;
export const RECORD_SCHEMA_MATCHES_TYPES = samePlayer && sameRecord;
