/**
 * The final fold: reads the batch files of a run in (arm, replicate) order, one batch at a time,
 * and writes the result tables. Memory does not grow with the number of replicates: running
 * moments (Welford) and bounded quantile sketches per arm, metric and month; one arm's sketches
 * are alive at a time. Because values are folded in (arm, replicate) order, the tables are
 * byte-identical whatever the number of workers, the batch size, or the order batches finished in.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUTCOME_IDS, OUTCOMES, SERIES_IDS } from '../model/outcomes.ts';
import type { OutcomeId } from '../model/outcomes.ts';
import type { ResolvedScenario } from '../io/scenario/schema.ts';
import type { ChangeRecord } from '../replicate.ts';
import { CsvWriter } from '../io/csv.ts';
import { decodeBatch } from './batch-file.ts';
import type { Batch } from './batch-file.ts';
import { QuantileSketch } from './quantile-sketch.ts';
import { RunningStats } from './stats.ts';

/** One replicate range of one arm held in a batch file. */
export interface Segment {
  readonly arm: string;
  readonly from: number;
  readonly to: number;
  /** Path of the batch file. */
  readonly file: string;
}

/** One row of summary.csv. */
export interface SummaryRow {
  readonly arm: string;
  readonly metric: OutcomeId;
  readonly mean: number;
  readonly sd: number;
  readonly ci_low: number;
  readonly ci_high: number;
  readonly p05: number;
  readonly p50: number;
  readonly p95: number;
  readonly n: number;
}

/** One row of comparison.csv: the paired difference arm - baseline. */
export interface ComparisonRow {
  readonly arm: string;
  readonly baseline: string;
  readonly metric: OutcomeId;
  readonly mean_diff: number;
  readonly ci_low: number;
  readonly ci_high: number;
  /** Share of pairs where the arm is better (ties count half); null when the outcome has no better direction. */
  readonly prob_better: number | null;
  readonly n: number;
}

/** Column names of every result table (a public contract). */
export const TABLE_COLUMNS = {
  replicates: ['arm', 'replicate', 'metric', 'value'],
  timeseries: ['arm', 'month', 'date', 'metric', 'mean', 'p05', 'p25', 'p50', 'p75', 'p95', 'n'],
  summary: ['arm', 'metric', 'mean', 'sd', 'ci_low', 'ci_high', 'p05', 'p50', 'p95', 'n'],
  comparison: ['arm', 'baseline', 'metric', 'mean_diff', 'ci_low', 'ci_high', 'prob_better', 'n'],
  changes: ['arm', 'replicate', 'authority', 'date', 'structure', 'cause'],
} as const;

/** Table names, in the order they are written. */
export type TableName = keyof typeof TABLE_COLUMNS;

/** Quantile sketch size for summary outcomes (exact up to 1024 replicates). */
const SUMMARY_SKETCH_K = 1024;
/** Quantile sketch size per month of a series (exact up to 256 replicates). */
const SERIES_SKETCH_K = 256;

/** Outcomes reported, in OUTCOME_IDS order. */
export function reportedOutcomes(resolved: ResolvedScenario): OutcomeId[] {
  const wanted = new Set<string>(resolved.outputs);
  return OUTCOME_IDS.filter((id) => wanted.has(id));
}

/** Monthly series reported: the reported outcomes plus the inspection_is_* indicators, in SERIES_IDS order. */
export function reportedSeries(resolved: ResolvedScenario): string[] {
  const wanted = new Set<string>(resolved.outputs);
  return SERIES_IDS.filter((id) => wanted.has(id) || id.startsWith('inspection_is_'));
}

/** ISO date of the first day of month `month` (0-based) counted from the month of `start`. */
export function monthDate(start: string, month: number): string {
  const y = Number(start.slice(0, 4));
  const m0 = Number(start.slice(5, 7)) - 1 + month;
  const year = y + Math.floor(m0 / 12);
  const mm = (m0 % 12) + 1;
  return `${String(year).padStart(4, '0')}-${String(mm).padStart(2, '0')}-01`;
}

/** Reads the replicates of one arm in order, one batch file in memory at a time. */
class ArmCursor {
  private batch: Batch | null = null;
  private seg = 0;
  private next_ = 0;

