import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { QuantileSketch } from '../../engine/runner/quantile-sketch.ts';

const PS = [0, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 1];

/** Exact p-quantile by the same definition: the value of 1-based rank ceil(p n) in sorted order. */
function exactQuantile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1];
}

describe('runner/quantile-sketch', () => {
  it('is exact while fewer than k values were added', () => {
    fc.assert(fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 63 }), (xs) => {
      const s = new QuantileSketch(64);
      xs.forEach((x) => s.add(x));
      const sorted = [...xs].sort((a, b) => a - b);
      expect(s.rankErrorBound).toBe(0);
      for (const p of PS) expect(Object.is(s.quantile(p), exactQuantile(sorted, p)) || s.quantile(p) === exactQuantile(sorted, p)).toBe(true);
    }));
  });

  it('keeps the true rank of every answer within its tracked rank-error bound', () => {
    // For an answer x and target rank t = ceil(p n): #(values < x) < t + bound and #(values <= x) >= t - bound.
    fc.assert(fc.property(
      fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 3000 }),
      fc.constantFrom(8, 16, 32),
      (xs, k) => {
        const s = new QuantileSketch(k);
        xs.forEach((x) => s.add(x));
        for (const p of PS) {
          const x = s.quantile(p);
          const t = Math.max(1, Math.ceil(p * xs.length));
          const below = xs.filter((v) => v < x).length;
          const atOrBelow = xs.filter((v) => v <= x).length;
          expect(below).toBeLessThan(t + s.rankErrorBound);
          expect(atOrBelow).toBeGreaterThanOrEqual(t - s.rankErrorBound);
        }
      },
    ), { numRuns: 60 });
  });

  it('has a rank-error bound of at most n (floor(log2(n/k)) + 1) / k and retains at most k values per level', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 50_000 }), fc.constantFrom(16, 64, 256), (n, k) => {
      const s = new QuantileSketch(k);
      for (let i = 0; i < n; i++) s.add((i * 7919) % 10007);
      const levels = n < k ? 0 : Math.floor(Math.log2(n / k)) + 1; // levels that ever compact
      expect(s.rankErrorBound).toBeLessThanOrEqual((n * levels) / k);
      expect(s.retained).toBeLessThanOrEqual(k * (levels + 1));
      expect(s.n).toBe(n);
    }), { numRuns: 30 });
  });

  it('gives the same answers for the same values in the same order', () => {
    const a = new QuantileSketch(32);
    const b = new QuantileSketch(32);
    for (let i = 0; i < 5000; i++) { const x = Math.sin(i) * 100; a.add(x); b.add(x); }
    expect(a.quantiles(PS)).toEqual(b.quantiles(PS));
  });

  it('gives the same answers whether or not it was queried while values were being added', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 400 }),
      fc.array(fc.nat(), { maxLength: 8 }),
      (xs, queryAt) => {
        const quiet = new QuantileSketch(16);
        const queried = new QuantileSketch(16);
        const at = new Set(queryAt.map((q) => q % xs.length));
        xs.forEach((x, i) => {
          quiet.add(x);
          queried.add(x);
          if (at.has(i)) queried.quantiles([0.1, 0.5]);
        });
        expect(queried.quantiles(PS)).toEqual(quiet.quantiles(PS));
        expect(queried.rankErrorBound).toBe(quiet.rankErrorBound);
      },
    ), { numRuns: 100 });
  });

  it('gives the same answers whatever the initial size hint', () => {
    const small = new QuantileSketch(64);
    const hinted = new QuantileSketch(64, 1000);
    for (let i = 0; i < 3000; i++) { const x = Math.cos(i * 1.7) * 10; small.add(x); hinted.add(x); }
    expect(hinted.quantiles(PS)).toEqual(small.quantiles(PS));
  });

  it('skips non-finite values and answers NaN when empty', () => {
    const s = new QuantileSketch(16);
    expect(Number.isNaN(s.quantile(0.5))).toBe(true);
    s.add(NaN); s.add(Infinity); s.add(3);
    expect(s.n).toBe(1);
    expect(s.quantile(0.5)).toBe(3);
  });
});
