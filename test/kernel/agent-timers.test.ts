import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { AgentTimers } from '../../engine/kernel/agent-timers.ts';
import { Calendar } from '../../engine/kernel/clock.ts';
import { Simulation } from '../../engine/kernel/simulation.ts';
import type { EventHandler } from '../../engine/kernel/simulation.ts';

/** Takes every pending timer in order, returning [agent, time] pairs. */
function drain(t: AgentTimers): [number, number][] {
  const out: [number, number][] = [];
  for (let time = t.peekTime(); time !== Infinity; time = t.peekTime()) {
    t.now = time;
    out.push([t.take(), time]);
  }
  return out;
}

/** The reference: a list of (agent, time, seq), the earliest (time, seq) first. */
class Reference {
  private pending = new Map<number, { time: number; seq: number }>();
  private seq = 0;
  set(agent: number, time: number): void { this.pending.set(agent, { time, seq: this.seq++ }); }
  clear(agent: number): boolean { return this.pending.delete(agent); }
  get size(): number { return this.pending.size; }
  timeOf(agent: number): number { return this.pending.get(agent)?.time ?? Infinity; }
  peekTime(): number { return this.earliest()?.[1].time ?? Infinity; }
  take(): number {
    const e = this.earliest();
    if (!e) throw new Error('empty');
    this.pending.delete(e[0]);
    return e[0];
  }
  private earliest(): [number, { time: number; seq: number }] | undefined {
    let best: [number, { time: number; seq: number }] | undefined;
    for (const e of this.pending) if (!best || e[1].time < best[1].time || (e[1].time === best[1].time && e[1].seq < best[1].seq)) best = e;
    return best;
  }
}

