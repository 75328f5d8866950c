import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { Calendar } from '../../engine/kernel/clock.ts';

const cal = new Calendar('2020-04-01'); // a Wednesday

describe('kernel/clock', () => {
  describe('Calendar', () => {
    it('rejects a start that is not a valid YYYY-MM-DD date', () => {
      for (const bad of ['2021-02-29', '2020-1-01', '2020-13-01', '01/04/2020', '']) {
        expect(() => new Calendar(bad)).toThrow(/YYYY-MM-DD/);
      }
    });
  });

  describe('dateOf() and dayOf()', () => {
    it('maps days to dates across month, leap-day and year boundaries', () => {
      expect(cal.dateOf(0)).toBe('2020-04-01');
      expect(cal.dateOf(0.99)).toBe('2020-04-01');
      expect(cal.dateOf(30)).toBe('2020-05-01');
      expect(cal.dateOf(-1)).toBe('2020-03-31');
      expect(cal.dateOf(-0.5)).toBe('2020-03-31');
      expect(cal.dateOf(-32)).toBe('2020-02-29');
      expect(cal.dateOf(275)).toBe('2021-01-01');
      expect(new Calendar('1900-02-28').dateOf(1)).toBe('1900-03-01'); // 1900 is not a leap year
      expect(new Calendar('2000-02-28').dateOf(1)).toBe('2000-02-29'); // 2000 is
    });

    it('are inverse for any day in years 1900 to 2200', () => {
      fc.assert(
        fc.property(fc.integer({ min: -43_921, max: 65_000 }), (d) => {
          expect(cal.dayOf(cal.dateOf(d))).toBe(d);
        }),
        { seed: 7 },
      );
    });

    it('dayOf rejects an invalid date with a message', () => {
      expect(() => cal.dayOf('2020-02-30')).toThrow(/2020-02-30/);
    });
  });

  describe('weekday()', () => {
    it('is 0 on Monday and 6 on Sunday, for negative and fractional days too', () => {
      expect(cal.weekday(0)).toBe(2); // Wednesday 1 April 2020
      expect(cal.weekday(4.7)).toBe(6); // Sunday 5 April
      expect(cal.weekday(5)).toBe(0);
      expect(cal.weekday(-1)).toBe(1); // Tuesday 31 March
      expect(cal.weekday(-3)).toBe(6); // Sunday 29 March
    });
  });

  describe('addWorkingDays()', () => {
    const fri = cal.dayOf('2020-04-03');
    const sat = fri + 1;
    const mon = fri + 3;

    it('skips weekends going forward', () => {
      expect(cal.dateOf(cal.addWorkingDays(fri, 1))).toBe('2020-04-06');
      expect(cal.dateOf(cal.addWorkingDays(sat, 1))).toBe('2020-04-06');
      expect(cal.dateOf(cal.addWorkingDays(sat, 5))).toBe('2020-04-10');
      expect(cal.dateOf(cal.addWorkingDays(0, 45))).toBe('2020-06-03'); // 45 working days = 9 weeks
    });

    it('skips weekends going back', () => {
      expect(cal.dateOf(cal.addWorkingDays(mon, -1))).toBe('2020-04-03');
      expect(cal.dateOf(cal.addWorkingDays(sat, -1))).toBe('2020-04-02');
      expect(cal.dateOf(cal.addWorkingDays(fri, -5))).toBe('2020-03-27');
    });

    it('keeps the fraction of the day and returns the day itself for n = 0', () => {
      expect(cal.addWorkingDays(fri + 0.25, 1)).toBe(mon + 0.25);
      expect(cal.addWorkingDays(sat + 0.5, 0)).toBe(sat + 0.5);
    });

    it('rejects a non-integer count', () => {
      expect(() => cal.addWorkingDays(0, 1.5)).toThrow(/integer/);
    });

    it('lands on a working day n working days away, as counted by workingDaysBetween', () => {
      fc.assert(
        fc.property(fc.integer({ min: -2000, max: 2000 }), fc.integer({ min: -300, max: 300 }), (a, n) => {
          const b = cal.addWorkingDays(a, n);
          if (n !== 0) expect(cal.weekday(b)).toBeLessThan(5);
          if (n >= 0) expect(cal.workingDaysBetween(a, b)).toBe(n);
          else expect(cal.workingDaysBetween(b, a)).toBe(-n);
        }),
        { seed: 11 },
      );
    });
  });

  describe('workingDaysBetween()', () => {
    it('counts Monday to Friday dates in (a, b] like a day-by-day count', () => {
      fc.assert(
        fc.property(fc.integer({ min: -500, max: 500 }), fc.integer({ min: 0, max: 60 }), (a, len) => {
          let count = 0;
          for (let d = a + 1; d <= a + len; d++) if (cal.weekday(d) < 5) count++;
          expect(cal.workingDaysBetween(a, a + len)).toBe(count);
          expect(cal.workingDaysBetween(a + len, a)).toBe(0 - count);
        }),
        { seed: 13 },
      );
    });

    it('counts whole dates, ignoring the time of day', () => {
      expect(cal.workingDaysBetween(0.9, 1.1)).toBe(1);
    });
  });

  describe('addMonths()', () => {
    const jan31 = new Calendar('2020-01-31');

    it('keeps the day of the month and clamps to the end of shorter months', () => {
      expect(jan31.dateOf(jan31.addMonths(0, 1))).toBe('2020-02-29');
      expect(jan31.dateOf(jan31.addMonths(0, 2))).toBe('2020-03-31');
      expect(jan31.dateOf(jan31.addMonths(0, 13))).toBe('2021-02-28');
      expect(jan31.dateOf(jan31.addMonths(0, -2))).toBe('2019-11-30');
      expect(jan31.dateOf(jan31.addMonths(0, 12 * 4 + 1))).toBe('2024-02-29');
    });

    it('keeps the fraction of the day', () => {
      expect(cal.addMonths(0.75, 1)).toBe(30.75);
    });

    it('rejects a non-integer number of months', () => {
      expect(() => cal.addMonths(0, 0.5)).toThrow(/integer/);
    });
  });

  describe('monthIndex()', () => {
    it('counts calendar months from the month of day 0', () => {
      expect(cal.monthIndex(0)).toBe(0);
      expect(cal.monthIndex(29.9)).toBe(0); // 30 April
      expect(cal.monthIndex(30)).toBe(1); // 1 May
      expect(cal.monthIndex(-1)).toBe(-1); // 31 March
      expect(cal.monthIndex(cal.dayOf('2030-04-15'))).toBe(120);
    });

    it('agrees with addMonths for any day and month count', () => {
      fc.assert(
        fc.property(fc.integer({ min: -3000, max: 3000 }), fc.integer({ min: -200, max: 200 }), (d, m) => {
          expect(cal.monthIndex(cal.addMonths(d, m))).toBe(cal.monthIndex(d) + m);
        }),
        { seed: 17 },
      );
    });
  });
});
