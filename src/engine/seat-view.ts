/**
 * What each screen may see (boardgame.io's `playerView`): `seatView(scenario, state, audience)`
 * with audience a seat, `'facilitator'` or `'projector'`. The engine's `view()` is everything
 * the rules know now; this takes out what a screen must not learn:
 *
 * - every seat's ballot: while a vote is open a count only (a seat sees its own vote); once it
 *   is counted the split per option, never who voted what (the facilitator sees who, for the
 *   debrief; the scenario format has no setting for open votes);
 * - other seats' hidden roles and every brief and goal but the seat's own;
 * - what the scenario's `reveal` hides: `none` no effects or costs, `cost` the money only, `all`
 *   every effect;
 * - the scenario itself: a screen gets `scenarioSkeleton` (names, no cards, answers, stances,
 *   effects or seed) and, here, the texts of the card on the table, its answers once asked, and
 *   the last decision's title and labels.
 *
 * The public part (`publicSight`) is the same for every audience, so a room encodes it once per
 * update; `ownSight` adds the few fields that are one audience's own.
 */
import type { Effect, Scenario, Text } from '../scenario/schema';
import { cardById, prepare } from './prepare';
import { openVote } from './refusals';
import type { GameState, LogEntry, Pending, Seat } from './types';
import { type View, view } from './view';

export type Audience = Seat | 'facilitator' | 'projector';

/** The card on the table as every screen reads it: texts only, an answer once its question was asked. */
export interface CardOnTable {
  card: string;
  kind: 'request' | 'event' | 'dilemma';
  title: Text;
  text: Text | null;
  options: { id: string; label: Text }[];
  questions: { index: number; ask: Text; reveals: Text | null }[];
}

/** The last settled decision (a card's or the council's priorities): what was chosen, and in vote mode the split (no names). */
export interface LastDecision {
  kind: 'card' | 'priorities';
  card: string | null;
  title: Text | null;
  /** A card's chosen option (null: settled without a choice, or priorities). */
  option: string | null;
  /** The option or the priorities chosen. */
  chosen: string[];
  /** Display text of every option (or priority) by id. */
  labels: Record<string, Text>;
  /** Vote mode: votes per option (priorities: per priority), else null. */
  tally: Record<string, number> | null;
  /** Vote mode: seats that did not vote (the facilitator closed the vote). */
  abstained: number;
}

/** The vote now on the table: how many have voted; once counted (a tie to break), the split. */
export interface VoteCount {
  cast: number;
  total: number;
  /** Per option (or priority) once the vote is counted and a tie waits; null while it is open. */
  tally: Record<string, number> | null;
}

/** What every screen of a table may see. */
export interface PublicSight {
  view: View;
  card: CardOnTable | null;
  last: LastDecision | null;
  count: VoteCount | null;
}

/** What is one audience's own. */
export interface OwnSight {
  you: Seat | null;
  /** A seat's own vote in the vote now on the table. */
  mine: string | string[] | null;
  /** A seat's own role: its brief and whether it is hidden. */
  role: { id: string; brief: Text; hidden: boolean } | null;
  /** The facilitator: which seats have voted in the open vote (not what). */
  voted: boolean[] | null;
  /** The facilitator: who voted what in the last counted vote (the debrief's "who voted what"). */
  ballots: (string | string[] | null)[] | null;
}

export type SeatSight = PublicSight & OwnSight;

export function seatView(scenario: Scenario, state: GameState, audience: Audience): SeatSight {
  return { ...publicSight(scenario, state), ...ownSight(scenario, state, audience) };
}

/** The part every audience shares; `base` is the engine's view when the caller has it already. */
export function publicSight(scenario: Scenario, state: GameState, base?: View): PublicSight {
  const v = base ?? view(scenario, state);
  return {
    view: publicView(scenario, v),
    card: cardOnTable(scenario, state.pending),
    last: lastDecision(scenario, state),
    count: voteCount(scenario, state),
  };
}

