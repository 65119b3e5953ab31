import { describe, expect, it } from 'vitest';
import { orderedDeck, scenario, twoOptions } from './fixtures';
import { legalActions } from './legal';
import { entries, onTable, play, start } from './play';
import { canStep, step } from './step';
import { type Action, ActionRefused } from './types';

/** Unshuffled deck of simple requests: k1, k2, ... each `a` costs 100 and `b` is free. */
function flowGame(extra: Record<string, unknown> = {}, cards = 8) {
  return scenario({
    rounds: { count: 3, label: 'R{{n}}' },
    players: { min: 1, max: 4 },
    resources: [{ id: 'geld', name: 'Geld', start: 1000, income: 10 }],
    meters: [{ id: 'm', name: 'M', min: 0, max: 10, start: 5, drift: 1 }],
    decks: [
      {
        id: 'stapel',
        name: 'Stapel',
        shuffle: false,
        cards: Array.from({ length: cards }, (_, i) => ({
          id: `k${i + 1}`,
          kind: 'request',
          title: `K${i + 1}`,
          options: [
            { id: 'a', label: 'A', effects: [{ resource: 'geld', add: -100 }] },
            { id: 'b', label: 'B', effects: [] },
          ],
        })),
      },
    ],
    ...extra,
  });
}

describe('the order of play', () => {
  it('gives each player a turn in seat order, then ends the round and starts the next', () => {
    const sc = flowGame();
    let s = start(sc, 2);
    expect(s.pending).toEqual({ kind: 'turn', seat: 0 });
    s = play(sc, s, { type: 'draw' });
    expect(s.pending).toMatchObject({ kind: 'card', seat: 0, copy: { card: 'k1' } });
    s = play(sc, s, { type: 'choose', option: 'a' });
    expect(s.pending).toEqual({ kind: 'turn', seat: 1 });
    s = play(sc, s, { type: 'draw' }, { type: 'choose', option: 'b' });
    expect(s.round).toBe(2);
    expect(s.pending).toEqual({ kind: 'turn', seat: 0 });
    expect(s.log.map((e) => e.kind)).toEqual([
      'roundStart',
      'draw',
      'decision',
      'draw',
      'decision',
      'roundEnd',
      'roundStart',
    ]);
  });

  it('stamps log entries with the round and the active seat', () => {
    const sc = flowGame();
    const s = play(sc, start(sc, 2), { type: 'draw' }, { type: 'choose', option: 'a' }, { type: 'draw' });
    expect(s.log.map((e) => [e.kind, e.at, e.seat])).toEqual([
      ['roundStart', 1, null],
      ['draw', 1, 0],
      ['decision', 1, 0],
      ['draw', 1, 1],
    ]);
  });

  it('adds income at every round start, the first included', () => {
    const sc = flowGame();
    let s = start(sc, 1);
    expect(s.resources.geld).toBe(1010);
    s = play(sc, s, { type: 'draw' }, { type: 'choose', option: 'b' });
    expect(s.resources.geld).toBe(1020);
  });

  it('applies drift at every round end, clamped', () => {
    const sc = flowGame();
    let s = start(sc, 1);
    s = play(sc, s, { type: 'draw' }, { type: 'choose', option: 'b' });
    expect(s.meters.m).toBe(6);
    expect(entries(s, 'roundEnd')[0].deltas.meters).toEqual({ m: 1 });
  });

  it('after the last round ends with the final ending and nothing pending', () => {
    const sc = flowGame();
    let s = start(sc, 1);
    for (let r = 0; r < 3; r++) s = play(sc, s, { type: 'draw' }, { type: 'choose', option: 'b' });
    expect(s.pending).toEqual({ kind: 'ended' });
    expect(s.ending).toEqual({ id: 'einde', goals: {} });
    expect(s.log.at(-1)).toMatchObject({ kind: 'ending', ending: 'einde', immediate: false });
    expect(s.round).toBe(3);
  });

  it('counts player actions', () => {
    const sc = flowGame();
    const s = play(
      sc,
      start(sc, 1),
      { type: 'draw' },
      { type: 'note', text: 'x' },
      { type: 'choose', option: 'b' },
    );
    expect(s.actions).toBe(3);
  });

  it('runs round end in order: drift (with priority drift), perRound in file order, upkeep', () => {
    const sc = flowGame({
      meters: [{ id: 'm', name: 'M', min: 0, max: 100, start: 10, drift: 1 }],
      investments: [
        {
          id: 'eerste',
          name: 'E',
          cost: [],
          perRound: [{ when: { meter: 'm', atLeast: 13 }, effects: [{ flag: 'e', set: true }] }],
        },
        { id: 'tweede', name: 'T', cost: [], perRound: [{ meter: 'm', add: 10 }] },
      ],
      upkeep: [{ when: { meter: 'm', atLeast: 23 }, effects: [{ flag: 'u', set: true }] }],
      priorities: { choose: 1, options: [{ id: 'p', name: 'P', modifiers: [{ meter: 'm', drift: 2 }] }] },
      council: { atStart: true },
    });
    let s = start(sc, 1);
    s = play(
      sc,
      s,
      { type: 'setPriorities', priorities: ['p'] },
      { type: 'invest' },
      { type: 'invest' },
      { type: 'draw' },
      { type: 'choose', option: 'b' },
    );
    // drift 1 + 2 = 13, then `eerste` sees 13 (flag e), `tweede` adds 10 → 23, upkeep sees 23.
    expect(s.meters.m).toBe(23);
    expect(s.flags).toEqual({ e: true, u: true });
  });
});

