/**
 * The session machine: the XState v5 actor the browser runs around the pure core.
 *
 * The core (`step`) knows the rules; this machine knows what a person needs around them:
 * setting up a table, waiting for the table's decision, showing what a decision did before
 * moving on, pausing, the discussion timer, undo and the end. Its `playing` states mirror the
 * core's pending kinds (turn, card, invest, council), so the chart reads like the game.
 *
 * Context is plain JSON (no spawned actors, no class instances) so a snapshot can be persisted;
 * but the truth is `record` (seed + scenario + actions) — `state` is a cache of replaying it.
 * The machine never draws a random number nor reads a clock: the shell sends `TICK` with the
 * milliseconds that passed, so tests control time.
 */
import { assign, setup } from 'xstate';
import type { Scenario } from '../scenario/schema';
import { appendAction, canUndo, newRecord, replay, undo } from './record';
import { newGame } from './setup';
import { canStep, step } from './step';
import type { Action, GameState, LogEntry, PlayerSetup, SessionRecord } from './types';

// ------------------------------------------------------------------ domain types

export interface SessionInput {
  scenario: Scenario;
  scenarioHash: string;
  /** Resume a session: the record is replayed to rebuild the state. */
  record?: SessionRecord;
  /** Discussion time per decision in ms; 0 = no timer. */
  timerMs?: number;
  /** Remaining discussion time when resuming. */
  timerRemainingMs?: number;
  /**
   * Resuming while the consequences of the last action were on screen: the log entry they start
   * at. They are shown again (when there is something to read) before play goes on.
   */
  outcomeFrom?: number;
}

export interface Timer {
  lengthMs: number;
  remainingMs: number;
}

export interface SessionContext {
  scenario: Scenario;
  scenarioHash: string;
  record: SessionRecord | null;
  state: GameState | null;
  /** Set while the consequences of the last action are shown: the log entries from `from` on are new. */
  outcome: { from: number } | null;
  timer: Timer;
  /** The reason code of the last refused action, for the shell to explain; cleared by the next accepted one. */
  refused: string | null;
}

export type SessionEvent =
  | { type: 'START'; seed: string; players: PlayerSetup[] }
  | { type: 'ACT'; action: Action }
  | { type: 'CONTINUE' }
  | { type: 'PAUSE' }
  | { type: 'RESUME' }
  | { type: 'UNDO' }
  | { type: 'TICK'; ms: number }
  | { type: 'SET_TIMER'; ms: number };

// ------------------------------------------------------------------ pure helpers

/** What a decision, event or skip did: worth reading before play goes on. */
const CONSEQUENCE_KINDS: readonly LogEntry['kind'][] = [
  'decision',
  'event',
  'invest',
  'decline',
  'priorities',
  'skipCard',
  'inject',
  'ending',
  'drawNothing',
  'skipTurn',
];

/** Log kinds worth a moment of their own before play goes on (the "consequence" beat). */
const SHOWN_KINDS: ReadonlySet<LogEntry['kind']> = new Set([...CONSEQUENCE_KINDS, 'roll']);

/** What the table reads in that moment; a roll alone is shown by its animation. */
const READ_KINDS: ReadonlySet<LogEntry['kind']> = new Set([...CONSEQUENCE_KINDS, 'roundStart', 'log']);

/** Whether the entries an action added hold something the table should see before moving on. */
export function addsOutcome(before: GameState, after: GameState): boolean {
  for (let i = before.log.length; i < after.log.length; i++) {
    if (SHOWN_KINDS.has(after.log[i].kind)) return true;
  }
  return false;
}

/**
 * Whether new log entries hold something the table should read before play goes on (a roll alone
 * only moves a token: its animation is the consequence).
 */
export function needsReading(entries: readonly LogEntry[]): boolean {
  return entries.some((e) => READ_KINDS.has(e.kind));
}

/** The outcome a resumed session shows first: only a valid one with something to read. */
function resumedOutcome(state: GameState | null, from: number | undefined): { from: number } | null {
  if (!state || from === undefined || !Number.isInteger(from) || from < 0 || from >= state.log.length)
    return null;
  return needsReading(state.log.slice(from)) ? { from } : null;
}

/**
 * The key that identifies "the decision now on the table": the timer restarts and the shell
 * moves focus when it changes. Questions asked and facilitator notes keep it.
 */
