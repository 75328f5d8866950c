/**
 * Fault injection for tests of the runner's failure handling (TEST-ONLY; never set in normal use).
 *
 * `CSSIM_FAULT_REPLICATE=arm:replicate[:mode][,arm:replicate[:mode]...]` makes the worker fail that
 * replicate: mode `always` (default) throws on every attempt, `once` throws on the first attempt only
 * (the retry succeeds), `die` ends the worker thread abruptly on every attempt.
 */

/** One injected fault. */
export interface Fault {
  readonly arm: string;
  readonly replicate: number;
  readonly mode: 'always' | 'once' | 'die';
}

/** Parses the `CSSIM_FAULT_REPLICATE` value (undefined or empty gives no faults). */
export function parseFaults(value: string | undefined): Fault[] {
  if (!value) return [];
  return value.split(',').filter((s) => s.trim() !== '').map((spec) => {
    const m = /^([a-z0-9][a-z0-9-]*):(\d+)(?::(always|once|die))?$/.exec(spec.trim());
    if (!m) throw new Error(`CSSIM_FAULT_REPLICATE: "${spec}" is not arm:replicate[:always|once|die]`);
    return { arm: m[1], replicate: Number(m[2]), mode: (m[3] ?? 'always') as Fault['mode'] };
  });
}

/** The fault to inject for (arm, replicate) on this attempt (0 = first), if any. */
export function faultFor(faults: readonly Fault[], arm: string, replicate: number, attempt: number): Fault | undefined {
  return faults.find((f) => f.arm === arm && f.replicate === replicate && (f.mode !== 'once' || attempt === 0));
}
