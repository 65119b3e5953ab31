import { describe, expect, it } from 'vitest';
import { defaultButton, loopLayout, middleLayout, middleRoom } from './layout';

describe('the board loop', () => {
  it('places every space inside the area without overlaps', () => {
    for (const count of [2, 8, 13, 24, 28]) {
      const { slots } = loopLayout(count, 968, 640);
      expect(slots).toHaveLength(count);
      for (const s of slots) {
        expect(s.x - s.size / 2).toBeGreaterThanOrEqual(0);
        expect(s.y - s.size / 2).toBeGreaterThanOrEqual(0);
        expect(s.x + s.size / 2).toBeLessThanOrEqual(968);
        expect(s.y + s.size / 2).toBeLessThanOrEqual(640);
      }
      for (let i = 0; i < count; i++) {
        for (let j = i + 1; j < count; j++) {
          const a = slots[i];
          const b = slots[j];
          const apart = Math.max(Math.abs(a.x - b.x), Math.abs(a.y - b.y));
          expect(apart).toBeGreaterThanOrEqual(a.size * 0.9);
        }
      }
    }
  });
  it('starts at the top-left and goes clockwise', () => {
    const { slots } = loopLayout(24, 1000, 700);
    expect(slots[1].x).toBeGreaterThan(slots[0].x);
    expect(slots[0].y).toBe(slots[1].y);
  });
});

describe('the middle of the board', () => {
  // Board areas (canvas size beside the HUD) on common projector and laptop screens.
  const AREAS: [number, number][] = [
    [935, 658],
    [1400, 1010],
    [755, 700],
    [700, 700],
    [1100, 700],
  ];
  const unitOf = (w: number, h: number) => Math.max(14, Math.min(w, h) / 22);
  const overlaps = (
    a: { l: number; r: number; t: number; b: number },
    b: { l: number; r: number; t: number; b: number },
  ) => a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b;

  it('keeps the deck, the dice and the roll button clear of every space, at every text size', () => {
    for (const [w, h] of AREAS) {
      const unit = unitOf(w, h);
      // The button at the three text sizes (A−/A+: ×1, ×1.25, ×1.5), as the page measures it.
      for (const scale of [1, 1.25, 1.5]) {
        // On a narrow board the page wraps the button's text (at most 60% of the board's width).
        const natural = defaultButton(unit);
        const wraps = natural.width * scale > 0.6 * w;
        const size = {
          width: Math.min(natural.width * scale, 0.6 * w),
          height: natural.height * scale * (wraps ? 2 : 1),
        };
        const need = middleRoom(unit, size);
        for (let count = 4; count <= 30; count++) {
          const where = `${count} spaces on ${w}×${h} at text ×${scale}`;
          const { slots, inner } = loopLayout(count, w, h, 12, need);
          expect(inner.height, where).toBeGreaterThanOrEqual(need.height - 1);
          expect(inner.width, where).toBeGreaterThanOrEqual(need.width - 1);
          const middle = middleLayout(inner, unit, size);
          const button = {
            l: middle.turn.x - size.width / 2,
            r: middle.turn.x + size.width / 2,
            t: middle.turn.y - size.height / 2,
            b: middle.turn.y + size.height / 2,
          };
          const group = {
            l: middle.deck.x - 2 * unit,
            r: middle.dice.x + 1.8 * unit,
            t: middle.deck.y - 2.3 * unit,
            // the label's second line
            b: middle.deck.y + 4.3 * unit,
          };
          for (const s of slots) {
            const space = {
              l: s.x - s.size / 2,
              r: s.x + s.size / 2,
              t: s.y - s.size / 2,
              b: s.y + s.size / 2,
            };
            expect(overlaps(button, space), `button over a space: ${where}`).toBe(false);
            expect(overlaps(group, space), `deck over a space: ${where}`).toBe(false);
          }
          expect(button.t, where).toBeGreaterThanOrEqual(group.b);
        }
      }
    }
  });

  it('shows the headline only where it fits above the deck', () => {
    const unit = 30;
    const tall = middleLayout({ x: 0, y: 0, width: 600, height: 500 }, unit);
    expect(tall.headline.visible).toBe(true);
    expect(tall.headline.y + unit).toBeLessThanOrEqual(tall.deck.y - 2.3 * unit);
    const short = middleLayout({ x: 0, y: 0, width: 600, height: 280 }, unit);
    expect(short.headline.visible).toBe(false);
    expect(short.deck.y - 2.2 * unit).toBeGreaterThanOrEqual(0);
    expect(short.turn.y + 1.1 * unit).toBeLessThanOrEqual(280 + 1);
  });

  it('without a board, centres the deck with the button under it', () => {
    const m = middleLayout({ x: 0, y: 0, width: 900, height: 600 }, 27);
    expect(m.turn.x).toBe(450);
    expect(m.turn.y).toBeGreaterThan(m.deck.y);
    expect(m.deck.x).toBeLessThan(450);
    expect(m.dice.x).toBeGreaterThan(450);
  });
});
