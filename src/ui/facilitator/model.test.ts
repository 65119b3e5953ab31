import { describe, expect, it } from 'vitest';
import { playHostile } from '../../debrief/fixtures';
import { replay } from '../../engine/record';
import { clock, consoleModel } from './model';

const game = playHostile();
const base = {
  scenario: game.scenario,
  timer: { lengthMs: 60_000, remainingMs: 42_000 },
  paused: false,
  refused: null,
  lang: 'en',
  largerText: false,
};

describe('the console model', () => {
  it('offers undo only once a decision was made, and skip only while a card is on the table', () => {
    const fresh = { ...game.record, actions: [] };
    const m0 = consoleModel({ ...base, record: fresh, state: replay(game.scenario, fresh), ended: false });
    expect(m0.canUndo).toBe(false);
    expect(m0.canSkip).toBe(false);
    expect(m0.deciding).toBe(false);
    const drawn = { ...game.record, actions: [{ type: 'draw' as const }] };
    const m1 = consoleModel({ ...base, record: drawn, state: replay(game.scenario, drawn), ended: false });
    expect(m1.canSkip).toBe(true);
    expect(m1.deciding).toBe(true);
    expect(m1.canUndo).toBe(false);
  });

  it('at the end: undo yes, skip and end no; the notes typed are listed; every card can be injected', () => {
    const m = consoleModel({ ...base, record: game.record, state: game.state, ended: true });
    expect(m.canUndo).toBe(true);
    expect(m.canSkip).toBe(false);
    expect(m.canEnd).toBe(false);
    expect(m.notes.length).toBeGreaterThan(0);
    expect(m.cards.map((c) => c.id)).toContain('traplift');
    expect(new Set(m.cards.map((c) => c.id)).size).toBe(m.cards.length);
  });

  it('shows time as minutes and seconds, rounding up so 0:00 means the time is up', () => {
    expect(clock(90_000)).toBe('1:30');
    expect(clock(500)).toBe('0:01');
    expect(clock(0)).toBe('0:00');
    expect(clock(-5)).toBe('0:00');
  });
});
