/**
 * `runScenario`: runs every arm x replicate of a resolved scenario on a worker pool and writes a run
 * directory (manifest.json, replicates.csv, timeseries.csv, summary.csv, comparison.csv, changes.csv,
 * optionally Parquet copies).
 *
 * Pipeline: plan jobs (seeds fixed here) → dispatch to the backend → each finished batch written
 * atomically to `.batches/<arm>-<from>-<to>.bin` and folded at once, in (arm, replicate) order, by a
 * streaming fold (`RunFold`) → the tables written when the last batch is in. Interrupting (signal)
 * stops dispatching, waits for the batches in flight and writes a consistent directory with status
 * `interrupted`; `resume: true` reuses the batch files.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve as resolvePath } from 'node:path';
import { performance } from 'node:perf_hooks';
import { UserError, EXIT } from '../io/user-error.ts';
import type { ResolvedScenario } from '../io/scenario/schema.ts';
import type { OutcomeId } from '../model/outcomes.ts';
import { GENERATOR } from '../kernel/rng/stream.ts';
import { readManifest, writeManifest, MANIFEST_FILE } from '../io/manifest.ts';
import type { Manifest, PrecisionInfo, Timings } from '../io/manifest.ts';
import { csvToParquet } from '../io/parquet.ts';
import { decodeBatch } from './batch-file.ts';
import { atomicWriteFile } from '../io/atomic-write.ts';
import { defaultBatchSize, splitTail } from './plan.ts';
import type { Job } from './plan.ts';
import { createLocalBackend, dispatchJobs, BatchFailedError } from './pool.ts';
import type { BatchBackend } from './pool.ts';
import { foldRun, reportedOutcomes, RunFold, TABLE_COLUMNS } from './aggregate.ts';
import type { ComparisonRow, FoldResult, SummaryRow } from './aggregate.ts';
import { BATCH_DIR, batchPath, completePrefix, coverAll, planMissing, scanBatches } from './resume.ts';
import type { RunningStats } from './stats.ts';
import { PROJECT_ROOT } from './bundle.ts';
import { threadCpuMs } from './thread-cpu.ts';

export type { ComparisonRow, SummaryRow } from './aggregate.ts';

/** Progress of a run, reported after every batch. */
export interface Progress {
  /** Arm x replicate results done (including those reused on resume). */
  readonly done: number;
  /** Arm x replicate results planned in the current round. */
  readonly total: number;
  /** Replicates per second in this invocation. */
  readonly rate: number;
  /** Seconds left at the current rate (Infinity before the first batch). */
  readonly etaSeconds: number;
}

/** Options of `runScenario`. */
export interface RunOptions {
  /** Run directory (created if needed). */
  out: string;
  /** Replicates per arm (default: the scenario's `replicates`; with `precision`, the first round). */
  replicates?: number;
  /** Worker threads (default: available cores). */
  workers?: number;
  /** Replicates per batch job (default: up to 10, about 4 batches per worker and arm). */
  batchSize?: number;
  /** Stop when every reported outcome's 95% CI half-width is within this share of |mean| (e.g. 0.02). */
  precision?: number;
  /** Replicate ceiling for `precision` (default 10 x the first round). */
  maxReplicates?: number;
  /** Reuse the batch files of an interrupted run in `out` (refused if the scenario hash or seed differ). */
  resume?: boolean;
  /** Also write Parquet copies of the tables. */
  format?: 'csv' | 'parquet';
  /** Aborting stops dispatching; the run ends `interrupted` with consistent files. */
  signal?: AbortSignal;
  /** Called after every batch. */
  onProgress?: (p: Progress) => void;
  /** Called when a failed batch is retried (message names arm and replicate). */
  onRetry?: (message: string) => void;
  /** Scenario file, recorded in the manifest. */
  scenarioFile?: string;
  /** Keep `.batches/` after a complete run (default: removed). */
  keepBatches?: boolean;
  /** @internal test-only: module whose `runReplicate` replaces the model's (also env CSSIM_REPLICATE_MODULE). */
  replicateModule?: string;
  /** @internal a backend to use instead of a local thread pool. */
  backend?: BatchBackend;
}

/** What a run returns. */
export interface RunResult {
  /** Absolute run directory. */
  dir: string;
  manifest: Manifest;
  status: 'complete' | 'interrupted';
  /** Paired differences of one metric against the baseline, one row per non-baseline arm. */
  compare(metric: OutcomeId): ComparisonRow[];
  /** Summary of one metric, one row per arm. */
  summary(metric: OutcomeId): SummaryRow[];
}

