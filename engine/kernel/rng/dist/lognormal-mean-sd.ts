import type { Stream } from '../stream.ts';
import { standardNormal } from './normal.ts';

/**
 * A lognormal variate parameterised by its own mean and standard deviation (not the underlying normal's).
 *
 * sigma² = ln(1 + sd² / mean²), mu = ln(mean) - sigma² / 2. Draws exactly two numbers whatever the
 * arguments (also when sd = 0, which returns `mean`), so streams stay in step.
 *
 * @param mean > 0
 * @param sd >= 0
 */
export function lognormalMeanSd(s: Stream, mean: number, sd: number): number {
  if (!(mean > 0)) throw new RangeError(`lognormalMeanSd: mean must be > 0, got ${mean}`);
  if (!(sd >= 0)) throw new RangeError(`lognormalMeanSd: sd must be >= 0, got ${sd}`);
  const cv = sd / mean;
  const sigma2 = Math.log1p(cv * cv);
  const z = standardNormal(s);
  return mean * Math.exp(Math.sqrt(sigma2) * z - sigma2 / 2);
}
