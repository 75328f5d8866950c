import { describe, expect, it } from 'vitest';
import { editDistance, nearest } from '../../../engine/io/scenario/suggest.ts';

describe('io/scenario/suggest', () => {
  describe('editDistance()', () => {
    it('counts insertions, deletions, substitutions and adjacent swaps as one edit each', () => {
      expect(editDistance('seed', 'seeds')).toBe(1);
      expect(editDistance('seeds', 'seed')).toBe(1);
      expect(editDistance('seed', 'sead')).toBe(1);
      expect(editDistance('caseloadTraget', 'caseloadTarget')).toBe(1);
      expect(editDistance('', 'abc')).toBe(3);
      expect(editDistance('abc', 'abc')).toBe(0);
    });
  });

  describe('nearest()', () => {
    const keys = ['name', 'seed', 'start', 'horizonYears', 'warmupYears', 'baseline'];

    it('returns the closest key to a misspelling', () => {
      expect(nearest('horizonYaers', keys)).toBe('horizonYears');
      expect(nearest('basline', keys)).toBe('baseline');
    });

    it('matches ignoring case, dashes and underscores', () => {
      expect(nearest('horizon_years', keys)).toBe('horizonYears');
      expect(nearest('Status-Quo', ['status-quo', 'partnership'])).toBe('status-quo');
    });

    it('returns undefined when nothing is close', () => {
      expect(nearest('colour', keys)).toBeUndefined();
      expect(nearest('x', keys)).toBeUndefined();
    });
  });
});
