import { describe, it, expect } from 'vitest';
import { deriveStream } from '../../../../engine/kernel/rng/stream.ts';
import { gamma } from '../../../../engine/kernel/rng/dist/gamma.ts';
import { erf, expectKsFits, expectMoments, sample } from './stat-helpers.ts';

describe('kernel/rng/dist/gamma', () => {
  // Gamma(k, θ): mean kθ, variance kθ², excess kurtosis 6/k
  for (const [k, theta] of [[3, 2], [2.7, 0.5], [0.5, 2], [0.1, 10]] as const) {
    it(`has mean kθ and variance kθ² within 5 standard errors (k = ${k}, θ = ${theta})`, () => {
      const s = deriveStream(10, 0, `test-gamma-${k}`);
      expectMoments(sample(100_000, () => gamma(s, k, theta)), k * theta, k * theta * theta, 6 / k);
    });
  }

  it('fits the Erlang cdf for an integer shape (Marsaglia–Tsang branch; Kolmogorov–Smirnov, α = 0.001)', () => {
    const s = deriveStream(11, 0, 'test-gamma');
    // Gamma(3, 2): P(X <= x) = 1 - e^-y (1 + y + y²/2), y = x/2
    expectKsFits(sample(20_000, () => gamma(s, 3, 2)), (x) => {
      const y = x / 2;
      return 1 - Math.exp(-y) * (1 + y + (y * y) / 2);
    });
  });

  it('fits the chi-square(1) cdf for shape 1/2 (shape < 1 branch; Kolmogorov–Smirnov, α = 0.001)', () => {
    const s = deriveStream(12, 0, 'test-gamma');
    // Gamma(1/2, 2) is chi-square with 1 df, the square of a standard normal: P(X <= x) = erf(√(x/2))
    expectKsFits(sample(20_000, () => gamma(s, 0.5, 2)), (x) => erf(Math.sqrt(x / 2)));
  });

  it('returns finite non-negative values for very small shapes', () => {
    const s = deriveStream(13, 0, 'test-gamma');
    for (let i = 0; i < 10_000; i++) {
      const x = gamma(s, 0.01, 1);
      expect(x >= 0 && Number.isFinite(x)).toBe(true);
    }
  });

  it('rejects non-positive shape or scale', () => {
    const s = deriveStream(14, 0, 'test-gamma');
    expect(() => gamma(s, 0, 1)).toThrow(/shape/);
    expect(() => gamma(s, Infinity, 1)).toThrow(/shape/);
    expect(() => gamma(s, 1, -2)).toThrow(/scale/);
  });
});
