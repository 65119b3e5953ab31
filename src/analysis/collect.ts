/**
 * What the balance analysis needs beyond the simulator's report, read from each finished game's
 * log (see `simulate`'s `onGame`): values at every round end, options offered, the realised
 * effect of each choice, investment offers, role goals and scheduled cards.
 *
 * Values at a round end are rebuilt from the log: the start values plus every logged delta up to
 * and including that round's `roundEnd` entry (drift, `perRound`, upkeep). The engine's ledger
 * guarantees this adds up (the sum of logged deltas is final − start; a test holds it here too).
 * A game that ended early (an immediate ending) contributes only to the rounds it finished.
 */
import type { Deltas, GameState } from '../engine/types';
import type { Scenario } from '../scenario/schema';

export interface DeltaSums {
  n: number;
  resources: Record<string, number>;
  meters: Record<string, number>;
}

export interface Collected {
  games: number;
  /** Per id, per round (index = round − 1), the values at that round's end in each game that got there. */
  rounds: { resources: Record<string, number[][]>; meters: Record<string, number[][]> };
  /** Per card, per option: how many times it was offered when the card was settled. */
  offered: Record<string, Record<string, number>>;
  /** Per card, per chosen option: the sum of the deltas it made (after costFactor, clamps, chance). */
  chosen: Record<string, Record<string, DeltaSums>>;
  investments: Record<string, { offered: number; bought: number }>;
  /** Per role with a goal: games it was in play, games its goal was met. */
  roles: Record<string, { inPlay: number; met: number }>;
  /** Per scheduled card: schedule effects applied, of those past the last round, arrivals. */
  schedules: Record<string, { scheduled: number; tooLate: number; arrived: number }>;
}

export function emptyCollected(scenario: Scenario): Collected {
  const perRound = () => Array.from({ length: scenario.rounds.count }, () => [] as number[]);
  return {
    games: 0,
    rounds: {
      resources: Object.fromEntries(scenario.resources.map((r) => [r.id, perRound()])),
      meters: Object.fromEntries(scenario.meters.map((m) => [m.id, perRound()])),
    },
    offered: {},
    chosen: {},
    investments: Object.fromEntries(scenario.investments.map((i) => [i.id, { offered: 0, bought: 0 }])),
    roles: {},
    schedules: {},
  };
}

/** The record's entry at `key`, created by `make` when missing. */
function at<T>(record: Record<string, T>, key: string, make: () => T): T {
  if (!Object.hasOwn(record, key)) record[key] = make();
  return record[key];
}

function sums(): DeltaSums {
  return { n: 0, resources: {}, meters: {} };
}

function addDeltas(into: DeltaSums, d: Deltas): void {
  for (const [id, v] of Object.entries(d.resources)) into.resources[id] = (into.resources[id] ?? 0) + v;
  for (const [id, v] of Object.entries(d.meters)) into.meters[id] = (into.meters[id] ?? 0) + v;
}

/** Rounds half away from zero to 2 decimals (meters), as the engine does. */
function round2(v: number): number {
  const sign = v < 0 ? -1 : 1;
  return (sign * Math.round(Math.abs(v) * 100 + 1e-7)) / 100;
}

/** Adds one finished game to `c`. */
export function collectGame(scenario: Scenario, c: Collected, state: GameState): void {
  c.games++;
  const resources: Record<string, number> = Object.fromEntries(
    scenario.resources.map((r) => [r.id, r.start]),
  );
  const meters: Record<string, number> = Object.fromEntries(scenario.meters.map((m) => [m.id, m.start]));
  for (const entry of state.log) {
    if ('deltas' in entry) {
      for (const [id, v] of Object.entries(entry.deltas.resources)) resources[id] += v;
      for (const [id, v] of Object.entries(entry.deltas.meters)) meters[id] = round2(meters[id] + v);
    }
    switch (entry.kind) {
      case 'roundEnd': {
        const r = entry.round - 1;
        for (const id of Object.keys(resources)) c.rounds.resources[id][r]?.push(resources[id]);
        for (const id of Object.keys(meters)) c.rounds.meters[id][r]?.push(meters[id]);
        break;
      }
      case 'decision': {
        const offered = at(c.offered, entry.card, (): Record<string, number> => ({}));
        for (const o of entry.offered) offered[o] = (offered[o] ?? 0) + 1;
        if (entry.option !== null) {
          const card = at(c.chosen, entry.card, (): Record<string, DeltaSums> => ({}));
          const s = at(card, entry.option, () => sums());
          s.n++;
          addDeltas(s, entry.deltas);
        }
        break;
      }
      case 'invest':
      case 'decline': {
        const inv = at(c.investments, entry.investment, () => ({ offered: 0, bought: 0 }));
        inv.offered++;
        if (entry.kind === 'invest') inv.bought++;
        break;
      }
      case 'schedule': {
        const s = at(c.schedules, entry.card, () => ({ scheduled: 0, tooLate: 0, arrived: 0 }));
        s.scheduled++;
        if (!entry.arrives) s.tooLate++;
        break;
      }
      case 'arrive': {
        const s = at(c.schedules, entry.card, () => ({ scheduled: 0, tooLate: 0, arrived: 0 }));
        s.arrived++;
        break;
      }
      case 'ending':
        for (const [role, met] of Object.entries(entry.goals)) {
          const g = at(c.roles, role, () => ({ inPlay: 0, met: 0 }));
          g.inPlay++;
          if (met) g.met++;
        }
        break;
    }
  }
}

/** The mean of summed deltas, or null when nothing was summed. */
export function meanOf(
  s: DeltaSums | undefined,
): { resources: Record<string, number>; meters: Record<string, number> } | null {
  if (!s || s.n === 0) return null;
  const div = (r: Record<string, number>) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v / s.n]));
  return { resources: div(s.resources), meters: div(s.meters) };
}
