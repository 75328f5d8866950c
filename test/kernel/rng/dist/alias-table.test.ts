import { describe, it, expect } from 'vitest';
import { deriveStream } from '../../../../engine/kernel/rng/stream.ts';
import { AliasTable } from '../../../../engine/kernel/rng/dist/alias-table.ts';
import { CountingStream, chiSquareDiscrete, expectChiSquareFits, expectMoments, sample } from './stat-helpers.ts';

describe('kernel/rng/dist/alias-table', () => {
  const weights = [1, 0, 3, 6, 0.5, 2.5];
  const total = weights.reduce((a, b) => a + b, 0);

  it('samples each index with probability proportional to its weight (chi-square, α = 0.001)', () => {
    const table = new AliasTable(weights);
    const s = deriveStream(50, 0, 'test-alias');
    const xs = sample(50_000, () => table.sample(s));
    // the zero-weight index is pooled with its neighbour by the helper; it is also checked below
    expectChiSquareFits(chiSquareDiscrete(xs, (k) => weights[k] / total, 0, weights.length - 1));
  });

  it('gives the index the mean and variance of the weights within 5 standard errors', () => {
    const p = weights.map((w) => w / total);
    const mean = p.reduce((a, pk, k) => a + k * pk, 0);
    const variance = p.reduce((a, pk, k) => a + (k - mean) ** 2 * pk, 0);
    const m4 = p.reduce((a, pk, k) => a + (k - mean) ** 4 * pk, 0);
    const table = new AliasTable(weights);
    const s = deriveStream(53, 0, 'test-alias');
    expectMoments(sample(100_000, () => table.sample(s)), mean, variance, m4 / variance ** 2 - 3);
  });

  it('never samples a zero-weight index and draws exactly two numbers', () => {
    const table = new AliasTable(weights);
    const s = new CountingStream(deriveStream(51, 0, 'test-alias'));
    let zeroWeightDrawn = 0;
    for (let i = 0; i < 20_000; i++) if (table.sample(s) === 1) zeroWeightDrawn++;
    expect(zeroWeightDrawn).toBe(0);
    expect(s.count).toBe(40_000);
  });

  it('handles a single category and many equal weights', () => {
    const s = deriveStream(52, 0, 'test-alias');
    expect(new AliasTable([5]).sample(s)).toBe(0);
    const flat = new AliasTable(new Float64Array(1000).fill(1));
    for (let i = 0; i < 1000; i++) {
      const k = flat.sample(s);
      expect(k >= 0 && k < 1000).toBe(true);
    }
  });

  it('rejects empty, negative, infinite or all-zero weights', () => {
    expect(() => new AliasTable([])).toThrow(/empty/);
    expect(() => new AliasTable([1, -1])).toThrow(/weight 1/);
    expect(() => new AliasTable([1, Infinity])).toThrow(/weight 1/);
    expect(() => new AliasTable([0, 0])).toThrow(/positive/);
  });
});
