/**
 * Running moments and quantiles of many cells at once, as a struct of arrays: the monthly table of one
 * arm (series x month cells, 2,520 for a 10-year scenario with 21 series). Per-cell objects (a
 * `RunningStats` and a `QuantileSketch` each, with their arrays) made garbage collection the largest
 * cost of the runner's main thread; here a table is a few typed arrays.
 */
import { QuantileSketch } from './quantile-sketch.ts';

/**
 * For each cell, gives bit for bit the numbers of one `RunningStats` and one `QuantileSketch(k)` fed
 * the same values in the same order (tested against them). Values are kept in one shared buffer while
 * a cell has fewer than `min(expected, k - 1)` of them; a cell with more moves to its own
 * `QuantileSketch` (fed the values it held, then the new one), where compaction happens as it would
 * have. Non-finite values are skipped and not counted.
 */
export class CellStats {
  private readonly count: Float64Array;
  private readonly sum: Float64Array;
  private readonly compensation: Float64Array;
  private readonly welfordMean: Float64Array;
  private readonly m2: Float64Array;
  /** Values of cell c at [c * capacity, c * capacity + held[c]) while it has no sketch of its own. */
  private readonly values: Float64Array;
  private readonly held: Int32Array;
  private readonly capacity: number;
  private readonly sketches: (QuantileSketch | undefined)[];

  /**
   * @param cells number of cells
   * @param k the quantile sketch size (as `QuantileSketch`)
   * @param expected values expected per cell (sizes the shared buffer; never changes the answers)
   */
  constructor(
    readonly cells: number,
    readonly k: number,
    expected: number,
  ) {
    if (!Number.isInteger(k) || k < 4 || k % 2 !== 0) throw new RangeError(`CellStats: k must be an even integer >= 4, got ${k}`);
    this.count = new Float64Array(cells);
    this.sum = new Float64Array(cells);
    this.compensation = new Float64Array(cells);
    this.welfordMean = new Float64Array(cells);
    this.m2 = new Float64Array(cells);
    this.capacity = Math.max(0, Math.min(k - 1, Math.floor(expected)));
    this.values = new Float64Array(cells * this.capacity);
    this.held = new Int32Array(cells);
    this.sketches = new Array<QuantileSketch | undefined>(cells);
  }

  /** Folds value `x` into cell `cell`; NaN and ±Infinity are ignored. */
  add(cell: number, x: number): void {
    if (!Number.isFinite(x)) return;
    // RunningStats.add, operation for operation
    const n = this.count[cell] + 1;
    this.count[cell] = n;
    const sum = this.sum[cell];
    const t = sum + x;
    this.compensation[cell] += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
    this.sum[cell] = t;
    const delta = x - this.welfordMean[cell];
    const mean = this.welfordMean[cell] + delta / n;
    this.welfordMean[cell] = mean;
    this.m2[cell] += delta * (x - mean);
    // QuantileSketch.add
    const own = this.sketches[cell];
    if (own !== undefined) {
      own.add(x);
      return;
    }
    const held = this.held[cell];
    if (held < this.capacity) {
      // held + 1 < k: a sketch would not have compacted yet
      this.values[cell * this.capacity + held] = x;
      this.held[cell] = held + 1;
      return;
    }
    const sketch = new QuantileSketch(this.k, 2 * held + 2);
    const base = cell * this.capacity;
    for (let i = 0; i < held; i++) sketch.add(this.values[base + i]);
    sketch.add(x);
    this.sketches[cell] = sketch;
  }

  /** Values folded into `cell`. */
  n(cell: number): number {
    return this.count[cell];
  }

  /** Mean of the cell's values (NaN while it has none), as `RunningStats.mean`. */
  mean(cell: number): number {
    const n = this.count[cell];
    return n === 0 ? NaN : (this.sum[cell] + this.compensation[cell]) / n;
  }

  /** Sample variance (denominator n - 1; NaN when n < 2), as `RunningStats.variance`. */
  variance(cell: number): number {
    const n = this.count[cell];
    return n < 2 ? NaN : this.m2[cell] / (n - 1);
  }

  /**
   * The cell's p-quantiles, as `QuantileSketch.quantiles`. Sorts the values a cell holds in place,
   * which changes nothing else: a sketch fed them later compacts by sorting first.
   */
  quantiles(cell: number, ps: readonly number[]): number[] {
    const own = this.sketches[cell];
    if (own !== undefined) return own.quantiles(ps);
    const held = this.held[cell];
    if (held === 0) return ps.map(() => NaN);
    const base = cell * this.capacity;
    const sorted = this.values.subarray(base, base + held).sort();
    return ps.map((p) => sorted[Math.max(1, Math.ceil(p * held)) - 1]);
  }
}
