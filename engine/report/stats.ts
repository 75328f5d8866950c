/**
 * Small descriptive statistics for charts and the summary text (pure functions).
 */

/**
 * The p-quantile (0 ≤ p ≤ 1) of ascending-sorted values by linear interpolation between order
 * statistics (Hyndman & Fan type 7, the default of R and NumPy). NaN for an empty array.
 */
export function quantileSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * Math.min(1, Math.max(0, p));
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Five quantiles and the mean of a sample: what a box plot draws. */
export interface BoxStats {
  readonly p05: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p95: number;
  readonly mean: number;
  readonly n: number;
}

/** Box-plot statistics of a sample (non-finite values are ignored); null when nothing is left. */
export function boxStats(values: readonly number[]): BoxStats | null {
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  let sum = 0;
  for (const x of xs) sum += x;
  return {
    p05: quantileSorted(xs, 0.05),
    p25: quantileSorted(xs, 0.25),
    p50: quantileSorted(xs, 0.5),
    p75: quantileSorted(xs, 0.75),
    p95: quantileSorted(xs, 0.95),
    mean: sum / xs.length,
    n: xs.length,
  };
}