describe('kernel/agent-timers', () => {
  it('fires in time order, ties in the order they were set', () => {
    const t = new AgentTimers(1);
    t.set(3, 2.5);
    t.set(1, 0.25);
    t.set(7, 2.5);
    t.set(4, 0.75);
    t.set(2, 2.5);
    expect(drain(t)).toEqual([[1, 0.25], [4, 0.75], [3, 2.5], [7, 2.5], [2, 2.5]]);
    expect(t.size).toBe(0);
  });

  it('sorts a bucket of thousands of timers (more than its run first holds), clumped and tied', () => {
    const t = new AgentTimers(4, 16);
    const r = new Reference();
    // 3,000 timers in one 4-day bucket, in a scrambled order: half spread over the bucket, half in a clump
    // of 40 distinct times (so many share a counting-sort position, and many tie exactly)
    for (let i = 0; i < 3000; i++) {
      const agent = (i * 7919) % 3000;
      const time = 4 + (i % 2 === 0 ? ((i * 2654435761) % 4096) / 1024 : 1 + (i % 40) / 4096);
      t.set(agent, time);
      r.set(agent, time);
    }
    const expected: [number, number][] = [];
    while (r.size > 0) { const time = r.peekTime(); expected.push([r.take(), time]); }
    expect(drain(t)).toEqual(expected);
  });

  it('replaces an agent\'s pending time when set again, and clear removes it', () => {
    const t = new AgentTimers(1);
    t.set(1, 5);
    t.set(2, 6);
    t.set(1, 7);
    expect(t.timeOf(1)).toBe(7);
    expect(t.clear(2)).toBe(true);
    expect(t.clear(2)).toBe(false);
    expect(t.timeOf(2)).toBe(Infinity);
    expect(drain(t)).toEqual([[1, 7]]);
  });

  it('moveFromArg leaves a timer already at that time in its place among ties; set files it again', () => {
    for (const [bucketDays, at] of [[1, 5], [8, 5], [1, 0]] as const) {
      const t = new AgentTimers(bucketDays);
      t.set(1, at);
      t.set(2, at);
      t.set(3, at + 1);
      if (at === 0) t.peekTime(); // the bucket is now the run
      t.timeArg[0] = at;
      t.moveFromArg(1); // unchanged: still before agent 2
      t.timeArg[0] = Infinity;
      t.moveFromArg(3); // cleared
      t.moveFromArg(4); // no timer, none set
      expect(drain(t)).toEqual([[1, at], [2, at]]);
      t.set(1, at + 2);
      t.set(2, at + 2);
      t.set(1, at + 2); // set again: after agent 2
      t.timeArg[0] = at + 2;
      t.moveFromArg(2); // unchanged
      expect(drain(t)).toEqual([[2, at + 2], [1, at + 2]]);
    }
  });

  it('inserts a timer set into the bucket being run in its place', () => {
    const t = new AgentTimers(10);
    t.set(1, 1);
    t.set(2, 9);
    expect(t.peekTime()).toBe(1);
    t.now = 1;
    expect(t.take()).toBe(1);
    t.set(3, 4);
    t.set(4, 1);
    t.set(5, 9);
    expect(drain(t)).toEqual([[4, 1], [3, 4], [2, 9], [5, 9]]);
  });

  it('accepts times beyond the ring (overflow) and after a jump over empty buckets', () => {
    const t = new AgentTimers(1, 16, 8);
    t.set(1, 1000.5);
    t.set(2, 3.5);
    t.set(3, 20);
    t.set(4, 1e9);
    t.set(5, 20);
    expect(drain(t)).toEqual([[2, 3.5], [3, 20], [5, 20], [1, 1000.5], [4, 1e9]]);
  });

  it('grows past its initial agents and rejects bad input with a clear message', () => {
    const t = new AgentTimers(1, 16);
    t.set(100_000, 2);
    expect(t.timeOf(100_000)).toBe(2);
    t.now = 1;
    expect(() => t.set(0, 0.5)).toThrow(/time 0.5 is before now \(1\)/);
    expect(() => t.set(0, Infinity)).toThrow(/not finite/);
    expect(() => t.set(-1, 2)).toThrow(/agent must be an int32 >= 0/);
    expect(() => new AgentTimers(0)).toThrow(/bucketDays must be a positive number/);
    expect(() => new AgentTimers(1, 16, 12)).toThrow(/ringSize must be a power of two/);
  });

  it('agrees with a reference list under random set, move, clear and take (fast-check)', () => {
    // times on a coarse grid so ties, equal buckets, the bucket being run and the overflow all occur
    // `set` and `setFromArg` alike; `moveFromArg` to a time (ahead -1: Infinity) keeps an unchanged timer in its place among ties
    const op = fc.oneof(
      fc.record({ op: fc.constant('set' as const), agent: fc.integer({ min: 0, max: 40 }), ahead: fc.integer({ min: 0, max: 80 }), fromArg: fc.boolean() }),
      fc.record({ op: fc.constant('move' as const), agent: fc.integer({ min: 0, max: 40 }), ahead: fc.integer({ min: -1, max: 80 }), same: fc.boolean() }),
      fc.record({ op: fc.constant('clear' as const), agent: fc.integer({ min: 0, max: 40 }) }),
      fc.record({ op: fc.constant('take' as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), fc.constantFrom(0.5, 1, 3), (ops, bucketDays) => {
        const t = new AgentTimers(bucketDays, 16, 8);
        const r = new Reference();
        let now = 0;
        for (const o of ops) {
          if (o.op === 'set') {
            const time = now + o.ahead / 4;
            if (o.fromArg) {
              t.timeArg[0] = time;
              t.setFromArg(o.agent);
            } else t.set(o.agent, time);
            r.set(o.agent, time);
          } else if (o.op === 'move') {
            // half the moves go to the agent's pending time (if any), where the timer must stay in its place
            const pending = r.timeOf(o.agent);
            const time = o.same && pending !== Infinity ? pending : o.ahead < 0 ? Infinity : now + o.ahead / 4;
            t.timeArg[0] = time;
            t.moveFromArg(o.agent);
            if (time === Infinity) r.clear(o.agent);
            else if (time !== pending) r.set(o.agent, time);
          } else if (o.op === 'clear') {
            expect(t.clear(o.agent)).toBe(r.clear(o.agent));
          } else {
            const next = r.peekTime();
            expect(t.peekTime()).toBe(next);
            if (next === Infinity) continue;
            now = next;
            t.now = now;
            expect(t.take()).toBe(r.take());
          }
          expect(t.size).toBe(r.size);
          for (let a = 0; a <= 40; a++) expect(t.timeOf(a)).toBe(r.timeOf(a));
        }
        const rest: [number, number][] = [];
        while (r.size > 0) { const time = r.peekTime(); rest.push([r.take(), time]); }
        expect(drain(t)).toEqual(rest);
      }),
      { numRuns: 300, seed: 20261124 },
    );
  });

  describe('in a Simulation', () => {
    /** Records [kind, arg, now]; on a timer event, optionally re-sets the agent's timer. */
    class Recorder implements EventHandler {
      readonly seen: [number, number, number][] = [];
      constructor(
        private readonly sim: Simulation,
        private readonly then?: (agent: number, now: number) => void,
      ) {}
      handle(kind: number, arg: number): void {
        const now = this.sim.now;
        this.seen.push([kind, arg, now]);
        if (kind === 9 && this.then) this.then(arg, now);
      }
    }

    it('merges timers with queued events in time order; at equal time by priority, queue first at equal priority', () => {
      const sim = new Simulation(new Calendar('2020-01-01'));
      const timers = sim.timers(9, 1, 0);
      sim.at(2, 1, 0, -1);
      sim.at(2, 2, 0, 0);
      sim.at(2, 3, 0, 1);
      sim.at(0.5, 4);
      timers.set(5, 2);
      timers.set(6, 1.5);
      const h = new Recorder(sim);
      sim.run(10, h);
      expect(h.seen).toEqual([[4, 0, 0.5], [9, 6, 1.5], [1, 0, 2], [2, 0, 2], [9, 5, 2], [3, 0, 2]]);
      expect(sim.events).toBe(6);
      expect(sim.now).toBe(10);
    });

    it('fires timers the handler sets, stops at `until` and continues in a later run', () => {
      const sim = new Simulation(new Calendar('2020-01-01'));
      const timers = sim.timers(9, 1);
      const h = new Recorder(sim, (agent, now) => timers.set(agent, now + 0.75));
      timers.set(0, 0.5);
      sim.run(2, h);
      expect(h.seen.map((e) => e[2])).toEqual([0.5, 1.25]);
      expect(timers.timeOf(0)).toBe(2);
      sim.run(3, h);
      expect(h.seen.map((e) => e[2])).toEqual([0.5, 1.25, 2, 2.75]);
      expect(() => timers.set(1, 1)).toThrow(/before now/);
      expect(() => sim.timers(9, 1)).toThrow(/already has its timers/);
    });
  });
});