export function ownSight(scenario: Scenario, state: GameState, audience: Audience): OwnSight {
  const p = state.pending;
  const votes: readonly (string | string[] | null)[] | null =
    scenario.decision === 'vote' && (p.kind === 'card' || p.kind === 'council') && p.votes.length > 0
      ? p.votes
      : null;
  if (audience === 'facilitator')
    return {
      you: null,
      mine: null,
      role: null,
      voted: votes && openVote(scenario, state) ? votes.map((x) => x !== null) : null,
      ballots: lastVotes(state),
    };
  if (audience === 'projector') return { you: null, mine: null, role: null, voted: null, ballots: null };
  const roleId = state.players[audience]?.role ?? null;
  const role = roleId ? scenario.roles.find((r) => r.id === roleId) : undefined;
  return {
    you: audience,
    mine: votes?.[audience] ?? null,
    role: role ? { id: role.id, brief: role.brief, hidden: role.hidden } : null,
    voted: null,
    ballots: null,
  };
}

/**
 * The scenario a screen gets. A seat and the projector: the skeleton. The facilitator: every card
 * (to bring one in) but no hidden role's brief or goal, since the facilitator's connections are
 * the projector on the wall and the console. After the end: everything, for the debrief.
 */
export function scenarioFor(scenario: Scenario, state: GameState | null, audience: Audience): Scenario {
  if (state?.pending.kind === 'ended') return scenario;
  if (audience !== 'facilitator') return scenarioSkeleton(scenario);
  if (!scenario.roles.some((r) => r.hidden)) return scenario;
  return {
    ...scenario,
    roles: scenario.roles.map((r) => (r.hidden ? { id: r.id, name: r.name, brief: '', hidden: true } : r)),
  };
}

/**
 * The scenario as a screen without the facilitator's rights gets it: what names the table's
 * things (title, budgets, meters, role names, rounds, board, decks, investments, priorities,
 * endings' titles) and no card, answer, stance, brief, goal, effect, condition or seed. The
 * facilitator and, after the end, everyone get the whole scenario (the debrief).
 */
export function scenarioSkeleton(scenario: Scenario): Scenario {
  return {
    format: scenario.format,
    id: scenario.id,
    title: scenario.title,
    summary: scenario.summary,
    languages: scenario.languages,
    ...(scenario.audience !== undefined ? { audience: scenario.audience } : {}),
    ...(scenario.minutes !== undefined ? { minutes: scenario.minutes } : {}),
    players: scenario.players,
    rounds: scenario.rounds,
    decision: scenario.decision,
    reveal: scenario.reveal,
    resources: scenario.resources,
    meters: scenario.meters,
    roles: scenario.roles.map((r) => ({ id: r.id, name: r.name, brief: '', hidden: r.hidden })),
    ...(scenario.board ? { board: scenario.board } : {}),
    ...(scenario.turnDeck !== undefined ? { turnDeck: scenario.turnDeck } : {}),
    decks: scenario.decks.map((d) => ({ ...d, cards: [] })),
    reserveCards: [],
    investments: scenario.investments.map((i) => ({
      id: i.id,
      name: i.name,
      ...(i.text !== undefined ? { text: i.text } : {}),
      cost: [],
      perRound: [],
      tags: [],
    })),
    ...(scenario.priorities
      ? {
          priorities: {
            choose: scenario.priorities.choose,
            options: scenario.priorities.options.map((o) => ({
              id: o.id,
              name: o.name,
              modifiers: [],
              ...(o.text !== undefined ? { text: o.text } : {}),
            })),
          },
        }
      : {}),
    ...(scenario.council ? { council: scenario.council } : {}),
    upkeep: [],
    endings: scenario.endings.map((e) => ({ id: e.id, title: e.title, text: '', immediate: e.immediate })),
  };
}

