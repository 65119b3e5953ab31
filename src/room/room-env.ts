/**
 * What every table room of this process shares: the scenarios it can play (read once from
 * scenarios/*.yaml with the project's loader), the directory of journals, the log, and fresh
 * room codes. Set by the server before rooms are created (one server per process).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sessionFileName } from '../persistence/session-file';
import { SESSION_FORMAT, SESSION_VERSION, serializeSession } from '../persistence/session-format';
import { CODE_ALPHABET, CODE_LENGTH, type ExportMessage } from '../protocol/room';
import { formatProblem, loadScenario } from '../scenario';
import { playedAs } from '../scenario/played-as';
import type { Scenario } from '../scenario/schema';
import { localize } from '../scenario/text';
import type { LogOnce } from './log-once';
import type { Table } from './table';

export interface ScenarioSource {
  scenario: Scenario;
  hash: string;
  source: string;
  file: string;
}

export interface RoomEnv {
  dataDir: string;
  scenarios: Map<string, ScenarioSource>;
  log: (line: string) => void;
  newCode: () => string;
  /** Called when a room is opened (the terminal prints one line with its join URL). */
  opened?: (code: string) => void;
  /** Refusals and drops, once per client per minute (a stranger cannot flood the log). */
  trouble?: LogOnce;
  /** A room nobody joined, not started, with no one connected, is retired after this long. */
  retireAfterMs?: number;
  /** A room's recovery code, when it is opened or restored (the terminal prints it on one line). */
  recoveryCode?: (code: string, recovery: string) => void;
}

let current: RoomEnv | null = null;

export function setRoomEnv(env: RoomEnv): void {
  current = env;
}

export function roomEnv(): RoomEnv {
  if (!current) throw new Error('room environment not set (start the server through createRoomServer)');
  return current;
}

/** A code no room of this process has used (with 31^6 codes, processes do not collide in practice). */
export function codeMaker(dataDir: string): () => string {
  return () => {
    for (;;) {
      const code = roomCode();
      if (!existsSync(join(dataDir, `${code}.jsonl`))) return code;
    }
  };
}

/** Every valid scenario in `dir`, by id; a broken file is logged and left out. */
export function readScenarios(dir: string, log: (line: string) => void): Map<string, ScenarioSource> {
  const found = new Map<string, ScenarioSource>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const source = readFileSync(join(dir, file), 'utf8');
    const result = loadScenario(source, file);
    if (result.ok)
      found.set(result.scenario.id, { scenario: result.scenario, hash: result.hash, source, file });
    else log(`scenario ${file} left out: ${result.errors.map(formatProblem)[0]}`);
  }
  return found;
}

/** The room's session as the single-laptop game's session file (debrief, what-if and compare read it). */
export function exportSession(table: Table, env: RoomEnv): ExportMessage {
  // A room opened with another decision mode exports that variant's text (its hash is the record's).
  const src = playedAs(env.scenarios.get(table.scenario.id)!, table.create.decision);
  const record = table.record!;
  const lang = table.create.lang;
  const session = {
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    id: `room-${table.code}`,
    savedAt: new Date().toISOString(),
    record,
    scenario: {
      source: src.source,
      file: src.file,
      hash: src.hash,
      title: localize(table.scenario.title, lang, table.scenario.languages ?? []),
    },
    ui: {
      timerRemainingMs: null,
      timerLengthMs: 0,
      language: lang,
      round: table.state?.round ?? 0,
      players: record.players.map((p) => p.name),
      paused: table.paused,
    },
  } as const;
  return { record, file: serializeSession(session), name: sessionFileName(session) };
}

export function roomCode(random: (n: number) => Buffer = randomBytes): string {
  const bytes = random(CODE_LENGTH * 2);
  let code = '';
  for (let i = 0; code.length < CODE_LENGTH && i < bytes.length; i++) {
    // 248 = 8 × 31: bytes above it are skipped, so every character is equally likely.
    if (bytes[i] < 248) code += CODE_ALPHABET[bytes[i] % CODE_ALPHABET.length];
  }
  return code.length === CODE_LENGTH ? code : roomCode(random);
}
