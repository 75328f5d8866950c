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

  /**
   * @param k values per level; even, at least 4. Larger is more precise and uses more memory.
   * @param expected values expected (a hint: level 0 starts with room for that many, at most k, and
   *   grows by doubling when they are more). Never changes the answers.
   */
  constructor(readonly k = 256, private readonly expected = 16) {
    if (!Number.isInteger(k) || k < 4 || k % 2 !== 0) throw new RangeError(`QuantileSketch: k must be an even integer >= 4, got ${k}`);
  }

  /** Folds in one value; NaN and ±Infinity are skipped. */
  add(x: number): void {
    if (!Number.isFinite(x)) return;
    this.n += 1;
    const buf = this.levels[0];
    if (buf !== undefined && this.sizes[0] < buf.length) {
      // the common case, inlined: room at level 0
      buf[this.sizes[0]++] = x;
      if (this.sizes[0] === this.k) this.compact(0);
    } else {
      this.push(0, x);
    }
  }

  private push(h: number, x: number): void {
    if (this.levels.length <= h) {
      this.levels.push(new Float64Array(h === 0 ? Math.min(Math.max(4, this.expected), this.k) : this.k));
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

  /**
   * Several quantiles at once: each level's values are sorted (typed-array sort), then merged by value
   * with their weights. Values that tie are interchangeable here (the answer is a value, and the rank
   * reached at the end of a run of ties does not depend on their order).
   */
  quantiles(ps: readonly number[]): number[] {
    if (this.n === 0) return ps.map(() => NaN);
    const targets = ps.map((p) => Math.max(1, Math.ceil(p * this.n)));
    // Sorting a level in place changes nothing the sketch depends on: a level is compacted by sorting
    // it first, so only which values it holds matters, not their order.
    const sorted = this.levels.map((buf, h) => buf.subarray(0, this.sizes[h]).sort());
    if (sorted.length === 1) {
      // one level, weight 1, no compaction: the answer of rank t is the t-th smallest value
      const only = sorted[0];
      return targets.map((t) => only[Math.min(t, only.length) - 1]);
    }
    // k-way merge of the sorted levels in value order; level h values weigh 2^h
    const heads = sorted.map(() => 0);
    const order = targets.map((t, i) => ({ t, i })).sort((a, b) => a.t - b.t);
    const out: number[] = new Array<number>(ps.length);
    let cum = 0;
    let last = NaN;
    let q = 0;
    for (;;) {
      let best = -1;
      for (let h = 0; h < sorted.length; h++) {
        if (heads[h] < sorted[h].length && (best < 0 || sorted[h][heads[h]] < sorted[best][heads[best]])) best = h;
      }
      if (best < 0) break;
      last = sorted[best][heads[best]++];
      cum += 2 ** best;
      while (q < order.length && cum >= order[q].t) out[order[q++].i] = last;
      if (q === order.length) return out;
    }
    while (q < order.length) out[order[q++].i] = last;
    return out;
  }
}