  constructor(
    private readonly segments: readonly Segment[],
    private readonly hash: string,
  ) {}

  /** The record and changes of replicate `r`; replicates must be read in order 0, 1, 2, ... */
  read(r: number): { record: Float64Array; changes: readonly ChangeRecord[]; elapsedMs: number } {
    if (r !== this.next_) throw new Error(`ArmCursor: replicate ${r} read out of order (expected ${this.next_})`);
    while (this.batch === null || r >= this.batch.header.to) {
      const s = this.segments[this.seg++];
      if (!s || s.from !== r) throw new Error(`batch files do not cover replicate ${r} (missing or overlapping files)`);
      const b = decodeBatch(new Uint8Array(readFileSync(s.file)), s.file);
      if (b.header.hash !== this.hash) throw new Error(`${s.file}: belongs to scenario ${b.header.hash.slice(0, 12)}, not ${this.hash.slice(0, 12)}`);
      if (b.header.arm !== s.arm || b.header.from !== s.from || b.header.to !== s.to) throw new Error(`${s.file}: header does not match its name`);
      this.batch = b;
    }
    this.next_ = r + 1;
    const i = r - this.batch.header.from;
    const len = this.batch.recordLength;
    return { record: this.batch.data.subarray(i * len, (i + 1) * len), changes: this.batch.header.changes[i], elapsedMs: this.batch.header.elapsedMs[i] };
  }
}

/** What the fold produced, besides the files. */
export interface FoldResult {
  readonly summary: readonly SummaryRow[];
  readonly comparison: readonly ComparisonRow[];
  /** var(paired differences) / (var(arm) + var(baseline)) per non-baseline arm and reported outcome. */
  readonly varianceReduction: Record<string, Record<string, number | null>>;
  /** Files written (names relative to the run directory). */
  readonly files: string[];
}

function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/**
 * Folds replicates [0, replicates) of every arm from `segments` (sorted by arm, then from, covering
 * each arm exactly) and writes replicates.csv, timeseries.csv, summary.csv, comparison.csv and
 * changes.csv into `dir`, each atomically.
 */
