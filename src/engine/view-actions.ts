/**
 * What the shell's controls send, read off the view, and what it animates, read off the log: so a
 * screen never works out which action a click means or where a token goes.
 */
import type { Scenario } from '../scenario/schema';
import { walk } from './board';
import type { Action, LogEntry } from './types';
import type { CardView, PrioritiesView } from './view';

/**
 * The action picking `option` sends now, or null when it cannot be picked. Votes name the
 * next voter: on one shared screen the seats vote in turn; the engine itself takes votes in any
 * order (the format asks each seat for one vote, not an order), so phones may vote at once.
 */
export function optionAction(card: CardView, option: string): Action | null {
  if (!card.options.some((o) => o.id === option && o.selectable)) return null;
  if (card.pick === 'breakTie') return { type: 'breakTie', option };
  if (card.pick === 'vote')
    return card.nextVoter === null ? null : { type: 'vote', seat: card.nextVoter, option };
  return { type: 'choose', option };
}

/** The action confirming `set` sends now, or null when it is not a set of `prioritiesToPick` candidates. */
export function prioritiesAction(p: PrioritiesView, set: readonly string[]): Action | null {
  const priorities = [...set];
  if (priorities.length !== p.prioritiesToPick || new Set(priorities).size !== priorities.length) return null;
  if (!priorities.every((id) => p.candidates.includes(id))) return null;
  if (p.pick === 'breakPriorityTie') return { type: 'breakPriorityTie', priorities };
  if (p.pick === 'votePriorities')
    return p.nextVoter === null ? null : { type: 'votePriorities', seat: p.nextVoter, priorities };
  return { type: 'setPriorities', priorities };
}

/**
 * Every space a token passed through on a roll, in order, the last one where it landed: as many
 * as the dice showed, so a throw longer than the board walks the full lap the engine moved.
 */
export function tokenWalk(scenario: Scenario, roll: Extract<LogEntry, { kind: 'roll' }>): number[] {
  const count = scenario.board?.spaces.length ?? 0;
  const steps = roll.dice.reduce((a, b) => a + b, 0);
  return walk(roll.from, steps, count);
}
