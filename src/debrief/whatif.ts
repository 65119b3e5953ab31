/**
 * What-if: branch a session at one of its decisions. The branch is the original's record cut
 * just before that decision began (a whole vote counts as one decision; questions asked and
 * notes typed before it stay), so the same card is on the table again and the table can choose
 * differently. The original record is never changed: a branch is a new session.
 */
import { decisionStarts } from '../engine/record';
import { newGame } from '../engine/setup';
import { step } from '../engine/step';
import type { GameState, SessionRecord } from '../engine/types';
import type { Scenario } from '../scenario/schema';

/** The log entries a table decided, so a what-if can take them back: a card's or the council's. */
const BRANCHABLE: ReadonlySet<string> = new Set(['decision', 'priorities', 'transfer', 'invest', 'decline']);

/** How many of the record's actions to keep so that the decision logged at `logIndex` is not yet made. */
export function branchPoint(scenario: Scenario, record: SessionRecord, logIndex: number): number {
  const starts = decisionStarts(record);
  let state = newGame(scenario, { seed: record.seed, players: record.players });
  if (state.log.length > logIndex) throw new Error(`log entry ${logIndex} is not a decision of this session`);
  for (let k = 0; k < record.actions.length; k++) {
    state = step(scenario, state, record.actions[k]);
    if (state.log.length > logIndex) {
      if (!BRANCHABLE.has(state.log[logIndex].kind))
        throw new Error(`log entry ${logIndex} is not a decision`);
      return starts[k];
    }
  }
  throw new Error(`log entry ${logIndex} is beyond the end of this session`);
}

export function branchRecord(scenario: Scenario, record: SessionRecord, logIndex: number): SessionRecord {
  return { ...record, actions: record.actions.slice(0, branchPoint(scenario, record, logIndex)) };
}

/** The first decision where two sessions of one scenario and seed went different ways (log index in `b`). */
export function firstDifference(a: GameState, b: GameState): number | null {
  const da = a.log.filter((e) => e.kind === 'decision');
  const idx = b.log.map((e, i) => [e, i] as const).filter(([e]) => e.kind === 'decision');
  for (let k = 0; k < idx.length; k++) {
    const x = da[k];
    const [y, i] = idx[k];
    if (x?.kind !== 'decision' || y.kind !== 'decision' || x.card !== y.card || x.option !== y.option)
      return i;
  }
  return null;
}
