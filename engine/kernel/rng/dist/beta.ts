import type { Stream } from '../stream.ts';
import { logStandardGamma } from './gamma.ts';

/**
 * A beta(a, b) variate in [0, 1] as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b), computed from
 * ln X and ln Y so that small shapes (< 1) do not underflow to 0 / 0.
 *
 * Draws a variable count of numbers: two gamma variates (see `gamma`), about 6.2 for a, b >= 1.
 *
 * @param a > 0
 * @param b > 0
 */
export function beta(s: Stream, a: number, b: number): number {
  const lx = logStandardGamma(s, a);
  const ly = logStandardGamma(s, b);
  return 1 / (1 + Math.exp(ly - lx));
}