/** The precision rule in words (also in the manifest and README). */
export const PRECISION_RULE =
  'every reported outcome of every arm has a 95% t-interval half-width <= precision x |mean|; ' +
  'when the mean is exactly 0 the rule is absolute: half-width <= precision (in the outcome\'s unit); ' +
  'outcomes with no value in any replicate are ignored';

const OUTPUT_TABLES = Object.keys(TABLE_COLUMNS) as (keyof typeof TABLE_COLUMNS)[];

function cssimVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['-C', PROJECT_ROOT, 'rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || null;
  } catch {
    return null;
  }
}

/** Worst relative half-width over arms and reported outcomes, and whether the precision rule holds. */
export function precisionCheck(
  stats: ReadonlyMap<string, readonly RunningStats[]>,
  metrics: readonly string[],
  precision: number,
): { ok: boolean; worst: { arm: string; metric: string; relativeHalfWidth: number } | null; ratio: number } {
  let ratio = 0;
  let worst: { arm: string; metric: string; relativeHalfWidth: number } | null = null;
  for (const [arm, list] of stats) {
    list.forEach((st, k) => {
      if (st.n === 0) return; // no value in any replicate: not applicable
      const hw = st.halfWidth95;
      const scale = st.mean === 0 ? 1 : Math.abs(st.mean);
      const r = Number.isFinite(hw) ? hw / (precision * scale) : Infinity;
      if (r > ratio || worst === null) {
        ratio = Math.max(ratio, r);
        worst = { arm, metric: metrics[k], relativeHalfWidth: Number.isFinite(hw) ? hw / scale : Infinity };
      }
    });
  }
  return { ok: ratio <= 1, worst, ratio };
}

/**
 * Runs a scenario and writes its run directory. Deterministic: for the same scenario, seed and
 * replicates, every CSV is byte-identical for any number of workers and any batch size.
 *
 * @example
 * const run = await runScenario(scenario, { out: 'out/demo', replicates: 200, workers: 2 });
 * console.table(run.compare('sw_turnover_rate'));
 */
