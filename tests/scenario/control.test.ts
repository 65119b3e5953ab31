/**
 * Control characters (issue 26): an escape sequence in a title set the trainer's terminal title
 * and colours through `validate` and `simulate`; a right-to-left override turned a player's name
 * around on screen and in every export. Scenario text with one is refused at load, located;
 * a name typed with one loses it; a session file with one is refused; nothing reaches a terminal raw.
 */
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io';
import { runCli } from '../../src/cli/main';
import { cardGame } from '../../src/engine/fixtures';
import { newGame } from '../../src/engine/setup';
import { playedSession } from '../../src/persistence/fixtures-played';
import { exportSessionFile, importSessionFile } from '../../src/persistence/session-file';
import { printable } from '../../src/scenario/text';
import { BASE, expectProblem, load, pos, variant } from './helpers';

const ESC = '\u001b';
const RLO = '\u202e';

describe('control characters', () => {
  it('refuses an escape sequence in a title, at the title', () => {
    const text = variant(BASE, ['title: Base', `title: "Base${ESC}]0;pwned\\u0007"`]);
    const r = load(text);
    const p = expectProblem(r, 'control-character', pos(text, '"Base'));
    expect(p.message).toContain('U+001B');
  });

  it('refuses a direction override in a card title and in a field name', () => {
    const text = variant(BASE, ['title: T', `title: "abc${RLO}gnp.exe"`]);
    expectProblem(load(text), 'control-character', pos(text, '"abc'));
    const key = variant(BASE, ['summary: S', `summary: S\n"x${RLO}": 1`]);
    expectProblem(load(key), 'control-character', pos(key, '"x'));
  });

  it('keeps tabs and line breaks in texts', () => {
    const text = variant(BASE, ['summary: S', 'summary: "een\\ttwee\\ndrie"']);
    expect(load(text).ok).toBe(true);
  });

  it('never prints a control character raw to the terminal', async () => {
    const text = variant(BASE, ['title: Base', `title: "Base${ESC}]0;pwned"`]);
    const out: string[] = [];
    const io: CliIo = {
      out: (t) => out.push(t),
      err: (t) => out.push(t),
      readFile: () => new TextEncoder().encode(text),
      writeFile: () => {},
      isDirectory: () => false,
    };
    await runCli(['validate', `x${ESC}[31m.yaml`], io);
    const all = out.join('\n');
    expect(all).not.toContain(ESC);
    expect(all).toContain('\\u001b]0;pwned');
    expect(all).toContain('x\\u001b[31m.yaml');
    expect(printable(`a${RLO}b\tc`)).toBe('a\\u202eb\tc');
  });

  it('drops an override from a player name at setup', () => {
    const state = newGame(cardGame(), {
      seed: 's',
      players: [{ name: `Anna${RLO}gnp.exe` }, { name: 'Bram' }],
    });
    expect(state.players[0]!.name).toBe('Annagnp.exe');
  });

  it('refuses a session file whose player name holds an override, at the name', () => {
    const session = playedSession(2);
    const players = session.record.players.map((p, i) => (i === 0 ? { ...p, name: `Anna${RLO}` } : p));
    const r = importSessionFile(
      exportSessionFile({ ...session, record: { ...session.record, players } }).text,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.path).toBe('record.players[0].name');
    expect(r.problem.line).toBeGreaterThan(1);
  });
});
