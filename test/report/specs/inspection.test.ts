import { describe, expect, it } from 'vitest';
import { inspectionSpec, NOT_INSPECTED } from '../../../engine/report/specs/inspection.ts';
import { armStyles } from '../../../engine/report/specs/common.ts';

const provenance = { scenarioName: 'S', scenarioHash: 'h'.repeat(64), seed: 1, replicates: 10, cssimVersion: '0' };

describe('report/specs/inspection', () => {
  describe('inspectionSpec()', () => {
    it('adds the share not yet inspected so every month stacks to 100%', () => {
      const spec = inspectionSpec({
        arms: armStyles([{ id: 'a', name: 'A' }], 'a'), provenance,
        shares: [
          { arm: 'a', date: '2020-01-01', grade: 'good', share: 0.5 },
          { arm: 'a', date: '2020-01-01', grade: 'inadequate', share: 0.2 },
        ],
      });
      const panel = (spec as unknown as { vconcat: { concat: { data: { values: { grade: string; pct: number }[] } }[] }[] }).vconcat[0].concat[0];
      const values = panel.data.values;
      expect(values.find((v) => v.grade === NOT_INSPECTED)?.pct).toBeCloseTo(30, 9);
      expect(values.reduce((s, v) => s + v.pct, 0)).toBeCloseTo(100, 9);
    });
  });
});