/** The engine's view without ballots, hidden roles and what `reveal` hides (a shallow copy). */
function publicView(scenario: Scenario, base: View): View {
  const v = { ...base };
  const hidden = new Set(scenario.roles.filter((r) => r.hidden).map((r) => r.id));
  if (hidden.size > 0 && v.phase !== 'ended')
    v.players = v.players.map((pl) => (pl.role !== null && hidden.has(pl.role) ? { ...pl, role: null } : pl));
  if (v.card) {
    v.card = {
      ...v.card,
      votes: v.card.votes ? v.card.votes.map(() => null) : null,
      options: v.card.options.map((o) => ({
        ...o,
        shownCost: scenario.reveal === 'none' ? {} : o.shownCost,
        effects: scenario.reveal === 'all' ? o.effects : NO_EFFECTS,
        factor: scenario.reveal === 'none' ? 1 : o.factor,
      })),
    };
  }
  const pr = v.council?.priorities;
  if (v.council && pr?.votes)
    v.council = { ...v.council, priorities: { ...pr, votes: pr.votes.map(() => null) } };
  return v;
}

const NO_EFFECTS: Effect[] = [];

function cardOnTable(scenario: Scenario, p: Pending): CardOnTable | null {
  if (p.kind !== 'card') return null;
  const card = cardById(prepare(scenario), p.copy.card);
  return {
    card: card.id,
    kind: card.kind,
    title: card.title,
    text: card.text ?? null,
    options: (card.options ?? []).map((o) => ({ id: o.id, label: o.label })),
    questions: card.conversation.map((q, index) => ({
      index,
      ask: q.ask,
      reveals: p.asked.includes(index) ? q.reveals : null,
    })),
  };
}

/** The vote on the table in vote mode (open, or counted with a tie to break), else null. */
export function voteCount(scenario: Scenario, state: GameState): VoteCount | null {
  const p = state.pending;
  if (scenario.decision !== 'vote') return null;
  if (p.kind !== 'card' && !(p.kind === 'council' && p.step === 'priorities' && scenario.priorities))
    return null;
  const votes: readonly (string | string[] | null)[] = p.votes;
  if (votes.length === 0) return null;
  return {
    cast: votes.filter((x) => x !== null).length,
    total: votes.length,
    tally: p.tie === null ? null : tally(votes),
  };
}

function tally(votes: readonly (string | readonly string[] | null)[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of votes)
    for (const id of v === null ? [] : typeof v === 'string' ? [v] : v) out[id] = (out[id] ?? 0) + 1;
  return out;
}

function lastEntry(state: GameState): Extract<LogEntry, { kind: 'decision' | 'priorities' }> | null {
  for (let i = state.log.length - 1; i >= 0; i--) {
    const e = state.log[i];
    if (e.kind === 'decision' || e.kind === 'priorities') return e;
  }
  return null;
}

function lastVotes(state: GameState): (string | string[] | null)[] | null {
  return lastEntry(state)?.votes ?? null;
}

function lastDecision(scenario: Scenario, state: GameState): LastDecision | null {
  const e = lastEntry(state);
  if (!e) return null;
  const counts = e.votes ? tally(e.votes) : null;
  const abstained = e.votes ? e.votes.filter((x) => x === null).length : 0;
  if (e.kind === 'priorities') {
    const names = scenario.priorities?.options ?? [];
    return {
      kind: 'priorities',
      card: null,
      title: null,
      option: null,
      chosen: e.chosen,
      labels: Object.fromEntries(names.map((o) => [o.id, o.name])),
      tally: counts,
      abstained,
    };
  }
  const card = cardById(prepare(scenario), e.card);
  return {
    kind: 'card',
    card: e.card,
    title: card.title,
    option: e.option,
    chosen: e.option === null ? [] : [e.option],
    labels: Object.fromEntries((card.options ?? []).map((o) => [o.id, o.label])),
    tally: counts,
    abstained,
  };
}
