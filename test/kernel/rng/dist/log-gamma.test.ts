import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { logGamma } from '../../../../engine/kernel/rng/dist/log-gamma.ts';

describe('kernel/rng/dist/log-gamma', () => {
  it('matches known values', () => {
    expect(logGamma(1)).toBe(0);
    expect(logGamma(2)).toBe(0);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 12);
    let lf = 0;
    for (let k = 2; k <= 170; k++) lf += Math.log(k);
    expect(Math.abs(logGamma(171) - lf) / lf).toBeLessThan(1e-14);
  });

  it('satisfies ln Γ(x + 1) = ln Γ(x) + ln x', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 1e4, noNaN: true }), (x) => {
        expect(Math.abs(logGamma(x + 1) - logGamma(x) - Math.log(x))).toBeLessThan(1e-11 * Math.max(1, Math.abs(logGamma(x + 1))));
      }),
      { seed: 3 },
    );
  });
});
