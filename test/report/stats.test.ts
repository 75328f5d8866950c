import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { boxStats, quantileSorted } from '../../engine/report/stats.ts';

describe('report/stats', () => {
  describe('quantileSorted()', () => {
    it('interpolates between order statistics (type 7)', () => {
      expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
      expect(quantileSorted([10, 20], 0.25)).toBe(12.5);
      expect(quantileSorted([], 0.5)).toBeNaN();
    });

    it('stays between the minimum and the maximum and rises with p', () => {
      fc.assert(
        fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }), fc.double({ min: 0, max: 1, noNaN: true }), (xs, p) => {
          const s = [...xs].sort((a, b) => a - b);
          const q = quantileSorted(s, p);
          return q >= s[0] && q <= s[s.length - 1] && quantileSorted(s, Math.min(1, p + 0.1)) >= q - 1e-9 * Math.abs(q);
        }),
      );
    });
  });

  describe('boxStats()', () => {
    it('orders the quantiles and ignores values that are not finite', () => {
      const b = boxStats([5, 1, Number.NaN, 3, 2, 4, Number.POSITIVE_INFINITY]);
      expect(b).not.toBeNull();
      expect(b?.n).toBe(5);
      expect(b?.mean).toBe(3);
      expect(b?.p50).toBe(3);
      expect([b?.p05, b?.p25, b?.p50, b?.p75, b?.p95]).toEqual([1.2, 2, 3, 4, 4.8]);
      expect(boxStats([Number.NaN])).toBeNull();
    });
  });
});
