import type { Stream } from '../stream.ts';
import { logGamma } from './log-gamma.ts';

/** n * min(p, 1 - p) below this uses inversion; from it up, BTRS. */
const BTRS_FROM_MEAN = 10;

/**
 * A binomial(n, p) variate (successes in n trials), exact.
 *
 * Works with p' = min(p, 1 - p) and mirrors the result. n p' < 10: inversion by sequential search from
 * one uniform (draws exactly one number). n p' >= 10: Hörmann's (1993) transformed rejection, BTRS
 * (two numbers per try, a variable count). p = 0, p = 1 or n = 0 draw nothing.
 *
 * @param n a non-negative integer
 * @param p in [0, 1]
 */
export function binomial(s: Stream, n: number, p: number): number {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`binomial: n must be a non-negative integer, got ${n}`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`binomial: p must be in [0, 1], got ${p}`);
  if (p === 0 || n === 0) return 0;
  if (p === 1) return n;
  const flip = p > 0.5;
  const q0 = flip ? 1 - p : p;
  const k = n * q0 < BTRS_FROM_MEAN ? binomialInversion(s, n, q0) : binomialBtrs(s, n, q0);
  return flip ? n - k : k;
}

function binomialInversion(s: Stream, n: number, p: number): number {
  const q = 1 - p;
  const ratio = p / q;
  const a = (n + 1) * ratio;
  let r = Math.exp(n * Math.log1p(-p)); // q^n
  let u = s.next();
  let x = 0;
  while (u >= r && x < n) {
    u -= r;
    x++;
    r *= a / x - ratio;
  }
  return x;
}

function binomialBtrs(s: Stream, n: number, p: number): number {
  const q = 1 - p;
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const alpha = (2.83 + 5.1 / b) * spq;
  const lpq = Math.log(p / q);
  const m = Math.floor((n + 1) * p);
  const h = logGamma(m + 1) + logGamma(n - m + 1);
  for (;;) {
    const u = s.next() - 0.5;
    let v = s.next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    v = Math.log((v * alpha) / (a / (us * us) + b));
    if (v <= h - logGamma(k + 1) - logGamma(n - k + 1) + (k - m) * lpq) return k;
  }
}
