import { describe, expect, it } from 'vitest';
import { offeredOptions, optionBlock, questionBlock, tally } from './cards';
import { bareState, cardGame, orderedDeck, scenario } from './fixtures';
import { entries, onTable, play, start } from './play';
import { prepare } from './prepare';
import { canStep } from './step';

function voteGame(extra: Record<string, unknown> = {}) {
  return scenario({
    decision: 'vote',
    players: { min: 1, max: 5 },
    rounds: { count: 3, label: 'R' },
    decks: [
      {
        id: 'stapel',
        name: 'S',
        shuffle: false,
        cards: Array.from({ length: 6 }, (_, i) => ({
          id: `k${i + 1}`,
          kind: 'dilemma',
          title: 'K',
          conversation: [{ ask: 'V?', reveals: 'A.' }],
          options: [
            { id: 'a', label: 'A', effects: [{ resource: 'geld', add: -10 }] },
            { id: 'b', label: 'B', effects: [{ resource: 'geld', add: -20 }] },
            { id: 'c', label: 'C', when: { flag: 'c' } },
          ],
        })),
      },
    ],
    ...extra,
  });
}

describe('tally', () => {
  it('finds the plurality winner', () => {
    expect(tally(['a', 'b', 'a'], ['a', 'b'])).toEqual({ winner: 'a' });
    expect(tally(['b'], ['a', 'b'])).toEqual({ winner: 'b' });
  });

  it('returns the tied options in card order', () => {
    expect(tally(['b', 'a'], ['a', 'b', 'c'])).toEqual({ tied: ['a', 'b'] });
    expect(tally(['c', 'b', 'a', 'c', 'a'], ['a', 'b', 'c'])).toEqual({ tied: ['a', 'c'] });
  });
});

