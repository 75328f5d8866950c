/**
 * Statistical helpers for the distribution tests (not a test file). Every test that uses them fixes its
 * seed, so results are deterministic; critical values are at α = 0.001 so a correct sampler fails a
 * given test with chance 1 in 1000 for a random seed.
 */
import { expect } from 'vitest';
import type { Stream } from '../../../../engine/kernel/rng/stream.ts';

/** Upper 0.001 quantile of the standard normal. */
export const Z_999 = 3.090232306167813;

/** Sample mean and (n - 1) variance. */
export function meanVar(xs: ArrayLike<number>): { mean: number; variance: number } {
  const n = xs.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += xs[i];
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (xs[i] - mean) ** 2;
  return { mean, variance: ss / (n - 1) };
}

/**
 * Asserts that the sample mean and variance match the distribution's within 5 standard errors.
 *
 * Standard errors: the mean's is σ/√n. The sample variance's is σ² √(2/(n-1) + κ/n), where κ is the
 * excess kurtosis (the variance of s² is σ⁴ (2/(n-1) + κ/n) for any distribution with finite fourth
 * moment). Five standard errors: a false failure has chance below 1e-6 under normality of the estimates.
 */
export function expectMoments(xs: ArrayLike<number>, mean: number, variance: number, excessKurtosis: number): void {
  const n = xs.length;
  const got = meanVar(xs);
  const seMean = Math.sqrt(variance / n);
  const seVar = variance * Math.sqrt(2 / (n - 1) + excessKurtosis / n);
  expect(Math.abs(got.mean - mean)).toBeLessThan(5 * seMean);
  expect(Math.abs(got.variance - variance)).toBeLessThan(5 * seVar);
}

/** Upper α quantile of chi-square with `df` degrees of freedom, by Wilson–Hilferty (error < 1% for df >= 3). */
export function chiSquareCritical(df: number, z = Z_999): number {
  if (df === 1) return 10.827566170662733; // exact: 3.2905² (two-sided normal 0.001 point squared)
  if (df === 2) return 13.815510557964274; // exact: -2 ln 0.001
  const h = 2 / (9 * df);
  return df * (1 - h + z * Math.sqrt(h)) ** 3;
}

/**
 * Pearson's chi-square statistic of integer samples against a pmf. Values are pooled into bins with an
 * expected count of at least 5 (the tails are pooled into the neighbouring bins), as the test requires.
 *
 * @returns the statistic and its degrees of freedom (bins - 1)
 */
export function chiSquareDiscrete(samples: ArrayLike<number>, pmf: (k: number) => number, lo: number, hi: number): { stat: number; df: number } {
  const n = samples.length;
  const observed = new Map<number, number>();
  for (let i = 0; i < n; i++) observed.set(samples[i], (observed.get(samples[i]) ?? 0) + 1);
  for (const k of observed.keys()) if (k < lo || k > hi) throw new Error(`sample ${k} outside support [${lo}, ${hi}]`);
  const bins: { o: number; e: number }[] = [];
  let o = 0;
  let e = 0;
  for (let k = lo; k <= hi; k++) {
    o += observed.get(k) ?? 0;
    e += n * pmf(k);
    if (e >= 5) {
      bins.push({ o, e });
      o = 0;
      e = 0;
    }
  }
  if (bins.length === 0) throw new Error('no bin reached an expected count of 5');
  bins[bins.length - 1].o += o;
  bins[bins.length - 1].e += e;
  let stat = 0;
  for (const b of bins) stat += (b.o - b.e) ** 2 / b.e;
  return { stat, df: bins.length - 1 };
}

/** Asserts that a chi-square statistic is below the α = 0.001 critical value. */
export function expectChiSquareFits(r: { stat: number; df: number }): void {
  expect(r.df).toBeGreaterThanOrEqual(1);
  expect(r.stat).toBeLessThan(chiSquareCritical(r.df));
}

/**
 * Asserts the one-sample Kolmogorov–Smirnov statistic is below its α = 0.001 critical value
 * c/√n with c = √(-ln(α/2)/2) = 1.9495 (the asymptotic Kolmogorov quantile; fine for n in the thousands).
 */
export function expectKsFits(samples: ArrayLike<number>, cdf: (x: number) => number): void {
  const xs = Float64Array.from(samples).sort();
  const n = xs.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(xs[i]);
    d = Math.max(d, f - i / n, (i + 1) / n - f);
  }
  expect(d).toBeLessThan(Math.sqrt(-Math.log(0.001 / 2) / 2) / Math.sqrt(n));
}

/** A stream that counts how many numbers were drawn from it. */
export class CountingStream implements Stream {
  count = 0;
  constructor(private readonly inner: Stream) {}
  next(): number {
    this.count++;
    return this.inner.next();
  }
  nextUint32(): number {
    this.count++;
    return this.inner.nextUint32();
  }
  nextInt32(): number {
    this.count++;
    return this.inner.nextInt32();
  }
}

/** Draws `n` samples of `draw` into a Float64Array. */
export function sample(n: number, draw: () => number): Float64Array {
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = draw();
  return xs;
}

/** erf(x) to about 1e-12 (series for |x| < 3, continued fraction beyond). */
export function erf(x: number): number {
  const ax = Math.abs(x);
  let r: number;
  if (ax < 3) {
    // Maclaurin series: erf x = 2/√π Σ (-1)^n x^(2n+1) / (n! (2n+1))
    let term = ax;
    let sum = ax;
    for (let n = 1; n < 100; n++) {
      term *= (-ax * ax) / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17) break;
    }
    r = (2 / Math.sqrt(Math.PI)) * sum;
  } else {
    // erfc x = exp(-x²)/√π · 1/(x + 1/2/(x + 1/(x + 3/2/(x + ...)))), evaluated from the tail
    let f = ax;
    for (let k = 60; k >= 1; k--) f = ax + k / 2 / f;
    r = 1 - Math.exp(-ax * ax) / Math.sqrt(Math.PI) / f;
  }
  return x < 0 ? -r : r;
}

/** Standard normal cdf. */
export function normalCdf(x: number): number {
  return 0.5 * (1 + erf(x / Math.SQRT2));
}
