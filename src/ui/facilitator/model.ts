/**
 * What the facilitator console shows, as plain data: built from the session snapshot in the
 * main window and sent as it is to a console open in its own window (BroadcastChannel), so both
 * show the same thing. Pure apart from reading the snapshot.
 */
import { canUndo } from '../../engine/record';
import { canStep } from '../../engine/step';
import type { GameState, SessionRecord } from '../../engine/types';
import type { Scenario } from '../../scenario/schema';
import { localize } from '../../scenario/text';

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
  record: SessionRecord | null;
  timer: { lengthMs: number; remainingMs: number };
  paused: boolean;
  ended: boolean;
  refused: string | null;
  lang: string;
  largerText: boolean;
}

export function consoleModel(i: ModelInput): ConsoleModel {
  const text = (v: Parameters<typeof localize>[0]) => localize(v, i.lang, i.scenario.languages);
  const state = i.state;
  const pending = state?.pending.kind;
  const cards = [...i.scenario.decks.flatMap((d) => d.cards), ...i.scenario.reserveCards].filter(
    (c, k, all) => all.findIndex((x) => x.id === c.id) === k,
  );
  return {
    title: text(i.scenario.title),
    paused: i.paused,
    ended: i.ended,
    deciding: pending === 'card' || pending === 'invest' || pending === 'council',
    timer: i.timer,
    canUndo: !!i.record && canUndo(i.record),
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
