import { describe, expect, it } from 'vitest';
import { advance, createRandom, draw, drawInt, output, RNG_VERSION, shuffleInPlace, streamSeed } from './rng';

describe('streamSeed', () => {
  it('is the FNV-1a hash of seed, NUL and name (pinned: recorded sessions depend on it)', () => {
    expect(fnv1a('a')).toBe(0xe40c292c); // published test vectors for the reference below
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
    expect(streamSeed('urk', 'dice') >>> 0).toBe(fnv1a('urk\u0000dice'));
    expect(streamSeed('', '') >>> 0).toBe(fnv1a('\u0000'));
    expect(streamSeed('urk', 'dice')).toMatchInlineSnapshot(`-1846394234`);
  });

  it('gives different streams different start states', () => {
    const names = ['dice', 'chance', 'roles', 'deck:aanvragen', 'deck:gebeurtenissen'];
    const seeds = new Set(names.map((n) => streamSeed('workshop', n)));
    expect(seeds.size).toBe(names.length);
  });

  it('separates seed and name, so "ab"+"c" differs from "a"+"bc"', () => {
    expect(streamSeed('ab', 'c')).not.toBe(streamSeed('a', 'bc'));
  });

  it('returns a signed 32-bit integer (plain JSON number)', () => {
    for (const name of ['x', 'y', 'deck:z']) {
      const s = streamSeed('seed', name);
      expect(Number.isInteger(s)).toBe(true);
      expect(s).toBe(s | 0);
    }
  });
});

describe('draw', () => {
  it('pins the first numbers of a stream (changing them needs a new RNG_VERSION)', () => {
    const streams: Record<string, number> = {};
    const first = [draw(streams, 'urk', 'dice'), draw(streams, 'urk', 'dice'), draw(streams, 'urk', 'dice')];
    expect(first.map((x) => x.toFixed(6))).toMatchInlineSnapshot(`
      [
        "0.367697",
        "0.043891",
        "0.416075",
      ]
    `);
    expect(RNG_VERSION).toBe('mulberry32/fnv1a-1');
  });

  it('creates a stream on first use and advances only that stream', () => {
    const streams: Record<string, number> = {};
    draw(streams, 's', 'dice');
    expect(Object.keys(streams)).toEqual(['dice']);
    const chance = draw(streams, 's', 'chance');
    const diceBefore = streams.dice;
    draw(streams, 's', 'chance');
    expect(streams.dice).toBe(diceBefore);
    expect(chance).toBeGreaterThanOrEqual(0);
  });

  it('is independent per stream: extra draws on one stream never change another', () => {
    const a: Record<string, number> = {};
    const b: Record<string, number> = {};
    for (let i = 0; i < 5; i++) draw(b, 'seed', 'chance');
    const deckA = [1, 2, 3, 4].map(() => draw(a, 'seed', 'deck:x'));
    const deckB = [1, 2, 3, 4].map(() => draw(b, 'seed', 'deck:x'));
    expect(deckB).toEqual(deckA);
  });

  it('stays in [0, 1) over many draws and is roughly uniform', () => {
    const streams: Record<string, number> = {};
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < 20000; i++) {
      const x = draw(streams, 'uniform', 'chance');
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      buckets[Math.floor(x * 10)]++;
    }
    for (const n of buckets) expect(Math.abs(n - 2000)).toBeLessThan(250);
  });

  it('keeps the state a plain number that round-trips through JSON', () => {
    const streams: Record<string, number> = {};
    draw(streams, 'json', 'dice');
    const copy = JSON.parse(JSON.stringify(streams));
    expect(draw(copy, 'json', 'dice')).toBe(draw(streams, 'json', 'dice'));
  });

  it('is mulberry32: the same numbers as the published reference implementation', () => {
    const reference = mulberry32(streamSeed('ref', 'chance'));
    const streams: Record<string, number> = {};
    for (let i = 0; i < 50; i++) expect(draw(streams, 'ref', 'chance')).toBe(reference());
  });

  it('advance and output compose to draw', () => {
    const start = streamSeed('k', 'dice');
    const streams: Record<string, number> = {};
    expect(draw(streams, 'k', 'dice')).toBe(output(advance(start)));
  });
});

describe('drawInt', () => {
  it('gives whole numbers in [0, n)', () => {
    const streams: Record<string, number> = {};
    const seen = new Set<number>();
    for (let i = 0; i < 600; i++) {
      const v = drawInt(streams, 'int', 'dice', 6);
      expect(Number.isInteger(v)).toBe(true);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(6);
      seen.add(v);
    }
    expect(seen.size).toBe(6);
  });
});

describe('shuffleInPlace', () => {
  it('is a permutation', () => {
    const items = Array.from({ length: 30 }, (_, i) => i);
    shuffleInPlace(items, {}, 'perm', 'deck:a');
    expect([...items].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });

  it('depends on seed and stream name, and is reproducible', () => {
    const base = Array.from({ length: 20 }, (_, i) => i);
    const a = shuffleInPlace([...base], {}, 's1', 'deck:a');
    const again = shuffleInPlace([...base], {}, 's1', 'deck:a');
    const otherSeed = shuffleInPlace([...base], {}, 's2', 'deck:a');
    const otherDeck = shuffleInPlace([...base], {}, 's1', 'deck:b');
    expect(again).toEqual(a);
    expect(otherSeed).not.toEqual(a);
    expect(otherDeck).not.toEqual(a);
  });

  it('draws n − 1 numbers for n items', () => {
    const streams: Record<string, number> = {};
    shuffleInPlace([1, 2, 3, 4], streams, 'count', 'deck:a');
    const direct: Record<string, number> = {};
    for (let i = 0; i < 3; i++) draw(direct, 'count', 'deck:a');
    expect(streams['deck:a']).toBe(direct['deck:a']);
  });

  it('leaves an empty or single list alone without drawing', () => {
    const streams: Record<string, number> = {};
    expect(shuffleInPlace([], streams, 's', 'deck:a')).toEqual([]);
    expect(shuffleInPlace([7], streams, 's', 'deck:a')).toEqual([7]);
    expect(streams).toEqual({});
  });
});

describe('createRandom', () => {
  it('is reproducible per seed and differs between seeds', () => {
    const a = createRandom('x');
    const b = createRandom('x');
    const c = createRandom('y');
    const seqA = [a.next(), a.next(), a.next()];
    expect([b.next(), b.next(), b.next()]).toEqual(seqA);
    expect([c.next(), c.next(), c.next()]).not.toEqual(seqA);
  });

  it('int stays in range', () => {
    const r = createRandom('int');
    for (let i = 0; i < 200; i++) {
      const v = r.int(3);
      expect([0, 1, 2]).toContain(v);
    }
  });

  it('matches the game streams for the same seed and name', () => {
    const r = createRandom('seed', 'dice');
    const streams: Record<string, number> = {};
    expect(r.next()).toBe(draw(streams, 'seed', 'dice'));
  });
});

/** Reference FNV-1a 32 over char codes, written independently of rng.ts. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (const ch of text) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The reference mulberry32 (Tommy Ettinger), as commonly published. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
