import type { Stream } from '../stream.ts';
import { standardNormal } from './normal.ts';

/**
 * ln of a Gamma(shape, 1) variate: Marsaglia and Tsang (2000) for shape >= 1; for shape < 1,
 * ln G(shape + 1) + ln(U) / shape (their boost), which stays finite where G itself underflows.
 *
 * Draws a variable count: each try of Marsaglia–Tsang draws three numbers (two for the normal, one
 * for acceptance; acceptance is above 95% for every shape >= 1), plus one more when shape < 1.
 */
export function logStandardGamma(s: Stream, shape: number): number {
  if (!(shape > 0) || shape === Infinity) throw new RangeError(`gamma: shape must be finite and > 0, got ${shape}`);
  const boosted = shape < 1;
  const d = (boosted ? shape + 1 : shape) - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  let logG: number;
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(s);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = s.next();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) {
      logG = Math.log(d * v);
      break;
    }
  }
  if (boosted) logG += Math.log(1 - s.next()) / shape; // 1 - U is in (0, 1]
  return logG;
}

/**
 * A gamma variate with the given shape and scale (mean shape * scale, variance shape * scale²),
 * by Marsaglia and Tsang (2000); shape < 1 handled by the boost G(shape + 1) * U^(1 / shape).
 *
 * Draws a variable count of numbers (see `logStandardGamma`): about 3.1 per call for shape >= 1.
 *
 * @param shape k > 0
 * @param scale θ > 0
 */
export function gamma(s: Stream, shape: number, scale: number): number {
  if (!(scale > 0)) throw new RangeError(`gamma: scale must be > 0, got ${scale}`);
  return Math.exp(logStandardGamma(s, shape)) * scale;
}