describe('cards', () => {
  it('settles an event without options on the draw and moves on', () => {
    const sc = flowGame({
      decks: orderedDeck([
        {
          id: 'storm',
          kind: 'event',
          title: 'Storm',
          effects: [
            { resource: 'geld', add: -300 },
            { meter: 'm', add: 1 },
          ],
        },
        twoOptions('k'),
      ]),
    });
    const s = play(sc, start(sc, 2), { type: 'draw' });
    expect(s.resources.geld).toBe(710);
    expect(s.pending).toEqual({ kind: 'turn', seat: 1 });
    expect(entries(s, 'event')).toEqual([
      expect.objectContaining({ card: 'storm', deltas: { resources: { geld: -300 }, meters: { m: 1 } } }),
    ]);
    expect(s.piles.stapel.discard).toEqual([{ card: 'storm' }]);
  });

  it('applies an event’s effects first, then asks for the choice', () => {
    const sc = flowGame({
      decks: orderedDeck([
        {
          id: 'subsidie',
          kind: 'event',
          title: 'S',
          effects: [{ resource: 'geld', add: 500 }],
          options: [
            { id: 'sparen', label: 'S' },
            { id: 'uitgeven', label: 'U', effects: [{ resource: 'geld', add: -500 }] },
          ],
        },
      ]),
    });
    let s = play(sc, start(sc, 1), { type: 'draw' });
    expect(s.resources.geld).toBe(1510);
    expect(onTable(s)).toBe('subsidie');
    s = play(sc, s, { type: 'choose', option: 'uitgeven' });
    expect(entries(s, 'decision')[0].deltas.resources).toEqual({ geld: -500 });
    expect(s.resources.geld).toBe(1020); // and round 2's income
  });

  it('logs the decision with offered options, choice, questions and deltas, and remembers the choice', () => {
    const sc = flowGame();
    const s = play(sc, start(sc, 1), { type: 'draw' }, { type: 'choose', option: 'a' });
    expect(entries(s, 'decision')[0]).toMatchObject({
      card: 'k1',
      deck: 'stapel',
      offered: ['a', 'b'],
      option: 'a',
      votes: null,
      tieBrokenBy: null,
      asked: [],
      deltas: { resources: { geld: -100 }, meters: {} },
      scheduled: [],
    });
    expect(s.piles.stapel.discard).toEqual([{ card: 'k1' }]);
  });

  it('remembers the choices a `chose` condition asks about, so later options can depend on them', () => {
    const sc = flowGame({
      decks: orderedDeck([
        {
          id: 'eerst',
          kind: 'request',
          title: 'E',
          options: [
            { id: 'ja', label: 'J' },
            { id: 'nee', label: 'N' },
          ],
        },
        {
          id: 'daarna',
          kind: 'request',
          title: 'D',
          options: [
            { id: 'gevolg', label: 'G', when: { chose: { card: 'eerst', option: 'ja' } } },
            { id: 'anders', label: 'A' },
          ],
        },
      ]),
    });
    const yes = play(sc, start(sc, 2), { type: 'draw' }, { type: 'choose', option: 'ja' }, { type: 'draw' });
    expect(yes.chosen).toEqual(['eerst/ja']);
    expect(canStep(sc, yes, { type: 'choose', option: 'gevolg' })).toEqual({ ok: true });
    const no = play(sc, start(sc, 2), { type: 'draw' }, { type: 'choose', option: 'nee' }, { type: 'draw' });
    // `eerst/nee` is asked about by no condition: not kept.
    expect(no.chosen).toEqual([]);
    expect(canStep(sc, no, { type: 'choose', option: 'gevolg' })).toEqual({
      ok: false,
      reason: 'option-not-offered',
    });
  });

  it('offers only options whose `when` holds', () => {
    const sc = flowGame({
      decks: orderedDeck([
        {
          id: 'k',
          kind: 'dilemma',
          title: 'K',
          options: [
            { id: 'a', label: 'A' },
            { id: 'b', label: 'B', when: { flag: 'open' } },
          ],
        },
      ]),
    });
    const s = play(sc, start(sc, 1), { type: 'draw' });
    expect(canStep(sc, s, { type: 'choose', option: 'b' })).toEqual({
      ok: false,
      reason: 'option-not-offered',
    });
    expect(canStep(sc, s, { type: 'choose', option: 'zz' })).toEqual({ ok: false, reason: 'unknown-option' });
    expect(canStep(sc, s, { type: 'choose', option: 'a' })).toEqual({ ok: true });
  });

  it('does not offer an option whose money effects would cross a floor', () => {
    const sc = flowGame({ resources: [{ id: 'geld', name: 'G', start: 50, floor: 0 }] });
    const s = play(sc, start(sc, 1), { type: 'draw' });
    expect(canStep(sc, s, { type: 'choose', option: 'a' })).toEqual({
      ok: false,
      reason: 'option-not-offered',
    });
    expect(() => step(sc, s, { type: 'choose', option: 'a' })).toThrow(ActionRefused);
  });

  it('settles a card without a choice when no option is offered, and logs it', () => {
    const sc = flowGame({
      resources: [{ id: 'geld', name: 'G', start: 50, floor: 0 }],
      decks: orderedDeck([
        {
          id: 'duur',
          kind: 'request',
          title: 'D',
          options: [
            { id: 'a', label: 'A', effects: [{ resource: 'geld', add: -100 }] },
            { id: 'b', label: 'B', when: { flag: 'nooit' } },
          ],
        },
      ]),
    });
    const s = play(sc, start(sc, 2), { type: 'draw' });
    expect(s.pending).toEqual({ kind: 'turn', seat: 1 });
    expect(entries(s, 'decision')[0]).toMatchObject({ card: 'duur', option: null, offered: [] });
    expect(s.piles.stapel.discard).toEqual([{ card: 'duur' }]);
  });

  it('logs that nothing was drawn when no card qualifies, and moves on', () => {
    const sc = flowGame({
      decks: [
        {
          id: 'stapel',
          name: 'S',
          cards: [{ id: 'laat', kind: 'event', title: 'L', when: { round: { atLeast: 9 } }, effects: [] }],
        },
      ],
    });
    const s = play(sc, start(sc, 2), { type: 'draw' });
    expect(entries(s, 'drawNothing')).toEqual([expect.objectContaining({ deck: 'stapel', seat: 0 })]);
    expect(s.pending).toEqual({ kind: 'turn', seat: 1 });
  });
});

