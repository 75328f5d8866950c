import { describe, expect, it } from 'vitest';
import { format, formatSigned } from '../../../engine/report/specs/format-number.ts';

describe('report/specs/format-number', () => {
  describe('format()', () => {
    it('groups thousands, uses a true minus sign and prints n/a for missing values', () => {
      expect(format(57_123_456, ',.3~r')).toBe('57,100,000');
      expect(format(-1.5, '.1f')).toBe('−1.5');
      expect(format(Number.NaN, '.1f')).toBe('n/a');
    });
  });

  describe('formatSigned()', () => {
    it('adds a plus sign to positive values only', () => {
      expect(formatSigned(2.5, '.1f')).toBe('+2.5');
      expect(formatSigned(-2.5, '.1f')).toBe('−2.5');
      expect(formatSigned(0, '.1f')).toBe('0.0');
    });
  });
});
