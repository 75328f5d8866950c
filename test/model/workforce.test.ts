import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deriveStream } from '../../engine/kernel/index.ts';
import { ParametersSchema } from '../../engine/model/parameters.ts';
import { Workforce, leaveHazardPerYear, updatePools, updateWorkload, workerProductivity, workforceWeek } from '../../engine/model/workforce.ts';

const p = ParametersSchema.parse({});

describe('model/workforce', () => {
  it('raises the leaving hazard with caseload and turbulence', () => {
    expect(leaveHazardPerYear(1.3, false, 0, p)).toBeGreaterThan(leaveHazardPerYear(1, false, 0, p));
    expect(leaveHazardPerYear(1, false, 0.5, p)).toBeCloseTo(1.5 * leaveHazardPerYear(1, false, 0, p), 12);
    expect(leaveHazardPerYear(1, false, 0, p)).toBe(p.workforce.leaveHazardPerYear);
  });

  it('ramps productivity from new starter to experienced', () => {
    expect(workerProductivity(0, p)).toBe(p.workforce.newStarterProductivity);
    expect(workerProductivity(10, p)).toBe(1);
    expect(workerProductivity(1, p)).toBeGreaterThan(workerProductivity(0.5, p));
  });

  it('computes workload as open cases per case holder over the target', () => {
    const wf = new Workforce(1);
    for (let i = 0; i < 10; i++) wf.hire(0, -1000);
    wf.agency[0] = 0;
    updatePools(wf, [170], [1], 0, p);
    expect(wf.workload[0]).toBeCloseTo(1, 12);
  });

  it('updateWorkload gives updatePools\' workload bit for bit and leaves productivity alone (fast-check)', () => {
    // pools of several authorities, fractional agency cover, workers hired and leaving in any order, and
    // sizes near powers of two, where adding the workers one at a time and adding their count round differently
    const authority = fc.record({
      pool: fc.nat({ max: 2 }),
      agency: fc.double({ min: 0, max: 40, noNaN: true }),
      cases: fc.double({ min: 0, max: 3000, noNaN: true }),
      workers: fc.integer({ min: 0, max: 140 }),
    });
    fc.assert(
      fc.property(fc.array(authority, { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { maxLength: 60 }), (auths, leaving) => {
        const n = auths.length;
        const build = (): Workforce => {
          const wf = new Workforce(n, 4);
          auths.forEach((x, a) => {
            wf.pool[a] = Math.min(x.pool, a); // a pool is named by its lowest member
            wf.agency[a] = x.agency;
            for (let i = 0; i < x.workers; i++) wf.hire(a, -((i * 37) % 900));
          });
          for (const k of leaving) if (wf.used > 0 && wf.active[k % wf.used] === 1) wf.leave(k % wf.used);
          return wf;
        };
        const cases = auths.map((x) => x.cases);
        const full = build(), quick = build();
        updatePools(full, cases, cases.map(() => 0.9), 100, p);
        quick.productivity.fill(-1);
        updateWorkload(quick, cases, p);
        for (let a = 0; a < n; a++) {
          expect(Object.is(quick.workload[a], full.workload[a])).toBe(true);
          expect(quick.productivity[a]).toBe(-1);
        }
      }),
      { numRuns: 500, seed: 20261124 },
    );
  });

  it('lowers the spread of vacancy rates across authorities when the workforce is pooled', () => {
    // three authorities with the same posts and one shared stream per run; vacancy share per authority
    // after a year of weekly turnover and recruitment; pooling redeploys workers where posts are vacant
    const spread = (pooled: boolean, rep: number): number => {
      const wf = new Workforce(3);
      const s = deriveStream(99, rep, 'workforce');
      for (let a = 0; a < 3; a++) { wf.posts[a] = 30; for (let i = 0; i < 25; i++) wf.hire(a, -2000); if (pooled) wf.pool[a] = 0; }
      const cases = [510, 510, 510];
      let sum = 0;
      for (let week = 0; week < 52; week++) {
        updatePools(wf, cases, [1, 1, 1], week * 7, p);
        workforceWeek(wf, week * 7, [0, 0, 0], [1, 1, 1], p, s);
        const v = [0, 1, 2].map((a) => (wf.posts[a] - wf.permanent[a]) / wf.posts[a]);
        const m = (v[0] + v[1] + v[2]) / 3;
        sum += v.reduce((t, x) => t + (x - m) ** 2, 0) / 2;
      }
      return sum / 52;
    };
    let separate = 0, pooled = 0;
    for (let rep = 0; rep < 10; rep++) { separate += spread(false, rep); pooled += spread(true, rep); }
    expect(pooled).toBeLessThan(separate / 2);
  });
});
