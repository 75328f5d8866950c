/**
 * The M/M/c queue of `engine/selfcheck/mmc.ts` written by hand, with no kernel: the same logic, streams
 * and statistics in one function whose state is all local variables (no closures, no objects: V8 keeps
 * it in registers), over a plain binary heap of (time, kind) in typed arrays whose root is replaced in
 * place when an event is followed by a new one. It is the benchmark's measure of what the M/M/c itself
 * costs, so the kernel's own overhead can be told apart from the queue's arithmetic.
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
  const servers = o.servers, warmup = o.warmup, lastCustomer = o.customers - 1;
  const arrivalRate = o.arrivalRate, serviceRate = o.serviceRate;
  // pending events: a binary min-heap of (time, kind); at most one arrival and one departure per server
  // are pending, so it never grows (no ties occur in continuous time, so no tie-break is needed)
  const times = new Float64Array(servers + 1);
  const kinds = new Int32Array(servers + 1);
  let n = 1;
  times[0] = exponential(arrivals, arrivalRate);
  // waiting customers' arrival times (FIFO ring, grows by doubling)
  let ring = new Float64Array(64);
  let ringHead = 0, ringLength = 0;
  let busy = 0, inSystem = 0, arrived = 0, started = 0, sumWait = 0, waited = 0, measured = 0;
  let area = 0, lastT = 0, windowStart = 0, windowEnd = 0, measuring = false, events = 0;
  while (n > 0) {
    const now = times[0];
    const kind = kinds[0];
    events++;
    if (measuring) {
      area += inSystem * (now - lastT);
      lastT = now;
    }
    // the event that replaces the root (nextKind < 0: none) and one more to add (extraKind < 0: none)
    let nextTime = 0, nextKind = -1, extraTime = 0, extraKind = -1;
    let starts = false, wait = 0;
    if (kind === ARRIVAL) {
      const index = arrived++;
      if (index === warmup) {
        measuring = true;
        lastT = now;
        windowStart = now;
      }
      if (index === lastCustomer) {
        measuring = false;
        windowEnd = now;
      } else {
        nextTime = now + exponential(arrivals, arrivalRate);
        nextKind = ARRIVAL;
      }
      inSystem++;
      if (busy === servers) {
        if (ringLength === ring.length) {
          const bigger = new Float64Array(ring.length * 2);
          for (let i = 0; i < ring.length; i++) bigger[i] = ring[(ringHead + i) & (ring.length - 1)];
          ring = bigger;
          ringHead = 0;
        }
        ring[(ringHead + ringLength) & (ring.length - 1)] = now;
        ringLength++;
      } else {
        busy++;
        starts = true;
      }
    } else {
      inSystem--;
      if (ringLength === 0) busy--;
      else {
        wait = now - ring[ringHead];
        ringHead = (ringHead + 1) & (ring.length - 1);
        ringLength--;
        starts = true;
      }
    }
    if (starts) {
      // a customer starts service (arrival to a free server, or the head of the queue after a departure)
      if (started++ >= warmup) {
        sumWait += wait;
        measured++;
        if (kind === DEPARTURE) waited++;
      }
      const t = now + exponential(service, serviceRate);
      if (nextKind < 0) {
        nextTime = t;
        nextKind = DEPARTURE;
      } else {
        extraTime = t;
        extraKind = DEPARTURE;
      }
    }
    // replace the root by the next event, or by the last entry if there is none, and sift it down
    if (nextKind < 0) {
      n--;
      nextTime = times[n];
      nextKind = kinds[n];
    }
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      let tc = times[c];
      if (c + 1 < n && times[c + 1] < tc) tc = times[++c];
      if (nextTime <= tc) break;
      times[i] = tc;
      kinds[i] = kinds[c];
      i = c;
    }
    if (i < n) {
      times[i] = nextTime;
      kinds[i] = nextKind;
    }
    // add the extra event at the end and sift it up
    if (extraKind >= 0) {
      let j = n++;
      while (j > 0) {
        const p = (j - 1) >> 1;
        if (times[p] <= extraTime) break;
        times[j] = times[p];
        kinds[j] = kinds[p];
        j = p;
      }
      times[j] = extraTime;
      kinds[j] = extraKind;
    }
  }
  return {
    meanWait: sumWait / measured,
    probWait: waited / measured,
    meanInSystem: area / (windowEnd - windowStart),
    events,
    measured,
  };
}
