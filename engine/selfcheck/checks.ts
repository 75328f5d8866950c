/** The analytic self-checks run by `cssim selfcheck`: the kernel's M/M/c queue against queueing theory. */
import { runMmc } from './mmc.ts';
import type { MmcOptions } from './mmc.ts';

/** One row of the self-check table. */
export interface SelfCheckRow {
  /** What is checked, e.g. 'M/M/10 mean wait vs Erlang C'. */
  readonly check: string;
  readonly simulated: number;
  /** 95% confidence interval of the simulated value (from replicate means). */
  readonly ci: readonly [number, number];
  readonly analytic: number;
  /** True when the analytic value lies inside the interval. */
  readonly pass: boolean;
}

/** The default checks' settings: customers and replicates chosen so all checks run in a few seconds. */
export const SELF_CHECK_DEFAULTS = { customers: 50_000, warmup: 5_000, replicates: 30, seed: 20240601 } as const;

const inside = (x: number, ci: readonly [number, number]): boolean => ci[0] <= x && x <= ci[1];

/**
 * Runs the analytic checks: M/M/1 (λ = 0.5, μ = 1) mean wait and P(wait) against ρ/(μ - λ) and ρ;
 * M/M/10 (λ = 9, μ = 1) mean wait and P(wait) against Erlang C; and Little's law, the time-average number
 * in the M/M/10 system against λ W. A check passes when the analytic value is inside the 95% CI, so with
 * another seed each check fails by chance about 1 time in 20 even when the kernel is right.
 *
 * @returns the rows and the total kernel events and seconds
 */
export function runSelfChecks(
  settings: { customers: number; warmup: number; replicates: number; seed: number } = SELF_CHECK_DEFAULTS,
  onProgress?: (done: number, total: number) => void,
): {
  rows: SelfCheckRow[];
  events: number;
  seconds: number;
} {
  const base = { customers: settings.customers, warmup: settings.warmup, replicates: settings.replicates, seed: settings.seed };
  const mm1: MmcOptions = { ...base, arrivalRate: 0.5, serviceRate: 1, servers: 1 };
  const mm10: MmcOptions = { ...base, arrivalRate: 9, serviceRate: 1, servers: 10 };
  const total = 2 * settings.replicates;
  const a = runMmc(mm1, onProgress && ((done) => onProgress(done, total)));
  const b = runMmc(mm10, onProgress && ((done) => onProgress(settings.replicates + done, total)));
  // M/M/1 closed forms, independent of the Erlang C code: P(wait) = ρ, Wq = ρ / (μ - λ)
  const rho1 = mm1.arrivalRate / mm1.serviceRate;
  const wq1 = rho1 / (mm1.serviceRate - mm1.arrivalRate);
  const row = (check: string, simulated: number, ci: readonly [number, number], analytic: number): SelfCheckRow => ({
    check,
    simulated,
    ci,
    analytic,
    pass: inside(analytic, ci),
  });
  return {
    rows: [
      row('M/M/1 mean wait, ρ/(μ-λ) (λ=0.5, μ=1)', a.meanWait, a.meanWaitCI, wq1),
      row('M/M/1 P(wait) = ρ (λ=0.5, μ=1)', a.probWait, a.probWaitCI, rho1),
      row('M/M/10 mean wait vs Erlang C (λ=9, μ=1)', b.meanWait, b.meanWaitCI, b.analytic.meanWait),
      row('M/M/10 P(wait) vs Erlang C (λ=9, μ=1)', b.probWait, b.probWaitCI, b.analytic.probWait),
      row("Little's law: time-average L vs λW (M/M/10)", b.meanInSystem, b.meanInSystemCI, b.analytic.meanInSystem),
    ],
    events: a.events + b.events,
    seconds: a.seconds + b.seconds,
  };
}