describe('voting on a card', () => {
  it('waits for every seat, then settles the plurality and logs every vote', () => {
    const sc = voteGame();
    let s = play(
      sc,
      start(sc, 3),
      { type: 'draw' },
      { type: 'vote', seat: 1, option: 'b' },
      { type: 'vote', seat: 0, option: 'a' },
    );
    expect(s.pending).toMatchObject({ kind: 'card', votes: ['a', 'b', null], tie: null });
    s = play(sc, s, { type: 'vote', seat: 2, option: 'b' });
    expect(s.pending).toEqual({ kind: 'turn', seat: 1 });
    expect(entries(s, 'decision')[0]).toMatchObject({
      option: 'b',
      votes: ['a', 'b', 'b'],
      tieBrokenBy: null,
    });
    expect(s.resources.geld).toBe(980);
  });

  it('on a tie, the active player chooses among the tied options only', () => {
    const sc = voteGame();
    let s = play(
      sc,
      start(sc, 2),
      { type: 'draw' },
      { type: 'vote', seat: 0, option: 'a' },
      { type: 'vote', seat: 1, option: 'b' },
    );
    expect(s.pending).toMatchObject({ kind: 'card', tie: ['a', 'b'] });
    expect(canStep(sc, s, { type: 'breakTie', option: 'c' })).toEqual({ ok: false, reason: 'not-tied' });
    expect(canStep(sc, s, { type: 'vote', seat: 0, option: 'a' })).toEqual({
      ok: false,
      reason: 'tie-pending',
    });
    s = play(sc, s, { type: 'breakTie', option: 'b' });
    expect(entries(s, 'decision')[0]).toMatchObject({ option: 'b', votes: ['a', 'b'], tieBrokenBy: 0 });
    // Seat 1's card: the tie-breaker is seat 1.
    s = play(
      sc,
      s,
      { type: 'draw' },
      { type: 'vote', seat: 0, option: 'a' },
      { type: 'vote', seat: 1, option: 'b' },
    );
    s = play(sc, s, { type: 'breakTie', option: 'a' });
    expect(entries(s, 'decision')[1]).toMatchObject({ option: 'a', tieBrokenBy: 1 });
  });

  it('refuses a second vote of a seat, an unknown seat, an option not offered and `choose`', () => {
    const sc = voteGame();
    const s = play(sc, start(sc, 2), { type: 'draw' }, { type: 'vote', seat: 0, option: 'a' });
    expect(canStep(sc, s, { type: 'vote', seat: 0, option: 'b' })).toEqual({
      ok: false,
      reason: 'already-voted',
    });
    expect(canStep(sc, s, { type: 'vote', seat: 2, option: 'b' })).toEqual({
      ok: false,
      reason: 'unknown-seat',
    });
    expect(canStep(sc, s, { type: 'vote', seat: -1, option: 'b' })).toEqual({
      ok: false,
      reason: 'unknown-seat',
    });
    expect(canStep(sc, s, { type: 'vote', seat: 1, option: 'c' })).toEqual({
      ok: false,
      reason: 'option-not-offered',
    });
    expect(canStep(sc, s, { type: 'choose', option: 'a' })).toEqual({ ok: false, reason: 'wrong-mode' });
    expect(canStep(sc, s, { type: 'breakTie', option: 'a' })).toEqual({ ok: false, reason: 'no-tie' });
  });

  it('allows questions before the first vote only (questions are group actions)', () => {
    const sc = voteGame();
    let s = play(sc, start(sc, 2), { type: 'draw' });
    expect(canStep(sc, s, { type: 'ask', question: 0 })).toEqual({ ok: true });
    s = play(sc, s, { type: 'vote', seat: 1, option: 'a' });
    expect(canStep(sc, s, { type: 'ask', question: 0 })).toEqual({ ok: false, reason: 'voting-started' });
  });

  it('with one player, one vote settles', () => {
    const sc = voteGame();
    const s = play(sc, start(sc, 1), { type: 'draw' }, { type: 'vote', seat: 0, option: 'b' });
    expect(entries(s, 'decision')[0]).toMatchObject({ option: 'b', votes: ['b'] });
  });

  it('in group mode refuses votes', () => {
    const sc = voteGame({ decision: 'group' });
    const s = play(sc, start(sc, 2), { type: 'draw' });
    expect(canStep(sc, s, { type: 'vote', seat: 0, option: 'a' })).toEqual({
      ok: false,
      reason: 'wrong-mode',
    });
    expect(s.pending).toMatchObject({ votes: [] });
  });
});

