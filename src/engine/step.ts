/**
 * `step(scenario, state, action) → state`: one player (or facilitator) action, then every
 * automatic step up to the next player action (see flow.ts). The given state is never changed;
 * an action `canStep` refuses throws `ActionRefused` and changes nothing.
 *
 * Facilitator actions:
 * - `note(text)`: a line in the log, allowed at any time, even after the end.
 * - `skipCard`: the card on the table is discarded without its option effects (a one-off copy
 *   leaves the game); the turn goes on as after a decision.
 * - `injectCard(card, deck?)`: a one-off copy of any card (deck or reserve) goes on the table
 *   for the active player as soon as nothing else is on the table: at once when the game waits
 *   for a roll or draw (the player still rolls afterwards), else right after the current card,
 *   investment or meeting. `deck` only says which deck the copy belongs to (for the log and
 *   the view); it defaults to the card's own deck, else `turnDeck`, else the first deck.
 * - `endNow`: straight to the final endings and role goals.
 */
import type { Scenario } from '../scenario/schema';
import { rollAndMove } from './board';
import { offeredIds, offeredOptions, settleCard, tally } from './cards';
import { affordable, firstStep, inFileOrder, investmentFactor, nextOffer, tallyPriorities } from './council';
import { discardCopy } from './decks';
import { beginDraft, type Ctx, emptyDeltas, handOn, type LogChain, log, playerOf } from './draft';
import { applyEffects, setResource } from './effects';
import { checkImmediate, endEarly } from './endings';
import { afterCard, afterCouncil, drawCard, type Next, run } from './flow';
import { cardById } from './prepare';
import { canStep } from './refusals';
import { type Action, ActionRefused, type CouncilStep, type GameState, type Pending } from './types';

export type { RefusalReason, Verdict } from './refusals';
export { canStep } from './refusals';

/** `chain`: see `LogChain` (draft.ts): a loop that drops each state appends to its log in place. */
export function step(scenario: Scenario, state: GameState, action: Action, chain?: LogChain): GameState {
  const verdict = canStep(scenario, state, action);
  if (!verdict.ok) throw new ActionRefused(verdict.reason, action);
  const ctx = beginDraft(scenario, state, chain);
  ctx.s.actions += 1;
  const next = apply(ctx, action);
  if (ctx.s.pending.kind === 'ended') return handOn(chain, ctx);
  if (action.type !== 'note' && checkImmediate(ctx)) return handOn(chain, ctx);
  run(ctx, next);
  return handOn(chain, ctx);
}

type CardPending = Extract<Pending, { kind: 'card' }>;
type CouncilPending = Extract<Pending, { kind: 'council' }>;

