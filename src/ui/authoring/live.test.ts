/**
 * What a saved scenario file does to the running game (the dev server's live reload), decided
 * without a browser: setup shows the new version, a game resumes when every action still fits
 * and restarts with the same seed when one does not, and a broken save changes nothing.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { legalActions } from '../../engine/legal';
import { newRecord } from '../../engine/record';
import { newGame } from '../../engine/setup';
import { step } from '../../engine/step';
import type { Action, PlayerSetup, SessionRecord } from '../../engine/types';
import { loadScenario } from '../../scenario/load';
import { freshEntry, type LiveHooks, type LiveView, refuse, reload } from './live';
import type { Playable } from './open-file';
import { savedEvent } from './vite-plugin';

const FILE = 'demo-deck.yaml';
const SOURCE = readFileSync(join(import.meta.dirname, '..', '..', '..', 'scenarios', FILE), 'utf8');

function entryOf(source: string): Playable {
  const result = loadScenario(source, FILE);
  if (!result.ok) throw new Error(result.errors.map((p) => p.message).join('\n'));
  return { file: FILE, ok: true, scenario: result.scenario, hash: result.hash, source };
}

/** A record of the first legal action, `count` times, from a fixed seed. */
function recordOf(entry: Playable, count: number): SessionRecord {
  const players: PlayerSetup[] = [{ name: 'A' }, { name: 'B' }, { name: 'C' }];
  let state = newGame(entry.scenario, { seed: 'live', players });
  const seated = state.players.map((p) => ({ name: p.name, ...(p.role ? { role: p.role } : {}) }));
  const actions: Action[] = [];
  for (let i = 0; i < count; i++) {
    const action = legalActions(entry.scenario, state).find((a) => a.type !== 'note' && a.type !== 'endNow');
    if (!action) break;
    actions.push(action);
    state = step(entry.scenario, state, action);
  }
  return newRecord(entry.scenario, entry.hash, 'live', seated, actions);
}

function hooksFor(view: LiveView) {
  const calls: { setup: Playable[]; play: { entry: Playable; seed: string; record?: SessionRecord }[] } = {
    setup: [],
    play: [],
  };
  const hooks: LiveHooks = {
    current: () => view,
    showSetup: (entry) => calls.setup.push(entry),
    play: (entry, seed, _players, record) => calls.play.push({ entry, seed, record }),
  };
  return { hooks, calls };
}

const RETITLED = SOURCE.replace('title: { nl: "Demo:', 'title: { nl: "Nieuw:');

