import { describe, it, expect } from 'vitest';
import { threadCpuMs } from '../../engine/runner/thread-cpu.ts';

describe('runner/thread-cpu', () => {
  it.runIf(process.platform === 'linux')('grows while this thread computes, never backwards', () => {
    const before = threadCpuMs()!;
    expect(Number.isFinite(before)).toBe(true);
    // compute until 20 ms of CPU time have been counted (or give up after 10 s of wall time)
    let last = before;
    let x = 0;
    const giveUp = performance.now() + 10_000;
    while (last - before < 20 && performance.now() < giveUp) {
      for (let i = 0; i < 100_000; i++) x += Math.sqrt(i);
      const now = threadCpuMs()!;
      expect(now).toBeGreaterThanOrEqual(last);
      last = now;
    }
    expect(x).toBeGreaterThan(0);
    expect(last - before).toBeGreaterThanOrEqual(20);
  });

  it('answers a number or null, never throws', () => {
    const v = threadCpuMs();
    expect(v === null || (Number.isFinite(v) && v >= 0)).toBe(true);
  });
});
