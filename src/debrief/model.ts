/**
 * The debrief as plain data, for the files a workshop keeps (standalone HTML, Markdown, CSV).
 * Pure: scenario + replayed state + language in, text and numbers out — no DOM, no i18next, no
 * clock. The shell passes the few UI words it needs (`DebriefWords`), so both languages export.
 * Facilitator notes belong to a decision: a note typed while a card was on the table goes with
 * that card's decision; a note typed while its consequences were shown goes with the decision
 * just made; a note before any card stays with the session.
 */
import type { GameState, LogEntry } from '../engine/types';
import type { Scenario } from '../scenario/schema';
import { localize, roundLabel } from '../scenario/text';
import { type CouncilRow, changesOf, councilRows, tallyOf } from './council-rows';
import { findCard } from './find-card';

export interface DebriefWords {
  /** "Kwartaal 2 van 4" for a round ≥ 1; the word for "before the start" for 0. */
  round(n: number): string;
  money(v: number): string;
  meter(v: number): string;
  /** "Afgebroken na Kwartaal 1 van 4": a game the facilitator stopped early (see `endNow`). */
  stopped?(completedRounds: number): string;
}

export interface DecisionRow {
  /** Index of the decision in the session log (what-if branches from here). */
  logIndex: number;
  round: number;
  roundText: string;
  player: string | null;
  cardId: string;
  card: string;
  chosenId: string | null;
  chosen: string;
  notChosen: string[];
  votes: { player: string; option: string }[] | null;
  split: boolean;
  /** Votes per option, most first ("3–1–1"); null without a vote. */
  tally: string | null;
  asked: { ask: string; reveals: string }[];
  notes: string[];
  changes: { name: string; delta: number; money: boolean }[];
  reflect: string | null;
}

export interface Debrief {
  title: string;
  lang: string;
  seed: string;
  players: { name: string; role: string | null; brief: string | null; goal: boolean | null }[];
  decisions: DecisionRow[];
  /** The council's own decisions: priorities, transfers, investments, cards brought in or skipped. */
  council: CouncilRow[];
  generalNotes: string[];
  resources: { id: string; name: string; start: number; end: number; text: string; series: number[] }[];
  meters: {
    id: string;
    name: string;
    start: number;
    end: number;
    text: string;
    good: 'high' | 'low';
    series: number[];
  }[];
  /** Chart labels: 0 = start, then every round that ended. */
  rounds: number[];
  /** `stopped`: the game was stopped early, said in words; the ending is as it stood then. */
  ending: { id: string; title: string; text: string; stopped: string | null } | null;
  questions: string[];
}

export { findCard } from './find-card';

/** For each note entry, the log index of the decision it belongs to (or null: general). */
export function noteOwners(log: readonly LogEntry[]): Map<number, number | null> {
  const owners = new Map<number, number | null>();
  for (let i = 0; i < log.length; i++) {
    if (log[i].kind !== 'note') continue;
    let owner: number | null = null;
    for (let j = i - 1; j >= 0; j--) {
      const e = log[j];
      if (e.kind === 'decision') {
        owner = j;
        break;
      }
      if (e.kind === 'draw' || e.kind === 'inject') {
        const next = log.findIndex((x, k) => k > i && x.kind === 'decision');
        owner = next >= 0 ? next : null;
        break;
      }
    }
    owners.set(i, owner);
  }
  return owners;
}

/** Budget and meter values at the start and after every round end, from the log's deltas. */
export function seriesOf(scenario: Scenario, log: readonly LogEntry[]) {
  const res: Record<string, number> = Object.fromEntries(scenario.resources.map((r) => [r.id, r.start]));
  const met: Record<string, number> = Object.fromEntries(scenario.meters.map((m) => [m.id, m.start]));
  const rounds = [0];
  const r: Record<string, number[]> = Object.fromEntries(scenario.resources.map((x) => [x.id, [x.start]]));
  const m: Record<string, number[]> = Object.fromEntries(scenario.meters.map((x) => [x.id, [x.start]]));
  for (const e of log) {
    if ('deltas' in e) {
      for (const [id, v] of Object.entries(e.deltas.resources)) if (id in res) res[id] += v;
      for (const [id, v] of Object.entries(e.deltas.meters))
        if (id in met) met[id] = Math.round((met[id] + v) * 100) / 100;
    }
    if (e.kind === 'roundEnd') {
      rounds.push(e.round);
      for (const id of Object.keys(res)) r[id].push(res[id]);
      for (const id of Object.keys(met)) m[id].push(met[id]);
    }
  }
  return { rounds, resources: r, meters: m };
}

