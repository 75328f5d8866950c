/** The discrete-event simulation loop: a clock, an event queue and periodic processes. */
import type { Calendar, Day } from './clock.ts';
import { AgentTimers } from './agent-timers.ts';
import { EventQueue } from './event-queue.ts';
import { occurrence, isPeriod, PERIODS } from './periodic.ts';
import type { Period } from './periodic.ts';

/** Event kinds a caller may use: integers in [0, KIND_LIMIT). Kinds from KIND_LIMIT up are the kernel's own. */
export const KIND_LIMIT = 2 ** 30;

/** Throws the error for an invalid time or kind (kept out of the hot functions so they stay small). */
function badEvent(method: string, time: number, now: number, kind: number): never {
  if (!(time >= now)) throw new RangeError(`Simulation.${method}: time ${time} is before now (${now}) or not a number`);
  throw new RangeError(`Simulation.${method}: kind must be an integer in [0, ${KIND_LIMIT}), got ${kind}`);
}

/**
 * Receives events; an object (not a closure per event) so dispatch allocates nothing. The event's time
 * is `simulation.now`: it is not passed, because V8 boxes a floating-point argument (an allocation per
 * event) whenever it does not inline the call, and whether it does varies from run to run.
 */
export interface EventHandler {
  /**
   * Handles one event, at time `simulation.now`.
   *
   * @param kind the caller's event kind
   * @param arg the caller's int32 payload
   */
  handle(kind: number, arg: number): void;
}

/**
 * A discrete-event simulation: events fire in (time, priority, insertion) order and are dispatched to one
 * `EventHandler`. Time is in days on a `Calendar`.
 *
 * Periodic processes (`every`) re-arm themselves before their handler runs, on calendar boundaries for
 * months, quarters and years. The kernel allocates nothing per event: only small integers cross its calls
 * (V8 boxes a floating-point argument or result when it does not inline a call).
 *
 * @example
 * const sim = new Simulation(new Calendar('2020-01-01'));
 * sim.every('month', MONTH_END, 30);
 * sim.at(3.5, ARRIVAL, 17);
 * sim.run(365, handler); // handler.handle(kind, arg) for each event before day 365, with sim.now its time
 */
export class Simulation {
  /** Maps days to dates. */
  readonly calendar: Calendar;
  /** The pending events (exposed for inspection and benchmarks; schedule through `at`/`after`). */
  readonly queue: EventQueue;
  /** Current time: the time of the event being handled, or `until` after `run`. */
  now: Day = 0;
  /** Events dispatched so far (periodic ones included). */
  events = 0;

  // periodic processes, indexed by (internal kind - KIND_LIMIT); filled by `every`, read per event
  private readonly periodPeriod: Period[] = [];
  private readonly periodKind: number[] = [];
  private readonly periodPriority: number[] = [];
  private readonly periodFirst: number[] = [];
  private readonly periodCount: number[] = [];
  // per-agent timers (see `timers`), fired as `timerKind` with the agent as argument
  private agentTimers: AgentTimers | null = null;
  private timerKind = 0;
  private timerPriority = 0;

  /** @param initialCapacity pending events before the queue first grows (default 64) */
  constructor(calendar: Calendar, initialCapacity?: number) {
    this.calendar = calendar;
    this.queue = new EventQueue(initialCapacity);
  }

  /**
   * Schedules an event at an absolute time (not before `now`).
   *
   * @param kind an integer in [0, KIND_LIMIT)
   * @param arg an int32 payload (e.g. an agent index), default 0
   * @param priority lower fires first at equal time, default 0
   * @returns a handle for `cancel` (a safe integer that can exceed int32: store it in a Float64Array)
   */
  at(time: Day, kind: number, arg = 0, priority = 0): number {
    if (!(time >= this.now) || !(kind >= 0 && kind < KIND_LIMIT && (kind | 0) === kind)) badEvent('at', time, this.now, kind);
    return this.queue.push(time, kind, arg, priority);
  }

  /**
   * The time argument of `atFromArg` (the queue's `timeArg`): write the event's time to `timeArg[0]`,
   * then call it.
   */
  get timeArg(): Float64Array {
    return this.queue.timeArg;
  }

  /**
   * `at` with the time in `timeArg[0]` and no handle returned, for a model's hot path: only small
   * integers cross this call, so it allocates nothing even where V8 leaves it out of line (it boxes a
   * floating-point argument or result of a call it does not inline). Keep `priority` a small integer.
   *
   * @example
   * sim.timeArg[0] = sim.now + delay;
   * sim.atFromArg(ARRIVAL, a);
   */
  atFromArg(kind: number, arg = 0, priority = 0): void {
    const q = this.queue;
    const time = q.timeArg[0];
    if (!(time >= this.now) || !(kind >= 0 && kind < KIND_LIMIT && (kind | 0) === kind)) badEvent('atFromArg', time, this.now, kind);
    q.pushFromArg(kind, arg, priority);
  }

  /** Schedules an event `delay` days from now (delay >= 0); see `at`. */
  after(delay: number, kind: number, arg = 0, priority = 0): number {
    return this.at(this.now + delay, kind, arg, priority);
  }

