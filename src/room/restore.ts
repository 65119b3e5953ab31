/**
 * A room back from its journal, healing the journal on the way, and the room's recovery code.
 *
 * Healing: a torn last line (the process died writing it, so no screen was ever shown it) is cut
 * off before anything is appended after it. The first line that cannot be used — not JSON, not
 * an entry, or one the game refuses at that point — ends the room there: the original file is
 * kept as `<code>.jsonl.damaged-<n>`, the journal is cut to the good lines, and the damage is
 * returned so the room can tell the facilitator.
 */
import { randomInt } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { CODE_ALPHABET, type NoticeMessage, RECOVERY_LENGTH } from '../protocol/room';
import { cutJournal, type JournalEntry, readJournalText, roomFile } from './journal';
import type { RoomEnv } from './room-env';
import { hashToken, Table } from './table';

export function restoreTable(env: RoomEnv, code: string): { table: Table; damage: NoticeMessage | null } {
  const file = roomFile(env.dataDir, code);
  const text = readJournalText(file);
  let create: JournalEntry | null = null;
  try {
    create = JSON.parse(text.lines[0] ?? '') as JournalEntry;
  } catch {
    // Falls through to the error below.
  }
  if (create?.t !== 'create') throw new Error(`${code}: journal does not start with create`);
  const source = env.scenarios.get(create.scenario);
  if (!source) throw new Error(`${code}: scenario ${create.scenario} is not available`);
  const table = new Table(source.scenario, create);
  let bad: { line: number; why: string } | null = null;
  for (const [i, line] of text.lines.entries()) {
    if (i === 0) continue;
    try {
      table.restoreEntry(JSON.parse(line));
    } catch (error) {
      bad = { line: i + 1, why: error instanceof Error ? error.message : String(error) };
      break;
    }
  }
  if (bad) {
    const copy = cutJournal(file, text, bad.line - 1, true) as string;
    env.log(
      `room ${code}: journal damaged at line ${bad.line} (${bad.why}); restored up to line ${bad.line - 1}, the original kept as ${copy}`,
    );
    // The screens get the file's name only (the projector is on the wall); the log has the path.
    return {
      table,
      damage: { kind: 'journal-damaged', line: bad.line, kept: bad.line - 2, copy: basename(copy) },
    };
  }
  if (text.torn) {
    cutJournal(file, text, text.lines.length, false);
    env.log(`room ${code}: a torn last line of the journal cut off`);
  }
  return { table, damage: null };
}

/**
 * The room's recovery code: the one kept beside the journal when it still matches the journal's
 * hash (a restored room prints it again), else a new one. A new code is written to
 * `<code>.recovery` (readable by the owner only; the journal holds only the hash) and returns the
 * entry to journal. The terminal gets the code through `env.recoveryCode`.
 */
export function recoveryCode(env: RoomEnv, table: Table): JournalEntry | null {
  const file = `${roomFile(env.dataDir, table.code).slice(0, -'.jsonl'.length)}.recovery`;
  const kept = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  if (kept && hashToken(kept) === table.recoveryHash) {
    env.recoveryCode?.(table.code, kept);
    return null;
  }
  const code = Array.from(
    { length: RECOVERY_LENGTH },
    () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)],
  ).join('');
  writeFileSync(file, `${code}\n`, { mode: 0o600 });
  env.recoveryCode?.(table.code, code);
  return { t: 'recovery', hash: hashToken(code) };
}