describe('questions', () => {
  const talk = () =>
    flowGame({
      resources: [{ id: 'geld', name: 'G', start: 1000, floor: 0 }],
      decks: orderedDeck([
        {
          id: 'k',
          kind: 'request',
          title: 'K',
          conversation: [
            { ask: 'Wie?', reveals: 'Dochter', cost: [{ meter: 'm', add: 0.5 }] },
            { ask: 'Geld?', reveals: 'Weinig', cost: [{ resource: 'geld', add: -2000 }] },
            { ask: 'Meer?', reveals: 'Ja', cost: [{ resource: 'geld', add: -950 }] },
          ],
          options: [
            { id: 'a', label: 'A', effects: [{ resource: 'geld', add: -100 }] },
            { id: 'b', label: 'B', effects: [{ resource: 'geld', add: -60 }] },
          ],
        },
      ]),
    });

  it('pays the cost, records the question and keeps the card on the table', () => {
    const sc = talk();
    const s = play(sc, start(sc, 1), { type: 'draw' }, { type: 'ask', question: 0 });
    expect(s.meters.m).toBe(5.5);
    expect(s.pending).toMatchObject({ kind: 'card', asked: [0] });
    expect(entries(s, 'ask')).toEqual([
      expect.objectContaining({ card: 'k', question: 0, deltas: { resources: {}, meters: { m: 0.5 } } }),
    ]);
  });

  it('refuses a question asked twice, an unknown one, and one whose cost crosses a floor', () => {
    const sc = talk();
    const s = play(sc, start(sc, 1), { type: 'draw' }, { type: 'ask', question: 0 });
    expect(canStep(sc, s, { type: 'ask', question: 0 })).toEqual({ ok: false, reason: 'already-asked' });
    expect(canStep(sc, s, { type: 'ask', question: 7 })).toEqual({ ok: false, reason: 'unknown-question' });
    expect(canStep(sc, s, { type: 'ask', question: 1 })).toEqual({ ok: false, reason: 'unaffordable' });
  });

  it('lists the questions asked in the decision', () => {
    const sc = talk();
    const s = play(
      sc,
      start(sc, 1),
      { type: 'draw' },
      { type: 'ask', question: 0 },
      { type: 'choose', option: 'b' },
    );
    expect(entries(s, 'decision')[0].asked).toEqual([0]);
  });

  it('settles the card without a choice when a question leaves no option affordable', () => {
    const sc = talk();
    const s = play(sc, start(sc, 2), { type: 'draw' }, { type: 'ask', question: 2 });
    expect(s.resources.geld).toBe(50);
    expect(entries(s, 'decision')[0]).toMatchObject({ option: null, offered: [], asked: [2] });
    expect(s.pending).toEqual({ kind: 'turn', seat: 1 });
  });
});