export async function runScenario(resolved: ResolvedScenario, opts: RunOptions): Promise<RunResult> {
  const t0 = performance.now();
  const cpu0 = threadCpuMs();
  const startedAt = new Date().toISOString();
  const dir = resolvePath(opts.out);
  const previous = opts.resume ? readManifest(dir) : null;

  if (opts.resume) {
    if (!previous) throw new UserError(`--resume ${opts.out}: no ${MANIFEST_FILE} there, so nothing to resume`);
    if (previous.seed !== resolved.seed) {
      throw new UserError(`--resume ${opts.out}: the seed differs (${previous.seed} there, ${resolved.seed} now); resume with the same seed, or start a new run in another --out`);
    }
    if (previous.scenarioHash !== resolved.hash) {
      throw new UserError(`--resume ${opts.out}: the scenario differs from the one that run used (hash ${previous.scenarioHash.slice(0, 12)} there, ${resolved.hash.slice(0, 12)} now); pass the same scenario file and --set options, or start a new run in another --out`);
    }
    if (previous.status === 'complete' && (opts.replicates === undefined || opts.replicates === previous.replicates) && opts.precision === undefined) {
      throw new UserError(`--resume ${opts.out}: that run is already complete (${previous.replicates} replicates per arm); nothing to resume. To run it again, leave out --resume`);
    }
  }

  const workers = Math.max(1, opts.workers ?? availableParallelism());
  const precisionTarget = opts.precision ?? previous?.precision?.target;
  if (precisionTarget !== undefined && !(precisionTarget > 0)) throw new UserError(`--precision must be a positive share such as 0.02, got ${precisionTarget}`);
  let target = opts.replicates ?? previous?.targetReplicates ?? resolved.replicates;
  const maxReplicates = precisionTarget !== undefined ? (opts.maxReplicates ?? previous?.precision?.maxReplicates ?? Math.max(10 * target, 100)) : target;
  if (precisionTarget !== undefined) target = Math.max(2, Math.min(target, maxReplicates));
  if (!Number.isInteger(target) || target < 1) throw new UserError(`replicates must be a positive integer, got ${target}`);
  const batchSize = opts.batchSize ?? previous?.batchSize ?? defaultBatchSize(target, workers);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new UserError(`--batch-size must be a positive integer, got ${batchSize}`);
  const format = opts.format ?? previous?.outputFormat ?? 'csv';
  const rounds: number[] = [...(previous?.precision?.rounds ?? [])];
  const metrics = reportedOutcomes(resolved);

  mkdirSync(dir, { recursive: true });
  if (!opts.resume) {
    // A fresh run: drop an earlier run's batches, tables and report in this directory.
    const earlierRun = existsSync(join(dir, MANIFEST_FILE));
    rmSync(join(dir, BATCH_DIR), { recursive: true, force: true });
    for (const t of OUTPUT_TABLES) for (const ext of ['csv', 'parquet']) rmSync(join(dir, `${t}.${ext}`), { force: true });
    if (earlierRun) {
      rmSync(join(dir, 'report.html'), { force: true });
      rmSync(join(dir, 'charts'), { recursive: true, force: true });
    }
  }

  const available = scanBatches(dir, resolved);
  const replicateModule = opts.replicateModule ?? (process.env.CSSIM_REPLICATE_MODULE || undefined);
  // The worker threads start now and boot while the manifest is written (a started pool is closed below).
  let backendStart: Promise<BatchBackend> | null = opts.backend ? Promise.resolve(opts.backend) : null;
  let backendStarted: BatchBackend | null = null;
  const startBackend = (): Promise<BatchBackend> => {
    backendStart ??= createLocalBackend(resolved, workers, replicateModule);
    backendStart.catch(() => { /* awaited, and reported, where it is used */ });
    return backendStart;
  };
  if (planMissing(resolved, target, batchSize, available).length > 0) startBackend();

  const base = {
    format: 'cssim-run/1' as const,
    resolved,
    scenarioHash: resolved.hash,
    scenarioFile: opts.scenarioFile ?? previous?.scenarioFile ?? null,
    seed: resolved.seed,
    workers,
    batchSize,
    outputFormat: format,
    cssimVersion: cssimVersion(),
    gitCommit: gitCommit(),
    generator: { name: GENERATOR.name, version: GENERATOR.version, seeding: GENERATOR.seeding },
    node: process.version,
    startedAt,
  };
  const precisionInfo = (reached: PrecisionInfo['reached'], worst: PrecisionInfo['worst']): PrecisionInfo | null =>
    precisionTarget === undefined ? null : { target: precisionTarget, maxReplicates, rule: PRECISION_RULE, reached, rounds: [...rounds], worst };
  writeManifest(dir, {
    ...base, status: 'running', replicates: 0, targetReplicates: target, endedAt: null, timings: null,
    precision: precisionInfo(null, null), varianceReduction: {}, files: [MANIFEST_FILE],
  });

  // Every batch is folded as it arrives; batch files already there (resume) are read when reached.
  const fold = new RunFold(dir, resolved, target);
  for (const list of available.values()) for (const seg of list) fold.add(seg);
  let replicateMs = 0;
  let replicateCpuMs: number | null = 0;
  let replicatesRun = 0;
  let dispatchMs = 0;
  let foldMs = 0;
  let status: 'complete' | 'interrupted' = 'complete';
  let failure: Error | null = null;
  let reached: PrecisionInfo['reached'] = null;
  let worst: PrecisionInfo['worst'] = null;
  // Without --precision the first target is the last: each arm's tables are computed as it completes.
  const extendFold = (limit: number): void => {
    const t = performance.now();
    fold.extend(limit, precisionTarget === undefined);
    foldMs += performance.now() - t;
  };

  try {
    for (;;) {
      if (precisionTarget !== undefined && rounds[rounds.length - 1] !== target) rounds.push(target);
      const jobs = splitTail(planMissing(resolved, target, batchSize, available), workers);
      const total = resolved.arms.length * target;
      let done = total - jobs.reduce((s, j) => s + (j.to - j.from), 0);
      if (jobs.length > 0) {
        const backend = await startBackend();
        backendStarted = backend;
        const tStart = performance.now();
        let runHere = 0;
        opts.onProgress?.({ done, total, rate: 0, etaSeconds: Infinity });
        const stop = new AbortController();
        const dispatched = dispatchJobs(jobs, backend, {
          signal: opts.signal ? AbortSignal.any([opts.signal, stop.signal]) : stop.signal,
          onRetry: (job: Job, message: string) => opts.onRetry?.(`${message}; retrying arm ${job.arm} replicates ${job.from}-${job.to - 1} once`),
          onBatch: (job: Job, bytes: Uint8Array) => {
            const file = batchPath(dir, job);
            atomicWriteFile(file, bytes);
            const segment = { arm: job.arm, from: job.from, to: job.to, file };
            available.get(job.arm)!.push(segment);
            const batch = decodeBatch(bytes, file);
            for (const ms of batch.header.elapsedMs) replicateMs += ms;
            const cpu = batch.header.cpuMs;
            for (let i = 0; i < job.to - job.from; i++) {
              const ms = cpu?.[i];
              replicateCpuMs = replicateCpuMs === null || ms === undefined || ms === null ? null : replicateCpuMs + ms;
            }
            replicatesRun += job.to - job.from;
            runHere += job.to - job.from;
            done += job.to - job.from;
            const tFold = performance.now();
            fold.add(segment, batch);
            foldMs += performance.now() - tFold;
            const secs = (performance.now() - tStart) / 1000;
            const rate = secs > 0 ? runHere / secs : 0;
            opts.onProgress?.({ done, total, rate, etaSeconds: rate > 0 ? (total - done) / rate : Infinity });
          },
        }).finally(() => { dispatchMs += performance.now() - tStart; });
        dispatched.catch(() => { /* awaited below */ });
        try {
          // while the first batches run: fold what is already on disk (resume), up to this round's target
          extendFold(target);
        } catch (err) {
          stop.abort();
          await dispatched.catch(() => undefined);
          throw err;
        }
        const result = await dispatched;
        if (result === 'interrupted') { status = 'interrupted'; break; }
      } else {
        extendFold(target);
      }
      if (precisionTarget === undefined) break;
      if (!fold.isAt(target)) throw new Error(`internal: the fold stopped at replicate ${fold.folded} of ${target}`);
      const check = precisionCheck(fold.outcomeStats(), metrics, precisionTarget);
      worst = check.worst;
      if (check.ok) { reached = 'precision'; break; }
      if (target >= maxReplicates) { reached = 'max-replicates'; break; }
      const needed = Math.ceil(1.1 * target * check.ratio * check.ratio);
      target = Math.min(maxReplicates, Math.max(target + 1, Math.min(4 * target, needed)));
    }
  } catch (err) {
    status = 'interrupted';
    failure = err as Error;
  }
  // The threads stop while the tables are written (close() starts terminating them at once).
  const closing = opts.backend || backendStart === null ? Promise.resolve()
    : backendStarted ? backendStarted.close()
    : (backendStart as Promise<BatchBackend>).then((b) => b.close(), () => undefined);

  // Write whatever is complete: everything, or the largest prefix every arm has.
  const tFinish = performance.now();
  const folded = status === 'complete' ? target : completePrefix(resolved, target, available);
  let result: FoldResult;
  if (fold.isAt(folded)) {
    result = fold.finish(folded);
  } else {
    // some arms went past the prefix (interrupted): fold the prefix again from the batch files
    fold.abort();
    result = foldRun(dir, resolved, folded, coverAll(resolved, folded, available));
  }
  await closing;
  const files = [MANIFEST_FILE, ...result.files];
  if (format === 'parquet') {
    const parquet = await csvToParquet(OUTPUT_TABLES.map((t) => ({ path: join(dir, `${t}.csv`), columns: TABLE_COLUMNS[t] })));
    files.push(...parquet.map((p) => p.slice(dir.length + 1)));
  }
  if (status === 'complete' && !opts.keepBatches) rmSync(join(dir, BATCH_DIR), { recursive: true, force: true });
  const finishMs = performance.now() - tFinish;
  const wallMs = performance.now() - t0;
  const cpu1 = cpu0 === null ? null : threadCpuMs();
  const timings: Timings = {
    wallMs, dispatchMs, foldMs, finishMs, replicateMs, replicateCpuMs: replicatesRun > 0 ? replicateCpuMs : null,
    mainThreadCpuMs: cpu0 === null || cpu1 === null ? null : cpu1 - cpu0, replicatesRun,
    overheadShare: dispatchMs > 0 ? 1 - replicateMs / (dispatchMs * workers) : null,
  };
  const manifest: Manifest = {
    ...base, status, replicates: folded, targetReplicates: target, endedAt: new Date().toISOString(), timings,
    precision: precisionInfo(status === 'complete' ? reached : null, worst), varianceReduction: result.varianceReduction, files,
    ...(failure ? { error: failure.message } : {}),
  };
  writeManifest(dir, manifest);
  if (failure) {
    if (failure instanceof BatchFailedError) throw new UserError(`run failed: ${failure.message}. The results so far are in ${dir} (status interrupted); fix the cause and rerun with --resume`, EXIT.failed);
    throw failure;
  }
  return {
    dir, manifest, status,
    compare: (metric) => result.comparison.filter((r) => r.metric === metric),
    summary: (metric) => result.summary.filter((r) => r.metric === metric),
  };
}

/** True when `dir` holds a run manifest (for the CLI's --resume checks). */
export function isRunDir(dir: string): boolean {
  return existsSync(join(dir, MANIFEST_FILE));
}
