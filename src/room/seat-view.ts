/**
 * What each screen of a room may see. The engine's view is public table information except two
 * things: a hidden role's brief and goal (its own seat only, everyone after the end), and the
 * votes of a vote still open (a count only, until every vote is in or the facilitator closes it).
 */
import { canUndo } from '../engine/record';
import type { GameState, LogEntry, Seat } from '../engine/types';
import { type View, view } from '../engine/view';
import type { Scenario } from '../scenario/schema';
import type { BriefMessage, SeatView } from './protocol';
import type { Table } from './table';

/** The scenario without hidden briefs and goals (kept for the debrief once the game has ended). */
export function publicScenario(scenario: Scenario, ended: boolean): Scenario {
  if (ended || !scenario.roles.some((r) => r.hidden)) return scenario;
  return {
    ...scenario,
    roles: scenario.roles.map((r) => (r.hidden ? { id: r.id, name: r.name, brief: '', hidden: true } : r)),
  };
}

/** The own role's brief for a seat, or null before the start or without a role. */
export function briefFor(table: Table, seat: Seat): BriefMessage | null {
  const role = table.state?.players[seat]?.role;
  const found = role ? table.scenario.roles.find((r) => r.id === role) : undefined;
  if (!found) return null;
  return { seat, role: found.id, brief: found.brief, hidden: found.hidden };
}

/**
 * The engine's view as every screen of the room may see it: while a vote is open and not yet
 * revealed, no vote is in it (a phone's own is in `votes.mine`). The same for every client, so
 * the room encodes it once per update, not once per phone.
 */
export function tableView(table: Table, base?: View): View | null {
  const state = table.state;
  if (!state) return null;
  // A shallow copy: hideVotes replaces the parts it changes, so the engine's view stays as it was.
  const v = { ...(base ?? view(table.scenario, state)) };
  if (table.openVote() && !table.revealed) hideVotes(v);
  return v;
}

/** The part of a screen's update that is its own: its seat, its vote, and (facilitator) who voted. */
export function seatExtras(
  table: Table,
  you: Seat | null,
  facilitator: boolean,
): Omit<SeatView, 'view'> | null {
  const state = table.state;
  if (!state || !table.record) return null;
  const open = table.openVote();
  let votes: SeatView['votes'] = null;
  let voted: boolean[] | null = null;
  if (open) {
    const cast = open.filter((x) => x !== null).length;
    const mine = you === null ? null : (open[you] ?? null);
    votes = { cast, total: open.length, mine: mine as string | string[] | null, revealed: table.revealed };
    if (facilitator) voted = open.map((x) => x !== null);
  }
  return {
    actions: table.record.actions.length,
    you,
    votes,
    voted,
    last: lastDecision(state),
    paused: table.paused,
    canUndo: canUndo(table.record),
  };
}

/** Every seat's vote is taken out of the view (null = not shown). */
function hideVotes(v: View): void {
  if (v.card?.votes) v.card = { ...v.card, votes: v.card.votes.map(() => null) };
  const pr = v.council?.priorities;
  if (v.council && pr?.votes) {
    v.council = { ...v.council, priorities: { ...pr, votes: pr.votes.map(() => null) } };
  }
}

function lastDecision(state: GameState): SeatView['last'] {
  for (let i = state.log.length - 1; i >= 0; i--) {
    const e: LogEntry = state.log[i];
    if (e.kind === 'decision') return { card: e.card, option: e.option, votes: e.votes };
  }
  return null;
}
