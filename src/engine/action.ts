/**
 * What a table (or its facilitator) can do: one definition, a strict zod schema, with the
 * engine's `Action` type inferred from it. A save read back from disk, a phone's message in room
 * mode and the engine's own contract are the same thing, so they cannot drift (issue 20).
 */
import { z } from 'zod';

const Seat = z.number().int().min(0).max(63);
const Ref = z.string().min(1).max(200);
/** A facilitator's note is the only free text in a record; long, but not unbounded. */
const NOTE_MAX = 20_000;
const Priorities = z.array(Ref).max(200);

export const ActionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('roll') }),
  z.strictObject({ type: z.literal('draw') }),
  z.strictObject({ type: z.literal('ask'), question: z.number().int().min(0) }),
  z.strictObject({ type: z.literal('choose'), option: Ref }),
  z.strictObject({ type: z.literal('vote'), seat: Seat, option: Ref }),
  z.strictObject({ type: z.literal('breakTie'), option: Ref }),
  z.strictObject({ type: z.literal('invest') }),
  z.strictObject({ type: z.literal('decline') }),
  z.strictObject({ type: z.literal('setPriorities'), priorities: Priorities }),
  z.strictObject({ type: z.literal('votePriorities'), seat: Seat, priorities: Priorities }),
  // The chair's picks among the tied priorities only: exactly `choose` − `tie.chosen.length` of them.
  z.strictObject({ type: z.literal('breakPriorityTie'), priorities: Priorities }),
  z.strictObject({ type: z.literal('transfer'), from: Ref, to: Ref, amount: z.number().int() }),
  z.strictObject({ type: z.literal('endTransfers') }),
  // The facilitator's actions, recorded and replayed like the table's.
  z.strictObject({ type: z.literal('note'), text: z.string().max(NOTE_MAX) }),
  z.strictObject({ type: z.literal('skipCard') }),
  // A one-off copy goes on the table as soon as nothing else is (see step.ts).
  z.strictObject({ type: z.literal('injectCard'), card: Ref, deck: Ref.optional() }),
  z.strictObject({ type: z.literal('endNow') }),
  // Closes the open vote (card or priorities): the votes cast so far decide, a seat that did not
  // vote abstains, a tie goes to the usual tie-break.
  z.strictObject({ type: z.literal('closeVote') }),
]);

export type Action = z.infer<typeof ActionSchema>;
