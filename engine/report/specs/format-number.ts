/**
 * Number formatting shared by charts, tables and the summary text: d3-format (through vega) in the
 * en-GB style (comma thousands, point decimals, "−" minus sign).
 */
import { formatLocale } from 'vega';

const locale = formatLocale({ decimal: '.', thousands: ',', grouping: [3], currency: ['£', ''], minus: '−' } as never) as unknown as {
  format: (spec: string) => (v: number) => string;
};
const cache = new Map<string, (v: number) => string>();

/** Values closer to 0 than this print as 0 (floating-point noise such as 7e-17 in a paired difference). */
export const ZERO_BELOW = 1e-9;

/**
 * Formats `value` with a d3-format specifier (e.g. `,.3~r` three significant digits, `,.1f`).
 * Non-finite values print as "n/a"; values within `ZERO_BELOW` of 0 print as 0.
 */
export function format(value: number, spec: string): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (Math.abs(value) < ZERO_BELOW) value = 0;
  let f = cache.get(spec);
  if (!f) {
    f = locale.format(spec);
    cache.set(spec, f);
  }
  return f(value);
}

/** Formats a signed difference with an explicit "+" for positive values. */
export function formatSigned(value: number, spec: string): string {
  const s = format(value, spec);
  return value >= ZERO_BELOW && Number.isFinite(value) && !s.startsWith('+') && s !== '0' ? `+${s}` : s;
}
