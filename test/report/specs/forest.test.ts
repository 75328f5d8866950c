import { describe, expect, it } from 'vitest';
import { betterSide, forestPlotSpec } from '../../../engine/report/specs/forest.ts';
import { armStyles } from '../../../engine/report/specs/common.ts';
import { compileSpec } from '../../../engine/report/render.ts';

const provenance = { scenarioName: 'S', scenarioHash: 'h'.repeat(64), seed: 1, replicates: 10, cssimVersion: '0' };

describe('report/specs/forest', () => {
  describe('betterSide()', () => {
    it('points to the better side, or says there is none', () => {
      expect(betterSide('sw_caseload')).toBe('← better (lower)');
      expect(betterSide('assessments_within_45_days_share')).toBe('better (higher) →');
      expect(betterSide('referral_rate')).toBe('no better direction');
    });
  });

  describe('forestPlotSpec()', () => {
    it('draws one panel per outcome and leaves the baseline out of the rows and the legend', () => {
      const arms = armStyles([{ id: 'b', name: 'Base' }, { id: 'x', name: 'Option X' }], 'b');
      const spec = forestPlotSpec({
        arms, baselineName: 'Base', outcomes: ['sw_caseload', 'referral_rate'], provenance,
        rows: [
          { arm: 'x', metric: 'sw_caseload', meanDiff: -1, ciLow: -1.5, ciHigh: -0.5, probBetter: 0.9 },
          { arm: 'x', metric: 'referral_rate', meanDiff: 3, ciLow: 1, ciHigh: 5, probBetter: null },
        ],
      });
      const body = (spec as unknown as { vconcat: { concat: unknown[] }[] }).vconcat[0];
      expect(body.concat).toHaveLength(2);
      const text = JSON.stringify(spec);
      expect(text).toContain('"domain":["Option X"]');
      expect(text).not.toContain('"armName":"Base"');
      expect(compileSpec(spec).warnings).toEqual([]);
    });
  });
});
