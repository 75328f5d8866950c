/**
 * A deterministic bounded-memory quantile sketch: a hierarchy of compactors (Manku, Rajagopalan and
 * Lindsay 1998; the deterministic core of KLL, Karnin, Lang and Liberty 2016).
 *
 * Level h holds up to `k` values, each standing for 2^h inputs. When a level fills it is sorted and every
 * other value (alternately the odd and the even ones) moves up a level with twice the weight. One
 * compaction at level h moves any rank by at most 2^h, so the sketch tracks the exact worst-case
 * rank error it has accumulated (`rankErrorBound`). Level h compacts at most n / (k 2^h) times, so for
 * n >= k the bound never exceeds n (floor(log2(n / k)) + 1) / k: a rank error of at most 0.8% of n at
 * n = 1,000 and k = 256, 2.7% at n = 20,000 (k = 1024: 0.5% at 20,000). Memory is at most
 * k (floor(log2(n / k)) + 2) doubles. With fewer than `k` values no compaction
 * happens and quantiles are exact. No randomness: the same values in the same order give the same sketch.
 */
export class QuantileSketch {
  /** Values folded in (non-finite values are skipped). */
  n = 0;
  /** Upper bound on |estimated rank - true rank| for any query value (0 while exact). */
  rankErrorBound = 0;
  private readonly levels: Float64Array[] = [];
  private readonly sizes: number[] = [];
  private readonly parity: number[] = [];

  /** @param k values per level; even, at least 4. Larger is more precise and uses more memory. */
  constructor(readonly k = 256) {
    if (!Number.isInteger(k) || k < 4 || k % 2 !== 0) throw new RangeError(`QuantileSketch: k must be an even integer >= 4, got ${k}`);
  }

  /** Folds in one value; NaN and ±Infinity are skipped. */
  add(x: number): void {
    if (!Number.isFinite(x)) return;
    this.n += 1;
    this.push(0, x);
  }

  private push(h: number, x: number): void {
    if (this.levels.length <= h) {
      this.levels.push(new Float64Array(h === 0 ? Math.min(16, this.k) : this.k));
      this.sizes.push(0);
      this.parity.push(0);
    }
    let buf = this.levels[h];
    if (this.sizes[h] === buf.length) {
      const grown = new Float64Array(Math.min(buf.length * 2, this.k));
      grown.set(buf);
      this.levels[h] = buf = grown;
    }
    buf[this.sizes[h]++] = x;
    if (this.sizes[h] === this.k) this.compact(h);
  }

  private compact(h: number): void {
    const buf = this.levels[h];
    buf.sort();
    const offset = this.parity[h];
    this.parity[h] = 1 - offset;
    this.sizes[h] = 0;
    this.rankErrorBound += 2 ** h;
    for (let i = offset; i < this.k; i += 2) this.push(h + 1, buf[i]);
  }

  /** Values retained (a measure of memory; at most k per level). */
  get retained(): number {
    let s = 0;
    for (const size of this.sizes) s += size;
    return s;
  }

  /**
   * The p-quantile (0 <= p <= 1) by the inverse empirical distribution function: the smallest value whose
   * rank reaches ceil(p * n) (p = 0 gives the minimum). Exact while `rankErrorBound` is 0; otherwise the
   * answer's true rank is within `rankErrorBound` of ceil(p * n). NaN when empty.
   */
  quantile(p: number): number {
    return this.quantiles([p])[0];
  }

  /** Several quantiles at once (one sort of the retained values). */
  quantiles(ps: readonly number[]): number[] {
    if (this.n === 0) return ps.map(() => NaN);
    const total = this.retained;
    const values = new Float64Array(total);
    const weights = new Float64Array(total);
    let j = 0;
    for (let h = 0; h < this.levels.length; h++) {
      for (let i = 0; i < this.sizes[h]; i++) {
        values[j] = this.levels[h][i];
        weights[j] = 2 ** h;
        j++;
      }
    }
    const order = Array.from({ length: total }, (_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
    return ps.map((p) => {
      const target = Math.max(1, Math.ceil(p * this.n));
      let cum = 0;
      for (const i of order) {
        cum += weights[i];
        if (cum >= target) return values[i];
      }
      return values[order[order.length - 1]];
    });
  }
}
