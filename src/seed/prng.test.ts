import { describe, expect, it } from 'vitest';
import { createPrng, weightedPicker } from './prng.js';

describe('prng', () => {
  describe(createPrng.name, () => {
    it('gives the same stream for the same seed', () => {
      const a = createPrng(42);
      const b = createPrng(42);
      const first = Array.from({ length: 100 }, () => a.uint32());
      expect(Array.from({ length: 100 }, () => b.uint32())).toEqual(first);
    });

    it('gives different streams for nearby seeds and for different stream numbers', () => {
      const head = (seed: number, stream?: number) => {
        const random = createPrng(seed, stream);
        return Array.from({ length: 8 }, () => random.uint32());
      };
      expect(head(1)).not.toEqual(head(2));
      expect(head(1)).not.toEqual(head(1, 1));
      expect(head(2 ** 40)).not.toEqual(head(0));
    });

    it('keeps next() in [0, 1) with a mean near 1/2', () => {
      const random = createPrng(7);
      let sum = 0;
      let outside = 0;
      for (let i = 0; i < 100_000; i += 1) {
        const x = random.next();
        if (!(x >= 0 && x < 1)) outside += 1;
        sum += x;
      }
      expect(outside).toBe(0);
      expect(sum / 100_000).toBeCloseTo(0.5, 2);
    });

    it('draws int(min, max) inclusively and uniformly', () => {
      const random = createPrng(3);
      const counts = new Map<number, number>();
      for (let i = 0; i < 60_000; i += 1) {
        const n = random.int(1, 6);
        counts.set(n, (counts.get(n) ?? 0) + 1);
      }
      expect([...counts.keys()].sort()).toEqual([1, 2, 3, 4, 5, 6]);
      for (const c of counts.values()) expect(c).toBeGreaterThan(9_000);
    });

    it('picks every element and honours chance(p)', () => {
      const random = createPrng(5);
      const seen = new Set<string>();
      for (let i = 0; i < 1000; i += 1) seen.add(random.pick(['a', 'b', 'c']));
      expect(seen.size).toBe(3);
      let hits = 0;
      for (let i = 0; i < 100_000; i += 1) if (random.chance(0.1)) hits += 1;
      expect(hits / 100_000).toBeCloseTo(0.1, 2);
      expect(() => random.pick([])).toThrow(RangeError);
    });
  });

  describe(weightedPicker.name, () => {
    it('draws in proportion to the weights and never draws a zero weight', () => {
      const pick = weightedPicker([['a', 1], ['never', 0], ['b', 3]]);
      const random = createPrng(11);
      const counts: Record<string, number> = { a: 0, b: 0, never: 0 };
      for (let i = 0; i < 40_000; i += 1) {
        const value = pick(random);
        counts[value] = (counts[value] ?? 0) + 1;
      }
      expect(counts.never).toBe(0);
      expect((counts.b ?? 0) / (counts.a ?? 1)).toBeGreaterThan(2.7);
      expect((counts.b ?? 0) / (counts.a ?? 1)).toBeLessThan(3.3);
    });

    it('rejects empty tables and negative weights', () => {
      expect(() => weightedPicker([])).toThrow(RangeError);
      expect(() => weightedPicker([['a', -1]])).toThrow(RangeError);
      expect(() => weightedPicker([['a', 0]])).toThrow(RangeError);
    });
  });
});
