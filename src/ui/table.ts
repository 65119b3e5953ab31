/**
 * What is on the table now, as the shell shows it — the one place where the shell asks the
 * engine. Every fact here (which options are offered, what they cost after priorities, what
 * may be asked, transfer limits) is the engine's answer; the shell only lays it out.
 */
import { canStep } from '../engine/step';
import type { Action, GameState, Pending, Seat } from '../engine/types';
import type { Card, Investment, Priority, Scenario, Text } from '../scenario/schema';
import { engineFacts } from './table-engine';

export interface OptionShown {
  id: string;
  label: Text;
  offered: boolean;
  /** Money changes shown before the choice (after priorities), by resource; null when `reveal: none`. */
  money: Record<string, number> | null;
  /** Meter changes shown before the choice (`reveal: all`), by meter. */
  meters: Record<string, number> | null;
}

export interface QuestionShown {
  index: number;
  ask: Text;
  reveals: Text;
  asked: boolean;
  allowed: boolean;
  money: Record<string, number>;
  meters: Record<string, number>;
}

export interface CardShown {
  card: Card;
  deck: string;
  seat: Seat;
  scheduled: boolean;
  options: OptionShown[];
  questions: QuestionShown[];
  /** Vote mode: each seat's vote so far. */
  votes: (string | null)[];
  tie: string[] | null;
  vote: boolean;
}

export interface InvestShown {
  investment: Investment;
  money: Record<string, number>;
  allowed: boolean;
}

export interface CouncilShown {
  step: 'priorities' | 'transfers' | 'investments';
  choose: number;
  priorities: Priority[];
  /** Vote mode, priorities step: each seat's set so far. */
  votes: (string[] | null)[];
  tie: { chosen: string[]; tied: string[] } | null;
  vote: boolean;
  /** Transfers: the most each resource may give. */
  limits: Record<string, number>;
  offer: InvestShown | null;
}

export function allowed(scenario: Scenario, state: GameState, action: Action): boolean {
  return canStep(scenario, state, action).ok;
}

export function cardShown(scenario: Scenario, state: GameState): CardShown | null {
  const p = state.pending;
  if (p.kind !== 'card') return null;
  const facts = engineFacts(scenario, state);
  const card = facts.card(p.copy.card);
  const vote = scenario.decision === 'vote';
  const options = (card.options ?? []).map((o): OptionShown => {
    const preview = facts.optionPreview(o);
    return {
      id: o.id,
      label: o.label,
      offered: facts.offered(card, o.id),
      money: scenario.reveal === 'none' ? null : preview.money,
      meters: scenario.reveal === 'all' ? preview.meters : null,
    };
  });
  const questions = card.conversation.map((q, index): QuestionShown => {
    const preview = facts.questionPreview(q);
    return {
      index,
      ask: q.ask,
      reveals: q.reveals,
      asked: p.asked.includes(index),
      allowed: allowed(scenario, state, { type: 'ask', question: index }),
      money: preview.money,
      meters: preview.meters,
    };
  });
  return {
    card,
    deck: p.deck,
    seat: p.seat,
    scheduled: p.copy.once === true && p.copy.cause !== undefined,
    options,
    questions,
    votes: p.votes,
    tie: p.tie,
    vote,
  };
}

export function investShown(scenario: Scenario, state: GameState, id: string): InvestShown | null {
  const investment = scenario.investments.find((i) => i.id === id);
  if (!investment) return null;
  return {
    investment,
    money: engineFacts(scenario, state).investmentPreview(investment),
    allowed: allowed(scenario, state, { type: 'invest' }),
  };
}

export function councilShown(scenario: Scenario, state: GameState): CouncilShown | null {
  const p: Pending = state.pending;
  if (p.kind !== 'council') return null;
  const facts = engineFacts(scenario, state);
  return {
    step: p.step,
    choose: scenario.priorities?.choose ?? 0,
    priorities: scenario.priorities?.options ?? [],
    votes: p.votes,
    tie: p.tie,
    vote: scenario.decision === 'vote',
    limits: Object.fromEntries(scenario.resources.map((r) => [r.id, facts.transferLimit(r.id)])),
    offer: p.offer ? investShown(scenario, state, p.offer) : null,
  };
}
