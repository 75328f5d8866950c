/** Analytic results for the M/M/c queue (Erlang C), against which the simulated queue is checked. */

/** An M/M/c queue: Poisson arrivals, exponential service, c identical servers, FIFO, unlimited room. */
export interface MmcQueue {
  /** λ, arrivals per unit of time, > 0. */
  readonly arrivalRate: number;
  /** μ, service completions per busy server per unit of time, > 0. */
  readonly serviceRate: number;
  /** c, a positive integer. */
  readonly servers: number;
}

/** Steady-state results of a stable M/M/c queue (units: the rates' unit of time). */
export interface MmcAnalytic {
  /** Utilisation ρ = λ / (c μ), < 1. */
  readonly rho: number;
  /** Erlang C: probability an arriving customer waits, C(c, λ/μ). */
  readonly probWait: number;
  /** Mean wait in the queue before service, Wq = C / (c μ - λ). */
  readonly meanWait: number;
  /** Mean number in the system (queue plus service), L = λ (Wq + 1/μ) by Little's law. */
  readonly meanInSystem: number;
}

/**
 * Erlang C: the probability that an arrival waits in an M/M/c queue with offered load a = λ/μ < c.
 *
 * Computed from Erlang B by the stable recursion B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1)), then
 * C = B / (1 - (a/c)(1 - B)). Works for thousands of servers without overflow.
 */
export function erlangC(servers: number, offeredLoad: number): number {
  if (!Number.isInteger(servers) || servers < 1) throw new RangeError(`erlangC: servers must be a positive integer, got ${servers}`);
  if (!(offeredLoad >= 0 && offeredLoad < servers)) {
    throw new RangeError(`erlangC: offered load must be in [0, servers), got ${offeredLoad} with ${servers} servers`);
  }
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (offeredLoad * b) / (k + offeredLoad * b);
  return b / (1 - (offeredLoad / servers) * (1 - b));
}

/** Steady-state M/M/c results (Erlang C and Little's law). Throws RangeError if ρ >= 1. */
export function mmcAnalytic(q: MmcQueue): MmcAnalytic {
  const a = q.arrivalRate / q.serviceRate;
  const rho = a / q.servers;
  if (!(rho < 1)) throw new RangeError(`mmcAnalytic: utilisation λ/(cμ) must be < 1, got ${rho}`);
  const probWait = erlangC(q.servers, a);
  const meanWait = probWait / (q.servers * q.serviceRate - q.arrivalRate);
  return { rho, probWait, meanWait, meanInSystem: q.arrivalRate * (meanWait + 1 / q.serviceRate) };
}