describe('scheduled cards', () => {
  function scheduleGame() {
    return scenario({
      players: { min: 1, max: 3 },
      rounds: { count: 4, label: 'R' },
      decks: orderedDeck([
        {
          id: 'oorzaak',
          kind: 'request',
          title: 'O',
          options: [
            {
              id: 'een',
              label: '1',
              effects: [{ schedule: { card: 'gevolg-1', deck: 'stapel', after: 1 } }],
            },
            {
              id: 'twee',
              label: '2',
              effects: [{ schedule: { card: 'gevolg-2', deck: 'stapel', after: 1 } }],
            },
            {
              id: 'ver',
              label: 'V',
              effects: [{ schedule: { card: 'gevolg-1', deck: 'stapel', after: 9 } }],
            },
          ],
        },
        {
          id: 'oorzaak-2',
          kind: 'request',
          title: 'O',
          options: [
            {
              id: 'een',
              label: '1',
              effects: [{ schedule: { card: 'gevolg-2', deck: 'stapel', after: 1 } }],
            },
            { id: 'niets', label: 'N' },
          ],
        },
        {
          id: 'gewoon',
          kind: 'request',
          title: 'G',
          options: [
            { id: 'x', label: 'X' },
            { id: 'y', label: 'Y' },
          ],
        },
      ]),
      reserveCards: [
        {
          id: 'gevolg-1',
          kind: 'request',
          title: 'G1',
          options: [
            { id: 'x', label: 'X' },
            { id: 'y', label: 'Y' },
          ],
        },
        {
          id: 'gevolg-2',
          kind: 'request',
          title: 'G2',
          options: [
            { id: 'x', label: 'X' },
            { id: 'y', label: 'Y' },
          ],
        },
      ],
    });
  }

  it('arrives on top at the start of round R + after, stacked earliest first, linked to its cause', () => {
    const sc = scheduleGame();
    let s = play(
      sc,
      start(sc, 2),
      { type: 'draw' },
      { type: 'choose', option: 'een' },
      { type: 'draw' },
      { type: 'choose', option: 'een' },
    );
    const decisions = s.log.map((e, i) => [e.kind, i] as const).filter(([k]) => k === 'decision');
    expect(s.round).toBe(2);
    expect(entries(s, 'arrive')).toEqual([
      expect.objectContaining({ card: 'gevolg-1', cause: decisions[0][1] }),
      expect.objectContaining({ card: 'gevolg-2', cause: decisions[1][1] }),
    ]);
    expect(entries(s, 'decision')[0].scheduled).toHaveLength(1);
    s = play(sc, s, { type: 'draw' });
    expect(onTable(s)).toBe('gevolg-1');
    expect(entries(s, 'draw').at(-1)).toMatchObject({ scheduled: true, cause: decisions[0][1] });
    s = play(sc, s, { type: 'choose', option: 'x' }, { type: 'draw' });
    expect(onTable(s)).toBe('gevolg-2');
    s = play(sc, s, { type: 'choose', option: 'x' });
    // One-off copies leave the game: neither is in a pile now.
    const all = [...s.piles.stapel.draw, ...s.piles.stapel.discard].map((c) => c.card);
    expect(all).not.toContain('gevolg-1');
    expect(all).not.toContain('gevolg-2');
  });

  it('never arrives when R + after is past the last round (logged as not arriving)', () => {
    const sc = scheduleGame();
    const s = play(sc, start(sc, 1), { type: 'draw' }, { type: 'choose', option: 'ver' });
    expect(entries(s, 'schedule')[0]).toMatchObject({ round: 10, arrives: false });
    expect(s.scheduled).toEqual([]);
  });
});

describe('offered options and questions', () => {
  const sc = cardGame();
  const p = { p: prepare(sc) };
  const card = p.p.cards.get('later')!;

  it('explains why an option is not offered', () => {
    const s = bareState(sc);
    expect(optionBlock(p, s, card.options![1])).toBe('when-false');
    expect(optionBlock(p, { ...s, flags: { wachtlijst: true } }, card.options![1])).toBeNull();
    const poor = { ...s, resources: { ...s.resources, werk: -1500 } };
    expect(optionBlock(p, poor, card.options![0])).toBe('below-floor');
    expect(offeredOptions(p, poor, card)).toEqual([]);
  });

  it('counts a priority discount when checking the floor', () => {
    const deVries = p.p.cards.get('de-vries')!;
    const s = { ...bareState(sc), resources: { wmo: 3400, jeugd: 0, werk: 0 } };
    expect(offeredOptions(p, s, deVries)).toEqual(['eigen-kracht']);
    expect(offeredOptions(p, { ...s, priorities: ['zorg'] }, deVries)).toEqual(['hulp', 'eigen-kracht']);
  });

  it('questionBlock: unknown, asked, unaffordable', () => {
    const deVries = p.p.cards.get('de-vries')!;
    const s = bareState(sc);
    expect(questionBlock(p, s, deVries, 0, [])).toBeNull();
    expect(questionBlock(p, s, deVries, 0, [0])).toBe('already-asked');
    expect(questionBlock(p, s, deVries, 5, [])).toBe('unknown-question');
    expect(questionBlock(p, { ...s, resources: { ...s.resources, wmo: 499 } }, deVries, 1, [])).toBe(
      'unaffordable',
    );
  });
});
