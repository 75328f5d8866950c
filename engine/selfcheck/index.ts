/** Self-checks of the kernel against queueing theory (re-exports only). */
export { erlangC, mmcAnalytic } from './erlang.ts';
export type { MmcQueue, MmcAnalytic } from './erlang.ts';
export { tQuantile975, meanCi95 } from './stats.ts';
export type { MeanCi } from './stats.ts';
export { runMmc, simulateMmcReplicate, mmcProblems, withDefaults, MMC_PURPOSES } from './mmc.ts';
export type { MmcOptions, MmcReplicate, MmcResult } from './mmc.ts';
export { runSelfChecks, SELF_CHECK_DEFAULTS } from './checks.ts';
export type { SelfCheckRow } from './checks.ts';
