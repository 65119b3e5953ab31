/**
 * `view(scenario, state)`: a typed read model for the shell, so a scene never knows a rule. It
 * says what is on the table, what each option would do now (after costFactor), which actions
 * are allowed and why the others are not. The shell applies the scenario's `reveal` setting
 * itself from `shownCost` (money only) and `effects` (everything). Never draws a random number.
 */
import type { Effect, Scenario } from '../scenario/schema';
import { turnActionOf } from './board';
import { type OptionBlock, optionBlock, optionFactor, questionBlock } from './cards';
import { affordable, investmentFactor, transferLimit } from './council';
import { activeSeat } from './draft';
import { discountEffects, moneyPreview } from './effects';
import { legalActions } from './legal';
import { CHAIR, seatsThatMay } from './may-act';
import { type Prepared, prepare } from './prepare';
import { canStep, type RefusalReason } from './refusals';
import type { Action, ActionType, CouncilStep, GameState, Pending, Seat } from './types';

export interface QuestionView {
  index: number;
  asked: boolean;
  offered: boolean;
  /** Why it cannot be asked now (already asked, voting started, unaffordable), or null. */
  reason: RefusalReason | null;
  cost: readonly Effect[];
  shownCost: Record<string, number>;
}

export interface OptionView {
  id: string;
  offered: boolean;
  /** It may be picked now: offered and, while a tie is broken, among the tied options. */
  selectable: boolean;
  reason: OptionBlock | null;
  /** The costFactor applied to its negative money adds (1 = none). */
  factor: number;
  /** Money deltas outside chance/when, after costFactor: what `reveal: cost` shows. */
  shownCost: Record<string, number>;
  /** Every effect as it would apply now (negative money adds discounted): what `reveal: all` shows. */
  effects: Effect[];
}

export interface CardView {
  deck: string;
  card: string;
  kind: 'request' | 'event' | 'dilemma';
  seat: Seat;
  /** A one-off copy: scheduled (with the log index of its cause) or injected. */
  once: boolean;
  cause: number | null;
  questions: QuestionView[];
  options: OptionView[];
  /** Vote mode: each seat's vote (null while not cast); null in group mode. */
  votes: (string | null)[] | null;
  /** Vote mode: the seat a single screen asks next (the lowest that has not voted), else null. */
  nextVoter: Seat | null;
  /** The tied options the active player chooses among, or null. */
  tieCandidates: string[] | null;
  /** The seat that breaks a tie: the active player. */
  tieBreaker: Seat;
  /** What picking an option sends now (see `optionAction`). */
  pick: 'choose' | 'vote' | 'breakTie';
}

export interface PrioritiesView {
  options: string[];
  choose: number;
  votes: (string[] | null)[] | null;
  tie: { chosen: string[]; tied: string[] } | null;
  /** Vote mode: the seat a single screen asks next (the lowest that has not voted), else null. */
  nextVoter: Seat | null;
  /** The priorities to pick among now: all of them, or the tied ones while the chair breaks a tie. */
  candidates: string[];
  /** How many to pick now: `choose`, or what the chair completes the set with. */
  prioritiesToPick: number;
  /** What confirming a set sends now (see `prioritiesAction`). */
  pick: 'setPriorities' | 'votePriorities' | 'breakPriorityTie';
}

export interface InvestView {
  investment: string;
  where: 'space' | 'council';
  affordable: boolean;
  factor: number;
  shownCost: Record<string, number>;
  cost: Effect[];
}

export interface CouncilView {
  after: number;
  step: CouncilStep;
  /** The seat whose council space called the meeting, or null between rounds. */
  seat: Seat | null;
  /** The chair (breaks priority ties). */
  chair: Seat;
  priorities: PrioritiesView | null;
  /** Transfers step: the most each resource may give now. */
  transferLimits: Record<string, number> | null;
  offer: InvestView | null;
}

