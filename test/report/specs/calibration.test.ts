import { describe, expect, it } from 'vitest';
import { calibrationSpec } from '../../../engine/report/specs/calibration.ts';

const provenance = { scenarioName: 'S', scenarioHash: 'h'.repeat(64), seed: 1, replicates: 10, cssimVersion: '0' };

describe('report/specs/calibration', () => {
  describe('calibrationSpec()', () => {
    it('puts each model figure as % of the published one and flags those outside the tolerance', () => {
      const spec = calibrationSpec({
        baselineName: 'Status quo', provenance,
        points: [
          { outcome: 'sw_caseload', observed: 16.9, year: 2019, tolerancePct: 10, source: 's', modelMean: 16.9 * 1.05, modelCiLow: 16.9, modelCiHigh: 16.9 * 1.1 },
          { outcome: 'referral_rate', observed: 544.5, year: 2019, tolerancePct: 5, source: 's', modelMean: 544.5 * 0.8, modelCiLow: 400, modelCiHigh: 450 },
        ],
      });
      const values = (spec as unknown as { vconcat: { data: { values: { model: number; fit: string; lo: number; hi: number }[] } }[] }).vconcat[0].data.values;
      expect(values[0].model).toBeCloseTo(105, 9);
      expect(values[0].fit).toBe('Within tolerance');
      expect([values[0].lo, values[0].hi]).toEqual([90, 110]);
      expect(values[1].model).toBeCloseTo(80, 9);
      expect(values[1].fit).toBe('Outside tolerance');
    });
  });
});
