/**
 * What is on the table now, as the shell shows it, from the engine's `view(scenario, state)`:
 * which options are offered, what they cost after priorities, what may be asked, transfer
 * limits. The shell applies the scenario's `reveal` to what the view says, and lays it out.
 */

import type { GameState, Seat } from '../engine/types';
import { type CardView, type PrioritiesView, type View, view } from '../engine/view';
import type { Effect, Scenario, Text } from '../scenario/schema';
import { type CardText, findCard, findInvestment, findPriority, type NamedText } from './lookup';

export interface OptionShown {
  id: string;
  label: Text;
  offered: boolean;
  /** It may be picked now (the engine's `selectable`). */
  selectable: boolean;
  /** Money changes shown before the choice (after priorities), by resource; null when `reveal: none`. */
  money: Record<string, number> | null;
  /** Every effect as it would apply now (`reveal: all`), else null. */
  effects: readonly Effect[] | null;
}

export interface QuestionShown {
  index: number;
  ask: Text;
  reveals: Text;
  asked: boolean;
  allowed: boolean;
  money: Record<string, number>;
  effects: readonly Effect[];
}

export interface CardShown {
  card: CardText;
  deck: string;
  seat: Seat;
  /** A scheduled consequence arriving (a one-off copy with a cause). */
  scheduled: boolean;
  options: OptionShown[];
  questions: QuestionShown[];
  /** Vote mode: each seat's vote so far; null in group mode. */
  votes: (string | null)[] | null;
  nextVoter: Seat | null;
  tieCandidates: string[] | null;
  tieBreaker: Seat;
  /** The engine's card view: what a pick sends is `optionAction(view, option)`. */
  view: CardView;
}

export interface InvestShown {
  investment: NamedText;
  money: Record<string, number>;
  allowed: boolean;
}

export interface CouncilShown {
  step: 'priorities' | 'transfers' | 'investments';
  /** The priorities step as the engine gives it (candidates, how many to pick, next voter), else null. */
  pick: PrioritiesView | null;
  /** The priorities to pick among now, in file order. */
  candidates: NamedText[];
  chair: Seat;
  limits: Record<string, number>;
  offer: InvestShown | null;
}

export function tableView(scenario: Scenario, state: GameState): View {
  return view(scenario, state);
}

export function cardShown(scenario: Scenario, v: View): CardShown | null {
  const c = v.card;
  if (!c) return null;
  const card = findCard(scenario, c.card);
  return {
    card,
    deck: c.deck,
    seat: c.seat,
    scheduled: c.once && c.cause !== null,
    options: c.options.map((o) => ({
      id: o.id,
      label: card.options?.find((x) => x.id === o.id)?.label ?? o.id,
      offered: o.offered,
      selectable: o.selectable,
      money: v.reveal === 'none' ? null : o.shownCost,
      effects: v.reveal === 'all' ? o.effects : null,
    })),
    questions: c.questions.map((q) => ({
      index: q.index,
      ask: card.conversation[q.index]?.ask ?? '',
      reveals: card.conversation[q.index]?.reveals ?? '',
      asked: q.asked,
      allowed: q.offered && v.allowed.includes('ask'),
      money: q.shownCost,
      effects: q.cost,
    })),
    votes: c.votes,
    nextVoter: c.nextVoter,
    tieCandidates: c.tieCandidates,
    tieBreaker: c.tieBreaker,
    view: c,
  };
}

function investShown(scenario: Scenario, inv: View['invest']): InvestShown | null {
  if (!inv) return null;
  return {
    investment: findInvestment(scenario, inv.investment),
    money: inv.shownCost,
    allowed: inv.affordable,
  };
}

export function investOnSpace(scenario: Scenario, v: View): InvestShown | null {
  return investShown(scenario, v.invest);
}

export function councilShown(scenario: Scenario, v: View): CouncilShown | null {
  const c = v.council;
  if (!c) return null;
  return {
    step: c.step,
    pick: c.priorities,
    candidates: (c.priorities?.candidates ?? []).map((id) => findPriority(scenario, id)),
    chair: c.chair,
    limits: c.transferLimits ?? {},
    offer: investShown(scenario, c.offer),
  };
}
