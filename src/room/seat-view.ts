/**
 * What each screen of a room may see: a thin adapter over the engine's `seatView`
 * (src/engine/seat-view.ts), which decides it. The public part is the same for every screen, so
 * the room encodes it once per update; each client's message adds only its own few fields.
 */
import { canUndo } from '../engine/record';
import { ownSight, type PublicSight, publicSight, scenarioFor, voteCount } from '../engine/seat-view';
import type { Seat } from '../engine/types';
import type { View } from '../engine/view';
import type { BriefMessage, SeatExtras } from '../protocol/room';
import type { Scenario } from '../scenario/schema';
import type { Table } from './table';

/** The scenario a screen gets (the engine's `scenarioFor`): a phone the skeleton, until the end. */
export function screenScenario(table: Table, facilitator: boolean): Scenario {
  return scenarioFor(table.scenario, table.state, facilitator ? 'facilitator' : 'projector');
}

/** The own role's brief for a seat, or null before the start or without a role. */
export function briefFor(table: Table, seat: Seat | null): BriefMessage | null {
  const role = table.state && seat !== null ? ownSight(table.scenario, table.state, seat).role : null;
  return role && seat !== null ? { seat, role: role.id, brief: role.brief, hidden: role.hidden } : null;
}

/** What every screen of the table may see, or null before the start. */
export function tableSight(table: Table, base?: View): PublicSight | null {
  return table.state ? publicSight(table.scenario, table.state, base) : null;
}

/** The part of a screen's update that is its own: its seat and vote, and (facilitator) who voted. */
export function seatExtras(table: Table, you: Seat | null, facilitator: boolean): SeatExtras | null {
  const state = table.state;
  if (!state || !table.record) return null;
  const audience = facilitator ? 'facilitator' : you === null ? 'projector' : you;
  const { role: _, mine, ...own } = ownSight(table.scenario, state, audience);
  const count = voteCount(table.scenario, state);
  return {
    ...own,
    votes: count && !count.tally ? { cast: count.cast, total: count.total, mine } : null,
    actions: table.record.actions.length,
    paused: table.paused,
    canUndo: canUndo(table.record),
  };
}
