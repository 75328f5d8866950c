import { describe, expect, it } from 'vitest';
import { trajectorySpec } from '../../../engine/report/specs/trajectory.ts';
import { armStyles } from '../../../engine/report/specs/common.ts';

const provenance = { scenarioName: 'S', scenarioHash: 'h'.repeat(64), seed: 1, replicates: 10, cssimVersion: '0' };
const arms = armStyles([{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }], 'a');
const point = (arm: string, date: string, q: boolean) => ({ arm, date, p05: 1, p25: q ? 2 : null, p50: 3, p75: q ? 4 : null, p95: 5 });

describe('report/specs/trajectory', () => {
  describe('trajectorySpec()', () => {
    it('draws the 50% band only when every point has quartiles', () => {
      const some = trajectorySpec({ outcome: 'sw_caseload', arms, provenance, changes: [], points: [point('a', '2020-01-01', true), point('b', '2020-01-01', false)] });
      const all = trajectorySpec({ outcome: 'sw_caseload', arms, provenance, changes: [], points: [point('a', '2020-01-01', true), point('b', '2020-01-01', true)] });
      expect(JSON.stringify(some)).not.toContain('"field":"p25"');
      expect(JSON.stringify(all)).toContain('"field":"p25"');
    });

    it('labels each scheduled change with the arm and the structure it becomes', () => {
      const spec = trajectorySpec({ outcome: 'sw_caseload', arms, provenance, points: [point('a', '2020-01-01', false)], changes: [{ arm: 'b', date: '2020-06-01', structure: 'dcs-merge' }] });
      expect(JSON.stringify(spec)).toContain('"label":"B → dcs-merge"');
      expect(JSON.stringify(spec)).toContain('Dashed vertical rules: scheduled structural changes.');
    });
  });
});
