/**
 * Aggregation of a run into its tables: a streaming fold (`RunFold`) that takes batches as workers
 * finish them and folds each arm in replicate order, and `foldRun`, the same fold over batch files
 * on disk. Memory does not grow with the number of replicates: running moments (Welford) and bounded
 * quantile sketches per arm, metric and month. Because each arm's values are folded in replicate
 * order, the tables are byte-identical whatever the number of workers, the batch size, or the order
 * batches finished in.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUTCOME_IDS, OUTCOMES, SERIES_IDS } from '../model/outcomes.ts';
import type { OutcomeId } from '../model/outcomes.ts';
import type { ResolvedScenario } from '../io/scenario/schema.ts';
import { CsvWriter } from '../io/csv.ts';
import { decodeBatch } from './batch-file.ts';
import type { Batch } from './batch-file.ts';
import { QuantileSketch } from './quantile-sketch.ts';
import { CellStats } from './cell-stats.ts';
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

/** What the fold produced, besides the files. */
export interface FoldResult {
  readonly summary: readonly SummaryRow[];
  readonly comparison: readonly ComparisonRow[];
  /** var(paired differences) / (var(arm) + var(baseline)) per non-baseline arm and reported outcome. */
  readonly varianceReduction: Record<string, Record<string, number | null>>;
  /** Files written (names relative to the run directory). */
  readonly files: string[];
  /** Replicates per arm in the tables. */
  readonly replicates: number;
}

function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/** A batch file the fold may read: decoded in memory, or (null) read from its file when reached. */
interface Source {
  readonly seg: Segment;
  batch: Batch | null;
  /** Bytes of `batch` counted against the memory budget (0 when not held). */
  heldBytes: number;
}

/** The statistics of an arm that are needed only until its tables are written. */
interface ArmSketches {
  readonly quantiles: QuantileSketch[];
  /** The monthly table: cell s x months + m is series s in month m. */
  readonly series: CellStats;
}

/** Everything folded so far for one arm, and where its next replicate comes from. */
interface ArmState {
  readonly id: string;
  readonly isBaseline: boolean;
  /** Next replicate to fold: replicates [0, next) are folded. */
  next: number;
  /** The batch holding `next`, once reached. */
  current: { readonly seg: Segment; readonly batch: Batch } | null;
  /** Batch files known but not reached yet, by first replicate. */
  readonly sources: Map<number, Source[]>;
  readonly stats: RunningStats[];
  readonly diffs: RunningStats[];
  readonly better: number[];
  /** Quantile sketches and monthly cells; null once the arm's tables are written (`finalize`). */
  sketches: ArmSketches | null;
  /** This arm's rows of each table, joined in arm order by `finish`. */
  readonly replicateRows: CsvWriter;
  readonly changeRows: CsvWriter;
  readonly timeseriesRows: CsvWriter;
  summary: SummaryRow[] | null;
  comparison: ComparisonRow[] | null;
}

/** Decoded batches waiting for their turn are kept in memory up to this many bytes, then re-read from disk. */
const HOLD_BUDGET_BYTES = 64 * 2 ** 20;
/** The baseline folds at most this many replicates ahead of the slowest other arm (bounds the values kept for pairing). */
const BASELINE_LEAD = 1024;

/**
 * The streaming fold of a run: takes batches in any order as they finish (`add`) and folds every arm
 * in replicate order as far as its batches reach, all arms at once, so that little is left to do when
 * the last batch is in (`finish`). With `extend(n, true)` an arm's tables are computed as soon as it
 * reaches replicate n, while other arms still run. The tables are byte-identical to folding the batch
 * files afterwards, arm by arm (each arm's values go through the same statistics in the same order),
 * whatever the number of workers, the batch size or the order batches arrive in.
 *
 * Memory does not grow with the number of replicates: per arm, running moments (Welford) and bounded
 * quantile sketches per outcome and per series x month (released once the arm's tables are written),
 * the batch being read, and batches that arrived ahead of their turn (kept up to 64 MiB, beyond that
 * read back from their files). An arm's paired differences need the baseline's value of the same
 * replicate: the baseline's reported outcomes are kept from the time it folds a replicate until every
 * arm has, and the baseline never runs more than 1,024 replicates ahead of the slowest arm. Rows go to
 * one temporary part file per arm and table, joined in arm order by `finish`.
 */
