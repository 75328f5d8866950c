/** Confidence intervals from independent replicate means. */

/** t(0.975, df) for df = 1..30 (exact to 9 digits). */
const T975 = [
  12.706204736, 4.30265273, 3.182446305, 2.776445105, 2.570581836, 2.446911851, 2.364624252, 2.306004135, 2.262157163,
  2.228138852, 2.20098516, 2.17881283, 2.160368656, 2.144786688, 2.131449546, 2.119905299, 2.109815578, 2.10092204,
  2.093024054, 2.085963447, 2.079613845, 2.073873068, 2.06865761, 2.063898562, 2.059538553, 2.055529439, 2.051830516,
  2.048407142, 2.045229642, 2.042272456,
];

/**
 * The 0.975 quantile of Student's t with `df` degrees of freedom (the multiplier of a two-sided 95% CI).
 * A table to df = 30, then the Cornish–Fisher expansion in 1/df (error below 1e-6 beyond df = 30).
 */
export function tQuantile975(df: number): number {
  if (!Number.isInteger(df) || df < 1) throw new RangeError(`tQuantile975: df must be a positive integer, got ${df}`);
  if (df <= T975.length) return T975[df - 1];
  const z = 1.959963984540054;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3);
}

/** A mean with its two-sided 95% confidence interval. */
export interface MeanCi {
  readonly mean: number;
  /** [lower, upper]. */
  readonly ci: readonly [number, number];
  /** Half the width of the interval. */
  readonly halfWidth: number;
}

/** Mean and 95% t confidence interval of independent values (at least two). */
export function meanCi95(values: ArrayLike<number>): MeanCi {
  const n = values.length;
  if (n < 2) throw new RangeError(`meanCi95: need at least 2 values, got ${n}`);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i];
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i] - mean) ** 2;
  const halfWidth = tQuantile975(n - 1) * Math.sqrt(ss / (n - 1) / n);
  return { mean, ci: [mean - halfWidth, mean + halfWidth], halfWidth };
}
