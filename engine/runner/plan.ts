/**
 * The run plan: which replicates of which arm each batch job runs. Seeds are fixed here, never in a
 * worker: a job carries the root seed and the replicate range, and replicate r of every arm uses
 * streams derived from (rootSeed, r), so results do not depend on which worker ran which job.
 */
import type { ResolvedScenario } from '../io/scenario/schema.ts';

/** One batch job: replicates [from, to) of one arm. */
export interface Job {
  /** Scenario hash the job belongs to (checked by the worker). */
  readonly hash: string;
  /** Root seed of every random stream. */
  readonly rootSeed: number;
  /** Arm id. */
  readonly arm: string;
  /** First replicate (inclusive, 0-based). */
  readonly from: number;
  /** End replicate (exclusive); to > from. */
  readonly to: number;
}

/**
 * Plans batch jobs for replicates [from, replicates) of every arm, in chunks of `batchSize`
 * (the last chunk of an arm may be shorter). Jobs are ordered by replicate range, then arm, so a
 * partial run has about as many replicates of every arm; results are merged by (arm, from) whatever
 * the order they finish in.
 *
 * @example planJobs(s, 10, 4) // for two arms: a 0-4, b 0-4, a 4-8, b 4-8, a 8-10, b 8-10
 */
export function planJobs(s: ResolvedScenario, replicates: number, batchSize: number, from = 0): Job[] {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`planJobs: batchSize must be a positive integer, got ${batchSize}`);
  if (!Number.isInteger(replicates) || replicates < 0) throw new RangeError(`planJobs: replicates must be a non-negative integer, got ${replicates}`);
  const jobs: Job[] = [];
  for (let start = from; start < replicates; start += batchSize) {
    for (const arm of s.arms) {
      jobs.push({ hash: s.hash, rootSeed: s.seed, arm: arm.id, from: start, to: Math.min(start + batchSize, replicates) });
    }
  }
  return jobs;
}

/** Stable key of a job, also the stem of its batch file: `<arm>-<from>-<to>`. */
export function jobKey(job: Pick<Job, 'arm' | 'from' | 'to'>): string {
  return `${job.arm}-${job.from}-${job.to}`;
}

/**
 * A default batch size: about 4 batches per worker and arm, at most 10 replicates (so Ctrl-C waits for
 * at most 10 replicates per worker; a task costs well under a millisecond of overhead).
 */
export function defaultBatchSize(replicates: number, workers: number): number {
  return Math.max(1, Math.min(10, Math.ceil(replicates / (4 * Math.max(1, workers)))));
}

/**
 * Splits the last `2 × workers` jobs into single replicates, so that the workers finish together: at
 * the end of a run one worker would otherwise sit idle while another finishes a whole batch. The
 * results never change (the fold reads replicates by key, whatever the batch layout); only the
 * number of batch files does.
 */
export function splitTail(jobs: readonly Job[], workers: number): Job[] {
  const k = Math.min(jobs.length, 2 * Math.max(1, workers));
  const out = jobs.slice(0, jobs.length - k);
  for (const job of jobs.slice(jobs.length - k)) {
    for (let r = job.from; r < job.to; r++) out.push({ ...job, from: r, to: r + 1 });
  }
  return out;
}
