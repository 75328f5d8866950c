import { describe, it, expect } from 'vitest';
import { dispatchJobs, BatchFailedError, workerExecArgv } from '../../engine/runner/pool.ts';
import type { BatchBackend } from '../../engine/runner/pool.ts';
import { planJobs, jobKey } from '../../engine/runner/plan.ts';
import type { Job } from '../../engine/runner/plan.ts';
import { tinyScenario } from './fixtures/scenarios.ts';

/** An in-memory backend: finishes jobs after a tick, in reverse order of submission within a tick. */
function fakeBackend(fail: (job: Job, attempt: number) => string | null): BatchBackend & { calls: string[] } {
  const calls: string[] = [];
  return {
    concurrency: 2,
    calls,
    async run(job, attempt) {
      calls.push(`${jobKey(job)}#${attempt}`);
      await new Promise((r) => setTimeout(r, 1));
      const msg = fail(job, attempt);
      if (msg) throw new Error(msg);
      return new Uint8Array([job.from]);
    },
    async close() {},
  };
}

describe('runner/pool', () => {
  describe('dispatchJobs()', () => {
    it('delivers every job once and completes', async () => {
      const jobs = planJobs(tinyScenario(), 10, 3);
      const got: string[] = [];
      const status = await dispatchJobs(jobs, fakeBackend(() => null), { onBatch: (j) => { got.push(jobKey(j)); } });
      expect(status).toBe('complete');
      expect(got.sort()).toEqual(jobs.map(jobKey).sort());
    });

    it('retries a failed job once and then completes', async () => {
      const jobs = planJobs(tinyScenario(), 6, 3);
      const retried: string[] = [];
      const backend = fakeBackend((j, attempt) => (j.arm === 'trust' && j.from === 3 && attempt === 0 ? 'arm trust replicate 4: boom' : null));
      const status = await dispatchJobs(jobs, backend, { onBatch: () => {}, onRetry: (j, m) => retried.push(`${jobKey(j)}: ${m}`) });
      expect(status).toBe('complete');
      expect(retried).toEqual(['trust-3-6: arm trust replicate 4: boom']);
      expect(backend.calls.filter((c) => c.startsWith('trust-3-6'))).toEqual(['trust-3-6#0', 'trust-3-6#1']);
    });

    it('fails with the arm and replicate when the retry fails too', async () => {
      const jobs = planJobs(tinyScenario(), 6, 3);
      const backend = fakeBackend((j) => (j.arm === 'partnership' && j.from === 0 ? 'arm partnership replicate 1: boom' : null));
      const err = await dispatchJobs(jobs, backend, { onBatch: () => {} }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(BatchFailedError);
      expect((err as Error).message).toMatch(/^arm partnership replicate 1: boom \(failed twice/);
    });

    it('names the replicate range when a worker dies without a message about a replicate', async () => {
      const jobs = planJobs(tinyScenario(), 3, 3);
      const backend = fakeBackend((j) => (j.arm === 'trust' ? 'worker exited with code 70' : null));
      await expect(dispatchJobs(jobs, backend, { onBatch: () => {} })).rejects.toThrow(/arm trust replicates 0-2: worker failed twice \(worker exited with code 70\)/);
    });

    it('sends the next job before the previous result is handled, and resolves after every handler', async () => {
      const jobs = planJobs(tinyScenario(), 4, 1); // 12 jobs
      const backend = fakeBackend(() => null);
      const startedWhileHandling: number[] = [];
      let handled = 0;
      const status = await dispatchJobs(jobs, backend, {
        inFlight: 1,
        onBatch: async () => {
          startedWhileHandling.push(backend.calls.length);
          await new Promise((r) => setTimeout(r, 2));
          handled += 1;
        },
      });
      expect(status).toBe('complete');
      expect(handled).toBe(jobs.length);
      // with one job in flight, job i+1 has already been sent when result i is handled
      expect(startedWhileHandling.slice(0, -1)).toEqual(jobs.slice(1).map((_, i) => i + 2));
    });

    it('stops dispatching on abort, finishes the jobs in flight and reports interrupted', async () => {
      const jobs = planJobs(tinyScenario(), 30, 1);
      const controller = new AbortController();
      const delivered: string[] = [];
      const backend = fakeBackend(() => null);
      const status = await dispatchJobs(jobs, backend, {
        signal: controller.signal,
        onBatch: (j) => { delivered.push(jobKey(j)); if (delivered.length === 3) controller.abort(); },
      });
      expect(status).toBe('interrupted');
      expect(delivered.length).toBe(backend.calls.length); // every started job was delivered
      expect(delivered.length).toBeLessThan(jobs.length);
    });
  });

  describe('workerExecArgv()', () => {
    it('drops the flags that load tsx and keeps every other flag', () => {
      expect(workerExecArgv(['--import', 'tsx', '--max-old-space-size=4096'])).toEqual(['--max-old-space-size=4096']);
      expect(workerExecArgv(['--import=tsx/esm', '--require', '/p/node_modules/tsx/dist/cjs/index.cjs', '--enable-source-maps'])).toEqual(['--enable-source-maps']);
      expect(workerExecArgv(['--import', './otel.mjs', '-r', 'dotenv/config'])).toEqual(['--import', './otel.mjs', '-r', 'dotenv/config']);
      expect(workerExecArgv(['--loader', 'file:///x/node_modules/tsx/dist/loader.mjs', '--cpu-prof'])).toEqual(['--cpu-prof']);
    });
  });
});