export function buildDebrief(
  scenario: Scenario,
  state: GameState,
  lang: string,
  words: DebriefWords,
): Debrief {
  const text = (v: Parameters<typeof localize>[0]) => localize(v, lang, scenario.languages);
  const log = state.log;
  const owners = noteOwners(log);
  const notesOf = new Map<number | null, string[]>();
  for (const [i, owner] of owners) {
    const e = log[i];
    if (e.kind !== 'note') continue;
    const list = notesOf.get(owner) ?? [];
    list.push(e.text);
    notesOf.set(owner, list);
  }
  const playerName = (seat: number | null) => (seat === null ? null : (state.players[seat]?.name ?? null));
  const decisions: DecisionRow[] = [];
  log.forEach((e, i) => {
    if (e.kind !== 'decision') return;
    const card = findCard(scenario, e.card);
    const label = (id: string | null) =>
      id === null ? '—' : text(card?.options?.find((o) => o.id === id)?.label ?? id);
    const votes = e.votes
      ? e.votes.map((v, s) => ({ player: state.players[s]?.name ?? String(s + 1), option: label(v) }))
      : null;
    decisions.push({
      logIndex: i,
      round: e.at,
      roundText: words.round(e.at),
      player: playerName(e.seat),
      cardId: e.card,
      card: card ? text(card.title) : e.card,
      chosenId: e.option,
      chosen: label(e.option),
      notChosen: (card?.options ?? []).filter((o) => o.id !== e.option).map((o) => text(o.label)),
      votes,
      split: e.votes ? new Set(e.votes.filter((v) => v !== null)).size > 1 : false,
      tally: tallyOf(e.votes),
      asked: e.asked.map((q) => ({
        ask: text(card?.conversation[q]?.ask ?? ''),
        reveals: text(card?.conversation[q]?.reveals ?? ''),
      })),
      notes: notesOf.get(i) ?? [],
      changes: changesOf(scenario, e.deltas, text as never),
      reflect: card?.reflect ? text(card.reflect) : null,
    });
  });
  const series = seriesOf(scenario, log);
  const ending = scenario.endings.find((x) => x.id === state.ending?.id);
  return {
    title: text(scenario.title),
    lang,
    seed: state.seed,
    players: state.players.map((p) => {
      const role = scenario.roles.find((r) => r.id === p.role);
      return {
        name: p.name,
        role: role ? text(role.name) : null,
        brief: role ? text(role.brief) : null,
        goal: role?.goal && state.ending ? state.ending.goals[role.id] === true : null,
      };
    }),
    decisions,
    council: councilRows(scenario, state, lang, words),
    generalNotes: notesOf.get(null) ?? [],
    resources: scenario.resources.map((r) => ({
      id: r.id,
      name: text(r.name),
      start: r.start,
      end: state.resources[r.id] ?? r.start,
      text: words.money(state.resources[r.id] ?? r.start),
      series: series.resources[r.id],
    })),
    meters: scenario.meters.map((m) => ({
      id: m.id,
      name: text(m.name),
      start: m.start,
      end: state.meters[m.id] ?? m.start,
      text: words.meter(state.meters[m.id] ?? m.start),
      good: m.good,
      series: series.meters[m.id],
    })),
    rounds: series.rounds,
    ending: ending
      ? {
          id: ending.id,
          title: text(ending.title),
          text: text(ending.text),
          stopped:
            state.ending?.stopped === undefined
              ? null
              : (words.stopped?.(state.ending.stopped) ??
                `Stopped after ${words.round(state.ending.stopped)}`),
        }
      : null,
    questions: (scenario.debrief?.questions ?? []).map(text),
  };
}

/** The default round words for exports outside the UI (tests, files): the scenario's own label. */
export function scenarioRound(scenario: Scenario, lang: string, before: string, of: string) {
  return (n: number) =>
    n <= 0
      ? before
      : `${roundLabel(scenario.rounds.label, n, lang, scenario.languages)} ${of} ${scenario.rounds.count}`;
}

export type TimelineItem = { kind: 'card'; row: DecisionRow } | { kind: 'council'; row: CouncilRow };

/** Card decisions and the council's own in the order they happened. */
export function timelineOf(d: Debrief): TimelineItem[] {
  const items: TimelineItem[] = [
    ...d.decisions.map((row) => ({ kind: 'card' as const, row })),
    ...d.council.map((row) => ({ kind: 'council' as const, row })),
  ];
  return items.sort((a, b) => a.row.logIndex - b.row.logIndex);
}

/** Every vote that split the table (cards and priorities), with its tally and who chose what. */
export interface SplitVote {
  logIndex: number;
  kind: 'card' | CouncilRow['kind'];
  title: string;
  roundText: string;
  tally: string;
  votes: { player: string; option: string }[];
}

export function splitVotes(d: Debrief): SplitVote[] {
  return timelineOf(d).flatMap(({ kind, row }) =>
    row.split && row.votes && row.tally
      ? [
          {
            logIndex: row.logIndex,
            kind: kind === 'card' ? ('card' as const) : row.kind,
            title: kind === 'card' ? row.card : row.what,
            roundText: row.roundText,
            tally: row.tally,
            votes: row.votes,
          },
        ]
      : [],
  );
}