export function foldRun(dir: string, resolved: ResolvedScenario, replicates: number, segments: ReadonlyMap<string, readonly Segment[]>): FoldResult {
  const outcomes = reportedOutcomes(resolved);
  const outcomeIndex = outcomes.map((id) => OUTCOME_IDS.indexOf(id));
  const series = reportedSeries(resolved);
  const months = resolved.horizonYears * 12;
  const seriesOffset = series.map((id) => OUTCOME_IDS.length + SERIES_IDS.indexOf(id as (typeof SERIES_IDS)[number]) * months);
  const monthDates = Array.from({ length: months }, (_, m) => monthDate(resolved.start, m));

  const writers = {
    replicates: new CsvWriter(join(dir, 'replicates.csv'), TABLE_COLUMNS.replicates),
    timeseries: new CsvWriter(join(dir, 'timeseries.csv'), TABLE_COLUMNS.timeseries),
    summary: new CsvWriter(join(dir, 'summary.csv'), TABLE_COLUMNS.summary),
    comparison: new CsvWriter(join(dir, 'comparison.csv'), TABLE_COLUMNS.comparison),
    changes: new CsvWriter(join(dir, 'changes.csv'), TABLE_COLUMNS.changes),
  };
  const summaryRows: SummaryRow[] = [];
  const comparisonRows: ComparisonRow[] = [];
  const varianceReduction: Record<string, Record<string, number | null>> = {};

  try {
    const armStats = new Map<string, RunningStats[]>();
    const diffStats = new Map<string, RunningStats[]>();
    for (const arm of resolved.arms) {
      const stats = outcomes.map(() => new RunningStats());
      const qs = outcomes.map(() => new QuantileSketch(SUMMARY_SKETCH_K));
      const ts = series.map(() => Array.from({ length: months }, () => ({ stats: new RunningStats(), q: new QuantileSketch(SERIES_SKETCH_K) })));
      const isBaseline = arm.id === resolved.baseline;
      const diffs = outcomes.map(() => new RunningStats());
      const better = outcomes.map(() => 0);
      const cursor = new ArmCursor(segments.get(arm.id) ?? [], resolved.hash);
      const baseCursor = isBaseline ? null : new ArmCursor(segments.get(resolved.baseline) ?? [], resolved.hash);

      for (let r = 0; r < replicates; r++) {
        const { record, changes } = cursor.read(r);
        const base = baseCursor?.read(r).record;
        for (let k = 0; k < outcomes.length; k++) {
          const v = record[outcomeIndex[k]];
          writers.replicates.row([arm.id, r, outcomes[k], v]);
          stats[k].add(v);
          qs[k].add(v);
          if (base) {
            const b = base[outcomeIndex[k]];
            if (Number.isFinite(v) && Number.isFinite(b)) {
              diffs[k].add(v - b);
              const direction = OUTCOMES[outcomes[k]].better;
              if (direction !== 'neither') better[k] += v === b ? 0.5 : (direction === 'lower' ? v < b : v > b) ? 1 : 0;
            }
          }
        }
        for (let s = 0; s < series.length; s++) {
          const off = seriesOffset[s];
          const cells = ts[s];
          for (let m = 0; m < months; m++) {
            const v = record[off + m];
            cells[m].stats.add(v);
            cells[m].q.add(v);
          }
        }
        for (const c of changes) writers.changes.row([arm.id, r, c.authority, c.date, c.structure, c.cause]);
      }
      armStats.set(arm.id, stats);
      diffStats.set(arm.id, diffs);

      for (let m = 0; m < months; m++) {
        for (let s = 0; s < series.length; s++) {
          const { stats: st, q } = ts[s][m];
          const [p05, p25, p50, p75, p95] = q.quantiles([0.05, 0.25, 0.5, 0.75, 0.95]);
          writers.timeseries.row([arm.id, m, monthDates[m], series[s], st.mean, p05, p25, p50, p75, p95, st.n]);
        }
      }
      for (let k = 0; k < outcomes.length; k++) {
        const st = stats[k];
        const [p05, p50, p95] = qs[k].quantiles([0.05, 0.5, 0.95]);
        const hw = st.halfWidth95;
        const row: SummaryRow = { arm: arm.id, metric: outcomes[k], mean: st.mean, sd: st.sd, ci_low: st.mean - hw, ci_high: st.mean + hw, p05, p50, p95, n: st.n };
        summaryRows.push(row);
        writers.summary.row([row.arm, row.metric, row.mean, row.sd, row.ci_low, row.ci_high, row.p05, row.p50, row.p95, row.n]);
      }
      if (!isBaseline) {
        varianceReduction[arm.id] = {};
        for (let k = 0; k < outcomes.length; k++) {
          const d = diffs[k];
          const hw = d.halfWidth95;
          const hasDirection = OUTCOMES[outcomes[k]].better !== 'neither';
          const row: ComparisonRow = {
            arm: arm.id, baseline: resolved.baseline, metric: outcomes[k], mean_diff: d.mean, ci_low: d.mean - hw, ci_high: d.mean + hw,
            prob_better: hasDirection && d.n > 0 ? better[k] / d.n : null, n: d.n,
          };
          comparisonRows.push(row);
          writers.comparison.row([row.arm, row.baseline, row.metric, row.mean_diff, row.ci_low, row.ci_high, row.prob_better, row.n]);
        }
      }
    }
    // Variance reduction needs the baseline's variance, known once every arm is folded.
    const baseStats = armStats.get(resolved.baseline);
    for (const row of comparisonRows) {
      const k = outcomes.indexOf(row.metric);
      const a = armStats.get(row.arm)![k];
      const b = baseStats ? baseStats[k] : undefined;
      const diffVar = diffStats.get(row.arm)![k].variance;
      const denom = a.variance + (b ? b.variance : NaN);
      varianceReduction[row.arm][row.metric] = denom > 0 ? finiteOrNull(diffVar / denom) : null;
    }
    for (const w of Object.values(writers)) w.commit();
  } catch (err) {
    for (const w of Object.values(writers)) w.abort();
    throw err;
  }
  return { summary: summaryRows, comparison: comparisonRows, varianceReduction, files: Object.values(writers).map((w) => w.path.slice(dir.length + 1)) };
}
