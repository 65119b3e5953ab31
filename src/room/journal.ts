/**
 * Durable storage of a room: one append-only JSON-lines file per room. Every entry is written
 * and fsync'ed before the room broadcasts what it did, so whatever a phone or the projector was
 * shown survives a `kill -9` of the server. Entries are written in order through one queue per
 * file; a torn last line (the process died mid-write) is ignored on reading.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { Action, PlayerSetup } from '../engine/types';

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
  | { t: 'reveal' };

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

/** Reads a journal; a last line cut off by a crash is left out, any other bad line is an error. */
export function readJournal(file: string): JournalEntry[] {
  const text = readFileSync(file, 'utf8');
  // The piece after the last newline is empty, or a line the crash cut off: either way left out.
  const complete = text.split('\n').slice(0, -1);
  return complete.map((line, i) => {
    try {
      return JSON.parse(line) as JournalEntry;
    } catch {
      throw new Error(`${file}:${i + 1}: not a journal entry`);
    }
  });
}
