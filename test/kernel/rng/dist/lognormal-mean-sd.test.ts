import { describe, it, expect } from 'vitest';
import { deriveStream } from '../../../../engine/kernel/rng/stream.ts';
import { lognormalMeanSd } from '../../../../engine/kernel/rng/dist/lognormal-mean-sd.ts';
import { CountingStream, expectKsFits, expectMoments, normalCdf, sample } from './stat-helpers.ts';

describe('kernel/rng/dist/lognormal-mean-sd', () => {
  it('has the given mean and sd within 5 standard errors', () => {
    const s = deriveStream(1, 0, 'test-lognormal-mean-sd');
    const mean = 20;
    const sd = 8;
    const w = 1 + (sd / mean) ** 2; // exp(sigma²)
    expectMoments(sample(100_000, () => lognormalMeanSd(s, mean, sd)), mean, sd * sd, w ** 4 + 2 * w ** 3 + 3 * w ** 2 - 6);
  });

  it('fits the lognormal cdf with sigma² = ln(1 + cv²), mu = ln(mean) - sigma²/2 (Kolmogorov–Smirnov, α = 0.001)', () => {
    const s = deriveStream(2, 0, 'test-lognormal-mean-sd');
    const sigma2 = Math.log(1 + 0.25);
    const mu = Math.log(10) - sigma2 / 2;
    expectKsFits(sample(20_000, () => lognormalMeanSd(s, 10, 5)), (x) => normalCdf((Math.log(x) - mu) / Math.sqrt(sigma2)));
  });

  it('returns the mean for sd 0 and still draws exactly two numbers', () => {
    const s = new CountingStream(deriveStream(3, 0, 'test-lognormal-mean-sd'));
    expect(lognormalMeanSd(s, 7, 0)).toBeCloseTo(7, 12);
    lognormalMeanSd(s, 7, 3);
    expect(s.count).toBe(4);
  });

  it('rejects a non-positive mean or negative sd', () => {
    const s = deriveStream(4, 0, 'test-lognormal-mean-sd');
    expect(() => lognormalMeanSd(s, 0, 1)).toThrow(/mean/);
    expect(() => lognormalMeanSd(s, 1, -1)).toThrow(/sd/);
  });
});