describe('costFactor on options', () => {
  it('discounts negative money adds of options whose card or option tags match a chosen priority', () => {
    const sc = flowGame({
      council: { atStart: true },
      priorities: {
        choose: 1,
        options: [{ id: 'p', name: 'P', modifiers: [{ tag: 'zorg', costFactor: 0.75 }] }],
      },
      decks: orderedDeck([
        {
          id: 'k',
          kind: 'request',
          title: 'K',
          tags: ['zorg'],
          options: [
            {
              id: 'a',
              label: 'A',
              effects: [
                { resource: 'geld', add: -101 },
                { resource: 'geld', set: 2000 },
              ],
            },
            { id: 'b', label: 'B' },
          ],
        },
        {
          id: 'k2',
          kind: 'request',
          title: 'K',
          options: [
            { id: 'a', label: 'A', tags: ['zorg'], effects: [{ resource: 'geld', add: -101 }] },
            { id: 'b', label: 'B', effects: [{ resource: 'geld', add: -101 }] },
          ],
        },
      ]),
    });
    let s = play(
      sc,
      start(sc, 2),
      { type: 'setPriorities', priorities: ['p'] },
      { type: 'draw' },
      { type: 'choose', option: 'a' },
    );
    expect(entries(s, 'decision')[0].deltas.resources).toEqual({ geld: -76 + (2000 - (1010 - 76)) });
    s = play(sc, s, { type: 'draw' }, { type: 'choose', option: 'b' });
    expect(entries(s, 'decision')[1].deltas.resources).toEqual({ geld: -101 });
  });
});

