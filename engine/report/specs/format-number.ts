/**
 * Number formatting shared by charts, tables and the summary text: d3-format (through vega) in the
 * en-GB style (comma thousands, point decimals, "−" minus sign).
 */
import { formatLocale } from 'vega';

const locale = formatLocale({ decimal: '.', thousands: ',', grouping: [3], currency: ['£', ''], minus: '−' } as never) as unknown as {
  format: (spec: string) => (v: number) => string;
};
const cache = new Map<string, (v: number) => string>();

/**
 * Formats `value` with a d3-format specifier (e.g. `,.3~r` three significant digits, `,.1f`).
 * Non-finite values print as "n/a".
 */
export function format(value: number, spec: string): string {
  if (!Number.isFinite(value)) return 'n/a';
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
  return value > 0 && Number.isFinite(value) && !s.startsWith('+') && s !== '0' ? `+${s}` : s;
}
