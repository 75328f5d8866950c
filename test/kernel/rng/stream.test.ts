import { describe, it, expect } from 'vitest';
import { deriveStream, GENERATOR, Xoshiro128StarStar } from '../../../engine/kernel/rng/stream.ts';
import type { Stream } from '../../../engine/kernel/rng/stream.ts';
import { chiSquareDiscrete, expectChiSquareFits } from './dist/stat-helpers.ts';

const draws = (s: Stream, n: number): number[] => Array.from({ length: n }, () => s.nextUint32());

/** Pearson correlation of the first n next() values of two streams. */
function correlation(a: Stream, b: Stream, n: number): number {
  let sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
  for (let i = 0; i < n; i++) {
    const x = a.next();
    const y = b.next();
    sa += x; sb += y; saa += x * x; sbb += y * y; sab += x * y;
  }
  const cov = sab / n - (sa / n) * (sb / n);
  return cov / Math.sqrt((saa / n - (sa / n) ** 2) * (sbb / n - (sb / n) ** 2));
}

describe('kernel/rng/stream', () => {
  describe('Xoshiro128StarStar', () => {
    it('matches the reference C implementation (known answers)', () => {
      // outputs of Blackman and Vigna's xoshiro128starstar.c from these states, compiled with gcc
      expect(draws(new Xoshiro128StarStar(1, 2, 3, 4), 6)).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
      expect(draws(new Xoshiro128StarStar(0x9e3779b9, 0xdeadbeef, 0x80000000, 0xffffffff), 4)).toEqual([
        1162347276, 2592412265, 4030867362, 4117157294,
      ]);
    });

    it('gives the same step through nextInt32 (signed), nextUint32 and next', () => {
      const [a, b, c] = [0, 1, 2].map(() => deriveStream(7, 3, 'same-step'));
      let negative = 0;
      for (let i = 0; i < 1000; i++) {
        const bits = a.nextInt32();
        if (bits < 0) negative++;
        expect(bits).toBe(bits | 0);
        expect(bits >>> 0).toBe(b.nextUint32());
        expect((bits >>> 0) / 2 ** 32).toBe(c.next());
      }
      expect(negative).toBeGreaterThan(400); // about half the steps have the top bit set
    });

    it('rejects the all-zero state', () => {
      expect(() => new Xoshiro128StarStar(0, 0, 0, 0)).toThrow(/zero/);
    });
  });

  describe('deriveStream()', () => {
    it('gives the same draws for the same (seed, replicate, purpose)', () => {
      expect(draws(deriveStream(7, 3, 'arrivals'), 100)).toEqual(draws(deriveStream(7, 3, 'arrivals'), 100));
    });

    it('gives known draws for a fixed tuple (a change here is a results change)', () => {
      expect(draws(deriveStream(42, 0, 'arrivals'), 4)).toEqual([2328575354, 2932855848, 842369191, 3020664395]);
      expect(deriveStream(42, 0, 'arrivals').next()).toBe(2328575354 / 2 ** 32);
    });

    it('does not shift an existing stream when another purpose is added and used', () => {
      const before = draws(deriveStream(9, 1, 'service'), 50);
      const added = deriveStream(9, 1, 'a-new-purpose');
      const again = deriveStream(9, 1, 'service');
      const interleaved: number[] = [];
      for (let i = 0; i < 50; i++) {
        added.nextUint32();
        interleaved.push(again.nextUint32());
      }
      expect(interleaved).toEqual(before);
    });

    it('gives different streams for neighbouring seeds, replicates and purposes', () => {
      const first = (s: Stream): string => draws(s, 4).join(',');
      const keys = new Set([
        first(deriveStream(1, 0, 'p')),
        first(deriveStream(2, 0, 'p')),
        first(deriveStream(1, 1, 'p')),
        first(deriveStream(1, 0, 'q')),
        first(deriveStream(0, 1, 'p')),
        first(deriveStream(10, 0, 'p')),
      ]);
      expect(keys.size).toBe(6);
    });

    it('gives uncorrelated streams for different purposes, replicates and seeds', () => {
      // under independence the sample correlation of n pairs is about N(0, 1/n): 5/√n bounds it
      const n = 100_000;
      const bound = 5 / Math.sqrt(n);
      expect(Math.abs(correlation(deriveStream(5, 0, 'arrivals'), deriveStream(5, 0, 'service'), n))).toBeLessThan(bound);
      expect(Math.abs(correlation(deriveStream(5, 0, 'arrivals'), deriveStream(5, 1, 'arrivals'), n))).toBeLessThan(bound);
      expect(Math.abs(correlation(deriveStream(5, 0, 'arrivals'), deriveStream(6, 0, 'arrivals'), n))).toBeLessThan(bound);
    });

    it('gives next() values in [0, 1) spread evenly over 100 bins (chi-square, α = 0.001)', () => {
      const s = deriveStream(8, 0, 'uniformity');
      const bins = new Float64Array(100_000);
      let outside = 0;
      for (let i = 0; i < bins.length; i++) {
        const u = s.next();
        if (!(u >= 0 && u < 1)) outside++;
        bins[i] = Math.floor(u * 100);
      }
      expect(outside).toBe(0);
      expectChiSquareFits(chiSquareDiscrete(bins, () => 0.01, 0, 99));
    });

    it('rejects a non-integer seed, a negative replicate and an empty purpose', () => {
      expect(() => deriveStream(1.5, 0, 'p')).toThrow(/rootSeed/);
      expect(() => deriveStream(1, -1, 'p')).toThrow(/replicate/);
      expect(() => deriveStream(1, 0, '')).toThrow(/purpose/);
    });
  });

  describe('GENERATOR', () => {
    it('names the algorithm, its version and how it is seeded', () => {
      expect(GENERATOR.name).toMatch(/xoshiro128\*\*/);
      expect(GENERATOR.version).toBe(1);
      expect(GENERATOR.seeding).toMatch(/seedrandom/);
    });
  });
});
