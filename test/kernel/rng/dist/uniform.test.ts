import { describe, it, expect } from 'vitest';
import { deriveStream } from '../../../../engine/kernel/rng/stream.ts';
import { uniform } from '../../../../engine/kernel/rng/dist/uniform.ts';
import { CountingStream, expectKsFits, expectMoments, sample } from './stat-helpers.ts';

describe('kernel/rng/dist/uniform', () => {
  it('has mean (lo+hi)/2 and variance (hi-lo)²/12 within 5 standard errors', () => {
    const s = deriveStream(1, 0, 'test-uniform');
    expectMoments(sample(100_000, () => uniform(s, 2, 5)), 3.5, 0.75, -1.2); // excess kurtosis of a uniform: -6/5
  });

  it('fits its cdf (Kolmogorov–Smirnov, α = 0.001)', () => {
    const s = deriveStream(2, 0, 'test-uniform');
    expectKsFits(sample(20_000, () => uniform(s, -1, 3)), (x) => (x + 1) / 4);
  });

  it('stays in [lo, hi) and draws exactly one number', () => {
    const s = new CountingStream(deriveStream(3, 0, 'test-uniform'));
    for (let i = 0; i < 10_000; i++) {
      const x = uniform(s, 10, 11);
      expect(x >= 10 && x < 11).toBe(true);
    }
    expect(s.count).toBe(10_000);
  });
});
