import type { Stream } from '../stream.ts';
import { standardNormal } from './normal.ts';

/**
 * A lognormal variate exp(mu + sigma Z), where mu and sigma are the mean and sd of the underlying normal.
 *
 * Draws exactly two numbers (one standard normal).
 *
 * @param sigma >= 0
 */
export function lognormal(s: Stream, mu: number, sigma: number): number {
  if (!(sigma >= 0)) throw new RangeError(`lognormal: sigma must be >= 0, got ${sigma}`);
  return Math.exp(mu + sigma * standardNormal(s));
}
