import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { planJobs, jobKey, defaultBatchSize, splitTail } from '../../engine/runner/plan.ts';
import { tinyScenario } from './fixtures/scenarios.ts';

describe('runner/plan', () => {
  describe('planJobs()', () => {
    it('covers every replicate of every arm exactly once, whatever the batch size', () => {
      const s = tinyScenario();
      fc.assert(fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 50 }), (n, b) => {
        const jobs = planJobs(s, n, b);
        for (const arm of s.arms) {
          const covered = jobs.filter((j) => j.arm === arm.id).flatMap((j) => Array.from({ length: j.to - j.from }, (_, i) => j.from + i));
          expect(covered).toEqual(Array.from({ length: n }, (_, i) => i));
        }
        expect(jobs.every((j) => j.to - j.from <= b && j.rootSeed === s.seed && j.hash === s.hash)).toBe(true);
      }));
    });

    it('orders jobs by replicate range, then arm', () => {
      const s = tinyScenario();
      expect(planJobs(s, 5, 3).map(jobKey)).toEqual([
        'status-quo-0-3', 'partnership-0-3', 'trust-0-3', 'status-quo-3-5', 'partnership-3-5', 'trust-3-5',
      ]);
    });

    it('starts at `from` when extending a run', () => {
      expect(planJobs(tinyScenario(), 7, 4, 5).map(jobKey)).toEqual(['status-quo-5-7', 'partnership-5-7', 'trust-5-7']);
    });

    it('rejects a batch size below 1', () => {
      expect(() => planJobs(tinyScenario(), 5, 0)).toThrow(/batchSize/);
    });
  });

  describe('defaultBatchSize()', () => {
    it('gives each worker about four batches per arm, between 1 and 10 replicates', () => {
      expect(defaultBatchSize(200, 2)).toBe(10);
      expect(defaultBatchSize(40, 2)).toBe(5);
      expect(defaultBatchSize(1, 8)).toBe(1);
    });
  });
  describe('splitTail()', () => {
    it('keeps the same replicates in the same order and leaves the last 2 x workers jobs as single replicates', () => {
      const s = tinyScenario();
      fc.assert(fc.property(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 8 }), (n, b, w) => {
        const jobs = planJobs(s, n, b);
        const split = splitTail(jobs, w);
        const replicates = (js: readonly { arm: string; from: number; to: number }[]): string[] =>
          js.flatMap((j) => Array.from({ length: j.to - j.from }, (_, i) => `${j.arm}/${j.from + i}`));
        expect(replicates(split)).toEqual(replicates(jobs));
        const k = Math.min(jobs.length, 2 * w);
        expect(split.slice(0, jobs.length - k)).toEqual(jobs.slice(0, jobs.length - k));
        expect(split.slice(jobs.length - k).every((j) => j.to - j.from === 1)).toBe(true);
      }));
    });
  });
});
