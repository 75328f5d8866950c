import { describe, it, expect } from 'vitest';
import { deriveStream } from '../../../../engine/kernel/rng/stream.ts';
import { normal, standardNormal } from '../../../../engine/kernel/rng/dist/normal.ts';
import { CountingStream, expectKsFits, expectMoments, normalCdf, sample } from './stat-helpers.ts';

describe('kernel/rng/dist/normal', () => {
  it('has the given mean and variance within 5 standard errors', () => {
    const s = deriveStream(1, 0, 'test-normal');
    expectMoments(sample(100_000, () => normal(s, 10, 2)), 10, 4, 0);
  });

  it('fits the normal cdf (Kolmogorov–Smirnov, α = 0.001)', () => {
    const s = deriveStream(2, 0, 'test-normal');
    expectKsFits(sample(20_000, () => normal(s, -3, 0.5)), (x) => normalCdf((x + 3) / 0.5));
  });

  it('draws exactly two numbers', () => {
    const s = new CountingStream(deriveStream(3, 0, 'test-normal'));
    standardNormal(s);
    normal(s, 0, 1);
    expect(s.count).toBe(4);
  });

  it('returns the mean when sd is 0 and rejects a negative sd', () => {
    const s = deriveStream(4, 0, 'test-normal');
    expect(normal(s, 5, 0)).toBe(5);
    expect(() => normal(s, 0, -1)).toThrow(/sd/);
  });
});
