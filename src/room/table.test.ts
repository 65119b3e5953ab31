/**
 * The room's Table without a network: the decision mode chosen when the room was opened (kept in
 * the journal's create entry, so a restored room votes too), who may act (the engine's mayAct),
 * closing a vote, and an old journal's 'reveal' entry still restoring.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../scenario/load';
import type { JournalEntry } from './journal';
import { Table } from './table';

const file = resolve(import.meta.dirname, '..', '..', 'scenarios', 'urk-2015.yaml');
const loaded = loadScenario(readFileSync(file), 'urk-2015.yaml');
if (!loaded.ok) throw new Error('urk-2015 does not load');
const urk = loaded.scenario;

const create = (decision?: 'group' | 'vote'): Extract<JournalEntry, { t: 'create' }> => ({
  t: 'create',
  code: 'ABCDEF',
  scenario: urk.id,
  hash: 'h',
  seed: 'tafel',
  facilitator: 'f',
  lang: 'nl',
  ...(decision ? { decision } : {}),
});

/** Runs commands as the room does: each accepted one is applied and kept, as in the journal. */
function seated(table: Table, players: number): JournalEntry[] {
  const journal: JournalEntry[] = [table.create];
  const run = (verdict: ReturnType<Table['start']>) => {
    if (!verdict.ok) throw new Error(verdict.reason);
    table.apply(verdict.entry);
    journal.push(verdict.entry);
  };
  for (let i = 0; i < players; i++) {
    run(table.join(`P${i}`, null));
    run(table.takeSeat(`p${i + 1}`, i));
  }
  run(table.start());
  return journal;
}

describe('Table', () => {
  it('plays a group scenario by vote when the room was opened so, also after a restore', () => {
    expect(urk.decision).toBe('group');
    const table = new Table(urk, create('vote'));
    expect(table.scenario.decision).toBe('vote');
    const journal = seated(table, 3);
    // The flagship opens with a council meeting: in vote mode every seat votes its priorities.
    expect(table.state?.pending).toMatchObject({
      kind: 'council',
      step: 'priorities',
      votes: [null, null, null],
    });
    const vote = table.act(
      { facilitator: false, id: 'p2' },
      {
        type: 'votePriorities',
        seat: 1,
        priorities: urk.priorities!.options.slice(0, urk.priorities!.choose).map((o) => o.id),
      },
    );
    expect(vote.ok).toBe(true);
    if (vote.ok) {
      table.apply(vote.entry);
      journal.push(vote.entry);
    }
    const restored = new Table(urk, journal[0] as Extract<JournalEntry, { t: 'create' }>);
    for (const e of journal.slice(1)) restored.apply(e);
    expect(restored.scenario.decision).toBe('vote');
    expect(restored.state).toEqual(table.state);
    // Without the option the scenario's own mode: the chair sets the priorities.
    const group = new Table(urk, create());
    seated(group, 3);
    expect(group.scenario).toBe(urk);
    expect(group.state?.pending).toMatchObject({ kind: 'council', votes: [] });
  });

  it('asks the engine who may act: a seat for itself, the chair for the meeting, the facilitator to close', () => {
    const table = new Table(urk, create('vote'));
    seated(table, 3);
    const set = urk.priorities!.options.slice(0, urk.priorities!.choose).map((o) => o.id);
    expect(
      table.act({ facilitator: false, id: 'p2' }, { type: 'votePriorities', seat: 0, priorities: set }),
    ).toEqual({
      ok: false,
      reason: 'not-your-seat',
    });
    expect(table.act({ facilitator: false, id: 'p1' }, { type: 'closeVote' })).toEqual({
      ok: false,
      reason: 'facilitator-only',
    });
    expect(table.facilitate({ op: 'closeVote' })).toEqual({
      ok: true,
      entry: { t: 'act', action: { type: 'closeVote' } },
    });
    const group = new Table(urk, create());
    seated(group, 3);
    expect(group.act({ facilitator: false, id: 'p2' }, { type: 'setPriorities', priorities: set })).toEqual({
      ok: false,
      reason: 'not-your-turn',
    });
    expect(group.act({ facilitator: false, id: 'p1' }, { type: 'setPriorities', priorities: set }).ok).toBe(
      true,
    );
    expect(group.facilitate({ op: 'closeVote' })).toEqual({ ok: false, reason: 'no-open-vote' });
  });

  it("restores an old journal's 'reveal' entry as nothing (closing a vote is now the engine's closeVote)", () => {
    const table = new Table(urk, create('vote'));
    seated(table, 3);
    const before = JSON.stringify(table.state);
    table.apply({ t: 'reveal' });
    expect(JSON.stringify(table.state)).toBe(before);
  });
});
