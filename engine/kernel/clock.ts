/**
 * Simulated time. Inside the engine time is a number of days (fractional allowed); day 0 is a calendar
 * date given at construction. All dates are UTC and proleptic Gregorian, years 0001–9999.
 */

/** Time in days since day 0 of the run (fractional allowed: 0.5 is noon of day 0). */
export type Day = number;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days from 1970-01-01 to the given civil date (Hinnant's algorithm; no allocation). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day since 1970-01-01, packed as y * 10000 + m * 100 + d (no allocation). */
function packedCivil(z: number): number {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return y * 10000 + m * 100 + d;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Absolute days (since 1970-01-01) of an ISO date, or NaN when it is not a valid 'YYYY-MM-DD' date. */
function parseIso(iso: string): number {
  const match = typeof iso === 'string' ? ISO_DATE.exec(iso) : null;
  if (match === null) return NaN;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return NaN;
  return daysFromCivil(y, m, d);
}

/** Smallest and largest absolute days handled (0001-01-01 and 9999-12-31). */
const MIN_ABS = daysFromCivil(1, 1, 1);
const MAX_ABS = daysFromCivil(9999, 12, 31);

/**
 * Maps days to calendar dates for one run. Working days are Monday to Friday: bank holidays are
 * not modelled (a 45-working-day standard is about 2 days shorter in real calendars that year).
 * Methods take and return `Day`s; the fractional part of a day is kept where a result is a day.
 * Immutable; no allocation except the strings of `dateOf`.
 *
 * @example
 * const cal = new Calendar('2020-04-01');
 * cal.dateOf(30);            // '2020-05-01'
 * cal.addWorkingDays(0, 45); // 63: Wednesday 3 June (45 working days are 9 weeks)
 */
export class Calendar {
  /** Day 0 as 'YYYY-MM-DD'. */
  readonly startIso: string;
  /** Day 0 in days since 1970-01-01. */
  private readonly epoch: number;
  /** Month count (year * 12 + month - 1) of day 0's month. */
  private readonly startMonth: number;

  /** @param startIso day 0 as a UTC date 'YYYY-MM-DD' (years 0001–9999) */
  constructor(startIso: string) {
    const abs = parseIso(startIso);
    if (Number.isNaN(abs)) throw new RangeError(`Calendar: start date must be a valid 'YYYY-MM-DD' date, got '${startIso}'`);
    this.startIso = startIso;
    this.epoch = abs;
    const p = packedCivil(abs);
    this.startMonth = Math.floor(p / 10000) * 12 + (Math.floor(p / 100) % 100) - 1;
  }

  /** ISO date 'YYYY-MM-DD' of the day containing `day` (day 0.9 is still day 0's date). */
  dateOf(day: Day): string {
    const abs = this.epoch + Math.floor(day);
    if (!(abs >= MIN_ABS && abs <= MAX_ABS)) throw new RangeError(`Calendar.dateOf: day ${day} is outside years 0001–9999`);
    const p = packedCivil(abs);
    const y = Math.floor(p / 10000);
    const m = Math.floor(p / 100) % 100;
    const d = p % 100;
    return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
  }

  /** The whole day number of an ISO date 'YYYY-MM-DD' (negative before day 0); inverse of `dateOf`. */
  dayOf(iso: string): Day {
    const abs = parseIso(iso);
    if (Number.isNaN(abs)) throw new RangeError(`Calendar.dayOf: expected a valid 'YYYY-MM-DD' date, got '${iso}'`);
    return abs - this.epoch;
  }

  /** Day of the week of the day containing `day`: 0 Monday .. 6 Sunday. */
  weekday(day: Day): number {
    const w = (this.epoch + Math.floor(day) + 3) % 7; // 1970-01-01 was a Thursday (3)
    return w < 0 ? w + 7 : w;
  }

  /**
   * The day `n` working days (Monday–Friday, no bank holidays) after `day`, keeping its fraction.
   *
   * For n > 0 the result is the working day x with `workingDaysBetween(day, x) === n` (from a Saturday or
   * Sunday, the first working day counted is the Monday). For n < 0 it is the working day x with
   * `workingDaysBetween(x, day) === -n`. n = 0 returns `day`. O(1).
   *
   * @param n an integer
   */
  addWorkingDays(day: Day, n: number): Day {
    if (!Number.isInteger(n)) throw new RangeError(`Calendar.addWorkingDays: n must be an integer, got ${n}`);
    if (n === 0) return day;
    const whole = Math.floor(day);
    const frac = day - whole;
    let d = whole;
    const wd = this.weekday(d);
    if (wd >= 5) d -= wd - 4; // a weekend counts like the Friday before it
    const m = Math.abs(n);
    const step = n > 0 ? 1 : -1;
    d += step * 7 * Math.floor(m / 5);
    let rest = m % 5;
    while (rest > 0) {
      d += step;
      if (this.weekday(d) < 5) rest--;
    }
    return d + frac;
  }

  /**
   * Working days (Monday–Friday, no bank holidays) in the half-open range of dates (a, b]: dates after
   * the date of `a` up to and including the date of `b`. Negative when b is before a. O(1).
   */
  workingDaysBetween(a: Day, b: Day): number {
    return this.workingDayIndex(b) - this.workingDayIndex(a);
  }

  /**
   * `day` plus a whole number of calendar months, keeping the day of the month (clamped to the end of a
   * shorter month: 31 January + 1 month = 28 or 29 February) and the fraction of the day.
   */
  addMonths(day: Day, months: number): Day {
    if (!Number.isInteger(months)) throw new RangeError(`Calendar.addMonths: months must be an integer, got ${months}`);
    const whole = Math.floor(day);
    const p = packedCivil(this.epoch + whole);
    const y = Math.floor(p / 10000);
    const m = Math.floor(p / 100) % 100;
    const d = p % 100;
    const total = y * 12 + m - 1 + months;
    const ny = Math.floor(total / 12);
    const nm = total - ny * 12 + 1;
    const nd = Math.min(d, daysInMonth(ny, nm));
    return daysFromCivil(ny, nm, nd) - this.epoch + (day - whole);
  }

  /** Whole calendar months from day 0's month to the month containing `day` (0 in the first month). */
  monthIndex(day: Day): number {
    const p = packedCivil(this.epoch + Math.floor(day));
    return Math.floor(p / 10000) * 12 + (Math.floor(p / 100) % 100) - 1 - this.startMonth;
  }

  /** Working days from a fixed Monday up to and including the date of `day` (a difference is a count). */
  private workingDayIndex(day: Day): number {
    const k = this.epoch + Math.floor(day) + 3; // days since Monday 1969-12-29
    const weeks = Math.floor(k / 7);
    return weeks * 5 + Math.min(k - weeks * 7 + 1, 5);
  }
}
