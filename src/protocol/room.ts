/**
 * Room mode's wire protocol, shared by the server (src/room) and the browser (src/ui/room).
 * Clients send actions and requests, never state; every client message is checked against
 * these zod schemas and one that does not fit (or is too large) is dropped with a logged reason.
 */
import { z } from 'zod';
import type { OwnSight, PublicSight } from '../engine/seat-view';
import type { Action, GameState, Seat, SessionRecord } from '../engine/types';
import { ActionSchema } from '../persistence/record-schema';
import type { Scenario } from '../scenario/schema';

/** Room codes: 6 characters from 31 that cannot be mistaken for each other (no 0/O, 1/I/L). */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;
export const CodeSchema = z.string().regex(/^[A-HJ-NP-Z2-9]{4,6}$/);
/** A room's recovery code: 8 characters of the code alphabet, typed with or without its dash. */
export const RECOVERY_LENGTH = 8;
export const RecoverySchema = z
  .string()
  .transform((s) => s.replace(/[\s-]/g, '').toUpperCase())
  .pipe(z.string().regex(/^[A-HJ-NP-Z2-9]{8}$/));
/** Seat and facilitator tokens: 32 random bytes as 64 hex digits. */
export const TokenSchema = z.string().regex(/^[0-9a-f]{64}$/);
export const NameSchema = z
  .string()
  .transform((s) => s.replace(/\s+/g, ' ').trim())
  .pipe(z.string().min(1).max(40));

/** Largest client message accepted (as JSON); a real one is a few hundred bytes. */
export const MAX_MESSAGE_CHARS = 4096;
/** The mark the room server puts in the index.html it serves (see src/ui/room/probe.ts). */
export const ROOM_MARK = 'dd-room-server';
/** The Colyseus room name every table is created under. */
export const ROOM_NAME = 'table';

export const CreateOptions = z.strictObject({
  scenario: z.string().min(1).max(100),
  facilitator: TokenSchema,
  seed: z.string().max(100).optional(),
  lang: z
    .string()
    .regex(/^[a-z]{2,3}$/)
    .optional(),
  /** Plays the scenario with this decision mode (e.g. votes on phones for a group scenario). */
  decision: z.enum(['group', 'vote']).optional(),
});
export type CreateOptions = z.infer<typeof CreateOptions>;

/** Options a client joins with: the facilitator's token, a phone's seat token, or a new name. */
export const JoinOptions = z.union([
  z.strictObject({ facilitator: TokenSchema }),
  z.strictObject({ token: TokenSchema }),
  z.strictObject({ name: NameSchema }),
  /** Taking the room back (the laptop's address changed): the recovery code and a new facilitator token. */
  z.strictObject({ recover: RecoverySchema, facilitator: TokenSchema }),
]);
export type JoinOptions = z.infer<typeof JoinOptions>;

/** A phone's requests: take a free seat (before the start, or an empty one after), or act. */
export const SeatMessage = z.strictObject({ seat: z.number().int().min(0).max(63) });
export const ActMessage = z.strictObject({ action: ActionSchema });

/** The facilitator's controls. */
export const FacilitatorMessage = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('start') }),
  z.strictObject({
    op: z.literal('seat'),
    participant: z.string().max(40),
    seat: z.number().int().min(-1).max(63),
  }),
  z.strictObject({ op: z.literal('rename'), participant: z.string().max(40), name: NameSchema }),
  z.strictObject({ op: z.literal('remove'), participant: z.string().max(40) }),
  /** A seat nobody holds a phone for, played from the facilitator's screen. */
  z.strictObject({ op: z.literal('addSeat'), name: NameSchema }),
  z.strictObject({ op: z.literal('pause'), paused: z.boolean() }),
  z.strictObject({ op: z.literal('undo') }),
  z.strictObject({ op: z.literal('skip') }),
  z.strictObject({ op: z.literal('end') }),
  /** Closes the open vote: the votes cast so far decide, the others abstain (the engine's 'closeVote'). */
  z.strictObject({ op: z.literal('closeVote') }),
  z.strictObject({ op: z.literal('export') }),
  /** A phone's request for a seat after the start: approved (seat and brief go to it) or declined. */
  z.strictObject({ op: z.literal('approve'), participant: z.string().max(40) }),
  z.strictObject({ op: z.literal('decline'), participant: z.string().max(40) }),
]);
export type FacilitatorMessage = z.infer<typeof FacilitatorMessage>;

// ---- server → client ----

export interface Participant {
  id: string;
  name: string;
  /** Lobby seat before the start, engine seat after; null while not seated. */
  seat: Seat | null;
  connected: boolean;
  /** A seat the facilitator plays (no phone). */
  played: boolean;
}

export interface LobbyMessage {
  code: string;
  scenario: { id: string; title: Scenario['title'] };
  min: number;
  max: number;
  started: boolean;
  paused: boolean;
  participants: Participant[];
  /** Phones asking for a seat after the start, waiting for the facilitator (see Table.requests). */
  requests: { id: string; seat: Seat }[];
}

/** To the facilitator's screens only: the journal was damaged and the room restored up to `line` − 1. */
export interface NoticeMessage {
  kind: 'journal-damaged';
  /** The first line (1-based) that could not be used. */
  line: number;
  /** Entries restored after the room's create entry. */
  kept: number;
  /** The name of the copy of the original file, beside the journal (the data directory). */
  copy: string;
}

export interface WelcomeMessage {
  /** This client's participant id (null for the facilitator). */
  you: string | null;
  facilitator: boolean;
  /** The seat token to keep on the phone (never sent to anyone else). */
  token: string | null;
  /**
   * The facilitator: the whole scenario. A phone (until the game ends): its skeleton, names
   * without cards, answers, stances, briefs or effects (see `scenarioSkeleton` in
   * src/engine/seat-view.ts); the card on the table comes in every view.
   */
  scenario: Scenario;
}

export interface BriefMessage {
  seat: Seat;
  role: string;
  brief: Scenario['roles'][number]['brief'];
  hidden: boolean;
}

/**
 * What this client may see (the engine's `seatView`): the public part every screen shares (the
 * view without ballots, hidden roles or what `reveal` hides; the card on the table in text; the
 * last decision and the vote count), plus its own: its seat and vote, and for the facilitator who
 * has voted and who voted what.
 */
export interface SeatView extends PublicSight, Omit<OwnSight, 'role' | 'mine'> {
  /** The vote on the table: how many of how many have voted, and this seat's own vote. */
  votes: { cast: number; total: number; mine: OwnSight['mine'] } | null;
  /** Number of actions in the record. */
  actions: number;
  paused: boolean;
  canUndo: boolean;
}

/** The part of a SeatView that is one client's own (see view-frame.ts). */
export type SeatExtras = Omit<SeatView, keyof PublicSight>;

export interface RefusedMessage {
  reason: string;
  action?: Action;
}

export interface ExportMessage {
  record: SessionRecord;
  /** The session file's text and name (the single-laptop game's format). */
  file: string;
  name: string;
}

export type { GameState };
