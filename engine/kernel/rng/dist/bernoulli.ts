import type { Stream } from '../stream.ts';

/**
 * True with probability `p`.
 *
 * Draws exactly one number whatever `p` and whatever the outcome, so a decision keeps streams in step
 * across arms. `p <= 0` is never true and `p >= 1` always true (no range check: probabilities computed
 * by a model may overshoot by rounding).
 */
export function bernoulli(s: Stream, p: number): boolean {
  return s.next() < p;
}
