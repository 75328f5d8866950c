/**
 * Backends run batch jobs; the dispatcher feeds them, retries a failed batch once, and stops
 * cleanly on abort. The planner and the aggregator never know which backend ran a batch: a backend
 * takes a job and returns the encoded batch file bytes.
 */
import { Piscina } from 'piscina';
import type { ResolvedScenario } from '../io/scenario/schema.ts';
import type { Job } from './plan.ts';
import { ensureWorkerBundle } from './bundle.ts';
import type { WorkerTask } from './worker.ts';

/** Something that runs batch jobs: a local thread pool now, a distributed queue later. */
export interface BatchBackend {
  /** Worker threads (or processes) running jobs at once. */
  readonly concurrency: number;
  /** Runs one job; resolves to the batch file bytes (see batch-file.ts). `attempt` is 0, then 1 on retry. */
  run(job: Job, attempt: number): Promise<Uint8Array>;
  /** Stops the workers. */
  close(): Promise<void>;
}

/**
 * A piscina pool of `workers` threads running the bundled worker entry.
 *
 * @param replicateModule test-only: a module whose `runReplicate` replaces the model's.
 */
export async function createLocalBackend(resolved: ResolvedScenario, workers: number, replicateModule?: string): Promise<BatchBackend> {
  const filename = await ensureWorkerBundle();
  const pool = new Piscina({ filename, minThreads: workers, maxThreads: workers, idleTimeout: 60_000 });
  return {
    concurrency: workers,
    async run(job: Job, attempt: number): Promise<Uint8Array> {
      const task: WorkerTask = { resolved, replicateModule, hash: job.hash, arm: job.arm, from: job.from, to: job.to, attempt };
      const out = (await pool.run(task)) as Uint8Array;
      return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBufferLike);
    },
    async close(): Promise<void> {
      await pool.destroy();
    },
  };
}

/** A batch that failed on its retry too: the run cannot complete. */
export class BatchFailedError extends Error {
  /** @param reason the error message of the second failure */
  constructor(
    readonly job: Job,
    readonly reason: string,
  ) {
    super(reason.startsWith(`arm ${job.arm} replicate `)
      ? `${reason} (failed twice: on its first run and on the retry)`
      : `arm ${job.arm} replicates ${job.from}-${job.to - 1}: worker failed twice (${reason})`);
    this.name = 'BatchFailedError';
  }
}

/** Callbacks and limits of one dispatch. */
export interface DispatchOptions {
  /** Stop dispatching when aborted; batches in flight are still finished and delivered. */
  readonly signal?: AbortSignal;
  /** Called in completion order (which varies); must persist the batch before resolving. */
  readonly onBatch: (job: Job, bytes: Uint8Array) => void | Promise<void>;
  /** Called when a batch failed once and is retried. */
  readonly onRetry?: (job: Job, message: string) => void;
  /**
   * Jobs in flight at once (default: the backend's concurrency, one per worker, so that an interrupted
   * run waits for at most one batch per worker).
   */
  readonly inFlight?: number;
}

/**
 * Runs `jobs` on `backend` in plan order, at most `inFlight` at a time. A failed job is retried once
 * (before any new job); a second failure stops dispatching, waits for the jobs in flight, and throws
 * `BatchFailedError` naming the arm and replicate. Returns 'interrupted' when `signal` aborted first.
 */
export async function dispatchJobs(jobs: readonly Job[], backend: BatchBackend, opts: DispatchOptions): Promise<'complete' | 'interrupted'> {
  const limit = Math.max(1, opts.inFlight ?? backend.concurrency);
  const queue: { job: Job; attempt: number }[] = jobs.map((job) => ({ job, attempt: 0 }));
  let running = 0;
  let failure: BatchFailedError | null = null;
  let sinkError: unknown = null;

  return new Promise((resolve, reject) => {
    const finish = (): void => {
      if (running > 0) return;
      if (sinkError) reject(sinkError);
      else if (failure) reject(failure);
      else if (queue.length === 0) resolve('complete');
      else if (opts.signal?.aborted) resolve('interrupted');
    };
    const pump = (): void => {
      while (running < limit && queue.length > 0 && !failure && !sinkError && !opts.signal?.aborted) {
        const item = queue.shift()!;
        running += 1;
        backend.run(item.job, item.attempt).then(
          async (bytes) => {
            try {
              await opts.onBatch(item.job, bytes);
            } catch (err) {
              sinkError ??= err;
            }
          },
          (err: unknown) => {
            const message = (err as Error)?.message ?? String(err);
            if (item.attempt === 0) {
              opts.onRetry?.(item.job, message);
              queue.unshift({ job: item.job, attempt: 1 });
            } else {
              failure ??= new BatchFailedError(item.job, message);
            }
          },
        ).finally(() => {
          running -= 1;
          pump();
          finish();
        });
      }
      finish();
    };
    opts.signal?.addEventListener('abort', () => finish(), { once: true });
    pump();
  });
}
