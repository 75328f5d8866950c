import type { Stream } from '../stream.ts';

/** Throws for an invalid rate (kept out of `exponential` so that it stays small enough to inline). */
function badRate(rate: number): never {
  throw new RangeError(`exponential: rate must be > 0, got ${rate}`);
}

/**
 * An exponential waiting time with the given rate (mean `1 / rate`), by inversion.
 *
 * Draws exactly one number. Because `next()` has 32 bits the largest value is about 22.2 / rate
 * (a tail of probability 2^-32 is cut off).
 *
 * @param rate events per unit of time, > 0 (e.g. per day)
 */
export function exponential(s: Stream, rate: number): number {
  if (!(rate > 0)) badRate(rate);
  return -Math.log(1 - s.next()) / rate; // 1 - u is exact for a 32-bit u, and in (0, 1]
}
