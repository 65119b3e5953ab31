import { describe, expect, it } from 'vitest';
import { loopLayout, path } from './layout';

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
  it('walks a token forward around the loop', () => {
    expect(path(22, 2, 24)).toEqual([23, 0, 1, 2]);
    expect(path(3, 3, 24)).toEqual([]);
  });
});
