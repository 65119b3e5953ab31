import { describe, expect, it } from 'vitest';
import { boardGame, cardGame, scenario } from './fixtures';
import { cardById, prepare } from './prepare';

describe('prepare', () => {
  it('is computed once per scenario object', () => {
    const sc = cardGame();
    expect(prepare(sc)).toBe(prepare(sc));
    expect(prepare(cardGame())).not.toBe(prepare(sc));
  });

  it('works on a frozen scenario', () => {
    const sc = Object.freeze(cardGame());
    expect(prepare(sc).cards.size).toBeGreaterThan(0);
  });

  it('indexes cards of every deck and the reserve, with their home deck', () => {
    const p = prepare(cardGame());
    expect(p.cards.get('de-vries')?.title).toBe('Mevrouw De Vries');
    expect(p.cards.get('overbelast')?.kind).toBe('request');
    expect(p.homeDeck.get('de-vries')).toBe('aanvragen');
    expect(p.homeDeck.has('overbelast')).toBe(false);
  });

  it('knows floors, meters, investments with file index, priorities and spaces', () => {
    const p = prepare(cardGame());
    expect(p.floors).toEqual([
      { id: 'wmo', floor: 0 },
      { id: 'werk', floor: -2000 },
    ]);
    expect(p.floorOf.get('jeugd')).toBeUndefined();
    expect(p.meters.get('werkdruk')?.max).toBe(10);
    expect(p.investments.get('vrijwilligers')?.index).toBe(1);
    expect(p.priorities.get('zorg')?.modifiers).toHaveLength(1);
    expect(prepare(boardGame()).spaces.get('rust')).toBe(6);
  });

  it('treats a null floor as no floor', () => {
    const p = prepare(scenario({ resources: [{ id: 'geld', name: 'G', start: 0, floor: null }] }));
    expect(p.floors).toEqual([]);
  });

  it('joins card and option tags for costFactor, without duplicates', () => {
    const p = prepare(cardGame());
    const deVries = p.cards.get('de-vries')!;
    expect(p.optionTags.get(deVries.options![0])).toEqual(['wmo', 'zorg']);
    const baan = p.cards.get('baan')!;
    expect(p.optionTags.get(baan.options![0])).toEqual(['preventie']);
    expect(p.choiceKey.get(baan.options![1])).toBe('baan/uitkering');
  });

  it('collects the `chose` pairs asked about anywhere, and whether any ending is immediate', () => {
    const sc = scenario({
      roles: [{ id: 'r', name: 'R', brief: 'b', goal: { any: [{ chose: { card: 'k', option: 'a' } }] } }],
      upkeep: [{ when: { not: { chose: { card: 'k', option: 'b' } } }, effects: [] }],
      endings: [
        { id: 'x', title: 'X', text: 'x', immediate: true, when: { chose: { card: 'j', option: 'c' } } },
        { id: 'y', title: 'Y', text: 'y' },
      ],
    });
    const p = prepare(sc);
    expect([...p.choseKeys].sort()).toEqual(['j/c', 'k/a', 'k/b']);
    expect(p.hasImmediate).toBe(true);
    expect(prepare(boardGame()).hasImmediate).toBe(true);
    expect(prepare(scenario({})).hasImmediate).toBe(false);
    expect(prepare(scenario({})).choseKeys.size).toBe(0);
  });

  it('sends injected cards to turnDeck, else the first deck', () => {
    expect(prepare(cardGame()).defaultDeck).toBe('aanvragen');
    expect(prepare(boardGame()).defaultDeck).toBe('wijk');
  });

  it('cardById refuses an unknown id', () => {
    expect(() => cardById(prepare(cardGame()), 'nope')).toThrow(/unknown card "nope"/);
  });
});