export interface View {
  round: number;
  roundCount: number;
  phase: Pending['kind'];
  activeSeat: Seat | null;
  /** What the active player does on a turn (a board: roll; a turn deck: draw); null outside a turn. */
  turnAction: 'roll' | 'draw' | null;
  /** Vote mode: the seat asked next on the card or the priorities (see CardView), else null. */
  nextVoter: Seat | null;
  /** The dice a roll throws, or null without a board. */
  dice: { count: number; sides: number } | null;
  /** The deck shown in the middle: the one last drawn from, else the turn deck (or the first). */
  deck: string | null;
  decision: 'group' | 'vote';
  reveal: 'cost' | 'all' | 'none';
  players: { seat: Seat; name: string; role: string | null; space: number; skip: number }[];
  card: CardView | null;
  invest: InvestView | null;
  council: CouncilView | null;
  resources: { id: string; value: number; floor: number | null; income: number }[];
  meters: { id: string; value: number; min: number; max: number | null; good: 'high' | 'low' }[];
  priorities: string[];
  invested: string[];
  flags: Record<string, boolean>;
  /** Injected cards still waiting for the table. */
  injected: number;
  /** `stopped`: ended early by the facilitator after this many completed rounds (else null). */
  ending: { id: string; immediate: boolean; goals: Record<string, boolean>; stopped: number | null } | null;
  allowed: ActionType[];
  /**
   * For each allowed action a seat may send, the seats that may send it now (see may-act.ts):
   * a vote's seats still to vote, the active seat, at a meeting the chair and the caller. The
   * facilitator may send every allowed action; its own (note, skip, …) are not listed.
   */
  mayAct: Partial<Record<ActionType, Seat[]>>;
  /** For the actions this phase knows but refuses now, why (a stable code). */
  refusedReasons: Partial<Record<ActionType, RefusalReason>>;
}

export function view(scenario: Scenario, state: GameState): View {
  const p = prepare(scenario);
  const pending = state.pending;
  const legal = legalActions(scenario, state);
  const allowed = new Set<ActionType>(legal.map((a) => a.type));
  const refused: Partial<Record<ActionType, RefusalReason>> = {};
  if (pending.kind !== 'ended') {
    allowed.add('injectCard');
    allowed.add('endNow');
  }
  allowed.add('note');
  if (pending.kind === 'card') allowed.add('skipCard');
  if (canStep(scenario, state, { type: 'closeVote' }).ok) allowed.add('closeVote');
  let card: CardView | null = null;
  let invest: InvestView | null = null;
  let council: CouncilView | null = null;

  if (pending.kind === 'card') {
    card = cardView(scenario, p, state, pending);
    const asks = card.questions.filter((q) => !q.asked);
    if (!allowed.has('ask') && asks.length > 0) refused.ask = asks[0].reason ?? 'wrong-phase';
    const kind: ActionType = scenario.decision === 'group' ? 'choose' : 'vote';
    if (pending.tie !== null) refused[kind] = 'tie-pending';
  } else if (pending.kind === 'invest') {
    invest = investView(p, state, pending.investment, 'space');
    if (!invest.affordable) refused.invest = 'unaffordable';
  } else if (pending.kind === 'council') {
    council = councilView(scenario, p, state, pending);
    if (council.offer && !council.offer.affordable) refused.invest = 'unaffordable';
    if (pending.step === 'transfers') {
      const limits = council.transferLimits ?? {};
      if (Object.values(limits).some((v) => v > 0)) allowed.add('transfer');
      else refused.transfer = 'over-limit';
    }
  } else if (pending.kind === 'turn') {
    const other: Action = { type: turnActionOf(scenario) === 'roll' ? 'draw' : 'roll' };
    const verdict = canStep(scenario, state, other);
    if (!verdict.ok) refused[other.type] = verdict.reason;
  }

  const endEntry = state.ending ? findEnding(state) : null;
  return {
    round: state.round,
    roundCount: scenario.rounds.count,
    phase: pending.kind,
    activeSeat: activeSeat(state),
    turnAction: pending.kind === 'turn' ? turnActionOf(scenario) : null,
    nextVoter: card?.nextVoter ?? council?.priorities?.nextVoter ?? null,
    dice: scenario.board ? { count: scenario.board.dice.count, sides: scenario.board.dice.sides } : null,
    deck: shownDeck(scenario, state),
    decision: scenario.decision,
    reveal: scenario.reveal,
    players: state.players.map((pl, seat) => ({
      seat,
      name: pl.name,
      role: pl.role,
      space: pl.space,
      skip: pl.skip,
    })),
    card,
    invest,
    council,
    resources: scenario.resources.map((r) => ({
      id: r.id,
      value: state.resources[r.id],
      floor: r.floor ?? null,
      income: r.income,
    })),
    meters: scenario.meters.map((m) => ({
      id: m.id,
      value: state.meters[m.id],
      min: m.min,
      max: m.max ?? null,
      good: m.good,
    })),
    priorities: state.priorities,
    invested: state.invested,
    flags: state.flags,
    injected: state.inject.length,
    ending: state.ending
      ? {
          id: state.ending.id,
          immediate: endEntry ?? false,
          goals: state.ending.goals,
          stopped: state.ending.stopped ?? null,
        }
      : null,
    allowed: [...allowed],
    mayAct: seatsThatMay(state, [...allowed]),
    refusedReasons: refused,
  };
}

