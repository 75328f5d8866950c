import { describe, it, expect } from 'vitest';
import { Calendar } from '../../engine/kernel/clock.ts';
import { PERIODS, isPeriod, occurrence } from '../../engine/kernel/periodic.ts';

describe('kernel/periodic', () => {
  const cal = new Calendar('2020-01-31');
  const dates = (period: (typeof PERIODS)[number], n: number, first = 0): string[] =>
    Array.from({ length: n }, (_, k) => cal.dateOf(occurrence(cal, period, first, k)));

  describe('occurrence()', () => {
    it('steps days and weeks by fixed lengths', () => {
      expect(occurrence(cal, 'day', 2.5, 3)).toBe(5.5);
      expect(occurrence(cal, 'week', 1, 2)).toBe(15);
    });

    it('steps months from the first occurrence, so the end of the month does not drift', () => {
      expect(dates('month', 4)).toEqual(['2020-01-31', '2020-02-29', '2020-03-31', '2020-04-30']);
    });

    it('steps quarters and years as 3 and 12 calendar months', () => {
      expect(dates('quarter', 3)).toEqual(['2020-01-31', '2020-04-30', '2020-07-31']);
      const feb29 = cal.dayOf('2020-02-29');
      expect(dates('year', 5, feb29)).toEqual(['2020-02-29', '2021-02-28', '2022-02-28', '2023-02-28', '2024-02-29']);
    });

    it('keeps the time of day', () => {
      expect(occurrence(cal, 'month', 0.5, 1) % 1).toBe(0.5);
    });
  });

  describe('isPeriod()', () => {
    it('accepts exactly the listed periods', () => {
      for (const p of PERIODS) expect(isPeriod(p)).toBe(true);
      for (const p of ['days', 'Month', '', 7, null]) expect(isPeriod(p)).toBe(false);
    });
  });
});
