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

const LOADER_FLAGS = new Set(['--import', '--require', '-r', '--loader', '--experimental-loader']);

/**
 * The Node flags for worker threads: this process's `execArgv` without the flags that register tsx
 * (`--import tsx` and the like). Worker threads inherit `execArgv`, and a TypeScript loader in each
 * thread adds most of a second to its start (0.85 s against 0.18 s measured on 2 cores), while the
 * worker is a plain-JS bundle that needs none (the test-only replicate module loads through tsx's API).
 *
 * @example workerExecArgv(['--import', 'tsx', '--max-old-space-size=4096']) // ['--max-old-space-size=4096']
 */
export function workerExecArgv(execArgv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i];
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (!LOADER_FLAGS.has(flag)) { out.push(arg); continue; }
    const value = eq > 0 ? arg.slice(eq + 1) : execArgv[i + 1] ?? '';
    const isTsx = /(^|[/\\])tsx([/\\@]|$)/.test(value);
    if (!isTsx) out.push(arg);
    if (eq < 0) {
      if (!isTsx && i + 1 < execArgv.length) out.push(execArgv[i + 1]);
      i += 1;
    }
  }
  return out;
}

/**
 * A piscina pool of `workers` threads running the bundled worker entry. The threads start at once
 * (they boot while the caller finishes its own set-up) and run without tsx (`workerExecArgv`).
 *
 * @param replicateModule test-only: a module whose `runReplicate` replaces the model's.
 */
export async function createLocalBackend(resolved: ResolvedScenario, workers: number, replicateModule?: string): Promise<BatchBackend> {
  const filename = await ensureWorkerBundle();
  const start = (execArgv: string[] | undefined): Piscina => new Piscina({ filename, minThreads: workers, maxThreads: workers, idleTimeout: 60_000, execArgv });
  const wanted = workerExecArgv(process.execArgv);
  // Inherited flags are not checked, but a list given to a worker is: Node refuses V8 and per-process
  // flags there (e.g. --expose-gc), so pass a list only when tsx was dropped, and without the flags refused.
  let pool: Piscina;
  if (wanted.length === process.execArgv.length) {
    pool = start(undefined);
  } else {
    try {
      pool = start(wanted);
    } catch (err) {
      if ((err as { code?: string }).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw err;
      const refused = new Set(String((err as Error).message).replace(/^[^:]*:\s*/, '').split(/,\s*/));
      try {
        pool = start(wanted.filter((a) => !refused.has(a)));
      } catch {
        pool = start([]);
      }
    }
  }
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
 * Runs `jobs` on `backend` in plan order, at most `inFlight` at a time. A job's slot is refilled as
 * soon as its result arrives, before `onBatch` handles it, so a worker never waits for the caller's
 * work on the previous batch. A failed job is retried once (before any new job); a second failure
 * stops dispatching, waits for the jobs in flight, and throws `BatchFailedError` naming the arm and
 * replicate. Returns 'interrupted' when `signal` aborted first. Resolves only after every `onBatch`
 * call has finished.
 */
export async function dispatchJobs(jobs: readonly Job[], backend: BatchBackend, opts: DispatchOptions): Promise<'complete' | 'interrupted'> {
  const limit = Math.max(1, opts.inFlight ?? backend.concurrency);
  const queue: { job: Job; attempt: number }[] = jobs.map((job) => ({ job, attempt: 0 }));
  let running = 0;
  let sinking = 0;
  let failure: BatchFailedError | null = null;
  let sinkError: unknown = null;

  return new Promise((resolve, reject) => {
    const finish = (): void => {
      if (running > 0 || sinking > 0) return;
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
            running -= 1;
            sinking += 1;
            pump(); // the next job goes out before this result is handled
            try {
              await opts.onBatch(item.job, bytes);
            } catch (err) {
              sinkError ??= err;
            } finally {
              sinking -= 1;
            }
          },
          (err: unknown) => {
            running -= 1;
            const message = (err as Error)?.message ?? String(err);
            if (item.attempt === 0) {
              opts.onRetry?.(item.job, message);
              queue.unshift({ job: item.job, attempt: 1 });
            } else {
              failure ??= new BatchFailedError(item.job, message);
            }
            pump();
          },
        ).finally(finish);
      }
      finish();
    };
    opts.signal?.addEventListener('abort', () => finish(), { once: true });
    pump();
  });
}