export class RunFold {
  private readonly outcomes: OutcomeId[];
  private readonly outcomeIndex: number[];
  private readonly seriesIds: string[];
  private readonly seriesOffset: number[];
  private readonly months: number;
  private readonly monthDates: string[];
  private readonly arms: ArmState[];
  private readonly baseline: ArmState | undefined;
  /** The baseline first, so that other arms can pair with what it folded in the same pass. */
  private readonly order: ArmState[];
  /** Reported outcome values of the baseline by replicate, while some arm still has to pair with them. */
  private readonly baselineValues = new Map<number, Float64Array>();
  private baselineKeptFrom = 0;
  private heldBytes = 0;
  private limit = 0;
  private final = false;
  private closed = false;
  /** Set when folding threw: the statistics may hold part of a replicate, so nothing may be written. */
  private broken = false;

  /**
   * Opens the temporary part files (one per arm and table) in `dir`.
   *
   * @param expectedReplicates replicates per arm expected (a hint for the sketches' first allocation).
   */
  constructor(
    readonly dir: string,
    readonly resolved: ResolvedScenario,
    expectedReplicates = 16,
  ) {
    this.outcomes = reportedOutcomes(resolved);
    this.outcomeIndex = this.outcomes.map((id) => OUTCOME_IDS.indexOf(id));
    this.seriesIds = reportedSeries(resolved);
    this.months = resolved.horizonYears * 12;
    this.seriesOffset = this.seriesIds.map((id) => OUTCOME_IDS.length + SERIES_IDS.indexOf(id as (typeof SERIES_IDS)[number]) * this.months);
    this.monthDates = Array.from({ length: this.months }, (_, m) => monthDate(resolved.start, m));
    const parts: CsvWriter[] = [];
    const part = (table: TableName): CsvWriter => {
      const w = new CsvWriter(join(dir, `${table}.csv`), TABLE_COLUMNS[table], { header: false });
      parts.push(w);
      return w;
    };
    try {
      this.arms = resolved.arms.map((arm) => ({
        id: arm.id,
        isBaseline: arm.id === resolved.baseline,
        next: 0,
        current: null,
        sources: new Map(),
        stats: this.outcomes.map(() => new RunningStats()),
        diffs: this.outcomes.map(() => new RunningStats()),
        better: this.outcomes.map(() => 0),
        sketches: {
          quantiles: this.outcomes.map(() => new QuantileSketch(SUMMARY_SKETCH_K, expectedReplicates)),
          series: new CellStats(this.seriesIds.length * this.months, SERIES_SKETCH_K, expectedReplicates),
        },
        replicateRows: part('replicates'),
        changeRows: part('changes'),
        timeseriesRows: part('timeseries'),
        summary: null,
        comparison: null,
      }));
    } catch (err) {
      for (const w of parts) w.abort();
      throw err;
    }
    this.baseline = this.arms.find((a) => a.isBaseline);
    this.order = this.baseline ? [this.baseline, ...this.arms.filter((a) => a !== this.baseline)] : this.arms;
  }

  /** Replicates [0, folded) are folded in every arm. */
  get folded(): number {
    let n = Infinity;
    for (const a of this.arms) n = Math.min(n, a.next);
    return this.arms.length === 0 ? 0 : n;
  }

  /** True when every arm has folded exactly replicates [0, n), so that `finish(n)` can write the tables. */
  isAt(n: number): boolean {
    return !this.broken && !this.closed && this.arms.every((a) => a.next === n);
  }

  /**
   * Makes a batch file known to the fold, with its decoded content when at hand (just written by a
   * worker), and folds as far as the batches known allow. A batch may come in any order.
   */
  add(seg: Segment, batch?: Batch): void {
    const arm = this.arms.find((a) => a.id === seg.arm);
    if (!arm) throw new Error(`${seg.file}: arm ${seg.arm} is not in the scenario`);
    if (seg.from < arm.next) return; // already folded from another file
    const source: Source = { seg, batch: null, heldBytes: 0 };
    if (batch && this.heldBytes + batch.data.byteLength <= HOLD_BUDGET_BYTES) {
      source.batch = batch;
      source.heldBytes = batch.data.byteLength;
      this.heldBytes += source.heldBytes;
    }
    const list = arm.sources.get(seg.from);
    if (list) list.push(source); else arm.sources.set(seg.from, [source]);
    this.pump();
  }