function apply(ctx: Ctx, action: Action): Next | null {
  const s = ctx.s;
  const pending = s.pending;
  switch (action.type) {
    case 'roll':
      return resolveSpace(ctx, (pending as Extract<Pending, { kind: 'turn' }>).seat);
    case 'draw':
      return drawCard(ctx, ctx.scenario.turnDeck ?? ctx.p.defaultDeck, 'endTurn');
    case 'ask':
      return ask(ctx, pending as CardPending, action.question);
    case 'choose':
      return settle(ctx, pending as CardPending, action.option, null, null);
    case 'vote': {
      const p = pending as CardPending;
      const votes = p.votes.slice();
      votes[action.seat] = action.option;
      if (votes.some((v) => v === null)) {
        s.pending = { ...p, votes };
        return null;
      }
      return countVotes(ctx, { ...p, votes });
    }
    case 'breakTie': {
      const p = pending as CardPending;
      return settle(ctx, p, action.option, p.votes, p.seat);
    }
    case 'invest':
    case 'decline':
      return investOrDecline(ctx, action.type === 'invest');
    case 'setPriorities':
      return choosePriorities(ctx, pending as CouncilPending, action.priorities, null, null);
    case 'votePriorities': {
      const p = pending as CouncilPending;
      const votes = p.votes.slice();
      votes[action.seat] = inFileOrder(ctx.scenario, action.priorities);
      if (votes.some((v) => v === null)) {
        s.pending = { ...p, votes };
        return null;
      }
      return countPriorities(ctx, { ...p, votes });
    }
    case 'breakPriorityTie': {
      const p = pending as CouncilPending;
      const chosen = [...(p.tie?.chosen ?? []), ...action.priorities];
      return choosePriorities(ctx, p, chosen, p.votes, 0);
    }
    case 'transfer': {
      const deltas = emptyDeltas();
      log(ctx, {
        at: ctx.s.round,
        seat: ctx.seat,
        kind: 'transfer',
        from: action.from,
        to: action.to,
        amount: action.amount,
        deltas,
      });
      setResource(ctx, action.from, s.resources[action.from] - action.amount, deltas);
      setResource(ctx, action.to, s.resources[action.to] + action.amount, deltas);
      return null;
    }
    case 'endTransfers':
      return nextCouncilStep(ctx, pending as CouncilPending, 'investments');
    case 'note':
      log(ctx, { at: ctx.s.round, seat: ctx.seat, kind: 'note', text: action.text });
      return null;
    case 'skipCard': {
      const p = pending as CardPending;
      log(ctx, { at: ctx.s.round, seat: ctx.seat, kind: 'skipCard', card: p.copy.card });
      discardCopy(ctx, p.deck, p.copy);
      return afterCard(p.resume);
    }
    case 'injectCard': {
      const deck = action.deck ?? ctx.p.homeDeck.get(action.card) ?? ctx.p.defaultDeck;
      s.inject = [...s.inject, { card: action.card, deck }];
      log(ctx, { at: ctx.s.round, seat: ctx.seat, kind: 'inject', card: action.card, deck });
      return pending.kind === 'turn' ? { to: 'turnReady' } : null;
    }
    case 'endNow':
      endEarly(ctx);
      return null;
    case 'closeVote':
      // The votes cast so far decide; a seat still to vote abstains (null in the decision's votes).
      return pending.kind === 'card'
        ? countVotes(ctx, pending)
        : countPriorities(ctx, pending as CouncilPending);
  }
}

/** Every vote on the card is in (or the vote was closed): the winner settles it, a tie waits for the active player. */
function countVotes(ctx: Ctx, p: CardPending): Next | null {
  const card = cardById(ctx.p, p.copy.card);
  // A vote closed before anyone voted: every option still offered is tied.
  const result = p.votes.every((v) => v === null)
    ? tally(offeredIds(ctx, ctx.s, card), offeredIds(ctx, ctx.s, card))
    : tally(
        p.votes,
        (card.options ?? []).map((o) => o.id),
      );
  if ('winner' in result) return settle(ctx, p, result.winner, p.votes, null);
  ctx.s.pending = { ...p, tie: result.tied };
  return null;
}

/** Every priority vote is in (or the vote was closed): the top set is chosen, a tied cut-off waits for the chair. */
function countPriorities(ctx: Ctx, p: CouncilPending): Next | null {
  const result = tallyPriorities(ctx.scenario, p.votes);
  if (result.tied === null) return choosePriorities(ctx, p, result.chosen, p.votes, null);
  ctx.s.pending = { ...p, tie: { chosen: result.chosen, tied: result.tied } };
  return null;
}

function resolveSpace(ctx: Ctx, seat: number): Next | null {
  const space = rollAndMove(ctx, seat);
  switch (space.kind) {
    case 'draw':
      return drawCard(ctx, space.deck, 'endTurn');
    case 'invest': {
      const inv = ctx.p.investments.get(space.investment);
      if (inv && !ctx.s.invested.includes(inv.investment.id) && affordable(ctx, ctx.s, inv.investment)) {
        ctx.s.pending = { kind: 'invest', seat, investment: inv.investment.id };
        return null;
      }
      return { to: 'afterTurnAction' };
    }
    case 'council':
      return { to: 'council', after: ctx.s.round, seat };
    case 'wait':
      playerOf(ctx, seat).skip = space.turns;
      return { to: 'afterTurnAction' };
    default:
      return { to: 'afterTurnAction' };
  }
}

