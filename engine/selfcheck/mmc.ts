/**
 * An M/M/c FIFO queue simulated with the kernel's own parts (Simulation, EventQueue, deriveStream,
 * exponential), so that comparing it with Erlang C checks the machinery the model runs on.
 */
import { Calendar } from '../kernel/clock.ts';
import { Simulation } from '../kernel/simulation.ts';
import type { EventHandler } from '../kernel/simulation.ts';
import { deriveStream } from '../kernel/rng/stream.ts';
import type { Stream } from '../kernel/rng/stream.ts';
import { exponential } from '../kernel/rng/dist/exponential.ts';
import { mmcAnalytic } from './erlang.ts';
import type { MmcAnalytic, MmcQueue } from './erlang.ts';
import { meanCi95 } from './stats.ts';

/** Event kinds of the M/M/c simulation. */
const ARRIVAL = 0;
const DEPARTURE = 1;

/** Stream purposes of the M/M/c simulation. */
export const MMC_PURPOSES = ['mmc-arrivals', 'mmc-service'] as const;

/** What to simulate: the queue, how many customers per replicate and how many are warm-up. */
export interface MmcOptions extends MmcQueue {
  /** Customers per replicate (arrivals), an integer > warmup + 1. */
  readonly customers: number;
  /** Replicates, an integer >= 2 (the CI comes from the replicate means). */
  readonly replicates: number;
  /** Root seed, a non-negative safe integer. */
  readonly seed: number;
  /** First customers of each replicate left out of the statistics (the queue starts empty); default customers / 10. */
  readonly warmup?: number;
}

/** One replicate's statistics over the customers after the warm-up. */
export interface MmcReplicate {
  /** Mean wait in the queue. */
  readonly meanWait: number;
  /** Share of customers who waited. */
  readonly probWait: number;
  /** Time-average number in the system between the arrivals of the first measured and the last customer. */
  readonly meanInSystem: number;
  /** Kernel events processed. */
  readonly events: number;
  /** Customers measured (customers - warmup). */
  readonly measured: number;
}

/** Results over all replicates, with 95% CIs from the replicate means and the analytic values. */
export interface MmcResult {
  readonly options: Required<MmcOptions>;
  readonly meanWait: number;
  readonly meanWaitCI: readonly [number, number];
  readonly probWait: number;
  readonly probWaitCI: readonly [number, number];
  readonly meanInSystem: number;
  readonly meanInSystemCI: readonly [number, number];
  readonly analytic: MmcAnalytic;
  /** Kernel events over all replicates. */
  readonly events: number;
  /** Wall-clock seconds of the simulation. */
  readonly seconds: number;
  readonly eventsPerSecond: number;
}

/**
 * Problems with M/M/c options, each naming the field and what is valid; empty when they are valid.
 *
 * @param names how to call each field in messages (e.g. '--arrival-rate' for the CLI); default its name
 */
export function mmcProblems(o: MmcOptions, names: Partial<Record<keyof MmcOptions, string>> = {}): string[] {
  const problems: string[] = [];
  const name = (k: keyof MmcOptions): string => names[k] ?? k;
  const positive = (k: 'arrivalRate' | 'serviceRate'): void => {
    if (!(Number.isFinite(o[k]) && o[k] > 0)) problems.push(`${name(k)} must be a positive number, got ${o[k]}`);
  };
  positive('arrivalRate');
  positive('serviceRate');
  if (!Number.isSafeInteger(o.servers) || o.servers < 1) problems.push(`${name('servers')} must be a positive integer, got ${o.servers}`);
  if (!Number.isSafeInteger(o.customers) || o.customers < 3) problems.push(`${name('customers')} must be an integer >= 3, got ${o.customers}`);
  if (!Number.isSafeInteger(o.replicates) || o.replicates < 2) problems.push(`${name('replicates')} must be an integer >= 2, got ${o.replicates}`);
  if (!Number.isSafeInteger(o.seed) || o.seed < 0) problems.push(`${name('seed')} must be a non-negative integer, got ${o.seed}`);
  if (o.warmup !== undefined && (!Number.isSafeInteger(o.warmup) || o.warmup < 0 || o.warmup > o.customers - 2)) {
    problems.push(`${name('warmup')} must be an integer from 0 to ${name('customers')} - 2 (${o.customers - 2}), got ${o.warmup}`);
  }
  if (problems.length === 0) {
    const rho = o.arrivalRate / (o.servers * o.serviceRate);
    if (!(rho < 1)) {
      problems.push(
        `utilisation ${name('arrivalRate')} / (${name('servers')} × ${name('serviceRate')}) must be < 1 for a steady state, got ${rho}`,
      );
    }
  }
  return problems;
}

/**
 * The queue as an event handler: state in fields and a growable ring buffer of arrival times; nothing is
 * allocated per event. One `handle` method with the arrival and departure logic inline, so the hot path
 * passes no floating-point values through calls.
 */
class MmcSystem implements EventHandler {
  busy = 0;
  inSystem = 0;
  arrived = 0;
  started = 0;
  sumWait = 0;
  waited = 0;
  measured = 0;
  area = 0;
  lastT = 0;
  windowStart = 0;
  windowEnd = 0;
  measuring = false;
  private ring = new Float64Array(64);
  private head = 0;
  private length = 0;
  private readonly servers: number;
  private readonly warmup: number;
  private readonly lastCustomer: number;
  private readonly arrivalRate: number;
  private readonly serviceRate: number;

