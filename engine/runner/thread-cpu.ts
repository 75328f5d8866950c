/**
 * CPU time of the calling thread, for the runner's timings (never for results). Node 20 has no
 * per-thread CPU clock (`process.cpuUsage()` covers the whole process, all workers included), so this
 * reads the scheduler's nanosecond run time of the thread from Linux's `/proc/thread-self/schedstat`.
 * A replicate's CPU time does not grow when other threads (the runner's main thread, another process)
 * take its core, which its wall time does; the bench uses it to measure the runner's overhead honestly.
 */
import { readFileSync } from 'node:fs';

const SCHEDSTAT = '/proc/thread-self/schedstat';
let available: boolean | null = null;

/**
 * CPU time the calling thread has run so far, in ms (nanosecond resolution); null where the platform
 * does not expose it (not Linux, or schedstat disabled). Costs about 20 µs a call.
 */
export function threadCpuMs(): number | null {
  if (available === false) return null;
  try {
    const text = readFileSync(SCHEDSTAT, 'latin1');
    const ns = Number(text.slice(0, text.indexOf(' ')));
    available = Number.isFinite(ns);
    return available ? ns / 1e6 : null;
  } catch {
    available = false;
    return null;
  }
}