  /**
   * Lets the fold go up to replicate `limit` (exclusive) in every arm, and folds what it can. Never
   * lowers it. With `final`, `limit` is the last: each arm's tables are computed as soon as it gets
   * there (and its sketches released), and the limit cannot be raised again.
   */
  extend(limit: number, final = false): void {
    if (limit < this.limit) throw new Error(`RunFold: cannot lower the limit from ${this.limit} to ${limit}`);
    if (this.final && limit !== this.limit) throw new Error(`RunFold: the limit ${this.limit} was final`);
    this.limit = limit;
    this.final ||= final;
    this.pump();
  }

  /** Running moments of each reported outcome (`reportedOutcomes` order) per arm over the folded replicates. */
  outcomeStats(): Map<string, readonly RunningStats[]> {
    return new Map(this.arms.map((a) => [a.id, a.stats]));
  }

  private pump(): void {
    if (this.closed) throw new Error('RunFold: already finished');
    if (this.broken) throw new Error('RunFold: an earlier batch failed to fold');
    try {
      for (let progress = true; progress;) {
        progress = false;
        for (const arm of this.order) if (this.foldArm(arm)) progress = true;
      }
      if (this.final) for (const arm of this.arms) if (arm.next === this.limit && arm.summary === null) this.finalize(arm);
    } catch (err) {
      this.broken = true;
      throw err;
    }
    this.dropPairedBaselineValues();
  }

  /** The slowest arm other than the baseline (Infinity when there is none). */
  private slowestOther(): number {
    let n = Infinity;
    for (const a of this.arms) if (a !== this.baseline) n = Math.min(n, a.next);
    return n;
  }

  /** Folds replicates of `arm` while their batch is known (and the baseline has folded them); true if any. */
  private foldArm(arm: ArmState): boolean {
    const start = arm.next;
    const end = !this.baseline ? this.limit
      : arm.isBaseline ? Math.min(this.limit, this.slowestOther() + BASELINE_LEAD)
      : Math.min(this.limit, this.baseline.next);
    while (arm.next < end) {
      if (arm.current === null) {
        arm.current = this.takeSource(arm);
        if (arm.current === null) break;
      }
      const { seg, batch } = arm.current;
      const stop = Math.min(end, seg.to);
      for (let r = arm.next; r < stop; r++) this.foldReplicate(arm, batch, r);
      arm.next = stop;
      if (stop === seg.to) arm.current = null;
    }
    return arm.next > start;
  }

  /** The longest known batch starting at `arm.next`, decoded; null when none is known yet. */
  private takeSource(arm: ArmState): { seg: Segment; batch: Batch } | null {
    const list = arm.sources.get(arm.next);
    if (!list) return null;
    arm.sources.delete(arm.next);
    let best = list[0];
    for (const s of list) {
      this.heldBytes -= s.heldBytes;
      if (s.seg.to > best.seg.to) best = s;
    }
    // sources that start inside the chosen batch are never reached: forget them
    for (let from = arm.next + 1; from < best.seg.to; from++) {
      const skipped = arm.sources.get(from);
      if (!skipped) continue;
      for (const s of skipped) this.heldBytes -= s.heldBytes;
      arm.sources.delete(from);
    }
    return { seg: best.seg, batch: best.batch ?? this.readBatch(best.seg) };
  }

  private readBatch(seg: Segment): Batch {
    const b = decodeBatch(new Uint8Array(readFileSync(seg.file)), seg.file);
    if (b.header.hash !== this.resolved.hash) throw new Error(`${seg.file}: belongs to scenario ${b.header.hash.slice(0, 12)}, not ${this.resolved.hash.slice(0, 12)}`);
    if (b.header.arm !== seg.arm || b.header.from !== seg.from || b.header.to !== seg.to) throw new Error(`${seg.file}: header does not match its name`);
    return b;
  }

