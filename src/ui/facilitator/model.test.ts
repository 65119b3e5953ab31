import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { playHostile } from '../../debrief/fixtures';
import { sessionMachine } from '../../engine/machine';
import type { SessionRecord } from '../../engine/types';
import { clock, consoleModel, modelInputOf } from './model';

const game = playHostile();

/** The console's model of a real session resumed from `record` (the machine says the moment). */
function modelOf(record: SessionRecord) {
  const actor = createActor(sessionMachine, {
    input: { scenario: game.scenario, scenarioHash: 'h', record, timerMs: 60_000 },
  }).start();
  return consoleModel(modelInputOf(game.scenario, actor.getSnapshot(), 'en', false));
}

describe('the console model', () => {
  it('offers undo only once a decision was made, and skip only while a card is on the table', () => {
    const m0 = modelOf({ ...game.record, actions: [] });
    expect(m0.canUndo).toBe(false);
    expect(m0.canSkip).toBe(false);
    expect(m0.deciding).toBe(false);
    const m1 = modelOf({ ...game.record, actions: [{ type: 'draw' as const }] });
    expect(m1.canSkip).toBe(true);
    expect(m1.deciding).toBe(true);
    expect(m1.canUndo).toBe(false);
    expect(m1.timer).toEqual({ lengthMs: 60_000, remainingMs: 60_000 });
  });

  it('at the end: undo yes, skip and end no; the notes typed are listed; every card can be injected', () => {
    const m = modelOf(game.record);
    expect(m.ended).toBe(true);
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