  /** Cancels a pending event; true if it was pending. */
  cancel(handle: number): boolean {
    return this.queue.cancel(handle);
  }

  /**
   * Starts a periodic process firing `kind` (with `arg`) at `first` and then every `period`, re-armed
   * automatically: days and weeks add 1 and 7 days; months, quarters and years step calendar months from
   * `first` (see `occurrence`). The next occurrence is scheduled before the handler runs, so events the
   * handler schedules for that same time fire after it (insertion order). A process runs until the end.
   */
  every(period: Period, kind: number, first: Day, arg = 0, priority = 0): void {
    if (!isPeriod(period)) throw new RangeError(`Simulation.every: period must be one of ${PERIODS.join(', ')}, got '${String(period)}'`);
    if (!(first >= this.now)) throw new RangeError(`Simulation.every: first ${first} is before now (${this.now}) or not a number`);
    if (!(kind >= 0 && kind < KIND_LIMIT && (kind | 0) === kind)) {
      throw new RangeError(`Simulation.every: kind must be an integer in [0, ${KIND_LIMIT}), got ${kind}`);
    }
    const index = this.periodKind.length;
    this.periodPeriod.push(period);
    this.periodKind.push(kind);
    this.periodPriority.push(priority);
    this.periodFirst.push(first);
    this.periodCount.push(0);
    this.queue.push(first, KIND_LIMIT + index, arg, priority);
  }

  /**
   * Creates this simulation's per-agent timers (once): each agent (an int32 id >= 0) has at most one
   * pending time, set with `timers.set(agent, time)`, which fires as event `kind` with the agent as `arg`.
   * For models whose agents each wait for their own next event: a timer costs no heap operation (see
   * `AgentTimers`), where an `at` event pays log2(pending) levels at each pop.
   *
   * Order: timers fire in time order, ties in the order they were set. At equal time a timer fires after
   * queued events whose priority is lower than or equal to `priority`, before those with a higher one.
   *
   * @param bucketDays width of the timers' buckets in days (about the time in which a few fall due)
   * @param initialAgents agent ids before the timers' storage first grows
   */
  timers(kind: number, bucketDays: number, priority = 0, initialAgents?: number): AgentTimers {
    if (this.agentTimers !== null) throw new Error('Simulation.timers: this simulation already has its timers');
    if (!(kind >= 0 && kind < KIND_LIMIT && (kind | 0) === kind)) badEvent('timers', this.now, this.now, kind);
    if (priority !== priority) throw new RangeError('Simulation.timers: priority is NaN');
    const t = new AgentTimers(bucketDays, initialAgents);
    t.now = this.now;
    this.agentTimers = t;
    this.timerKind = kind;
    this.timerPriority = priority;
    return t;
  }

  /**
   * Fires, in order, every event with time < `until`, calling `handler.handle(kind, arg)` for each with
   * `now` set to its time; then sets `now = until`. Can be called again to continue. `until` must not be
   * before `now`, and must be finite when periodic processes exist (they never run out).
   */
  run(until: Day, handler: EventHandler): void {
    if (!(until >= this.now)) throw new RangeError(`Simulation.run: until ${until} is before now (${this.now}) or not a number`);
    if (until === Infinity && this.periodKind.length > 0) {
      throw new RangeError('Simulation.run: until must be finite when periodic processes are scheduled');
    }
    if (this.agentTimers !== null) {
      this.runWithTimers(until, handler, this.agentTimers);
      return;
    }
    const q = this.queue;
    while (q.popBefore(until)) {
      this.now = q.time;
      this.events++;
      let kind = q.kind;
      if (kind >= KIND_LIMIT) kind = this.rearm(kind, q.arg);
      handler.handle(kind, q.arg);
    }
    this.now = until;
  }

  /** `run` merging the queue with the per-agent timers (a separate loop, so a run without timers pays nothing). */
  private runWithTimers(until: Day, handler: EventHandler, timers: AgentTimers): void {
    const q = this.queue;
    const timerKind = this.timerKind;
    const timerPriority = this.timerPriority;
    for (;;) {
      const tt = timers.peekTime();
      const qt = q.peekTime();
      if (tt < qt || (tt === qt && tt !== Infinity && timerPriority < q.peekPriority())) {
        if (!(tt < until)) break;
        this.now = tt;
        timers.now = tt;
        this.events++;
        handler.handle(timerKind, timers.take());
      } else {
        if (!q.popBefore(until)) break;
        const now = q.time;
        this.now = now;
        timers.now = now;
        this.events++;
        let kind = q.kind;
        if (kind >= KIND_LIMIT) kind = this.rearm(kind, q.arg);
        handler.handle(kind, q.arg);
      }
    }
    this.now = until;
    timers.now = until;
  }

  /** Schedules the next occurrence of periodic process (internal kind) and returns the caller's kind. */
  private rearm(internalKind: number, arg: number): number {
    const i = internalKind - KIND_LIMIT;
    const k = ++this.periodCount[i];
    const next = occurrence(this.calendar, this.periodPeriod[i], this.periodFirst[i], k);
    this.queue.push(next, internalKind, arg, this.periodPriority[i]);
    return this.periodKind[i];
  }
}
