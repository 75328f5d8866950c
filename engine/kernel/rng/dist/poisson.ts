import type { Stream } from '../stream.ts';
import { logGamma } from './log-gamma.ts';

/** Means below this use inversion; from it up, PTRS. */
const PTRS_FROM_MEAN = 10;

/**
 * A Poisson variate with the given mean, exact for any mean.
 *
 * mean < 10: inversion by sequential search from one uniform (draws exactly one number).
 * mean >= 10: Hörmann's (1993) transformed rejection with squeeze, PTRS (draws two numbers per try,
 * a variable count; acceptance is about 90% or more).
 *
 * @param mean >= 0 and finite
 */
export function poisson(s: Stream, mean: number): number {
  if (!(mean >= 0) || mean === Infinity) throw new RangeError(`poisson: mean must be finite and >= 0, got ${mean}`);
  if (mean < PTRS_FROM_MEAN) {
    const u = s.next();
    let k = 0;
    let p = Math.exp(-mean);
    let cdf = p;
    while (u >= cdf && p > 0) {
      k++;
      p *= mean / k;
      cdf += p;
    }
    return k;
  }
  const slam = Math.sqrt(mean);
  const logLam = Math.log(mean);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const logInvAlpha = Math.log(1.1239 + 1.1328 / (b - 3.4));
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = s.next() - 0.5;
    const v = s.next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + logInvAlpha - Math.log(a / (us * us) + b) <= -mean + k * logLam - logGamma(k + 1)) return k;
  }
}
