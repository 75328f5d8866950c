/**
 * Mechanism tests: each shows the direction of one effect with everything else fixed and common random
 * numbers (same seed and replicates in both runs, so differences are paired). The test statistic is the
 * mean paired difference over n replicates; it must exceed 2 standard errors of the paired differences
 * (sd(d) / sqrt(n)) in the expected direction, a one-sided test at about the 2.3% level.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runReplicateDiagnosed } from '../../engine/replicate.ts';
import type { ResolvedScenario } from '../../engine/io/scenario/schema.ts';
import type { OutcomeId } from '../../engine/model/outcomes.ts';
import { SERIES_IDS } from '../../engine/model/outcomes.ts';
import { meanSe, small } from './fixtures.ts';

const N = 6;

/** Paired differences b - a of an outcome over replicates 0..n-1. */
function paired(a: ResolvedScenario, b: ResolvedScenario, pick: (r: ReturnType<typeof runReplicateDiagnosed>) => number, n = N, armA = 'status-quo', armB = 'status-quo'): { mean: number; se: number } {
  const d: number[] = [];
  for (let i = 0; i < n; i++) d.push(pick(runReplicateDiagnosed(b, armB, i)) - pick(runReplicateDiagnosed(a, armA, i)));
  return meanSe(d);
}

const outcome = (id: OutcomeId) => (r: ReturnType<typeof runReplicateDiagnosed>): number => r.outcomes[id];

