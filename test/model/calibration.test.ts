/**
 * Calibration: the status-quo arm of scenarios/england-average.yaml against the 2019 national figures.
 *
 * The mean of R replicates is compared with each target. The tolerances are stated in
 * engine/model/calibration.ts before calibrating, from the 2014-2019 movement of the national figures;
 * the sampling error of the mean of R = 6 replicates must be below a third of each tolerance (checked
 * below), so passing or missing is not down to chance.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CALIBRATION_TARGETS, FLOW_TARGETS, flowShare } from '../../engine/model/calibration.ts';
import { runReplicate, runReplicateDiagnosed } from '../../engine/replicate.ts';
import { englandAverage, meanSe } from './fixtures.ts';

const R = 6;

function csvValue(indicator: string, year: number): number {
  const text = readFileSync(new URL('../../scenarios/data/england-national-2014-2019.csv', import.meta.url), 'utf8');
  const row = text.split('\n').map((l) => l.split(',')).find((c) => c[0] === indicator && Number(c[1]) === year);
  if (!row) throw new Error(`no ${indicator} ${year} in the CSV`);
  return Number(row[2]);
}

describe('model/calibration', () => {
  it('takes its targets from the shared national CSV', () => {
    const t = Object.fromEntries(CALIBRATION_TARGETS.map((x) => [x.outcome, x.observed]));
    for (const id of ['referral_rate', 'children_in_need_rate', 'child_protection_plans_rate', 'sw_caseload', 'sw_turnover_rate', 'sw_agency_rate', 'sw_vacancy_rate'] as const) {
      expect(t[id], id).toBe(csvValue(id, 2019));
    }
    expect(t.looked_after_rate).toBeCloseTo((csvValue('looked_after', 2019) / csvValue('child_population', 2019)) * 1e4, 9);
    expect(t.spend_gbp).toBeCloseTo((csvValue('csc_spend', 2018) * 1e9) / 152, 0);
    expect(new Set(CALIBRATION_TARGETS.map((x) => x.outcome)).size).toBe(CALIBRATION_TARGETS.length);
  });

  it('reproduces every target within its stated tolerance (status quo, 6 replicates)', async () => {
    const s = await englandAverage();
    const results = Array.from({ length: R }, (_, i) => runReplicate(s, 'status-quo', i));
    const misses: string[] = [];
    for (const t of CALIBRATION_TARGETS) {
      const { mean, se } = meanSe(results.map((r) => r.outcomes[t.outcome]));
      // the sampling error must be small against the tolerance, so a pass or a miss is not chance
      expect((100 * se) / t.observed, `${t.outcome} sampling error`).toBeLessThan(t.tolerancePct / 3);
      const gapPct = (100 * Math.abs(mean - t.observed)) / t.observed;
      if (gapPct > t.tolerancePct) misses.push(`${t.outcome}: model ${mean.toFixed(2)} vs ${t.observed.toFixed(2)} (${gapPct.toFixed(1)}% > ${t.tolerancePct}%)`);
    }
    expect(misses).toEqual([]);
  });

  it('takes its flow targets from the shared national CSV', () => {
    const t = Object.fromEntries(FLOW_TARGETS.map((x) => [x.flow, x.observed]));
    expect(t.referrals_nfa_share).toBe(csvValue('referrals_nfa_share', 2019));
    expect(t.assessed_not_in_need_share).toBe(csvValue('assessed_not_in_need_share', 2019));
    expect(t.section47_share).toBeCloseTo((100 * csvValue('section47_enquiries', 2017)) / csvValue('referrals', 2017), 9);
  });

  it('reproduces the referral outcome split (flow targets) within its stated tolerance (status quo, 6 replicates)', async () => {
    const s = await englandAverage();
    const results = Array.from({ length: R }, (_, i) => runReplicateDiagnosed(s, 'status-quo', i).diagnostics);
    const misses: string[] = [];
    for (const t of FLOW_TARGETS) {
      const { mean, se } = meanSe(results.map((d) => flowShare(t.flow, d)));
      // about 43,000 referrals per replicate, so binomial noise is small; the spread between replicates
      // (leaders tightening or loosening thresholds) dominates, and must stay below a third of the tolerance
      expect((100 * se) / t.observed, `${t.flow} sampling error`).toBeLessThan(t.tolerancePct / 3);
      const gapPct = (100 * Math.abs(mean - t.observed)) / t.observed;
      if (gapPct > t.tolerancePct) misses.push(`${t.flow}: model ${mean.toFixed(2)} vs ${t.observed.toFixed(2)} (${gapPct.toFixed(1)}% > ${t.tolerancePct}%)`);
    }
    expect(misses).toEqual([]);
  });
});