  constructor(
    private readonly sim: Simulation,
    o: Required<MmcOptions>,
    private readonly arrivals: Stream,
    private readonly service: Stream,
  ) {
    this.servers = o.servers;
    this.warmup = o.warmup;
    this.lastCustomer = o.customers - 1;
    this.arrivalRate = o.arrivalRate;
    this.serviceRate = o.serviceRate;
  }

  handle(kind: number): void {
    const now = this.sim.now;
    if (this.measuring) {
      this.area += this.inSystem * (now - this.lastT);
      this.lastT = now;
    }
    let wait = 0;
    if (kind === ARRIVAL) {
      const index = this.arrived++;
      if (index === this.warmup) {
        this.measuring = true;
        this.lastT = now;
        this.windowStart = now;
      }
      if (index === this.lastCustomer) {
        this.measuring = false;
        this.windowEnd = now;
      } else {
        this.sim.after(exponential(this.arrivals, this.arrivalRate), ARRIVAL);
      }
      this.inSystem++;
      if (this.busy === this.servers) {
        this.enqueue();
        return;
      }
      this.busy++;
    } else {
      this.inSystem--;
      if (this.length === 0) {
        this.busy--;
        return;
      }
      wait = now - this.ring[this.head];
      this.head = (this.head + 1) & (this.ring.length - 1);
      this.length--;
    }
    // a customer starts service (arrival to a free server, or the head of the queue after a departure)
    if (this.started++ >= this.warmup) {
      this.sumWait += wait;
      this.measured++;
      if (kind === DEPARTURE) this.waited++;
    }
    this.sim.after(exponential(this.service, this.serviceRate), DEPARTURE);
  }

  /** Queues a customer arriving now (the time is read here, not passed: see `EventHandler`). */
  private enqueue(): void {
    const cap = this.ring.length;
    if (this.length === cap) {
      const bigger = new Float64Array(cap * 2);
      for (let i = 0; i < cap; i++) bigger[i] = this.ring[(this.head + i) & (cap - 1)];
      this.ring = bigger;
      this.head = 0;
    }
    this.ring[(this.head + this.length) & (this.ring.length - 1)] = this.sim.now;
    this.length++;
  }
}

/** Options with the warm-up default filled in. */
export function withDefaults(o: MmcOptions): Required<MmcOptions> {
  return { ...o, warmup: o.warmup ?? Math.floor(o.customers / 10) };
}

/**
 * Simulates one replicate of the M/M/c queue from empty until every customer has left.
 *
 * Random numbers: interarrival times from stream (seed, replicate, 'mmc-arrivals'), service times from
 * (seed, replicate, 'mmc-service'), one `exponential` draw per customer each. Pure and deterministic.
 */
export function simulateMmcReplicate(options: MmcOptions, replicate: number): MmcReplicate {
  const problems = mmcProblems(options);
  if (problems.length > 0) throw new RangeError(`M/M/c: ${problems.join('; ')}`);
  const o = withDefaults(options);
  const sim = new Simulation(new Calendar('2000-01-01'), o.servers + 2);
  const arrivals = deriveStream(o.seed, replicate, MMC_PURPOSES[0]);
  const system = new MmcSystem(sim, o, arrivals, deriveStream(o.seed, replicate, MMC_PURPOSES[1]));
  sim.at(exponential(arrivals, o.arrivalRate), ARRIVAL);
  sim.run(Infinity, system);
  return {
    meanWait: system.sumWait / system.measured,
    probWait: system.waited / system.measured,
    meanInSystem: system.area / (system.windowEnd - system.windowStart),
    events: sim.events,
    measured: system.measured,
  };
}

/**
 * Simulates `replicates` replicates and summarises them: means with 95% t intervals from the replicate
 * means, the analytic (Erlang C) values and the throughput. Throws RangeError on invalid options.
 *
 * @example
 * const r = runMmc({ arrivalRate: 9, serviceRate: 1, servers: 10, customers: 50_000, replicates: 20, seed: 1 });
 * r.meanWaitCI[0] <= r.analytic.meanWait && r.analytic.meanWait <= r.meanWaitCI[1]; // usually true
 */
export function runMmc(options: MmcOptions, onReplicate?: (done: number, total: number) => void): MmcResult {
  const problems = mmcProblems(options);
  if (problems.length > 0) throw new RangeError(`M/M/c: ${problems.join('; ')}`);
  const o = withDefaults(options);
  const waits = new Float64Array(o.replicates);
  const probs = new Float64Array(o.replicates);
  const inSystem = new Float64Array(o.replicates);
  let events = 0;
  const t0 = performance.now();
  for (let r = 0; r < o.replicates; r++) {
    const rep = simulateMmcReplicate(o, r);
    waits[r] = rep.meanWait;
    probs[r] = rep.probWait;
    inSystem[r] = rep.meanInSystem;
    events += rep.events;
    onReplicate?.(r + 1, o.replicates);
  }
  const seconds = (performance.now() - t0) / 1000;
  const w = meanCi95(waits);
  const p = meanCi95(probs);
  const l = meanCi95(inSystem);
  return {
    options: o,
    meanWait: w.mean,
    meanWaitCI: w.ci,
    probWait: p.mean,
    probWaitCI: p.ci,
    meanInSystem: l.mean,
    meanInSystemCI: l.ci,
    analytic: mmcAnalytic(o),
    events,
    seconds,
    eventsPerSecond: seconds > 0 ? events / seconds : Infinity,
  };
}
