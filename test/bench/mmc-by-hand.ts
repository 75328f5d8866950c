/**
 * The M/M/c queue of `engine/selfcheck/mmc.ts` written by hand, with no kernel: the same logic, streams
 * and statistics in one function over a plain binary heap of (time, kind) in typed arrays, with the
 * root refilled in place when an event is followed by a new one. It is the benchmark's measure of what the model
 * logic alone costs, so the kernel's own overhead can be told apart from the queue's arithmetic.
 * `test/kernel/mmc-by-hand.test.ts` checks it reproduces `simulateMmcReplicate` exactly.
 */
import { deriveStream } from '../../engine/kernel/rng/stream.ts';
import { exponential } from '../../engine/kernel/rng/dist/exponential.ts';
import { MMC_PURPOSES, withDefaults } from '../../engine/selfcheck/mmc.ts';
import type { MmcOptions, MmcReplicate } from '../../engine/selfcheck/mmc.ts';

const ARRIVAL = 0;
const DEPARTURE = 1;

/** One replicate of M/M/c as `simulateMmcReplicate` computes it, without the kernel. */
export function mmcByHand(options: MmcOptions, replicate: number): MmcReplicate {
  const o = withDefaults(options);
  const arrivals = deriveStream(o.seed, replicate, MMC_PURPOSES[0]);
  const service = deriveStream(o.seed, replicate, MMC_PURPOSES[1]);
  // pending events: a binary min-heap of (time, kind); the root is replaced in place when an event is
  // followed by a new one (no ties occur in continuous time, so no tie-break is needed)
  let cap = 64;
  let times = new Float64Array(cap);
  let kinds = new Int32Array(cap);
  let n = 0;
  let hole = false; // root popped and not yet refilled
  const siftDown = (t: number, kind: number): void => {
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && times[c + 1] < times[c]) c++;
      if (t <= times[c]) break;
      times[i] = times[c];
      kinds[i] = kinds[c];
      i = c;
    }
    times[i] = t;
    kinds[i] = kind;
  };
  const push = (t: number, kind: number): void => {
    if (hole) {
      hole = false;
      siftDown(t, kind);
      return;
    }
    if (n === cap) {
      cap *= 2;
      const t2 = new Float64Array(cap);
      const k2 = new Int32Array(cap);
      t2.set(times);
      k2.set(kinds);
      times = t2;
      kinds = k2;
    }
    let i = n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (times[p] <= t) break;
      times[i] = times[p];
      kinds[i] = kinds[p];
      i = p;
    }
    times[i] = t;
    kinds[i] = kind;
  };
  const close = (): void => {
    hole = false;
    n--;
    if (n > 0) siftDown(times[n], kinds[n]);
  };
  // waiting customers' arrival times (FIFO ring)
  let ring = new Float64Array(64);
  let ringHead = 0;
  let ringLength = 0;
  let busy = 0, inSystem = 0, arrived = 0, started = 0, sumWait = 0, waited = 0, measured = 0;
  let area = 0, lastT = 0, windowStart = 0, windowEnd = 0, measuring = false, events = 0;
  push(exponential(arrivals, o.arrivalRate), ARRIVAL);
  for (;;) {
    if (hole) close();
    if (n === 0) break;
    const now = times[0];
    const kind = kinds[0];
    hole = true;
    events++;
    if (measuring) {
      area += inSystem * (now - lastT);
      lastT = now;
    }
    let wait = 0;
    if (kind === ARRIVAL) {
      const index = arrived++;
      if (index === o.warmup) {
        measuring = true;
        lastT = now;
        windowStart = now;
      }
      if (index === o.customers - 1) {
        measuring = false;
        windowEnd = now;
      } else {
        push(now + exponential(arrivals, o.arrivalRate), ARRIVAL);
      }
      inSystem++;
      if (busy === o.servers) {
        if (ringLength === ring.length) {
          const bigger = new Float64Array(ring.length * 2);
          for (let i = 0; i < ring.length; i++) bigger[i] = ring[(ringHead + i) & (ring.length - 1)];
          ring = bigger;
          ringHead = 0;
        }
        ring[(ringHead + ringLength) & (ring.length - 1)] = now;
        ringLength++;
        continue;
      }
      busy++;
    } else {
      inSystem--;
      if (ringLength === 0) {
        busy--;
        continue;
      }
      wait = now - ring[ringHead];
      ringHead = (ringHead + 1) & (ring.length - 1);
      ringLength--;
    }
    if (started++ >= o.warmup) {
      sumWait += wait;
      measured++;
      if (kind === DEPARTURE) waited++;
    }
    push(now + exponential(service, o.serviceRate), DEPARTURE);
  }
  return {
    meanWait: sumWait / measured,
    probWait: waited / measured,
    meanInSystem: area / (windowEnd - windowStart),
    events,
    measured,
  };
}
