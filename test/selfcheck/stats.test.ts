import { describe, it, expect } from 'vitest';
import { meanCi95, tQuantile975 } from '../../engine/selfcheck/stats.ts';

describe('selfcheck/stats', () => {
  describe('tQuantile975()', () => {
    it('falls with the degrees of freedom towards the normal 1.96', () => {
      let last = Infinity;
      for (let df = 1; df <= 500; df++) {
        const t = tQuantile975(df);
        expect(t).toBeLessThan(last);
        expect(t).toBeGreaterThan(1.959963984540054);
        last = t;
      }
      expect(tQuantile975(100_000)).toBeCloseTo(1.959963984540054, 4);
    });

    it('joins the table and the expansion smoothly at 30 degrees of freedom', () => {
      // consecutive differences near df = 30 are about 0.003; a seam would show as a jump or a rise
      const d1 = tQuantile975(29) - tQuantile975(30);
      const d2 = tQuantile975(30) - tQuantile975(31);
      const d3 = tQuantile975(31) - tQuantile975(32);
      expect(d2).toBeLessThan(d1);
      expect(d3).toBeLessThan(d2);
      expect(d2).toBeGreaterThan(d3 * 0.9);
    });

    it('rejects a non-positive or fractional df', () => {
      expect(() => tQuantile975(0)).toThrow(/df/);
      expect(() => tQuantile975(2.5)).toThrow(/df/);
    });
  });

  describe('meanCi95()', () => {
    it('is the mean plus or minus t · s/√n', () => {
      const xs = [1, 2, 3, 4, 10];
      const mean = 4;
      const s = Math.sqrt((9 + 4 + 1 + 0 + 36) / 4);
      const r = meanCi95(xs);
      expect(r.mean).toBe(mean);
      expect(r.halfWidth).toBeCloseTo(tQuantile975(4) * (s / Math.sqrt(5)), 12);
      expect(r.ci[0]).toBeCloseTo(mean - r.halfWidth, 12);
      expect(r.ci[1]).toBeCloseTo(mean + r.halfWidth, 12);
    });

    it('needs at least two values', () => {
      expect(() => meanCi95([1])).toThrow(/at least 2/);
    });
  });
});
