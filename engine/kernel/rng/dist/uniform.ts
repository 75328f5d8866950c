import type { Stream } from '../stream.ts';

/**
 * A uniform number in [lo, hi).
 *
 * Draws exactly one number. `hi < lo` is allowed and gives a number in (hi, lo].
 */
export function uniform(s: Stream, lo: number, hi: number): number {
  return lo + (hi - lo) * s.next();
}