  private foldReplicate(arm: ArmState, batch: Batch, r: number): void {
    const sketches = arm.sketches;
    if (!sketches) throw new Error(`RunFold: arm ${arm.id} is already written`);
    const data = batch.data;
    const off = (r - batch.header.from) * batch.recordLength;
    const outcomes = this.outcomes;
    const keep = arm.isBaseline && this.arms.length > 1 ? new Float64Array(outcomes.length) : null;
    const base = !arm.isBaseline && this.baseline ? this.baselineValues.get(r) : undefined;
    if (!arm.isBaseline && this.baseline && !base) throw new Error(`RunFold: baseline replicate ${r} is not at hand for arm ${arm.id}`);
    for (let k = 0; k < outcomes.length; k++) {
      const v = data[off + this.outcomeIndex[k]];
      arm.replicateRows.row([arm.id, r, outcomes[k], v]);
      arm.stats[k].add(v);
      sketches.quantiles[k].add(v);
      if (keep) keep[k] = v;
      if (base) {
        const b = base[k];
        if (Number.isFinite(v) && Number.isFinite(b)) {
          arm.diffs[k].add(v - b);
          const direction = OUTCOMES[outcomes[k]].better;
          if (direction !== 'neither') arm.better[k] += v === b ? 0.5 : (direction === 'lower' ? v < b : v > b) ? 1 : 0;
        }
      }
    }
    if (keep) this.baselineValues.set(r, keep);
    const months = this.months;
    const series = sketches.series;
    for (let s = 0; s < this.seriesOffset.length; s++) {
      const o = off + this.seriesOffset[s];
      const first = s * months;
      for (let m = 0; m < months; m++) series.add(first + m, data[o + m]);
    }
    for (const c of batch.header.changes[r - batch.header.from]) arm.changeRows.row([arm.id, r, c.authority, c.date, c.structure, c.cause]);
  }

  /** Forgets the baseline values every other arm has paired with. */
  private dropPairedBaselineValues(): void {
    const paired = this.slowestOther();
    if (!this.baseline || !Number.isFinite(paired)) return;
    for (; this.baselineKeptFrom < paired; this.baselineKeptFrom++) this.baselineValues.delete(this.baselineKeptFrom);
  }

  /** Computes an arm's timeseries, summary and comparison rows from its statistics, and releases its sketches. */
  private finalize(arm: ArmState): void {
    const sketches = arm.sketches!;
    const { outcomes, seriesIds, months, monthDates } = this;
    const series = sketches.series;
    for (let m = 0; m < months; m++) {
      for (let s = 0; s < seriesIds.length; s++) {
        const cell = s * months + m;
        const [p05, p25, p50, p75, p95] = series.quantiles(cell, [0.05, 0.25, 0.5, 0.75, 0.95]);
        arm.timeseriesRows.row([arm.id, m, monthDates[m], seriesIds[s], series.mean(cell), p05, p25, p50, p75, p95, series.n(cell)]);
      }
    }
    arm.summary = outcomes.map((metric, k) => {
      const st = arm.stats[k];
      const [p05, p50, p95] = sketches.quantiles[k].quantiles([0.05, 0.5, 0.95]);
      const hw = st.halfWidth95;
      return { arm: arm.id, metric, mean: st.mean, sd: st.sd, ci_low: st.mean - hw, ci_high: st.mean + hw, p05, p50, p95, n: st.n };
    });
    arm.comparison = arm.isBaseline ? [] : outcomes.map((metric, k) => {
      const d = arm.diffs[k];
      const hw = d.halfWidth95;
      const hasDirection = OUTCOMES[metric].better !== 'neither';
      return {
        arm: arm.id, baseline: this.resolved.baseline, metric, mean_diff: d.mean, ci_low: d.mean - hw, ci_high: d.mean + hw,
        prob_better: hasDirection && d.n > 0 ? arm.better[k] / d.n : null, n: d.n,
      };
    });
    arm.sketches = null;
  }

