/**
 * What the facilitator console shows, as plain data: built from the session snapshot in the
 * main window and sent as it is to a console open in its own window (BroadcastChannel), so both
 * show the same thing. Pure apart from reading the snapshot; what the moment is (paused, ended,
 * deciding, undo possible) is the machine's to say.
 */

import type { SnapshotFrom } from 'xstate';
import type { sessionMachine } from '../../engine/machine';
import { canStep } from '../../engine/step';
import type { GameState } from '../../engine/types';
import type { Scenario } from '../../scenario/schema';
import { localize } from '../../scenario/text';
import { allCards } from '../lookup';

export interface ConsoleModel {
  title: string;
  paused: boolean;
  ended: boolean;
  /** A decision is on the table (card, investment, council): the timer runs. */
  deciding: boolean;
  timer: { lengthMs: number; remainingMs: number };
  canUndo: boolean;
  canSkip: boolean;
  canEnd: boolean;
  cards: { id: string; title: string }[];
  /** Notes typed so far in this session (newest last). */
  notes: string[];
  lang: string;
  largerText: boolean;
  refused: string | null;
}

export type ConsoleCommand =
  | { cmd: 'pause' }
  | { cmd: 'resume' }
  | { cmd: 'undo' }
  | { cmd: 'skip' }
  | { cmd: 'inject'; card: string }
  | { cmd: 'end' }
  | { cmd: 'note'; text: string }
  | { cmd: 'timer'; ms: number }
  | { cmd: 'larger' }
  | { cmd: 'lang' }
  | { cmd: 'export' };

export interface ModelInput {
  scenario: Scenario;
  state: GameState | null;
  timer: { lengthMs: number; remainingMs: number };
  /** The machine's tags (`snapshot.hasTag`): the moment is the machine's, never guessed here. */
  paused: boolean;
  ended: boolean;
  deciding: boolean;
  /** `snapshot.can({ type: 'UNDO' })`: a decision to take back, and a state that takes undo. */
  canUndo: boolean;
  refused: string | null;
  lang: string;
  largerText: boolean;
}

/** The console's input from the session machine's snapshot: its tags and `can`, and the game state. */
export function modelInputOf(
  scenario: Scenario,
  snap: SnapshotFrom<typeof sessionMachine>,
  lang: string,
  largerText: boolean,
): ModelInput {
  return {
    scenario,
    state: snap.context.state,
    timer: snap.context.timer,
    paused: snap.hasTag('paused'),
    ended: snap.hasTag('ended'),
    deciding: snap.hasTag('deciding'),
    canUndo: snap.can({ type: 'UNDO' }),
    refused: snap.context.refused,
    lang,
    largerText,
  };
}

export function consoleModel(i: ModelInput): ConsoleModel {
  const text = (v: Parameters<typeof localize>[0]) => localize(v, i.lang, i.scenario.languages);
  const state = i.state;
  const cards = allCards(i.scenario);
  return {
    title: text(i.scenario.title),
    paused: i.paused,
    ended: i.ended,
    deciding: i.deciding,
    timer: i.timer,
    canUndo: i.canUndo,
    canSkip: !!state && !i.ended && canStep(i.scenario, state, { type: 'skipCard' }).ok,
    canEnd: !!state && !i.ended,
    cards: cards.map((c) => ({ id: c.id, title: text(c.title) })),
    notes: state ? state.log.flatMap((e) => (e.kind === 'note' ? [e.text] : [])) : [],
    lang: i.lang,
    largerText: i.largerText,
    refused: i.refused,
  };
}

/** 90000 → "1:30". */
export function clock(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Timer lengths offered at setup and in the console (ms); 0 = no timer. */
export const TIMER_CHOICES = [0, 60_000, 120_000, 180_000, 300_000, 600_000];
