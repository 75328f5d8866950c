import { describe, it, expect } from 'vitest';
import { simulateMmcReplicate } from '../../engine/selfcheck/mmc.ts';
import { mmcByHand } from '../bench/mmc-by-hand.ts';

// The benchmark compares the kernel's M/M/c with this hand-written one; the comparison means something
// only if both compute exactly the same thing (same draws, same order, same statistics).
describe('bench/mmc-by-hand', () => {
  it('reproduces the kernel M/M/c replicate bit for bit', () => {
    for (const o of [
      { arrivalRate: 9, serviceRate: 1, servers: 10, customers: 20_000, replicates: 2, seed: 1 },
      { arrivalRate: 1.9, serviceRate: 1, servers: 2, customers: 5_000, replicates: 2, seed: 5 }, // long queues: ring grows
    ]) {
      for (const r of [0, 3]) expect(mmcByHand(o, r)).toEqual(simulateMmcReplicate(o, r));
    }
  });
});
