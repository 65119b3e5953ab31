/**
 * The phone's turn line reads the engine's own view: played on real scenarios, the seat that
 * acts is told so ("U bent aan de beurt" / "U bent voorzitter"), every other seat waits for that
 * seat by name, and in vote mode every seat is asked to vote until it has.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { legalActions } from '../../engine/legal';
import { newGame } from '../../engine/setup';
import { step } from '../../engine/step';
import type { GameState, Seat } from '../../engine/types';
import { view } from '../../engine/view';
import type { SeatView } from '../../protocol/room';
import { loadScenario } from '../../scenario';
import type { Scenario } from '../../scenario/schema';
import { turnWord } from './turn-line';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');

function scenario(file: string): Scenario {
  const loaded = loadScenario(readFileSync(join(ROOT, 'scenarios', file), 'utf8'), file);
  if (!loaded.ok) throw new Error(`${file} does not load`);
  return loaded.scenario;
}

function seatView(s: Scenario, state: GameState, mine: string | null = null): SeatView {
  const v = view(s, state);
  const open = v.card?.pick === 'vote' || v.council?.priorities?.pick === 'votePriorities';
  return {
    view: v,
    card: null,
    count: null,
    ballots: null,
    actions: 0,
    you: null,
    votes: open ? { cast: 0, total: v.players.length, mine } : null,
    voted: null,
    last: null,
    paused: false,
    canUndo: false,
  };
}

/** Plays the first legal action until `until` holds (or 200 steps). */
function playUntil(s: Scenario, state: GameState, until: (st: GameState) => boolean): GameState {
  let st = state;
  for (let i = 0; i < 200 && !until(st); i++) st = step(s, st, legalActions(s, st)[0]);
  return st;
}

const players = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `P${i + 1}` }));

describe('turnWord', () => {
  it('a group card: the proposing seat is at its turn, every other seat waits for it by name', () => {
    const s = scenario('urk-2015.yaml');
    const state = playUntil(s, newGame(s, { seed: 'turn-1', players: players(3) }), (st) => {
      return st.pending.kind === 'card';
    });
    const sv = seatView(s, state);
    const acting = sv.view.card?.seat as Seat;
    expect(turnWord(sv, acting)).toEqual({ word: 'yourTurn', seat: acting });
    for (const seat of [0, 1, 2].filter((x) => x !== acting))
      expect(turnWord(sv, seat)).toEqual({ word: 'waitFor', seat: acting });
  });

  it('the council: its chair is told so, the others wait for the chair', () => {
    const s = scenario('urk-2015.yaml');
    const state = playUntil(s, newGame(s, { seed: 'turn-2', players: players(3) }), (st) => {
      return st.pending.kind === 'council';
    });
    const sv = seatView(s, state);
    const chair = sv.view.council?.seat ?? (sv.view.council?.chair as Seat);
    expect(turnWord(sv, chair).word).toBe('chair');
    const other = [0, 1, 2].find((x) => x !== sv.view.council?.chair && x !== sv.view.council?.seat) as Seat;
    expect(turnWord(sv, other)).toEqual({ word: 'waitFor', seat: chair });
  });

  it('a vote: every seat is asked to vote until it has; a paused game says nothing', () => {
    const s = scenario('lerend-werken.yaml');
    const state = playUntil(s, newGame(s, { seed: 'turn-3', players: players(3) }), (st) => {
      return st.pending.kind === 'card';
    });
    expect(turnWord(seatView(s, state), 1).word).toBe('vote');
    // Seat 1 votes: the engine no longer lets it vote, so it is told it has.
    const vote = legalActions(s, state).find((a) => a.type === 'vote' && a.seat === 1);
    if (!vote) throw new Error('no vote for seat 1');
    const after = step(s, state, vote);
    expect(turnWord(seatView(s, after), 1).word).toBe('voted');
    expect(turnWord(seatView(s, after), 2).word).toBe('vote');
    // A phone without a seat watches: no vote is asked of it.
    expect(turnWord(seatView(s, state), null).word).toBeNull();
    expect(turnWord({ ...seatView(s, state), paused: true }, 1).word).toBeNull();
  });
});
