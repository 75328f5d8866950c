/**
 * V8 settings for the simulation's hot loops. The worker bundle applies them when it loads (`worker.ts`)
 * and the `cssim` command when it starts (`cli/main.ts`), so `cssim run`'s worker threads, `cssim
 * selfcheck` and the benchmarks (`npm run bench`, `npm run bench:instructions`) run the kernel and the
 * model alike. They change how fast the code runs, never what it computes: inlining does not change
 * JavaScript's floating-point arithmetic, so results stay bit-identical.
 */
import { setFlagsFromString } from 'node:v8';

/**
 * TurboFan's inlining budget per optimised function, in bytes of bytecode (V8's default is 920). The
 * model's handlers call many small functions; at the default budget TurboFan stops inlining part-way
 * down the chain, and each call it leaves boxes the floating-point numbers it passes. Counted per model
 * replicate as `npm run bench:instructions -- model` counts (2026-11-24): the default 634 M instructions
 * (9.3 M instruction-cache misses); 1,500: 610 M; 2,000: 580 M (7.1 M); 2,500: 593 M; 3,000: 584 M (8.4 M);
 * 4,000: 580 M (8.5 M); 6,000: 594 M. A larger per-callee limit (`--max-inlined-bytecode-size`) cost more.
 * Counted again after the third session's changes to the timers and the front door (2026-11-24, 4
 * replicates after 3 warm-ups, twice): 2,000: 497 M and 503 M (7.2 M); 3,000: 468 M and 470 M (6.7 M);
 * 4,000: 484 M and 483 M (6.7 M); 6,000: 506 M (8.2 M); 8,000: 524 M (8.1 M). Side by side in time, 3,000
 * against 2,000: median ratios 0.87 and 0.91 over 12 rounds each, in both orders.
 */
export const MODEL_INLINING_BUDGET = 3000;

/**
 * The least share of its caller's calls a call site needs for TurboFan to inline it (V8's default is
 * 0.15). Below it TurboFan leaves even a tiny callee out of line, and a floating-point number passed to
 * or returned from it is boxed: the rare branches of the case steps (a protection review, a care episode's
 * end) allocated that way. At 0.05, counted after the fourth session's changes (2026-11-24, 4 replicates
 * after 3 warm-ups): 477 M instructions per replicate against 469 M (I1 misses 6.6 M against 5.7 M);
 * allocation with compilation on the main thread 0.86 MB per replicate against 0.52 MB. (In the second
 * session, at the budget of 2,000 and before the kernel passed only small integers, it cost 3%.)
 */
export const MODEL_MIN_INLINING_FREQUENCY = 0.05;

/**
 * Sets the V8 flags for the kernel alone (the self-check, the M/M/c benchmarks): the inlining budget.
 * The lower inlining frequency is left out: on the M/M/10 it cost 5% (840 against 881 instructions per
 * event), as TurboFan then inlines the queue's rare paths too. Process-wide, like every V8 flag.
 */
export function tuneV8ForKernel(): void {
  setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${MODEL_INLINING_BUDGET}`);
}

/**
 * Sets the V8 flags for the model: the kernel's and the lower inlining frequency (process-wide: V8
 * flags are shared by all threads). Call before the model's code runs hot, as the worker bundle does
 * on load; calling it again changes nothing.
 */
export function tuneV8ForModel(): void {
  tuneV8ForKernel();
  setFlagsFromString(`--min-inlining-frequency=${MODEL_MIN_INLINING_FREQUENCY}`);
}
