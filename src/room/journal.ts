/**
 * Durable storage of a room: one append-only JSON-lines file per room. Every entry is written
 * and fsync'ed before the room broadcasts what it did, so whatever a phone or the projector was
 * shown survives a `kill -9` of the server. Entries are written in order through one queue per
 * file. Reading heals a journal (see `readJournal` and table-room.ts's restore): a torn last line
 * (the process died mid-write) is cut off the file before anything new is appended after it, and
 * a damaged line ends the journal there, with the original file kept beside it.
 */
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  truncateSync,
} from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Action, PlayerSetup } from '../engine/types';
import { ActionSchema, PlayerSetupSchema } from '../persistence/record-schema';

export type JournalEntry =
  | {
      t: 'create';
      code: string;
      scenario: string;
      hash: string;
      seed: string;
      facilitator: string;
      lang: string;
      /** The decision mode chosen when the room was opened, when not the scenario's own. */
      decision?: 'group' | 'vote';
    }
  | { t: 'join'; id: string; name: string; token: string | null }
  | { t: 'seat'; id: string; seat: number | null }
  | { t: 'rename'; id: string; name: string }
  | { t: 'remove'; id: string }
  | { t: 'start'; players: PlayerSetup[]; seats: Record<string, number> }
  | { t: 'act'; action: Action }
  | { t: 'undo' }
  | { t: 'pause'; paused: boolean }
  /** Old journals only: the facilitator showed the votes so far (now the engine's 'closeVote'). */
  | { t: 'reveal' }
  /** sha256 of the room's recovery code (the code itself is printed, never journaled). */
  | { t: 'recovery'; hash: string }
  /** Another facilitator token (the room taken back with its recovery code); the old one still works. */
  | { t: 'facilitator'; hash: string }
  /** The facilitator approved that `to` takes the seat of `from`, who is gone (token and all). */
  | { t: 'handover'; from: string; to: string };

const Id = z.string().regex(/^p\d{1,6}$/);
const Hash = z.string().regex(/^[0-9a-f]{64}$/);

/** The shape of every entry after the first (create): a line that does not fit is damage. */
export const JournalEntrySchema = z.discriminatedUnion('t', [
  z.strictObject({ t: z.literal('join'), id: Id, name: z.string().min(1).max(40), token: Hash.nullable() }),
  z.strictObject({ t: z.literal('seat'), id: Id, seat: z.number().int().min(0).max(63).nullable() }),
  z.strictObject({ t: z.literal('rename'), id: Id, name: z.string().min(1).max(40) }),
  z.strictObject({ t: z.literal('remove'), id: Id }),
  z.strictObject({
    t: z.literal('start'),
    players: z.array(PlayerSetupSchema).min(1).max(64),
    seats: z.record(Id, z.number().int().min(0).max(63)),
  }),
  z.strictObject({ t: z.literal('act'), action: ActionSchema }),
  z.strictObject({ t: z.literal('undo') }),
  z.strictObject({ t: z.literal('pause'), paused: z.boolean() }),
  z.strictObject({ t: z.literal('reveal') }),
  z.strictObject({ t: z.literal('recovery'), hash: Hash }),
  z.strictObject({ t: z.literal('facilitator'), hash: Hash }),
  z.strictObject({ t: z.literal('handover'), from: Id, to: Id }),
]);

export class Journal {
  private handle: Promise<FileHandle>;
  private queue: Promise<void> = Promise.resolve();

  constructor(readonly file: string) {
    this.handle = open(file, 'a');
  }

  /** Resolves once the entry is on disk (written and fsync'ed); entries land in call order. */
  append(entry: JournalEntry): Promise<void> {
    return this.appendAll([entry]);
  }

  /** Several entries with one write and one fsync (a room's group commit). */
  appendAll(entries: JournalEntry[]): Promise<void> {
    const line = entries.map((e) => `${JSON.stringify(e)}\n`).join('');
    const done = this.queue.then(async () => {
      const fh = await this.handle;
      await fh.write(line);
      await fh.datasync();
    });
    // A failed write must not block the entries after it (their own promise reports it).
    this.queue = done.catch(() => undefined);
    return done;
  }

  async close(): Promise<void> {
    await this.queue;
    await (await this.handle).close();
  }
}

export function roomFile(dir: string, code: string): string {
  return join(dir, `${code}.jsonl`);
}

/** Creates the directory and fsyncs it, so a new room's file name itself survives a crash. */
export function ensureDir(dir: string): void {
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
}

export function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    fsyncSync(fd);
    closeSync(fd);
  } catch {
    // Some file systems refuse fsync on a directory; the file's own fsync still holds its data.
  }
}

/** The room codes that have a journal in `dir`. */
export function storedRooms(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^[A-Z0-9]{4,6}\.jsonl$/.test(f))
    .map((f) => f.slice(0, -'.jsonl'.length))
    .sort();
}

/** A journal as read from disk: its complete lines, where each ends, and whether a torn piece follows. */
export interface JournalText {
  lines: string[];
  /** Byte offset just after each line's newline (cutting the file there keeps lines 1..i+1). */
  ends: number[];
  /** Bytes after the last newline: a line the process died writing. */
  torn: boolean;
}

export function readJournalText(file: string): JournalText {
  const bytes = readFileSync(file);
  const lines: string[] = [];
  const ends: number[] = [];
  let start = 0;
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, start)) {
    lines.push(bytes.subarray(start, i).toString('utf8'));
    ends.push(i + 1);
    start = i + 1;
  }
  return { lines, ends, torn: start < bytes.length };
}

/** Reads a journal; a last line cut off by a crash is left out, any other bad line is an error. */
export function readJournal(file: string): JournalEntry[] {
  return readJournalText(file).lines.map((line, i) => {
    try {
      return JSON.parse(line) as JournalEntry;
    } catch {
      throw new Error(`${file}:${i + 1}: not a journal entry`);
    }
  });
}

/**
 * Cuts the journal to its first `keep` lines, so the next append starts on a line of its own.
 * With `damaged`, the whole original is first copied to `<file>.damaged-<n>` (the first free n),
 * so nothing the facilitator may want back is thrown away; returns that copy's path.
 */
export function cutJournal(file: string, text: JournalText, keep: number, damaged: boolean): string | null {
  let copy: string | null = null;
  if (damaged) {
    let n = 1;
    while (existsSync(`${file}.damaged-${n}`)) n++;
    copy = `${file}.damaged-${n}`;
    copyFileSync(file, copy);
  }
  truncateSync(file, keep === 0 ? 0 : text.ends[keep - 1]);
  const fd = openSync(file, 'r+');
  fsyncSync(fd);
  closeSync(fd);
  return copy;
}