  /**
   * Writes replicates.csv, timeseries.csv, summary.csv, comparison.csv and changes.csv into the run
   * directory, each atomically, for replicates [0, replicates) of every arm, and releases the fold.
   * Throws unless every arm has folded exactly that many (`isAt`). On error nothing is published and
   * the temporary files are removed.
   */
  finish(replicates: number): FoldResult {
    if (this.closed) throw new Error('RunFold: already finished');
    if (!this.isAt(replicates)) {
      const behind = this.arms.find((a) => a.next !== replicates);
      this.abort();
      if (behind && behind.next < replicates) throw new Error(`batch files do not cover replicate ${behind.next} of arm ${behind.id} (missing or overlapping files)`);
      throw new Error(`RunFold: cannot write ${replicates} replicates per arm (${behind ? `arm ${behind.id} is at ${behind.next}` : 'an earlier batch failed to fold'})`);
    }
    const dir = this.dir;
    const writers: CsvWriter[] = [];
    const summaryRows: SummaryRow[] = [];
    const comparisonRows: ComparisonRow[] = [];
    const varianceReduction: Record<string, Record<string, number | null>> = {};
    try {
      for (const arm of this.arms) if (arm.summary === null) this.finalize(arm);
      this.closed = true;
      const open = (table: TableName): CsvWriter => {
        const w = new CsvWriter(join(dir, `${table}.csv`), TABLE_COLUMNS[table]);
        writers.push(w);
        return w;
      };
      const replicatesCsv = open('replicates');
      const timeseries = open('timeseries');
      const summary = open('summary');
      const comparison = open('comparison');
      const changes = open('changes');
      const baseStats = this.baseline?.stats;
      for (const arm of this.arms) {
        replicatesCsv.appendRows(arm.replicateRows);
        timeseries.appendRows(arm.timeseriesRows);
        changes.appendRows(arm.changeRows);
        for (const row of arm.summary!) {
          summaryRows.push(row);
          summary.row([row.arm, row.metric, row.mean, row.sd, row.ci_low, row.ci_high, row.p05, row.p50, row.p95, row.n]);
        }
        if (arm.isBaseline) continue;
        varianceReduction[arm.id] = {};
        arm.comparison!.forEach((row, k) => {
          comparisonRows.push(row);
          comparison.row([row.arm, row.baseline, row.metric, row.mean_diff, row.ci_low, row.ci_high, row.prob_better, row.n]);
          // var(paired differences) / (var(arm) + var(baseline))
          const denom = arm.stats[k].variance + (baseStats ? baseStats[k].variance : NaN);
          varianceReduction[arm.id][row.metric] = denom > 0 ? finiteOrNull(arm.diffs[k].variance / denom) : null;
        });
      }
      for (const w of writers) w.commit();
    } catch (err) {
      for (const w of writers) w.abort();
      this.abort();
      throw err;
    }
    this.release();
    return { summary: summaryRows, comparison: comparisonRows, varianceReduction, files: writers.map((w) => w.path.slice(dir.length + 1)), replicates };
  }

  /** Discards the fold and its temporary files; nothing is written. Safe to call twice. */
  abort(): void {
    this.closed = true;
    this.release();
  }

  private release(): void {
    for (const a of this.arms) {
      a.replicateRows.abort();
      a.changeRows.abort();
      a.timeseriesRows.abort();
      a.sources.clear();
      a.current = null;
      a.sketches = null;
    }
    this.baselineValues.clear();
    this.heldBytes = 0;
  }
}

/**
 * Folds replicates [0, replicates) of every arm from the batch files `segments` (by arm; a cover of
 * each arm, as `coverAll` gives) and writes replicates.csv, timeseries.csv, summary.csv,
 * comparison.csv and changes.csv into `dir`, each atomically. Reads one batch file per arm at a time.
 */
export function foldRun(dir: string, resolved: ResolvedScenario, replicates: number, segments: ReadonlyMap<string, readonly Segment[]>): FoldResult {
  const fold = new RunFold(dir, resolved, replicates);
  try {
    for (const list of segments.values()) for (const seg of list) fold.add(seg);
    fold.extend(replicates, true);
  } catch (err) {
    fold.abort();
    throw err;
  }
  return fold.finish(replicates);
}
