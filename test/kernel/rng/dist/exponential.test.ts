import { describe, it, expect } from 'vitest';
import { deriveStream } from '../../../../engine/kernel/rng/stream.ts';
import { exponential } from '../../../../engine/kernel/rng/dist/exponential.ts';
import { CountingStream, expectKsFits, expectMoments, sample } from './stat-helpers.ts';

describe('kernel/rng/dist/exponential', () => {
  it('has mean 1/rate and variance 1/rate² within 5 standard errors', () => {
    const s = deriveStream(42, 0, 'test-exponential');
    const rate = 0.25;
    expectMoments(sample(100_000, () => exponential(s, rate)), 1 / rate, 1 / rate ** 2, 6); // excess kurtosis 6
  });

  it('fits its cdf 1 - exp(-rate x) (Kolmogorov–Smirnov, α = 0.001)', () => {
    const s = deriveStream(43, 0, 'test-exponential');
    expectKsFits(sample(20_000, () => exponential(s, 3)), (x) => 1 - Math.exp(-3 * x));
  });

  it('draws exactly one number and returns finite non-negative values', () => {
    const s = new CountingStream(deriveStream(44, 0, 'test-exponential'));
    for (let i = 0; i < 10_000; i++) {
      const x = exponential(s, 1);
      expect(x >= 0 && Number.isFinite(x)).toBe(true);
    }
    expect(s.count).toBe(10_000);
  });

  it('rejects a non-positive rate', () => {
    const s = deriveStream(45, 0, 'test-exponential');
    for (const rate of [0, -1, NaN]) expect(() => exponential(s, rate)).toThrow(/rate/);
  });
});
