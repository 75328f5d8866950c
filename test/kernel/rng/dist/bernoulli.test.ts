import { describe, it, expect } from 'vitest';
import { deriveStream } from '../../../../engine/kernel/rng/stream.ts';
import { bernoulli } from '../../../../engine/kernel/rng/dist/bernoulli.ts';
import { CountingStream, expectChiSquareFits, chiSquareDiscrete, expectMoments, sample } from './stat-helpers.ts';

describe('kernel/rng/dist/bernoulli', () => {
  const p = 0.3;

  it('has mean p and variance p(1-p) within 5 standard errors', () => {
    const s = deriveStream(1, 0, 'test-bernoulli');
    const xs = sample(100_000, () => (bernoulli(s, p) ? 1 : 0));
    expectMoments(xs, p, p * (1 - p), (1 - 6 * p * (1 - p)) / (p * (1 - p)));
  });

  it('fits its pmf (chi-square, α = 0.001)', () => {
    const s = deriveStream(2, 0, 'test-bernoulli');
    const xs = sample(20_000, () => (bernoulli(s, p) ? 1 : 0));
    expectChiSquareFits(chiSquareDiscrete(xs, (k) => (k === 1 ? p : 1 - p), 0, 1));
  });

  it('draws exactly one number whatever p and the outcome', () => {
    const s = new CountingStream(deriveStream(3, 0, 'test-bernoulli'));
    for (const q of [0, 1, 0.5, -1, 2, 1e-9]) bernoulli(s, q);
    expect(s.count).toBe(6);
  });

  it('is never true for p = 0 and always true for p = 1', () => {
    const s = deriveStream(4, 0, 'test-bernoulli');
    for (let i = 0; i < 10_000; i++) {
      expect(bernoulli(s, 0)).toBe(false);
      expect(bernoulli(s, 1)).toBe(true);
    }
  });
});
