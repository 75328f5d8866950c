import type { Stream } from '../stream.ts';

/**
 * An exponential waiting time with the given rate (mean `1 / rate`), by inversion.
 *
 * Draws exactly one number. Because `next()` has 32 bits the largest value is about 22.2 / rate
 * (a tail of probability 2^-32 is cut off).
 *
 * @param rate events per unit of time, > 0 (e.g. per day)
 */
export function exponential(s: Stream, rate: number): number {
  if (!(rate > 0)) throw new RangeError(`exponential: rate must be > 0, got ${rate}`);
  return -Math.log1p(-s.next()) / rate;
}
