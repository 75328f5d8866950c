import { describe, expect, it } from 'vitest';
import { costOutcomeSpec } from '../../../engine/report/specs/cost-outcome.ts';
import { armStyles } from '../../../engine/report/specs/common.ts';

const provenance = { scenarioName: 'S', scenarioHash: 'h'.repeat(64), seed: 1, replicates: 1000, cssimVersion: '0' };

describe('report/specs/cost-outcome', () => {
  describe('costOutcomeSpec()', () => {
    it('shows spend in GBP million and says when the dots are only the first replicates', () => {
      const spec = costOutcomeSpec({
        arms: armStyles([{ id: 'a', name: 'A' }], 'a'), xMetric: 'spend_gbp', yMetric: 'harm_events_rate', provenance, cloudCap: 400,
        points: [{ arm: 'a', x: { mean: 5e7, ciLow: 4.9e7, ciHigh: 5.1e7 }, y: { mean: 12, ciLow: 11, ciHigh: 13 } }],
        replicates: [{ arm: 'a', x: 5.2e7, y: 12.5 }],
      });
      const text = JSON.stringify(spec);
      expect(text).toContain('"x":50,"xLo":49,"xHi":51');
      expect(text).toContain('the first 400 replicates of each arm');
      expect(text).toContain('Down and to the left is better on both');
    });
  });
});
