import { describe, expect, it } from 'vitest';
import { walk } from './board';
import { orderedDeck, scenario, twoOptions } from './fixtures';
import { entries, play, start } from './play';
import { tokenWalk } from './view-actions';

/** Three spaces and two six-sided dice: most throws go round the board at least once. */
const small = scenario({
  turnDeck: undefined,
  decks: orderedDeck([twoOptions('k')]),
  rounds: { count: 8, label: 'Ronde {{n}}' },
  board: {
    dice: { count: 2, sides: 6 },
    spaces: [
      { id: 'start', kind: 'start', name: 'Start', effects: [{ resource: 'geld', add: 1 }] },
      { id: 'rust', kind: 'rest', name: 'Rust' },
      { id: 'nog', kind: 'rest', name: 'Nog' },
    ],
  },
});

describe('the path a token walks', () => {
  it('walks as many spaces as the dice show, full laps included, and ends where the engine moved it', () => {
    let laps = 0;
    for (let g = 0; g < 20; g++) {
      let s = start(small, 2, `walk-${g}`);
      for (let n = 0; n < 12 && s.pending.kind === 'turn'; n++) s = play(small, s, { type: 'roll' });
      for (const roll of entries(s, 'roll')) {
        const path = tokenWalk(small, roll);
        const sum = roll.dice.reduce((a, b) => a + b, 0);
        expect(path).toHaveLength(sum);
        expect(path.at(-1)).toBe(roll.to);
        // Every time the token reaches the start space (passing or landing) the engine paid it once.
        expect(path.filter((i) => i === 0)).toHaveLength(roll.passedStart);
        if (sum >= 3) laps++;
      }
    }
    expect(laps).toBeGreaterThan(10);
  });

  it('goes round the loop one space at a time', () => {
    expect(walk(22, 4, 24)).toEqual([23, 0, 1, 2]);
    expect(walk(1, 7, 3)).toEqual([2, 0, 1, 2, 0, 1, 2]);
    expect(walk(0, 0, 3)).toEqual([]);
    expect(walk(0, 3, 0)).toEqual([]);
  });
});
