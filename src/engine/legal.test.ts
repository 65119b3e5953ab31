import { describe, expect, it } from 'vitest';
import { boardGame, cardGame, orderedDeck, scenario, twoOptions } from './fixtures';
import { combinations, legalActions, MAX_PRIORITY_SETS } from './legal';
import { play, start } from './play';
import { createRandom } from './rng';
import { canStep, step } from './step';

describe('combinations', () => {
  it('lists k-subsets in lexicographic order', () => {
    expect(combinations(['a', 'b', 'c', 'd'], 2)).toEqual([
      ['a', 'b'],
      ['a', 'c'],
      ['a', 'd'],
      ['b', 'c'],
      ['b', 'd'],
      ['c', 'd'],
    ]);
    expect(combinations(['a', 'b'], 2)).toEqual([['a', 'b']]);
    expect(combinations(['a', 'b'], 0)).toEqual([[]]);
    expect(combinations(['a'], 2)).toEqual([]);
  });

  it('stops at the cap', () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    expect(combinations(items, 5)).toHaveLength(MAX_PRIORITY_SETS);
    expect(combinations(items, 5, 3)).toEqual([
      [0, 1, 2, 3, 4],
      [0, 1, 2, 3, 5],
      [0, 1, 2, 3, 6],
    ]);
  });
});

describe('legalActions', () => {
  it('offers roll on a board and draw without one', () => {
    expect(legalActions(boardGame(), start(boardGame(), 2))).toEqual([{ type: 'roll' }]);
    const sc = cardGame();
    const s = play(
      sc,
      start(sc, 2),
      { type: 'setPriorities', priorities: ['sober'] },
      { type: 'endTransfers' },
      { type: 'decline' },
      { type: 'decline' },
    );
    expect(legalActions(sc, s)).toEqual([{ type: 'draw' }]);
  });

  it('lists every priority set at a group council, then endTransfers, then invest/decline', () => {
    const sc = cardGame();
    let s = start(sc, 2);
    expect(legalActions(sc, s)).toEqual([
      { type: 'setPriorities', priorities: ['preventie'] },
      { type: 'setPriorities', priorities: ['zorg'] },
      { type: 'setPriorities', priorities: ['sober'] },
    ]);
    s = play(sc, s, { type: 'setPriorities', priorities: ['sober'] });
    expect(legalActions(sc, s)).toEqual([{ type: 'endTransfers' }]);
    s = play(sc, s, { type: 'endTransfers' });
    expect(legalActions(sc, s)).toEqual([{ type: 'invest' }, { type: 'decline' }]);
  });

  it('lists unasked affordable questions and the offered options of a card', () => {
    const sc = cardGame();
    let s = play(
      sc,
      start(sc, 2, 'x'),
      { type: 'setPriorities', priorities: ['sober'] },
      { type: 'endTransfers' },
      { type: 'decline' },
      { type: 'decline' },
    );
    // Draw until de-vries is on the table.
    for (let i = 0; i < 40 && !(s.pending.kind === 'card' && s.pending.copy.card === 'de-vries'); i++) {
      const legal = legalActions(sc, s);
      s = step(
        sc,
        s,
        legal.find((a) => a.type === 'draw' || a.type === 'choose' || a.type === 'setPriorities') ?? legal[0],
      );
    }
    expect(s.pending).toMatchObject({ kind: 'card', copy: { card: 'de-vries' } });
    const legal = legalActions(sc, s);
    expect(legal.filter((a) => a.type === 'ask')).toEqual([
      { type: 'ask', question: 0 },
      { type: 'ask', question: 1 },
    ]);
    expect(legal.filter((a) => a.type === 'choose').length).toBeGreaterThan(0);
    s = play(sc, s, { type: 'ask', question: 0 });
    expect(legalActions(sc, s).filter((a) => a.type === 'ask')).toEqual([{ type: 'ask', question: 1 }]);
  });

  it('lists a vote per seat that has not voted, and only the tie-break on a tie', () => {
    const sc = scenario({
      decision: 'vote',
      players: { min: 2, max: 2 },
      decks: orderedDeck([twoOptions('k')]),
    });
    let s = play(sc, start(sc, 2), { type: 'draw' });
    expect(legalActions(sc, s)).toEqual([
      { type: 'vote', seat: 0, option: 'a' },
      { type: 'vote', seat: 0, option: 'b' },
      { type: 'vote', seat: 1, option: 'a' },
      { type: 'vote', seat: 1, option: 'b' },
    ]);
    s = play(sc, s, { type: 'vote', seat: 0, option: 'a' });
    expect(legalActions(sc, s)).toEqual([
      { type: 'vote', seat: 1, option: 'a' },
      { type: 'vote', seat: 1, option: 'b' },
    ]);
    s = play(sc, s, { type: 'vote', seat: 1, option: 'b' });
    expect(legalActions(sc, s)).toEqual([
      { type: 'breakTie', option: 'a' },
      { type: 'breakTie', option: 'b' },
    ]);
  });

  it('lists priority votes per seat and the chair’s tie-break choices', () => {
    const sc = boardGame('vote');
    let s = start(sc, 2);
    // Play until the council after round 2.
    const r = createRandom('council');
    while (s.pending.kind !== 'council' || s.pending.step !== 'priorities') {
      const legal = legalActions(sc, s);
      s = step(sc, s, legal[r.int(legal.length)]);
      if (s.pending.kind === 'ended') throw new Error('no council');
    }
    const legal = legalActions(sc, s);
    expect(legal).toHaveLength(2 * 6);
    expect(legal.every((a) => a.type === 'votePriorities')).toBe(true);
    s = play(
      sc,
      s,
      { type: 'votePriorities', seat: 0, priorities: ['p1', 'p2'] },
      { type: 'votePriorities', seat: 1, priorities: ['p3', 'p4'] },
    );
    expect(legalActions(sc, s)).toEqual(
      combinations(['p1', 'p2', 'p3', 'p4'], 2).map((priorities) => ({
        type: 'breakPriorityTie',
        priorities,
      })),
    );
  });

  it('is empty once the game has ended', () => {
    const sc = cardGame();
    expect(legalActions(sc, play(sc, start(sc, 1), { type: 'endNow' }))).toEqual([]);
  });

  it('only lists actions canStep allows, through whole random games', () => {
    for (const sc of [cardGame(), cardGame('vote'), boardGame(), boardGame('group')]) {
      for (let g = 0; g < 15; g++) {
        const r = createRandom(`legal-${g}`);
        let s = start(sc, 3, `legal-${g}`);
        while (s.pending.kind !== 'ended') {
          const legal = legalActions(sc, s);
          expect(legal.length).toBeGreaterThan(0);
          for (const a of legal) expect(canStep(sc, s, a)).toEqual({ ok: true });
          s = step(sc, s, legal[r.int(legal.length)]);
        }
      }
    }
  });
});