function ask(ctx: Ctx, p: CardPending, question: number): Next | null {
  const card = cardById(ctx.p, p.copy.card);
  const deltas = emptyDeltas();
  const cause = log(ctx, { at: ctx.s.round, seat: ctx.seat, kind: 'ask', card: card.id, question, deltas });
  applyEffects(ctx, card.conversation[question].cost, { deltas, factor: 1, cause });
  const asked = [...p.asked, question];
  ctx.s.pending = { ...p, asked };
  // A question's cost can leave no option affordable: the card then settles without a choice.
  if (offeredIds(ctx, ctx.s, card).length > 0) return null;
  settleCard(ctx, card, {
    deck: p.deck,
    copy: p.copy,
    option: null,
    offered: [],
    votes: null,
    tieBrokenBy: null,
    asked,
  });
  return afterCard(p.resume);
}

function settle(
  ctx: Ctx,
  p: CardPending,
  option: string,
  votes: (string | null)[] | null,
  tieBrokenBy: number | null,
): Next {
  const card = cardById(ctx.p, p.copy.card);
  const offered = offeredOptions(ctx, ctx.s, card);
  settleCard(ctx, card, { deck: p.deck, copy: p.copy, option, offered, votes, tieBrokenBy, asked: p.asked });
  return afterCard(p.resume);
}

function investOrDecline(ctx: Ctx, buy: boolean): Next | null {
  const p = ctx.s.pending;
  const where = p.kind === 'invest' ? 'space' : 'council';
  const id = p.kind === 'invest' ? p.investment : p.kind === 'council' ? (p.offer as string) : '';
  const entry = ctx.p.investments.get(id);
  if (!entry) throw new Error(`unknown investment "${id}"`);
  if (buy) {
    const deltas = emptyDeltas();
    const cause = log(ctx, {
      at: ctx.s.round,
      seat: ctx.seat,
      kind: 'invest',
      investment: id,
      deltas,
      where,
    });
    const factor = investmentFactor(ctx, ctx.s, entry.investment);
    applyEffects(ctx, entry.investment.cost, { deltas, factor, cause });
    ctx.s.invested = [...ctx.s.invested, id];
  } else {
    log(ctx, { at: ctx.s.round, seat: ctx.seat, kind: 'decline', investment: id, where });
  }
  if (p.kind === 'invest') return { to: 'afterTurnAction' };
  if (p.kind !== 'council') return null;
  const offer = nextOffer(ctx.scenario, ctx, ctx.s, entry.index);
  if (offer === null) return afterCouncil(p.seat);
  ctx.s.pending = { ...p, offer };
  return null;
}

function choosePriorities(
  ctx: Ctx,
  p: CouncilPending,
  set: readonly string[],
  votes: (string[] | null)[] | null,
  tieBrokenBy: number | null,
): Next | null {
  const chosen = inFileOrder(ctx.scenario, set);
  ctx.s.priorities = chosen;
  log(ctx, { at: ctx.s.round, seat: ctx.seat, kind: 'priorities', chosen, votes, tieBrokenBy });
  return nextCouncilStep(ctx, p, 'transfers');
}

/** Moves a meeting on to the first step from `from` that has something to do, or ends it. */
function nextCouncilStep(ctx: Ctx, p: CouncilPending, from: CouncilStep): Next | null {
  const next = firstStep(ctx.scenario, ctx, ctx.s, from);
  if (next === null) return afterCouncil(p.seat);
  ctx.s.pending = { ...p, step: next.step, offer: next.offer, votes: [], tie: null };
  return null;
}
