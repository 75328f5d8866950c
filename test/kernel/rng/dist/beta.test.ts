import { describe, it, expect } from 'vitest';
import { deriveStream } from '../../../../engine/kernel/rng/stream.ts';
import { beta } from '../../../../engine/kernel/rng/dist/beta.ts';
import { expectKsFits, expectMoments, sample } from './stat-helpers.ts';

/** Mean, variance and excess kurtosis of Beta(a, b). */
function betaMoments(a: number, b: number): [number, number, number] {
  const s = a + b;
  const kurtosis = (6 * ((a - b) ** 2 * (s + 1) - a * b * (s + 2))) / (a * b * (s + 2) * (s + 3));
  return [a / s, (a * b) / (s * s * (s + 1)), kurtosis];
}

describe('kernel/rng/dist/beta', () => {
  for (const [a, b] of [[2, 2], [0.5, 0.5], [3, 1], [2.5, 7]] as const) {
    it(`has mean a/(a+b) and variance ab/((a+b)²(a+b+1)) within 5 standard errors (a = ${a}, b = ${b})`, () => {
      const s = deriveStream(20, 0, `test-beta-${a}-${b}`);
      const [mean, variance, kurtosis] = betaMoments(a, b);
      expectMoments(sample(100_000, () => beta(s, a, b)), mean, variance, kurtosis);
    });
  }

  it('fits closed-form cdfs for (2, 2), (1/2, 1/2) and (3, 1) (Kolmogorov–Smirnov, α = 0.001)', () => {
    const s = deriveStream(21, 0, 'test-beta');
    expectKsFits(sample(20_000, () => beta(s, 2, 2)), (x) => 3 * x * x - 2 * x ** 3);
    expectKsFits(sample(20_000, () => beta(s, 0.5, 0.5)), (x) => (2 / Math.PI) * Math.asin(Math.sqrt(x)));
    expectKsFits(sample(20_000, () => beta(s, 3, 1)), (x) => x ** 3);
  });

  it('stays in [0, 1] without NaN for very small shapes', () => {
    const s = deriveStream(22, 0, 'test-beta');
    for (let i = 0; i < 10_000; i++) {
      const x = beta(s, 0.02, 0.05);
      expect(x >= 0 && x <= 1).toBe(true);
    }
  });

  it('rejects non-positive shapes', () => {
    const s = deriveStream(23, 0, 'test-beta');
    expect(() => beta(s, 0, 1)).toThrow(/shape/);
    expect(() => beta(s, 1, -1)).toThrow(/shape/);
  });
});