describe('model/world', () => {
  it('gives bit-identical results for the same scenario, arm and replicate', () => {
    const s = small();
    const a = runReplicateDiagnosed(s, 'status-quo', 3);
    const b = runReplicateDiagnosed(s, 'status-quo', 3);
    expect(b.outcomes).toEqual(a.outcomes);
    for (const id of SERIES_IDS) expect(Array.from(b.monthly[id])).toEqual(Array.from(a.monthly[id]));
    expect(b.events).toBe(a.events);
  });

  it('counts every kernel event under exactly one event kind (one queue event per child serves three kinds)', () => {
    const r = runReplicateDiagnosed(small(), 'status-quo', 2);
    const byKind = Object.values(r.diagnostics.eventsByKind).reduce((x, y) => x + y, 0);
    expect(byKind).toBe(r.events);
    for (const k of ['child-need', 'child-referral', 'case-step'] as const) expect(r.diagnostics.eventsByKind[k]).toBeGreaterThan(0);
  });

  it('gives different results for different replicates', () => {
    const s = small();
    expect(runReplicateDiagnosed(s, 'status-quo', 0).outcomes.referral_rate).not.toBe(runReplicateDiagnosed(s, 'status-quo', 1).outcomes.referral_rate);
  });

  it('conserves children: aggregate population plus agents equals the population of each authority', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3000, max: 15000 }), fc.double({ min: 0.02, max: 0.08, noNaN: true }), fc.integer({ min: 0, max: 50 }), (pop, arising, rep) => {
        const s = small({ childPopulation: pop, horizonYears: 1, warmupYears: 1, parameters: { population: { needArisingPerChildYear: arising } } });
        const r = runReplicateDiagnosed(s, 'status-quo', rep);
        expect(r.diagnostics.conservedChildren).toEqual([pop]);
        const agents = r.diagnostics.agentsPer10kByLevelService.flat().reduce((x, y) => x + y, 0);
        expect(Math.abs((agents * pop) / 1e4 - r.diagnostics.agents)).toBeLessThan(1);
      }),
      { numRuns: 8, seed: 7 },
    );
  });

  it('never reports negative costs, rates or counts', () => {
    const s = small({ arms: [{ id: 'status-quo', name: 'SQ', structure: 'status-quo', changes: [{ date: '2020-01-01', structure: 'national-agency' }] }] });
    for (let rep = 0; rep < 3; rep++) {
      const r = runReplicateDiagnosed(s, 'status-quo', rep);
      for (const id of SERIES_IDS) for (const v of r.monthly[id]) if (!Number.isNaN(v)) expect(v, id).toBeGreaterThanOrEqual(0);
      expect(r.outcomes.spend_gbp).toBeGreaterThan(0);
    }
  });

  it('keeps horizon outcomes finite when months lack a denominator (NaN stays in the monthly series)', () => {
    // 1,500 children: some months have no protection plan start or no completed assessment (NaN shares)
    const s = small({ childPopulation: 1500, horizonYears: 2 });
    let nanMonths = 0;
    for (let rep = 0; rep < 4; rep++) {
      const r = runReplicateDiagnosed(s, 'status-quo', rep);
      nanMonths += Array.from(r.monthly.cpp_second_or_later_share).filter(Number.isNaN).length;
      for (const [id, v] of Object.entries(r.outcomes)) {
        if (id === 'cpp_second_or_later_share' && r.diagnostics.protectionStarts === 0) continue;
        if (id === 'assessments_within_45_days_share' && r.diagnostics.assessmentsStarted === 0) continue;
        expect(Number.isFinite(v), `${id} in replicate ${rep}`).toBe(true);
      }
    }
    expect(nanMonths).toBeGreaterThan(0);
  });

  it('lowers unmet need when information sharing is better', () => {
    const lo = small({ parameters: { mechanisms: { infoSharing: 0.1 } } });
    const hi = small({ parameters: { mechanisms: { infoSharing: 0.9 } } });
    const d = paired(lo, hi, outcome('unmet_need_rate'));
    expect(d.mean).toBeLessThan(-2 * d.se);
  });

  it('raises social worker turnover when caseloads rise (more need, posts fixed)', () => {
    const base = { workforce: { establishmentAdjustmentPerYear: 0 }, boards: { postsIncrease: 0 } };
    const lo = small({ parameters: base });
    const hi = small({ parameters: { ...base, population: { needArisingPerChildYear: 0.065 } } });
    const caseload = paired(lo, hi, outcome('sw_caseload'));
    expect(caseload.mean).toBeGreaterThan(2 * caseload.se);
    const turnover = paired(lo, hi, outcome('sw_turnover_rate'));
    expect(turnover.mean).toBeGreaterThan(2 * turnover.se);
  });

  it('sends fewer referrals to assessment when screening thresholds are tighter', () => {
    const loose = small();
    const tight = small({ parameters: { frontDoor: { earlyHelpInNeed: 0.3, earlyHelpEarlyHelp: 0.6, noFurtherActionNoNeed: 0.4 } } });
    const share = (r: ReturnType<typeof runReplicateDiagnosed>): number => r.diagnostics.assessmentsStarted / r.diagnostics.referrals;
    const d = paired(loose, tight, share);
    expect(d.mean).toBeLessThan(-2 * d.se);
  });

  it('dips assessment timeliness after a disruptive restructure and recovers', () => {
    // a change on 2020-04-01 (month 12) with a 40% productivity dip recovering over 12 months
    const arms = [
      { id: 'status-quo', name: 'SQ', structure: 'status-quo' },
      { id: 'change', name: 'change', structure: 'status-quo', changes: [{ date: '2020-04-01', structure: 'dcs-merge' }] },
    ];
    const s = small({ arms, horizonYears: 4, parameters: { disruption: { dcsMerge: { productivityDip: 0.4, recoveryMonths: 12, turnoverSpike: 0 } } } });
    const window = (from: number, to: number) => (r: ReturnType<typeof runReplicateDiagnosed>): number => {
      let t = 0;
      for (let m = from; m < to; m++) t += r.monthly.assessments_within_45_days_share[m];
      return t / (to - from);
    };
    const during = paired(s, s, window(12, 18), N, 'status-quo', 'change');
    expect(during.mean).toBeLessThan(-2 * during.se);
    const after = paired(s, s, window(36, 48), N, 'status-quo', 'change');
    expect(after.mean).toBeGreaterThan(during.mean + 2 * Math.hypot(during.se, after.se));
  });

  it('keeps two arms identical before the first structural change (common random numbers)', () => {
    const arms = [
      { id: 'status-quo', name: 'SQ', structure: 'status-quo' },
      { id: 'change', name: 'change', structure: 'status-quo', changes: [{ date: '2020-04-01', structure: 'partnership' }] },
    ];
    const s = small({ arms });
    const a = runReplicateDiagnosed(s, 'status-quo', 2);
    const b = runReplicateDiagnosed(s, 'change', 2);
    for (const id of SERIES_IDS) expect(Array.from(b.monthly[id].slice(0, 12)), id).toEqual(Array.from(a.monthly[id].slice(0, 12)));
    expect(b.outcomes.spend_gbp).not.toBe(a.outcomes.spend_gbp);
  });

  it('moves an authority judged inadequate and not improved to the intervention structure', () => {
    const arms = [{ id: 'status-quo', name: 'SQ', structure: 'status-quo', intervention: { onInadequate: 'independent-trust', improveWithinMonths: 6 } }];
    const always = { inspection: { cutInadequate: 9, cutGood: 9.5, cutOutstanding: 10 } };
    const s = small({ arms, parameters: always });
    const r = runReplicateDiagnosed(s, 'status-quo', 0);
    expect(r.changes.length).toBe(1);
    expect(r.changes[0]).toMatchObject({ structure: 'independent-trust', cause: 'intervention', authority: 'test' });
    expect(r.yearly.inspection_grade[0]).toBe(3); // the initial grade until the first inspection (month 18)
    expect(r.yearly.inspection_grade[2]).toBe(4);
    const none = small({ arms: [{ ...arms[0], intervention: { onInadequate: 'none' } }], parameters: always });
    expect(runReplicateDiagnosed(none, 'status-quo', 0).changes).toEqual([]);
  });

  it('starts the intervention clock for an authority that begins inadequate, from its last inspection', () => {
    const arms = [{ id: 'status-quo', name: 'SQ', structure: 'status-quo', intervention: { onInadequate: 'independent-trust', improveWithinMonths: 6 } }];
    const always = { inspection: { cutInadequate: 9, cutGood: 9.5, cutOutstanding: 10 } }; // every judgement is inadequate
    const authorities = [{ id: 'test', name: 'Test', childPopulation: 20_000, initialInspectionGrade: 'inadequate', monthsSinceInspection: 0 }];
    const r = runReplicateDiagnosed(small({ arms, authorities, parameters: always }), 'status-quo', 0);
    // judged at the start of the horizon (2019-04-01), checked six months later, long before the next
    // full inspection (36 months): the move comes from the starting judgement alone
    expect(r.changes).toHaveLength(1);
    expect(r.changes[0]).toMatchObject({ date: '2019-10-01', structure: 'independent-trust', cause: 'intervention' });
    const none = small({ arms: [{ ...arms[0], intervention: { onInadequate: 'none' } }], authorities, parameters: always });
    expect(runReplicateDiagnosed(none, 'status-quo', 0).changes).toEqual([]);
  });

  it('records scheduled changes for every authority with their dates', () => {
    const authorities = [
      { id: 'north', name: 'North', childPopulation: 8000 },
      { id: 'south', name: 'South', childPopulation: 9000 },
    ];
    const arms = [{ id: 'status-quo', name: 'SQ', structure: 'status-quo', changes: [{ date: '2020-04-01', structure: 'shared-service' }], intervention: { onInadequate: 'none' } }];
    const r = runReplicateDiagnosed(small({ authorities, arms }), 'status-quo', 0);
    expect(r.changes.map((c) => [c.authority, c.structure, c.cause, c.date])).toEqual([
      ['north', 'shared-service', 'scheduled', '2020-04-01'],
      ['south', 'shared-service', 'scheduled', '2020-04-01'],
    ]);
    expect(r.changes[0].day).toBe(366);
  });

  it('fills every monthly and yearly series to the horizon length', () => {
    const s = small();
    const r = runReplicateDiagnosed(s, 'status-quo', 0);
    for (const id of SERIES_IDS) expect(r.monthly[id].length).toBe(36);
    for (const v of Object.values(r.yearly)) expect(v.length).toBe(3);
    expect(r.monthly.inspection_is_requires_improvement[0] + r.monthly.inspection_is_good[0] + r.monthly.inspection_is_outstanding[0] + r.monthly.inspection_is_inadequate[0]).toBe(1);
  });
});