export function decisionKey(state: GameState | null): string {
  if (!state) return '';
  const p = state.pending;
  switch (p.kind) {
    case 'card':
      return `card:${p.copy.card}:${state.log.length - p.asked.length - notesIn(state)}`;
    case 'council':
      return `council:${p.after}:${p.step}:${p.offer ?? ''}`;
    case 'invest':
      return `invest:${p.investment}:${state.actions - notesIn(state)}`;
    case 'turn':
      return `turn:${p.seat}:${state.actions - notesIn(state)}`;
    default:
      return p.kind;
  }
}

function notesIn(state: GameState): number {
  let n = 0;
  for (const e of state.log) if (e.kind === 'note') n++;
  return n;
}

function hasDecisionToUndo(record: SessionRecord | null): boolean {
  return !!record && canUndo(record);
}

// ------------------------------------------------------------------ the machine

export const sessionMachine = setup({
  types: {
    context: {} as SessionContext,
    events: {} as SessionEvent,
    input: {} as SessionInput,
    tags: {} as SessionTag,
  },
  guards: {
    'has a record': ({ context }) => context.record !== null,
    'action is allowed': ({ context, event }) =>
      event.type === 'ACT' && !!context.state && canStep(context.scenario, context.state, event.action).ok,
    'waiting for a turn': ({ context }) => context.state?.pending.kind === 'turn',
    'a card is on the table': ({ context }) => context.state?.pending.kind === 'card',
    'an investment is offered': ({ context }) => context.state?.pending.kind === 'invest',
    'the council meets': ({ context }) => context.state?.pending.kind === 'council',
    'the game has ended': ({ context }) => context.state?.pending.kind === 'ended',
    'is an allowed note': ({ context, event }) =>
      event.type === 'ACT' &&
      event.action.type === 'note' &&
      !!context.state &&
      canStep(context.scenario, context.state, event.action).ok,
    'there is something to show': ({ context }) => context.outcome !== null,
    'there is a decision to undo': ({ context }) => hasDecisionToUndo(context.record),
  },
  actions: {
    startGame: assign(({ context, event }) => {
      if (event.type !== 'START') return {};
      const state = newGame(context.scenario, { seed: event.seed, players: event.players });
      const record = newRecord(
        context.scenario,
        context.scenarioHash,
        event.seed,
        state.players.map((p) => ({ name: p.name, ...(p.role ? { role: p.role } : {}) })),
      );
      return { state, record, outcome: null, refused: null, timer: restartTimer(context.timer) };
    }),
    applyAction: assign(({ context, event }) => {
      if (event.type !== 'ACT' || !context.state || !context.record) return {};
      const before = context.state;
      const state = step(context.scenario, before, event.action);
      const record = appendAction(context.record, event.action);
      const timer = decisionKey(before) === decisionKey(state) ? context.timer : restartTimer(context.timer);
      return {
        state,
        record,
        refused: null,
        timer,
        outcome: addsOutcome(before, state) ? { from: before.log.length } : null,
      };
    }),
    applyNote: assign(({ context, event }) => {
      if (event.type !== 'ACT' || !context.state || !context.record) return {};
      return {
        state: step(context.scenario, context.state, event.action),
        record: appendAction(context.record, event.action),
        refused: null,
      };
    }),
    refuseWhilePaused: assign({ refused: 'paused' }),
    noteRefusal: assign(({ context, event }) => {
      if (event.type !== 'ACT' || !context.state) return {};
      const verdict = canStep(context.scenario, context.state, event.action);
      return { refused: verdict.ok ? null : verdict.reason };
    }),
    clearOutcome: assign({ outcome: null }),
    undoLastDecision: assign(({ context }) => {
      if (!context.record) return {};
      const record = undo(context.scenario, context.record);
      const state = replay(context.scenario, record);
      return { record, state, outcome: null, refused: null, timer: restartTimer(context.timer) };
    }),
    tickTimer: assign(({ context, event }) => {
      if (event.type !== 'TICK') return {};
      const remainingMs = Math.max(0, context.timer.remainingMs - Math.max(0, event.ms));
      return { timer: { ...context.timer, remainingMs } };
    }),
    setTimer: assign(({ event }) => {
      if (event.type !== 'SET_TIMER') return {};
      const lengthMs = Math.max(0, Math.round(event.ms));
      return { timer: { lengthMs, remainingMs: lengthMs } };
    }),
  },
}).createMachine({
  id: 'session',
  context: ({ input }) => {
    const timerMs = input.timerMs ?? 0;
    const timer = { lengthMs: timerMs, remainingMs: input.timerRemainingMs ?? timerMs };
    const record = input.record ?? null;
    const state = record ? replay(input.scenario, record) : null;
    return {
      scenario: input.scenario,
      scenarioHash: input.scenarioHash,
      record,
      state,
      outcome: resumedOutcome(state, input.outcomeFrom),
      timer,
      refused: null,
    };
  },
  initial: 'booting',
  on: {
    SET_TIMER: { actions: 'setTimer' },
  },
  states: {
    booting: {
      always: [{ guard: 'has a record', target: 'playing' }, { target: 'setup' }],
    },
    // Nothing to write a note on yet: a note needs a game's log.
    setup: {
      on: { START: { target: 'playing', actions: 'startGame' } },
    },
    playing: {
      initial: 'routing',
      on: {
        PAUSE: 'paused',
        UNDO: { guard: 'there is a decision to undo', target: '.routing', actions: 'undoLastDecision' },
        ACT: [
          // A note is no new moment: it shows nothing and the discussion time runs on.
          { guard: 'is an allowed note', actions: 'applyNote' },
          { guard: 'action is allowed', target: '.afterAction', actions: 'applyAction' },
          { actions: 'noteRefusal' },
        ],
      },
      states: {
        routing: {
          always: [
            // Only a resumed session enters here with an outcome: the one that was on screen.
            { guard: 'there is something to show', target: 'outcome' },
            { guard: 'the game has ended', target: '#session.ended' },
            { guard: 'waiting for a turn', target: 'turn' },
            { guard: 'a card is on the table', target: 'card' },
            { guard: 'an investment is offered', target: 'invest' },
            { guard: 'the council meets', target: 'council' },
          ],
        },
        afterAction: {
          always: [{ guard: 'there is something to show', target: 'outcome' }, { target: 'routing' }],
        },
        // The table acts in these four; the discussion timer runs only where a decision is open.
        turn: { tags: ['acting'] },
        card: { tags: ['acting', 'deciding'], on: { TICK: { actions: 'tickTimer' } } },
        invest: { tags: ['acting', 'deciding'], on: { TICK: { actions: 'tickTimer' } } },
        council: { tags: ['acting', 'deciding'], on: { TICK: { actions: 'tickTimer' } } },
        outcome: {
          tags: ['outcome'],
          on: {
            CONTINUE: { target: 'routing', actions: 'clearOutcome' },
            // While the consequences are on screen the table may not act yet; the facilitator may
            // still write down what the table argued.
            ACT: [{ guard: 'is an allowed note', actions: 'applyNote' }, { actions: 'noteRefusal' }],
          },
        },
        history: { type: 'history', history: 'deep' },
      },
    },
    // Input and timer are frozen; a facilitator often types the table's argument now.
    paused: {
      tags: ['paused'],
      on: {
        RESUME: '#session.playing.history',
        ACT: [{ guard: 'is an allowed note', actions: 'applyNote' }, { actions: 'refuseWhilePaused' }],
      },
    },
    // The debrief: a note on what the table said afterwards is kept with the session.
    ended: {
      tags: ['ended'],
      on: {
        UNDO: { guard: 'there is a decision to undo', target: 'playing', actions: 'undoLastDecision' },
        ACT: [{ guard: 'is an allowed note', actions: 'applyNote' }, { actions: 'noteRefusal' }],
      },
    },
  },
});

function restartTimer(timer: Timer): Timer {
  return { lengthMs: timer.lengthMs, remainingMs: timer.lengthMs };
}

/** The names of the `playing` sub-states, for the shell. */
export type PlayingState = 'turn' | 'card' | 'invest' | 'council' | 'outcome';

/**
 * The tags a shell matches with `snapshot.hasTag`: `acting` (the table may act: turn, card,
 * invest, council), `deciding` (a decision is open: card, invest, council; the timer runs),
 * `outcome` (the consequences of the last action are on screen), `paused`, `ended`.
 */
export type SessionTag = 'acting' | 'deciding' | 'outcome' | 'paused' | 'ended';
