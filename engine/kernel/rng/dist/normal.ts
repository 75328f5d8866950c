import type { Stream } from '../stream.ts';

const TWO_PI = 2 * Math.PI;

/**
 * A standard normal variate by the Box–Muller transform (cosine branch only, so no state is cached).
 *
 * Draws exactly two numbers. With 32-bit uniforms |z| is at most about 6.66 (a tail of probability
 * about 3e-11 is cut off).
 */
export function standardNormal(s: Stream): number {
  const u1 = 1 - s.next(); // (0, 1]
  const u2 = s.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(TWO_PI * u2);
}

/**
 * A normal variate with the given mean and standard deviation.
 *
 * Draws exactly two numbers (see `standardNormal`).
 *
 * @param sd standard deviation, >= 0
 */
export function normal(s: Stream, mean: number, sd: number): number {
  if (!(sd >= 0)) throw new RangeError(`normal: sd must be >= 0, got ${sd}`);
  return mean + sd * standardNormal(s);
}
