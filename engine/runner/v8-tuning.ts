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
 * down the chain, and each call it leaves boxes the floating-point numbers it passes. Measured with
 * `npm run bench:instructions -- model` (2026-11-24): 2,000 gives 8% fewer instructions and 23% fewer
 * instruction-cache misses per replicate than the default; 1,500, 3,000, 4,000 and 6,000 gave less, and a larger
 * per-function limit (`--max-inlined-bytecode-size`) more instructions.
 */
export const MODEL_INLINING_BUDGET = 2000;

/**
 * Sets the V8 flags for the model (process-wide: V8 flags are shared by all threads). Call before the
 * model's code runs hot, as the worker bundle does on load; calling it again changes nothing.
 */
export function tuneV8ForModel(): void {
  setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${MODEL_INLINING_BUDGET}`);
}
