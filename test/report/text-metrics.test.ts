import { describe, expect, it } from 'vitest';
import { textWidthPx } from '../../engine/report/text-metrics.ts';

describe('report/text-metrics', () => {
  describe('textWidthPx()', () => {
    it('scales with font size and gives narrow letters less room than wide ones', () => {
      expect(textWidthPx('W', 10)).toBeGreaterThan(textWidthPx('i', 10) * 3);
      expect(textWidthPx('Referrals', 20)).toBeCloseTo(2 * textWidthPx('Referrals', 10), 9);
    });

    it('makes bold text wider than regular text', () => {
      expect(textWidthPx('Caseload over time', 15, true)).toBeGreaterThan(textWidthPx('Caseload over time', 15));
    });

    it('is far below vega\'s 0.8 em per character guess for ordinary text', () => {
      const s = 'Scenario: England average · hash 0123456789ab · seed 1 · 100 replicates per arm';
      expect(textWidthPx(s, 10)).toBeLessThan(0.7 * 0.8 * s.length * 10);
    });
  });
});