function firstUnvoted(votes: readonly unknown[] | null, tie: unknown): Seat | null {
  if (!votes || tie !== null) return null;
  const seat = votes.indexOf(null);
  return seat < 0 ? null : seat;
}

function shownDeck(scenario: Scenario, state: GameState): string | null {
  for (let i = state.log.length - 1; i >= 0; i--) {
    const e = state.log[i];
    if (e.kind === 'draw') return e.deck;
  }
  return scenario.turnDeck ?? scenario.decks[0]?.id ?? null;
}

function findEnding(state: GameState): boolean | null {
  for (let i = state.log.length - 1; i >= 0; i--) {
    const e = state.log[i];
    if (e.kind === 'ending') return e.immediate;
  }
  return null;
}

function cardView(
  scenario: Scenario,
  p: Prepared,
  state: GameState,
  pending: Extract<Pending, { kind: 'card' }>,
): CardView {
  const r = { p };
  const card = p.cards.get(pending.copy.card)!;
  const votingStarted = pending.votes.some((v) => v !== null);
  return {
    deck: pending.deck,
    card: card.id,
    kind: card.kind,
    seat: pending.seat,
    once: pending.copy.once === true,
    cause: pending.copy.cause ?? null,
    questions: card.conversation.map((q, index) => {
      const block = votingStarted ? 'voting-started' : questionBlock(r, state, card, index, pending.asked);
      return {
        index,
        asked: pending.asked.includes(index),
        offered: block === null,
        reason: block as RefusalReason | null,
        cost: q.cost,
        shownCost: moneyPreview(q.cost, 1),
      };
    }),
    options: (card.options ?? []).map((o) => {
      const factor = optionFactor(r, state, o);
      const reason = optionBlock(r, state, o);
      return {
        id: o.id,
        offered: reason === null,
        selectable: reason === null && (pending.tie === null || pending.tie.includes(o.id)),
        reason,
        factor,
        shownCost: moneyPreview(o.effects, factor),
        effects: factor === 1 ? o.effects : discountEffects(o.effects, factor),
      };
    }),
    votes: scenario.decision === 'vote' ? pending.votes : null,
    nextVoter: scenario.decision === 'vote' ? firstUnvoted(pending.votes, pending.tie) : null,
    tieCandidates: pending.tie,
    tieBreaker: pending.seat,
    pick: pending.tie !== null ? 'breakTie' : scenario.decision === 'vote' ? 'vote' : 'choose',
  };
}

function investView(p: Prepared, state: GameState, id: string, where: 'space' | 'council'): InvestView {
  const r = { p };
  const inv = p.investments.get(id)!.investment;
  const factor = investmentFactor(r, state, inv);
  return {
    investment: id,
    where,
    affordable: affordable(r, state, inv),
    factor,
    shownCost: moneyPreview(inv.cost, factor),
    cost: factor === 1 ? inv.cost : discountEffects(inv.cost, factor),
  };
}

function councilView(
  scenario: Scenario,
  p: Prepared,
  state: GameState,
  pending: Extract<Pending, { kind: 'council' }>,
): CouncilView {
  const r = { p };
  return {
    after: pending.after,
    step: pending.step,
    seat: pending.seat,
    chair: CHAIR,
    priorities: pending.step === 'priorities' ? prioritiesView(scenario, pending) : null,
    transferLimits:
      pending.step === 'transfers'
        ? Object.fromEntries(scenario.resources.map((res) => [res.id, transferLimit(r, state, res.id)]))
        : null,
    offer:
      pending.step === 'investments' && pending.offer ? investView(p, state, pending.offer, 'council') : null,
  };
}

function prioritiesView(
  scenario: Scenario,
  pending: Extract<Pending, { kind: 'council' }>,
): PrioritiesView | null {
  const pr = scenario.priorities;
  if (!pr) return null;
  const vote = scenario.decision === 'vote';
  const tie = pending.tie;
  return {
    options: pr.options.map((o) => o.id),
    choose: pr.choose,
    votes: vote ? pending.votes : null,
    tie,
    nextVoter: vote ? firstUnvoted(pending.votes, tie) : null,
    candidates: tie ? tie.tied : pr.options.map((o) => o.id),
    prioritiesToPick: tie ? pr.choose - tie.chosen.length : pr.choose,
    pick: tie ? 'breakPriorityTie' : vote ? 'votePriorities' : 'setPriorities',
  };
}
