/**
 * `view(scenario, state)`: a typed read model for the shell, so a scene never knows a rule. It
 * says what is on the table, what each option would do now (after costFactor), which actions
 * are allowed and why the others are not. The shell applies the scenario's `reveal` setting
 * itself from `shownCost` (money only) and `effects` (everything). Never draws a random number.
 */
import type { Effect, Scenario } from '../scenario/schema';
import { type OptionBlock, optionBlock, optionFactor, questionBlock } from './cards';
import { affordable, investmentFactor, transferLimit } from './council';
import { activeSeat } from './draft';
import { discountEffects, moneyPreview } from './effects';
import { legalActions } from './legal';
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
  /** The tied options the active player chooses among, or null. */
  tie: string[] | null;
  /** The seat that breaks a tie: the active player. */
  tieBreaker: Seat;
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
  priorities: {
    options: string[];
    choose: number;
    votes: (string[] | null)[] | null;
    tie: { chosen: string[]; tied: string[] } | null;
  } | null;
  /** Transfers step: the most each resource may give now. */
  transferLimits: Record<string, number> | null;
  offer: InvestView | null;
}

export interface View {
  round: number;
  roundCount: number;
  phase: Pending['kind'];
  activeSeat: Seat | null;
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
  ending: { id: string; immediate: boolean; goals: Record<string, boolean> } | null;
  allowed: ActionType[];
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
    const other: Action = scenario.board ? { type: 'draw' } : { type: 'roll' };
    const verdict = canStep(scenario, state, other);
    if (!verdict.ok) refused[other.type] = verdict.reason;
  }

  const endEntry = state.ending ? findEnding(state) : null;
  return {
    round: state.round,
    roundCount: scenario.rounds.count,
    phase: pending.kind,
    activeSeat: activeSeat(state),
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
      ? { id: state.ending.id, immediate: endEntry ?? false, goals: state.ending.goals }
      : null,
    allowed: [...allowed],
    refusedReasons: refused,
  };
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
        reason,
        factor,
        shownCost: moneyPreview(o.effects, factor),
        effects: factor === 1 ? o.effects : discountEffects(o.effects, factor),
      };
    }),
    votes: scenario.decision === 'vote' ? pending.votes : null,
    tie: pending.tie,
    tieBreaker: pending.seat,
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
    chair: 0,
    priorities:
      pending.step === 'priorities' && scenario.priorities
        ? {
            options: scenario.priorities.options.map((o) => o.id),
            choose: scenario.priorities.choose,
            votes: scenario.decision === 'vote' ? pending.votes : null,
            tie: pending.tie,
          }
        : null,
    transferLimits:
      pending.step === 'transfers'
        ? Object.fromEntries(scenario.resources.map((res) => [res.id, transferLimit(r, state, res.id)]))
        : null,
    offer:
      pending.step === 'investments' && pending.offer ? investView(p, state, pending.offer, 'council') : null,
  };
}
