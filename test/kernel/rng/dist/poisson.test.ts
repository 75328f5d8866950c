import { describe, it, expect } from 'vitest';
import { deriveStream } from '../../../../engine/kernel/rng/stream.ts';
import { poisson } from '../../../../engine/kernel/rng/dist/poisson.ts';
import { logGamma } from '../../../../engine/kernel/rng/dist/log-gamma.ts';
import { CountingStream, chiSquareDiscrete, expectChiSquareFits, expectMoments, sample } from './stat-helpers.ts';

const pmf = (mean: number) => (k: number): number => Math.exp(k * Math.log(mean) - mean - logGamma(k + 1));

describe('kernel/rng/dist/poisson', () => {
  // Poisson(λ): mean λ, variance λ, excess kurtosis 1/λ. The rejection branch (λ >= 10) gets a million
  // draws: a wrong constant in its hat or squeeze biases the mean by a fraction of a percent, which is
  // about 10 standard errors at this size (and only 3 at 100 000).
  for (const mean of [0.3, 3.5, 9.99, 10, 40, 1e5]) {
    it(`has mean and variance λ within 5 standard errors (λ = ${mean})`, () => {
      const s = deriveStream(30, 0, `test-poisson-${mean}`);
      const n = mean >= 10 ? 1_000_000 : 100_000;
      expectMoments(sample(n, () => poisson(s, mean)), mean, mean, 1 / mean);
    });
  }

  for (const mean of [3.5, 40, 500]) {
    it(`fits the Poisson pmf (chi-square, α = 0.001; λ = ${mean}, ${mean < 10 ? 'inversion' : 'PTRS'})`, () => {
      const s = deriveStream(31, 0, `test-poisson-${mean}`);
      const xs = sample(50_000, () => poisson(s, mean));
      expectChiSquareFits(chiSquareDiscrete(xs, pmf(mean), 0, Math.ceil(mean + 30 * Math.sqrt(mean) + 30)));
    });
  }

  it('draws exactly one number for means below 10 and returns 0 for mean 0', () => {
    const s = new CountingStream(deriveStream(32, 0, 'test-poisson'));
    for (let i = 0; i < 1000; i++) expect(poisson(s, 0)).toBe(0);
    for (let i = 0; i < 1000; i++) poisson(s, 9.5);
    expect(s.count).toBe(2000);
  });

  it('rejects a negative, infinite or NaN mean', () => {
    const s = deriveStream(33, 0, 'test-poisson');
    for (const mean of [-1, Infinity, NaN]) expect(() => poisson(s, mean)).toThrow(/mean/);
  });
});
