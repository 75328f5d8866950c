import { describe, expect, it } from 'vitest';
import { distributionSpec } from '../../../engine/report/specs/distribution.ts';
import { armStyles } from '../../../engine/report/specs/common.ts';

const provenance = { scenarioName: 'S', scenarioHash: 'h'.repeat(64), seed: 1, replicates: 10, cssimVersion: '0' };
const stats = { p05: 1, p25: 2, p50: 3, p75: 4, p95: 5, mean: 3.1, n: 10 };

describe('report/specs/distribution', () => {
  describe('distributionSpec()', () => {
    it('sets each panel\'s scale to span the whiskers of every arm', () => {
      const spec = distributionSpec({
        arms: armStyles([{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }], 'a'), outcomes: ['sw_caseload'], provenance,
        boxes: [{ arm: 'a', metric: 'sw_caseload', stats }, { arm: 'b', metric: 'sw_caseload', stats: { ...stats, p05: 0.5, p95: 9 } }],
      });
      expect(JSON.stringify(spec)).toContain('"domain":[0.5,9]');
    });

    it('says when quartiles were not available', () => {
      const spec = distributionSpec({ arms: armStyles([{ id: 'a', name: 'A' }], 'a'), outcomes: ['sw_caseload'], provenance, fromSummary: true, boxes: [{ arm: 'a', metric: 'sw_caseload', stats }] });
      expect(JSON.stringify(spec)).toContain('quartiles not available in this run');
    });
  });
});
