import { describe, it, expect } from 'vitest';
import { mmcProblems, runMmc, simulateMmcReplicate } from '../../engine/selfcheck/mmc.ts';
import type { MmcOptions } from '../../engine/selfcheck/mmc.ts';

const inside = (x: number, ci: readonly [number, number]): boolean => ci[0] <= x && x <= ci[1];

describe('selfcheck/mmc', () => {
  describe('runMmc()', () => {
    it('puts the Erlang C mean wait and P(wait) inside the 95% CIs for M/M/10 at ρ = 0.9', () => {
      const r = runMmc({ arrivalRate: 9, serviceRate: 1, servers: 10, customers: 40_000, replicates: 20, seed: 7 });
      expect(inside(r.analytic.meanWait, r.meanWaitCI)).toBe(true);
      expect(inside(r.analytic.probWait, r.probWaitCI)).toBe(true);
      expect(inside(r.analytic.meanInSystem, r.meanInSystemCI)).toBe(true);
      expect(r.events).toBe(20 * 2 * 40_000); // one arrival and one departure per customer
    });

    it('has CIs that cover the analytic P(wait) in about 95% of independent experiments', () => {
      // 60 experiments with different seeds; if the CIs are right, the count covering is Binomial(60, 0.95):
      // mean 57, sd √(60 · 0.95 · 0.05) = 1.69. Five sd below the mean is 48.6, so require at least 49.
      // A biased simulation (e.g. no warm-up, a wrong service rate) covers far less often.
      let covered = 0;
      for (let seed = 0; seed < 60; seed++) {
        const r = runMmc({ arrivalRate: 1.5, serviceRate: 1, servers: 2, customers: 3_000, replicates: 8, seed });
        if (inside(r.analytic.probWait, r.probWaitCI)) covered++;
      }
      expect(covered).toBeGreaterThanOrEqual(49);
    });

    it('rejects invalid options naming each field', () => {
      expect(() => runMmc({ arrivalRate: 10, serviceRate: 1, servers: 10, customers: 100, replicates: 2, seed: 1 })).toThrow(
        /utilisation/,
      );
    });
  });

  describe('simulateMmcReplicate()', () => {
    const o: MmcOptions = { arrivalRate: 4, serviceRate: 1, servers: 5, customers: 5_000, replicates: 2, seed: 3 };

    it('gives identical results for the same replicate and different ones for another', () => {
      expect(simulateMmcReplicate(o, 4)).toEqual(simulateMmcReplicate(o, 4));
      expect(simulateMmcReplicate(o, 5).meanWait).not.toBe(simulateMmcReplicate(o, 4).meanWait);
    });

    it('measures customers after the warm-up only', () => {
      expect(simulateMmcReplicate({ ...o, warmup: 1_000 }, 0).measured).toBe(4_000);
      expect(simulateMmcReplicate(o, 0).measured).toBe(4_500); // default warm-up: a tenth
    });

    it('never lets a customer wait when there are more servers than customers can keep busy', () => {
      const r = simulateMmcReplicate({ ...o, arrivalRate: 0.001, servers: 50 }, 0);
      expect(r.probWait).toBe(0);
      expect(r.meanWait).toBe(0);
    });
  });

  describe('mmcProblems()', () => {
    const good: MmcOptions = { arrivalRate: 1, serviceRate: 2, servers: 1, customers: 10, replicates: 2, seed: 0 };

    it('is empty for valid options', () => {
      expect(mmcProblems(good)).toEqual([]);
    });

    it('names every invalid field, with the caller names when given', () => {
      const problems = mmcProblems(
        { arrivalRate: -1, serviceRate: NaN, servers: 1.5, customers: 2, replicates: 1, seed: -1, warmup: 5 },
        { servers: '--servers' },
      );
      expect(problems.join('\n')).toMatch(/arrivalRate must be a positive number/);
      expect(problems.join('\n')).toMatch(/serviceRate must be a positive number/);
      expect(problems.join('\n')).toMatch(/--servers must be a positive integer, got 1.5/);
      expect(problems.join('\n')).toMatch(/customers must be an integer >= 3/);
      expect(problems.join('\n')).toMatch(/replicates must be an integer >= 2/);
      expect(problems.join('\n')).toMatch(/seed must be a non-negative integer/);
      expect(problems.join('\n')).toMatch(/warmup must be an integer from 0/);
    });

    it('rejects utilisation of 1 or more', () => {
      expect(mmcProblems({ ...good, arrivalRate: 2 })).toEqual([expect.stringMatching(/must be < 1 .* got 1$/)]);
    });
  });
});
