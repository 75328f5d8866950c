import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { RunningStats, tQuantile975, tCdf } from '../../engine/runner/stats.ts';

describe('runner/stats', () => {
  describe('RunningStats', () => {
    it('matches the two-pass mean and sample variance', () => {
      fc.assert(fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 200 }), (xs) => {
        const s = new RunningStats();
        xs.forEach((x) => s.add(x));
        const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
        const v = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
        expect(s.n).toBe(xs.length);
        expect(Math.abs(s.mean - mean)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(mean)) + 1e-6);
        expect(Math.abs(s.variance - v)).toBeLessThanOrEqual(1e-7 * (1 + v) + 1e-3);
      }));
    });

    it('gives an exact mean of 0 for values that cancel', () => {
      const s = new RunningStats();
      [1, 0, -1, 0.1, -0.1, 1e16, 1, -1e16, -1].forEach((x) => s.add(x));
      expect(s.mean).toBe(0);
    });

    it('skips NaN values and reports NaN spread below two values', () => {
      const s = new RunningStats();
      s.add(NaN); s.add(4);
      expect(s.n).toBe(1);
      expect(s.mean).toBe(4);
      expect(Number.isNaN(s.sd)).toBe(true);
      expect(Number.isNaN(s.halfWidth95)).toBe(true);
    });

    it('gives the 95% t half-width t(0.975, n-1) sd / sqrt(n)', () => {
      const s = new RunningStats();
      [1, 2, 3, 4].forEach((x) => s.add(x));
      // sd = sqrt(5/3); t(0.975, 3) = 3.182446
      expect(s.halfWidth95).toBeCloseTo((3.182446305 * Math.sqrt(5 / 3)) / 2, 6);
    });
  });

  describe('tQuantile975()', () => {
    it('matches published Student-t critical values', () => {
      // Standard tables (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.2).
      expect(tQuantile975(1)).toBeCloseTo(12.7062, 3);
      expect(tQuantile975(2)).toBeCloseTo(4.3027, 4);
      expect(tQuantile975(10)).toBeCloseTo(2.2281, 4);
      expect(tQuantile975(30)).toBeCloseTo(2.0423, 4);
      expect(tQuantile975(100)).toBeCloseTo(1.9840, 4);
      expect(tQuantile975(1e6)).toBeCloseTo(1.95996, 4);
    });

    it('is the inverse of the t distribution function', () => {
      for (const df of [1, 3, 7, 50, 999]) expect(tCdf(tQuantile975(df), df)).toBeCloseTo(0.975, 10);
    });
  });
});
