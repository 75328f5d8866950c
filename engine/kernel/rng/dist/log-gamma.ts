/**
 * ln Γ(x) for x > 0: Stirling's series with ten terms after shifting x to at least 7
 * (the method of numpy's `random_loggam`); absolute error below 1e-14 for x >= 1.
 *
 * Pure function, no random draws. Used by the Poisson and binomial samplers and by tests.
 */
export function logGamma(x: number): number {
  if (x === 1 || x === 2) return 0;
  let n = 0;
  if (x < 7) n = Math.floor(7 - x);
  let x0 = x + n;
  const x2 = 1 / (x0 * x0);
  let gl0 = -1.3924322169059;
  gl0 = gl0 * x2 + 1.796443723688307e-1;
  gl0 = gl0 * x2 - 2.955065359477124e-2;
  gl0 = gl0 * x2 + 6.41025641025641e-3;
  gl0 = gl0 * x2 - 1.917526917526918e-3;
  gl0 = gl0 * x2 + 8.417508417508418e-4;
  gl0 = gl0 * x2 - 5.952380952380952e-4;
  gl0 = gl0 * x2 + 7.936507936507937e-4;
  gl0 = gl0 * x2 - 2.777777777777778e-3;
  gl0 = gl0 * x2 + 8.333333333333333e-2;
  let gl = gl0 / x0 + 0.5 * 1.8378770664093453 + (x0 - 0.5) * Math.log(x0) - x0;
  for (let k = 1; k <= n; k++) {
    gl -= Math.log(x0 - 1);
    x0 -= 1;
  }
  return gl;
}