describe('live reload of a saved scenario file', () => {
  it('shows the new version at the setup screen at once', () => {
    const { hooks, calls } = hooksFor({ kind: 'setup', entry: entryOf(SOURCE) });
    expect(RETITLED).not.toBe(SOURCE);
    expect(reload(hooks, FILE, RETITLED)).toEqual({ kind: 'setup' });
    expect(calls.setup).toHaveLength(1);
    expect(JSON.stringify(calls.setup[0]!.scenario.title)).toContain('Nieuw:');
  });

  it('resumes a game with every action when they all still fit', () => {
    const entry = entryOf(SOURCE);
    const record = recordOf(entry, 6);
    expect(record.actions.length).toBe(6);
    const { hooks, calls } = hooksFor({ kind: 'game', entry, record: () => record });
    expect(reload(hooks, FILE, RETITLED)).toEqual({ kind: 'replayed', actions: 6 });
    expect(calls.play).toHaveLength(1);
    const played = calls.play[0]!;
    expect(played.seed).toBe('live');
    expect(played.record?.actions).toEqual(record.actions);
    expect(played.record?.scenario.hash).toBe(played.entry.hash);
    expect(played.record?.scenario.hash).not.toBe(record.scenario.hash);
  });

  it('restarts with the same seed and players when an action no longer fits', () => {
    const entry = entryOf(SOURCE);
    const record = recordOf(entry, 8);
    const chosen = record.actions.find((a): a is Extract<Action, { option: string }> => 'option' in a);
    expect(chosen).toBeDefined();
    const renamed = SOURCE.replaceAll(`id: ${chosen!.option}\n`, `id: ${chosen!.option}-nieuw\n`);
    expect(loadScenario(renamed, FILE).ok).toBe(true);
    const { hooks, calls } = hooksFor({ kind: 'game', entry, record: () => record });
    const result = reload(hooks, FILE, renamed);
    expect(result.kind).toBe('restarted');
    expect(calls.play).toHaveLength(1);
    expect(calls.play[0]!.record).toBeUndefined();
    expect(calls.play[0]!.seed).toBe('live');
  });

  it('goes back to setup when the players no longer fit', () => {
    const entry = entryOf(SOURCE);
    const record = recordOf(entry, 2);
    const fewer = SOURCE.replace('players: { min: 2, max: 6 }', 'players: { min: 4, max: 6 }');
    expect(fewer).not.toBe(SOURCE);
    const { hooks, calls } = hooksFor({ kind: 'game', entry, record: () => record });
    expect(reload(hooks, FILE, fewer)).toEqual({ kind: 'to-setup' });
    expect(calls.setup).toHaveLength(1);
    expect(calls.play).toHaveLength(0);
  });

  it('leaves the game alone and lists the errors when the saved file is broken', () => {
    const entry = entryOf(SOURCE);
    const { hooks, calls } = hooksFor({ kind: 'game', entry, record: () => recordOf(entry, 2) });
    const result = reload(hooks, FILE, SOURCE.replace('format: 1', 'format: 1\nformat: 2'));
    expect(result.kind).toBe('errors');
    expect(calls.setup.length + calls.play.length).toBe(0);
  });

  it('ignores other files and files opened from outside scenarios/', () => {
    const entry = entryOf(SOURCE);
    expect(reload(hooksFor({ kind: 'setup', entry }).hooks, 'demo.yaml', RETITLED)).toEqual({
      kind: 'ignored',
    });
    const opened = Object.assign({ ...entry }, { opened: true });
    expect(reload(hooksFor({ kind: 'setup', entry: opened }).hooks, FILE, RETITLED)).toEqual({
      kind: 'ignored',
    });
    expect(reload(hooksFor(null).hooks, FILE, RETITLED)).toEqual({ kind: 'ignored' });
  });

  it('hands out the saved version when the scenario is chosen again later', () => {
    const entry = entryOf(SOURCE);
    reload(hooksFor(null).hooks, FILE, RETITLED);
    expect(JSON.stringify(freshEntry(entry).scenario.title)).toContain('Nieuw:');
    reload(hooksFor(null).hooks, FILE, SOURCE);
    expect(freshEntry(entry)).toBe(entry);
  });

  it('refuses a file saved as Windows-1252 with the not-UTF-8 problem, and keeps the game', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'live-'));
    const path = join(dir, FILE);
    // "Cliëntenraad" with ë as the single Windows-1252 byte 0xEB.
    const encode = (t: string) => new TextEncoder().encode(t);
    const text = new Uint8Array([...encode(`${SOURCE}# Cli`), 0xeb, ...encode('ntenraad\n')]);
    writeFileSync(path, text);
    const data = await savedEvent(path);
    expect(data.source).toBe('');
    expect(data.problem).toMatchObject({ code: 'not-utf8', file: FILE });
    expect(data.problem?.message).toContain('not UTF-8');
    const { hooks, calls } = hooksFor({ kind: 'game', entry: entryOf(SOURCE), record: () => null });
    expect(refuse(hooks, FILE, data.problem!)).toEqual({ kind: 'errors', errors: [data.problem] });
    expect(calls.setup).toEqual([]);
    expect(calls.play).toEqual([]);
  });

  it('sends the text of a UTF-8 file as it is', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'live-'));
    writeFileSync(join(dir, FILE), SOURCE);
    expect(await savedEvent(join(dir, FILE))).toEqual({ file: FILE, source: SOURCE });
  });
});
