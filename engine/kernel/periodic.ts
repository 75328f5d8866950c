/** Periodic processes: the periods and when their occurrences fall on the calendar. */
import type { Calendar, Day } from './clock.ts';

/** The periods a process can repeat with, shortest first. */
export const PERIODS = ['day', 'week', 'month', 'quarter', 'year'] as const;

/** How often a periodic process fires: days and weeks are fixed lengths; months, quarters and years are calendar ones. */
export type Period = (typeof PERIODS)[number];

/** True if `v` is a `Period`. */
export function isPeriod(v: unknown): v is Period {
  return typeof v === 'string' && (PERIODS as readonly string[]).includes(v);
}

/**
 * The day of occurrence `k` (0 = `first`) of a process repeating every `period` from `first`.
 *
 * Calendar periods are counted from `first`, not from the previous occurrence, so a process starting on
 * 31 January fires on 28/29 February and again on 31 March (no drift). Pure; no allocation.
 */
export function occurrence(calendar: Calendar, period: Period, first: Day, k: number): Day {
  switch (period) {
    case 'day':
      return first + k;
    case 'week':
      return first + 7 * k;
    case 'month':
      return calendar.addMonths(first, k);
    case 'quarter':
      return calendar.addMonths(first, 3 * k);
    case 'year':
      return calendar.addMonths(first, 12 * k);
    default:
      throw new RangeError(`unknown period '${String(period)}'; valid: ${PERIODS.join(', ')}`);
  }
}
