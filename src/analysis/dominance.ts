/**
 * Dominated options (issue 6): option A of a card is dominated by option B of the same card when
 * B's expected immediate deltas, chance-weighted, are at least as good as A's on every resource
 * and meter (by each meter's `good` direction; money: more is better) and strictly better on
 * one, and A has no `schedule`, `flag`, `addCard`, `removeCard` or `move` effect anywhere in its
 * effects (nested included). Such a choice is no dilemma.
 *
 * Conservative, so the report never invents one (see expected.ts for `when` and `set`):
 * - B must beat A however each `when` turns out (B's worst case against A's best case);
 * - B must win under every costFactor the table could be under: no priorities and every set of
 *   `choose` priorities (a discount on A's tag can make A the cheaper one);
 * - B must be offered whenever A is: B has no option `when`, or exactly A's.
 * Stances are not deltas and do not count; question costs belong to the card, not an option.
 */
import { optionTags } from '../engine/cards';
import { costFactor } from '../engine/effects';
import { combinations } from '../engine/legal';
import { prepare } from '../engine/prepare';
import type { Card, Option, Scenario } from '../scenario/schema';
import { expectedRanges, lastingKinds, type Ranges } from './expected';

export interface DominatedOption {
  card: string;
  option: string;
  /** The options of the same card that dominate it, in card order. */
  by: string[];
}

/** Every card with options, once per id: deck cards first (file order), then reserve cards. */
export function decisionCards(scenario: Scenario): Card[] {
  const seen = new Set<string>();
  const out: Card[] = [];
  for (const card of [...scenario.decks.flatMap((d) => d.cards), ...scenario.reserveCards]) {
    if (seen.has(card.id)) continue;
    seen.add(card.id);
    if ((card.options?.length ?? 0) >= 2) out.push(card);
  }
  return out;
}

/** The costFactor situations a table can be in: no priorities, and each set it could choose. */
export function priorityContexts(scenario: Scenario): string[][] {
  const pr = scenario.priorities;
  if (!pr) return [[]];
  return [
    [],
    ...combinations(
      pr.options.map((o) => o.id),
      pr.choose,
    ),
  ];
}

const EPS = 1e-9;

/** +1 when more is better for this key, −1 when less is. */
function direction(scenario: Scenario, key: string): number {
  if (key.startsWith('meter:')) {
    const meter = scenario.meters.find((m) => `meter:${m.id}` === key);
    return meter?.good === 'low' ? -1 : 1;
  }
  return 1;
}

/** Whether `b` beats `a`: at least as good on every key, strictly better on one (worst case of b vs best case of a). */
export function beats(scenario: Scenario, b: Ranges, a: Ranges): boolean {
  let strictly = false;
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const sign = direction(scenario, key);
    const ra = a[key] ?? { lo: 0, hi: 0 };
    const rb = b[key] ?? { lo: 0, hi: 0 };
    const bWorst = sign > 0 ? rb.lo : -rb.hi;
    const aBest = sign > 0 ? ra.hi : -ra.lo;
    if (!(bWorst >= aBest - EPS)) return false;
    if (bWorst > aBest + EPS) strictly = true;
  }
  return strictly;
}

function sameWhen(a: Option, b: Option): boolean {
  return b.when === undefined || JSON.stringify(a.when) === JSON.stringify(b.when);
}

/** The dominated options of one card (see the module comment). */
export function dominatedInCard(scenario: Scenario, card: Card): DominatedOption[] {
  const p = prepare(scenario);
  const options = card.options ?? [];
  const contexts = priorityContexts(scenario);
  const ranges = options.map((o) =>
    contexts.map((set) => expectedRanges(o.effects, costFactor({ p }, set, optionTags(p, o)))),
  );
  const out: DominatedOption[] = [];
  options.forEach((a, i) => {
    if (lastingKinds(a.effects).length > 0) return;
    const by = options
      .filter(
        (b, j) =>
          j !== i && sameWhen(a, b) && contexts.every((_, c) => beats(scenario, ranges[j][c], ranges[i][c])),
      )
      .map((b) => b.id);
    if (by.length > 0) out.push({ card: card.id, option: a.id, by });
  });
  return out;
}

/** Every dominated option of the scenario, card by card. */
export function dominatedOptions(scenario: Scenario): DominatedOption[] {
  return decisionCards(scenario).flatMap((card) => dominatedInCard(scenario, card));
}
