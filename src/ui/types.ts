/**
 * The shell's shared types, in one module, so that screens can name each other's data without
 * importing each other (an import between screens would tie them into a cycle). Only types live
 * here; this module imports no screen.
 */
import type { Actor, SnapshotFrom } from 'xstate';
import type { sessionMachine } from '../engine/machine';
import type { Action, GameState, LogEntry, SessionRecord } from '../engine/types';
import type { SessionStore } from '../persistence/port';
import type { Scenario } from '../scenario/schema';
import type { App } from './app';

export type SessionSnapshot = SnapshotFrom<typeof sessionMachine>;

/** A game on the board: the engine's actor and the controller that draws it (src/ui/session.ts). */
export interface Session {
  send(action: Action): void;
  continue(): void;
  snapshot(): SessionSnapshot;
  stop(): void;
  /** Draw the table again from scratch (back from the debrief: the ending comes up again). */
  redraw(): void;
  /** What the debrief and the ending are built from, as of now. */
  stageContext(): StageContext | null;
  /** The engine's actor, for the facilitator console (pause, undo, timer: src/ui/facilitator). */
  readonly actor: Actor<typeof sessionMachine>;
}

/** A scenario as a session keeps it: checked, with the text it was read from. */
export interface ScenarioSource {
  scenario: Scenario;
  hash: string;
  source: string;
  file: string;
}

/** The live table: the session in play and where it came from. */
export interface LiveWorkshop {
  id: string;
  src: ScenarioSource;
  session: Session;
  /** What-if: the session this one branched from, and the decision (log index) it branched at. */
  branchOf: string | null;
  branchAt: number | null;
}

/** What the debrief asks of the workshop around the table (src/ui/facilitator/workshop.ts). */
export interface TableTools {
  /** The live table, or null between games. */
  live(): LiveWorkshop | null;
  /** The saved sessions (opened once per page). */
  store(): Promise<SessionStore>;
  /** What-if: a new session from `record`, branched at log index `branchAt`. */
  branch(record: SessionRecord, branchAt: number): Promise<LiveWorkshop | null>;
  /** The session in play as a file. */
  exportCurrent(): Promise<void>;
}

/** The setup form as the table fills it in (src/ui/setup.ts; kept per tab by src/ui/setup-draft.ts). */
export interface SetupState {
  count: number;
  names: string[];
  /** Per seat: a role id, or '' = dealt by the seed. */
  roles: string[];
  seed: string;
  /** The seat whose hidden brief is shown now (never kept). */
  revealed: number | null;
  /** A scenario that chooses together may be played by vote (issue 21); absent: as the file says. */
  decision?: 'group' | 'vote';
}

/** Everything a moment on the table (and the ending and debrief) is drawn from. */
export interface StageContext {
  app: App;
  scenario: Scenario;
  snapshot: SessionSnapshot;
  state: GameState;
  entries: LogEntry[];
  animating: boolean;
  send(action: Action): void;
  continue(): void;
  exit(): void;
  /** From the ending to the debrief (its own URL). */
  openDebrief(): void;
  /** The workshop's tools for export and what-if; absent when no workshop runs the session. */
  tools: TableTools | null;
}
