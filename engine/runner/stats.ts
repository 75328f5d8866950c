/**
 * Streaming statistics for the runner: Welford's running mean and variance, and Student-t
 * 95% confidence intervals. Pure and deterministic: the same values in the same order give
 * bit-identical results.
 */

/**
 * Running mean and variance: the mean from a compensated (Neumaier) sum, so that e.g. differences of
 * -1, 0 and 1 that cancel give exactly 0; the variance by Welford's algorithm. O(1) memory.
 * Non-finite values (NaN: "no value in this replicate") are skipped and not counted.
 */
export class RunningStats {
  /** Values folded in. */
  n = 0;
  private sum = 0;
  private compensation = 0;
  private welfordMean = 0;
  private m2 = 0;

  /** Folds in one value; NaN and ±Infinity are ignored. */
  add(x: number): void {
    if (!Number.isFinite(x)) return;
    this.n += 1;
    const t = this.sum + x;
    this.compensation += Math.abs(this.sum) >= Math.abs(x) ? (this.sum - t) + x : (x - t) + this.sum;
    this.sum = t;
    const delta = x - this.welfordMean;
    this.welfordMean += delta / this.n;
    this.m2 += delta * (x - this.welfordMean);
  }

  /** Mean of the values folded in (NaN while `n` is 0). */
  get mean(): number {
    return this.n === 0 ? NaN : (this.sum + this.compensation) / this.n;
  }

  /** Sample variance (denominator n - 1); NaN when n < 2. */
  get variance(): number {
    return this.n < 2 ? NaN : this.m2 / (this.n - 1);
  }

  /** Sample standard deviation; NaN when n < 2. */
  get sd(): number {
    return Math.sqrt(this.variance);
  }

  /** Half-width of the 95% Student-t confidence interval of the mean; NaN when n < 2. */
  get halfWidth95(): number {
    if (this.n < 2) return NaN;
    return tQuantile975(this.n - 1) * this.sd / Math.sqrt(this.n);
  }
}

function logGamma(x: number): number {
  // Lanczos approximation (g = 7, n = 9), relative error below 1e-15 for x > 0.
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const xx = x - 1;
  let a = c[0];
  const t = xx + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (xx + i);
  return 0.5 * Math.log(2 * Math.PI) + (xx + 0.5) * Math.log(t) - t + Math.log(a);
}

function betaContinuedFraction(a: number, b: number, x: number): number {
  // Modified Lentz's method (Numerical Recipes §6.4).
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d; if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c; if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d; h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d; if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c; if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return h;
}

/** Regularised incomplete beta function I_x(a, b), for 0 <= x <= 1. */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2)
    ? (front * betaContinuedFraction(a, b, x)) / a
    : 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** Cumulative distribution function of Student's t with `df` degrees of freedom. */
export function tCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

const t975Cache = new Map<number, number>();

/**
 * The 0.975 quantile of Student's t with `df` degrees of freedom (the multiplier of a two-sided
 * 95% interval): 12.706 for df = 1, 2.228 for df = 10, tending to 1.95996 as df grows.
 * Found by bisection on `tCdf` to about 1e-12; cached per df.
 */
export function tQuantile975(df: number): number {
  if (!(df >= 1)) throw new RangeError(`tQuantile975: df must be >= 1, got ${df}`);
  const cached = t975Cache.get(df);
  if (cached !== undefined) return cached;
  let lo = 1.9;
  let hi = 13;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (tCdf(mid, df) < 0.975) lo = mid; else hi = mid;
  }
  const q = (lo + hi) / 2;
  t975Cache.set(df, q);
  return q;
}
