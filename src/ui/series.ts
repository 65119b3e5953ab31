/**
 * Charts and sparklines read the session log: every change the engine made is logged with its
 * deltas, so the value of a budget or meter at the end of each round is the scenario's start
 * value with the logged deltas laid on top, in order. Nothing here decides a rule; a test checks
 * that the fold ends exactly at the engine's own current state.
 */
import type { Deltas, LogEntry } from '../engine/types';
import type { Scenario } from '../scenario/schema';

export interface Series {
  /** Point labels: 0 = the start, then every round that ended. */
  rounds: number[];
  resources: Record<string, number[]>;
  meters: Record<string, number[]>;
}

function deltasOf(entry: LogEntry): Deltas | null {
  return 'deltas' in entry ? entry.deltas : null;
}

/** Value per round end (index 0 = start); `current` adds the running values as a last point. */
export function seriesFromLog(scenario: Scenario, log: readonly LogEntry[], current = false): Series {
  const res: Record<string, number> = Object.fromEntries(scenario.resources.map((r) => [r.id, r.start]));
  const met: Record<string, number> = Object.fromEntries(scenario.meters.map((m) => [m.id, m.start]));
  const out: Series = {
    rounds: [0],
    resources: Object.fromEntries(scenario.resources.map((r) => [r.id, [r.start]])),
    meters: Object.fromEntries(scenario.meters.map((m) => [m.id, [m.start]])),
  };
  const sample = (round: number) => {
    out.rounds.push(round);
    for (const id of Object.keys(res)) out.resources[id].push(res[id]);
    for (const id of Object.keys(met)) out.meters[id].push(met[id]);
  };
  for (const entry of log) {
    const d = deltasOf(entry);
    if (d) {
      for (const [id, v] of Object.entries(d.resources)) if (id in res) res[id] = res[id] + v;
      for (const [id, v] of Object.entries(d.meters))
        if (id in met) met[id] = Math.round((met[id] + v) * 100) / 100;
    }
    if (entry.kind === 'roundEnd') sample(entry.round);
  }
  const lastRound = out.rounds[out.rounds.length - 1];
  const changedSince = log.length > 0 && log[log.length - 1].kind !== 'roundEnd';
  if (current && changedSince) sample(lastRound + 0.5);
  return out;
}

/** The summed changes of some log entries (what one action did), per id. */
export function changesOf(entries: readonly LogEntry[]): Deltas {
  const out: Deltas = { resources: {}, meters: {} };
  for (const entry of entries) {
    const d = deltasOf(entry);
    if (!d) continue;
    for (const [id, v] of Object.entries(d.resources)) out.resources[id] = (out.resources[id] ?? 0) + v;
    for (const [id, v] of Object.entries(d.meters))
      out.meters[id] = Math.round(((out.meters[id] ?? 0) + v) * 100) / 100;
  }
  return out;
}
