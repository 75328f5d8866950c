import { describe, expect, it } from 'vitest';
import { armStyles, footerText, outcomeDisplay, OKABE_ITO } from '../../../engine/report/specs/common.ts';

describe('report/specs/common', () => {
  describe('armStyles()', () => {
    it('puts the baseline first, in black, and gives 8 arms 8 distinct colours, dashes and shapes', () => {
      const arms = Array.from({ length: 8 }, (_, i) => ({ id: `a${i}`, name: `Arm ${i}` }));
      const styles = armStyles(arms, 'a3');
      expect(styles[0].id).toBe('a3');
      expect(styles[0].color).toBe(OKABE_ITO[0]);
      expect(new Set(styles.map((s) => s.color)).size).toBe(8);
      expect(new Set(styles.map((s) => JSON.stringify(s.dash))).size).toBe(8);
      expect(new Set(styles.map((s) => s.shape)).size).toBe(8);
    });
  });

  describe('footerText()', () => {
    it('names the scenario, the first 12 characters of the hash, the seed, the replicates and the version', () => {
      expect(footerText({ scenarioName: 'S', scenarioHash: '0123456789abcdef', seed: 42, replicates: 100, cssimVersion: '1.2.3' }))
        .toBe('Scenario: S · hash 0123456789ab · seed 42 · 100 replicates per arm · cssim 1.2.3');
    });
  });

  describe('outcomeDisplay()', () => {
    it('shows spend in GBP million and other outcomes in their own unit', () => {
      expect(outcomeDisplay('spend_gbp')).toMatchObject({ divisor: 1e6, unit: 'GBP million per year' });
      expect(outcomeDisplay('sw_caseload')).toMatchObject({ divisor: 1, unit: 'cases per case-holding worker' });
    });
  });
});
