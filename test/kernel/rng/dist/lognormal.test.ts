import { describe, it, expect } from 'vitest';
import { deriveStream } from '../../../../engine/kernel/rng/stream.ts';
import { lognormal } from '../../../../engine/kernel/rng/dist/lognormal.ts';
import { CountingStream, expectKsFits, expectMoments, normalCdf, sample } from './stat-helpers.ts';

describe('kernel/rng/dist/lognormal', () => {
  it('has mean exp(mu + sigma²/2) and variance (exp(sigma²) - 1) exp(2mu + sigma²) within 5 standard errors', () => {
    const s = deriveStream(1, 0, 'test-lognormal');
    const mu = 0.5;
    const sigma = 0.4;
    const w = Math.exp(sigma * sigma);
    const mean = Math.exp(mu + (sigma * sigma) / 2);
    const variance = (w - 1) * Math.exp(2 * mu + sigma * sigma);
    const kurtosis = w ** 4 + 2 * w ** 3 + 3 * w ** 2 - 6;
    expectMoments(sample(100_000, () => lognormal(s, mu, sigma)), mean, variance, kurtosis);
  });

  it('fits its cdf Φ((ln x - mu)/sigma) (Kolmogorov–Smirnov, α = 0.001)', () => {
    const s = deriveStream(2, 0, 'test-lognormal');
    expectKsFits(sample(20_000, () => lognormal(s, 1, 0.8)), (x) => normalCdf((Math.log(x) - 1) / 0.8));
  });

  it('draws exactly two numbers', () => {
    const s = new CountingStream(deriveStream(3, 0, 'test-lognormal'));
    lognormal(s, 0, 1);
    expect(s.count).toBe(2);
  });

  it('rejects a negative sigma', () => {
    expect(() => lognormal(deriveStream(4, 0, 'test-lognormal'), 0, -0.1)).toThrow(/sigma/);
  });
});