describe('refusals', () => {
  it('throws ActionRefused with the reason code and leaves the state as it was', () => {
    const sc = flowGame();
    const s = start(sc, 1);
    const before = JSON.stringify(s);
    try {
      step(sc, s, { type: 'choose', option: 'a' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ActionRefused);
      expect((e as ActionRefused).code).toBe('wrong-phase');
    }
    expect(JSON.stringify(s)).toBe(before);
  });

  it('says roll-instead / draw-instead for the wrong kind of turn', () => {
    const sc = flowGame();
    expect(canStep(sc, start(sc, 1), { type: 'roll' })).toEqual({ ok: false, reason: 'draw-instead' });
  });

  it('refuses everything but notes after the end', () => {
    const sc = flowGame();
    const s = play(sc, start(sc, 1), { type: 'endNow' });
    expect(canStep(sc, s, { type: 'draw' })).toEqual({ ok: false, reason: 'ended' });
    expect(canStep(sc, s, { type: 'endNow' })).toEqual({ ok: false, reason: 'ended' });
    expect(canStep(sc, s, { type: 'note', text: 'nabespreking' })).toEqual({ ok: true });
  });

  it('refuses an empty note', () => {
    const sc = flowGame();
    expect(canStep(sc, start(sc, 1), { type: 'note', text: '  ' })).toEqual({
      ok: false,
      reason: 'empty-note',
    });
  });

  it('refuses council actions outside a meeting and card actions without a card', () => {
    const sc = flowGame();
    const s = start(sc, 1);
    const actions: Action[] = [
      { type: 'setPriorities', priorities: [] },
      { type: 'transfer', from: 'geld', to: 'geld', amount: 1 },
      { type: 'endTransfers' },
      { type: 'invest' },
      { type: 'decline' },
      { type: 'ask', question: 0 },
      { type: 'breakTie', option: 'a' },
      { type: 'skipCard' },
    ];
    for (const action of actions) {
      expect(canStep(sc, s, action)).toEqual({ ok: false, reason: 'wrong-phase' });
    }
  });
});

describe('facilitator actions', () => {
  it('note: logs the text at any time without changing the game', () => {
    const sc = flowGame();
    const s0 = play(sc, start(sc, 1), { type: 'draw' });
    const s = play(sc, s0, { type: 'note', text: 'Goed gesprek' });
    expect(s.log.at(-1)).toMatchObject({ kind: 'note', text: 'Goed gesprek', at: 1, seat: 0 });
    expect(s.pending).toEqual(s0.pending);
    expect(s.resources).toEqual(s0.resources);
  });

  it('skipCard: discards the card without effects and the turn goes on', () => {
    const sc = flowGame();
    const s = play(sc, start(sc, 2), { type: 'draw' }, { type: 'skipCard' });
    expect(s.pending).toEqual({ kind: 'turn', seat: 1 });
    expect(s.resources.geld).toBe(1010);
    expect(entries(s, 'skipCard')).toEqual([expect.objectContaining({ card: 'k1' })]);
    expect(entries(s, 'decision')).toEqual([]);
    expect(s.piles.stapel.discard).toEqual([{ card: 'k1' }]);
  });

  it('injectCard while waiting for a draw: the card is on the table now, and the player still draws after it', () => {
    const sc = flowGame({
      reserveCards: [
        {
          id: 'extra',
          kind: 'request',
          title: 'E',
          options: [
            { id: 'x', label: 'X' },
            { id: 'y', label: 'Y' },
          ],
        },
      ],
    });
    let s = play(sc, start(sc, 2), { type: 'injectCard', card: 'extra' });
    expect(s.pending).toMatchObject({
      kind: 'card',
      seat: 0,
      copy: { card: 'extra', once: true },
      resume: 'turn',
    });
    expect(entries(s, 'inject')).toEqual([expect.objectContaining({ card: 'extra', deck: 'stapel' })]);
    s = play(sc, s, { type: 'choose', option: 'x' });
    expect(s.pending).toEqual({ kind: 'turn', seat: 0 });
    s = play(sc, s, { type: 'draw' });
    expect(onTable(s)).toBe('k1');
    // The one-off copy left the game.
    expect(s.piles.stapel.discard).toEqual([]);
  });

  it('injectCard while a card is on the table: it comes right after that card, for the same player', () => {
    const sc = flowGame();
    let s = play(sc, start(sc, 2), { type: 'draw' }, { type: 'injectCard', card: 'k5' });
    expect(onTable(s)).toBe('k1');
    s = play(sc, s, { type: 'choose', option: 'b' });
    expect(s.pending).toMatchObject({
      kind: 'card',
      seat: 0,
      copy: { card: 'k5', once: true },
      resume: 'endTurn',
    });
    s = play(sc, s, { type: 'choose', option: 'b' });
    expect(s.pending).toEqual({ kind: 'turn', seat: 1 });
    // The deck's own k5 is still in the draw pile.
    expect(s.piles.stapel.draw.some((c) => c.card === 'k5')).toBe(true);
  });

  it('injectCard refuses an unknown card or deck', () => {
    const sc = flowGame();
    const s = start(sc, 1);
    expect(canStep(sc, s, { type: 'injectCard', card: 'nope' })).toEqual({
      ok: false,
      reason: 'unknown-card',
    });
    expect(canStep(sc, s, { type: 'injectCard', card: 'k1', deck: 'nope' })).toEqual({
      ok: false,
      reason: 'unknown-deck',
    });
  });

  it('endNow: straight to the final ending and goals, marked as stopped after the rounds completed', () => {
    const sc = flowGame({
      roles: [{ id: 'r', name: 'R', brief: 'b', goal: { resource: 'geld', atLeast: 1000 } }],
      endings: [
        { id: 'rijk', title: 'R', text: 'r', when: { resource: 'geld', atLeast: 1000 } },
        { id: 'arm', title: 'A', text: 'a' },
      ],
    });
    const s = play(sc, start(sc, 1), { type: 'draw' }, { type: 'endNow' });
    expect(s.pending).toEqual({ kind: 'ended' });
    // Stopped in the first round: no round was completed, and the log says so too.
    expect(s.ending).toEqual({ id: 'rijk', goals: { r: true }, stopped: 0 });
    expect(s.log.at(-1)).toMatchObject({ kind: 'ending', ending: 'rijk', stopped: 0 });
  });

  it('endNow after a round ended counts that round; a game played out is not marked as stopped', () => {
    const sc = flowGame();
    let s = start(sc, 1);
    for (let n = 0; n < 500 && !s.log.some((e) => e.kind === 'roundEnd'); n++)
      s = step(sc, s, legalActions(sc, s)[0]);
    const stopped = step(sc, s, { type: 'endNow' });
    expect(stopped.ending?.stopped).toBe(1);
    let whole = start(sc, 1);
    for (let n = 0; n < 5000 && whole.pending.kind !== 'ended'; n++)
      whole = step(sc, whole, legalActions(sc, whole).filter((a) => a.type !== 'endNow')[0]);
    expect(whole.pending.kind).toBe('ended');
    expect(whole.ending && 'stopped' in whole.ending).toBe(false);
  });
});

describe('a parent state never changes', () => {
  it('stays as it was while two children and their descendants play on (piles included)', () => {
    const sc = flowGame();
    let parent = start(sc, 2);
    for (let n = 0; n < 3 && parent.pending.kind !== 'ended'; n++)
      parent = step(sc, parent, legalActions(sc, parent)[0]);
    const before = JSON.stringify(parent);
    for (const pick of [0, -1]) {
      let s = parent;
      for (let n = 0; n < 200 && s.pending.kind !== 'ended'; n++) {
        const legal = legalActions(sc, s);
        s = step(sc, s, legal.at(pick)!);
      }
      expect(JSON.stringify(parent)).toBe(before);
    }
  });
});

describe('purity', () => {
  it('never changes the state it was given (frozen states throw on mutation)', () => {
    const sc = flowGame();
    // `play` freezes every state before stepping it.
    const s = play(
      sc,
      start(sc, 2),
      { type: 'draw' },
      { type: 'choose', option: 'a' },
      { type: 'draw' },
      { type: 'note', text: 'x' },
      { type: 'choose', option: 'b' },
      { type: 'draw' },
      { type: 'skipCard' },
    );
    expect(s.round).toBe(2);
  });

  it('gives the same state for the same actions', () => {
    const sc = flowGame();
    const actions = [{ type: 'draw' }, { type: 'choose', option: 'a' }, { type: 'draw' }] as const;
    expect(play(sc, start(sc, 2), ...actions)).toEqual(play(sc, start(sc, 2), ...actions));
  });
});
