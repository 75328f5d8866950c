import type { Stream } from '../stream.ts';

/**
 * Samples an index with probability proportional to its weight (a categorical distribution), in O(1),
 * by Vose's alias method. The table is built once (O(n)) and is read-only afterwards.
 *
 * @example
 * const table = new AliasTable([0.5, 0.3, 0.2]);
 * const i = table.sample(stream); // 0, 1 or 2
 */
export class AliasTable {
  /** Number of categories. */
  readonly size: number;
  private readonly prob: Float64Array;
  private readonly alias: Int32Array;

  /** @param weights non-negative finite numbers, at least one positive (they need not sum to 1) */
  constructor(weights: ArrayLike<number>) {
    const n = weights.length;
    if (n === 0) throw new RangeError('AliasTable: weights must not be empty');
    let total = 0;
    for (let i = 0; i < n; i++) {
      const w = weights[i];
      if (!(w >= 0) || w === Infinity) throw new RangeError(`AliasTable: weight ${i} must be finite and >= 0, got ${w}`);
      total += w;
    }
    if (!(total > 0)) throw new RangeError('AliasTable: at least one weight must be positive');
    this.size = n;
    this.prob = new Float64Array(n);
    this.alias = new Int32Array(n);
    const scaled = new Float64Array(n);
    const small = new Int32Array(n);
    const large = new Int32Array(n);
    let ns = 0;
    let nl = 0;
    for (let i = 0; i < n; i++) {
      scaled[i] = (weights[i] * n) / total;
      if (scaled[i] < 1) small[ns++] = i;
      else large[nl++] = i;
    }
    while (ns > 0 && nl > 0) {
      const l = small[--ns];
      const g = large[--nl];
      this.prob[l] = scaled[l];
      this.alias[l] = g;
      scaled[g] = scaled[g] + scaled[l] - 1;
      if (scaled[g] < 1) small[ns++] = g;
      else large[nl++] = g;
    }
    while (nl > 0) {
      const g = large[--nl];
      this.prob[g] = 1;
      this.alias[g] = g;
    }
    while (ns > 0) {
      // only reached through rounding: such a column is (almost exactly) full
      const l = small[--ns];
      this.prob[l] = 1;
      this.alias[l] = l;
    }
  }

  /** An index in [0, size). Draws exactly two numbers (column, then coin). */
  sample(s: Stream): number {
    const i = Math.floor(s.next() * this.size);
    return s.next() < this.prob[i] ? i : this.alias[i];
  }
}
