import { describe, it, expect } from 'vitest';
import { deriveStream } from '../../../../engine/kernel/rng/stream.ts';
import { binomial } from '../../../../engine/kernel/rng/dist/binomial.ts';
import { logGamma } from '../../../../engine/kernel/rng/dist/log-gamma.ts';
import { CountingStream, chiSquareDiscrete, expectChiSquareFits, expectMoments, sample } from './stat-helpers.ts';

const pmf = (n: number, p: number) => (k: number): number =>
  Math.exp(logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1) + k * Math.log(p) + (n - k) * Math.log1p(-p));

describe('kernel/rng/dist/binomial', () => {
  // Binomial(n, p): mean np, variance npq, excess kurtosis (1 - 6pq)/(npq). The rejection branch
  // (n·min(p, 1-p) >= 10) gets a million draws, enough to see a bias of a fraction of a percent.
  for (const [n, p] of [[20, 0.2], [200, 0.3], [200, 0.85], [1_000_000, 0.5], [5, 0.999]] as const) {
    it(`has mean np and variance np(1-p) within 5 standard errors (n = ${n}, p = ${p})`, () => {
      const s = deriveStream(40, 0, `test-binomial-${n}-${p}`);
      const v = n * p * (1 - p);
      const draws = n * Math.min(p, 1 - p) >= 10 ? 1_000_000 : 100_000;
      expectMoments(sample(draws, () => binomial(s, n, p)), n * p, v, (1 - 6 * p * (1 - p)) / v);
    });
  }

  for (const [n, p] of [[20, 0.2], [200, 0.3], [200, 0.85], [100, 0.95]] as const) {
    it(`fits the binomial pmf (chi-square, α = 0.001; n = ${n}, p = ${p})`, () => {
      const s = deriveStream(41, 0, `test-binomial-${n}-${p}`);
      const xs = sample(50_000, () => binomial(s, n, p));
      expectChiSquareFits(chiSquareDiscrete(xs, pmf(n, p), 0, n));
    });
  }

  it('returns 0 or n without drawing when p is 0 or 1 or n is 0', () => {
    const s = new CountingStream(deriveStream(42, 0, 'test-binomial'));
    expect(binomial(s, 10, 0)).toBe(0);
    expect(binomial(s, 10, 1)).toBe(10);
    expect(binomial(s, 0, 0.5)).toBe(0);
    expect(s.count).toBe(0);
  });

  it('draws exactly one number when n·min(p, 1-p) < 10', () => {
    const s = new CountingStream(deriveStream(43, 0, 'test-binomial'));
    for (let i = 0; i < 1000; i++) binomial(s, 30, 0.9);
    expect(s.count).toBe(1000);
  });

  it('rejects a non-integer or negative n and p outside [0, 1]', () => {
    const s = deriveStream(44, 0, 'test-binomial');
    expect(() => binomial(s, 2.5, 0.5)).toThrow(/n must/);
    expect(() => binomial(s, -1, 0.5)).toThrow(/n must/);
    expect(() => binomial(s, 10, 1.1)).toThrow(/p must/);
    expect(() => binomial(s, 10, NaN)).toThrow(/p must/);
  });
});
