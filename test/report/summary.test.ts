import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRunDir } from './fixtures/make-run.ts';
import { readRun } from '../../engine/report/read-run.ts';
import type { RunComparisonRow, RunData } from '../../engine/report/read-run.ts';
import { diffText, verdicts } from '../../engine/report/summary.ts';

function withComparison(run: RunData, rows: RunComparisonRow[]): RunData {
  return { ...run, comparison: rows };
}

const row = (metric: string, ciLow: number, ciHigh: number): RunComparisonRow => ({
  arm: 'arm-partnership', baseline: 'status-quo', metric, meanDiff: (ciLow + ciHigh) / 2, ciLow, ciHigh, probBetter: 0.5, n: 10,
});

describe('report/summary', () => {
  let work: string;
  let run: RunData;
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'cssim-summary-'));
    run = await readRun(makeRunDir(join(work, 'run'), { arms: 2, replicates: 5, months: 2 }));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  describe('verdicts()', () => {
    it('calls a lower-is-better outcome better when the whole CI is below 0, worse when above', () => {
      const [v] = verdicts(withComparison(run, [row('sw_caseload', -2, -1), row('unmet_need_rate', 1, 2)]));
      expect(v.better.map((i) => i.metric)).toEqual(['sw_caseload']);
      expect(v.worse.map((i) => i.metric)).toEqual(['unmet_need_rate']);
    });

    it('calls a higher-is-better outcome better when the whole CI is above 0', () => {
      const [v] = verdicts(withComparison(run, [row('assessments_within_45_days_share', 0.5, 3)]));
      expect(v.better.map((i) => i.metric)).toEqual(['assessments_within_45_days_share']);
    });

    it('calls the evidence not clear when the CI includes 0, or is missing', () => {
      const [v] = verdicts(withComparison(run, [row('sw_caseload', -2, 0.1), row('spend_gbp', Number.NaN, Number.NaN)]));
      expect(v.unclear.map((i) => i.metric)).toEqual(['sw_caseload', 'spend_gbp']);
      expect(v.better).toEqual([]);
    });

    it('keeps outcomes with no better direction apart as changed or unchanged', () => {
      const [v] = verdicts(withComparison(run, [row('referral_rate', 3, 5), row('looked_after_rate', -1, 1)]));
      expect(v.changed.map((i) => i.metric)).toEqual(['referral_rate']);
      expect(v.unchanged.map((i) => i.metric)).toEqual(['looked_after_rate']);
      expect(v.better.length + v.worse.length + v.unclear.length).toBe(0);
    });
  });

  describe('diffText()', () => {
    it('prints shares as percentage points and spend in GBP million, with signs', () => {
      expect(diffText('rereferral_share', -1.234, -1.5, -0.9)).toBe('−1.23 percentage points (95% CI −1.5 to −0.9)');
      expect(diffText('spend_gbp', 1_250_000, 500_000, 2_000_000)).toBe('+1.3 GBP million per year (95% CI +0.5 to +2.0)');
    });

    it('prints floating-point noise around zero as 0', () => {
      expect(diffText('inspection_grade', 7.4e-17, -0.04, 0.04)).toBe('0 grade points (95% CI −0.04 to +0.04)');
    });
  });
});
