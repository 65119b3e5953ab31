/**
 * The council's own decisions in the debrief (issue 21): priorities set (with the votes and the
 * priorities not chosen), money moved between budgets, investments bought or declined, cards a
 * facilitator brought in or skipped. They are what a council learns most from, so they stand in
 * the timeline, the exports, what-if and compare beside the card decisions. Pure, like model.ts.
 */
import type { Deltas, GameState, LogEntry } from '../engine/types';
import type { Scenario } from '../scenario/schema';
import { localize } from '../scenario/text';
import { findCard } from './find-card';

export type CouncilKind = 'priorities' | 'transfer' | 'invest' | 'decline' | 'inject' | 'skip';

export interface CouncilRow {
  logIndex: number;
  round: number;
  roundText: string;
  kind: CouncilKind;
  /** What was decided, in the scenario's words: "Preventie eerst", "€ 10.000: Wmo → Jeugdhulp". */
  what: string;
  /** What the table could have chosen instead (the priorities not chosen). */
  notChosen: string[];
  votes: { player: string; option: string }[] | null;
  split: boolean;
  /** Votes per choice, most first: "3–1–1"; null without a vote. */
  tally: string | null;
  changes: { name: string; delta: number; money: boolean }[];
}

export interface CouncilWords {
  round(n: number): string;
  money(v: number): string;
}

/** Votes per choice, most first ("3–1–1"): how split the table was, at a glance. */
export function tallyOf(votes: readonly unknown[] | null): string | null {
  if (!votes) return null;
  const counts = new Map<string, number>();
  for (const v of votes) {
    if (v === null || v === undefined) continue;
    const key = Array.isArray(v) ? [...v].sort().join('+') : String(v);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  if (counts.size === 0) return null;
  return [...counts.values()].sort((a, b) => b - a).join('–');
}

export function changesOf(scenario: Scenario, deltas: Deltas, text: (v: never) => string) {
  const name = (list: { id: string; name: unknown }[], id: string) =>
    text((list.find((x) => x.id === id)?.name ?? id) as never);
  return [
    ...Object.entries(deltas.resources).map(([id, d]) => ({
      name: name(scenario.resources, id),
      delta: d,
      money: true,
    })),
    ...Object.entries(deltas.meters).map(([id, d]) => ({
      name: name(scenario.meters, id),
      delta: d,
      money: false,
    })),
  ];
}

export function councilRows(
  scenario: Scenario,
  state: GameState,
  lang: string,
  words: CouncilWords,
): CouncilRow[] {
  const text = (v: Parameters<typeof localize>[0]) => localize(v, lang, scenario.languages);
  const priority = (id: string) => {
    const p = scenario.priorities?.options.find((o) => o.id === id);
    return p ? text(p.name) : id;
  };
  const investment = (id: string) => {
    const i = scenario.investments.find((x) => x.id === id);
    return i ? text(i.name) : id;
  };
  const resource = (id: string) => {
    const r = scenario.resources.find((x) => x.id === id);
    return r ? text(r.name) : id;
  };
  const card = (id: string) => {
    const c = findCard(scenario, id);
    return c ? text(c.title) : id;
  };
  const rows: CouncilRow[] = [];
  const base = (e: LogEntry, i: number) => ({
    logIndex: i,
    round: e.at,
    roundText: words.round(e.at),
    notChosen: [] as string[],
    votes: null,
    split: false,
    tally: null,
    changes: [] as CouncilRow['changes'],
  });
  state.log.forEach((e, i) => {
    switch (e.kind) {
      case 'priorities': {
        const names = (ids: readonly string[]) => ids.map(priority).join(' + ');
        const cast = e.votes ? e.votes.filter((v): v is string[] => v !== null) : [];
        rows.push({
          ...base(e, i),
          kind: 'priorities',
          what: e.chosen.length > 0 ? names(e.chosen) : '—',
          notChosen: (scenario.priorities?.options ?? [])
            .filter((o) => !e.chosen.includes(o.id))
            .map((o) => text(o.name)),
          votes: e.votes
            ? e.votes.map((v, s) => ({
                player: state.players[s]?.name ?? String(s + 1),
                option: v ? names(v) : '—',
              }))
            : null,
          split: new Set(cast.map((v) => [...v].sort().join('+'))).size > 1,
          tally: tallyOf(e.votes),
        });
        return;
      }
      case 'transfer':
        rows.push({
          ...base(e, i),
          kind: 'transfer',
          what: `${words.money(e.amount)}: ${resource(e.from)} → ${resource(e.to)}`,
          changes: changesOf(scenario, e.deltas, text as never),
        });
        return;
      case 'invest':
        rows.push({
          ...base(e, i),
          kind: 'invest',
          what: investment(e.investment),
          changes: changesOf(scenario, e.deltas, text as never),
        });
        return;
      case 'decline':
        rows.push({ ...base(e, i), kind: 'decline', what: investment(e.investment) });
        return;
      case 'inject':
        rows.push({ ...base(e, i), kind: 'inject', what: card(e.card) });
        return;
      case 'skipCard':
        rows.push({ ...base(e, i), kind: 'skip', what: card(e.card) });
        return;
    }
  });
  return rows;
}
