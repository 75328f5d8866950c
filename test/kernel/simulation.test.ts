import { describe, it, expect } from 'vitest';
import { Calendar } from '../../engine/kernel/clock.ts';
import { Simulation, KIND_LIMIT } from '../../engine/kernel/simulation.ts';
import type { EventHandler } from '../../engine/kernel/simulation.ts';
import { deriveStream } from '../../engine/kernel/rng/stream.ts';
import type { Stream } from '../../engine/kernel/rng/stream.ts';
import { exponential } from '../../engine/kernel/rng/dist/exponential.ts';

/** Records every event it receives, with its time (the simulation's `now` during the call). */
class Recorder implements EventHandler {
  readonly seen: [number, number, number][] = [];
  constructor(private readonly sim: Simulation) {}
  handle(kind: number, arg: number): void {
    this.seen.push([kind, arg, this.sim.now]);
  }
}

const cal = new Calendar('2020-01-31');

describe('kernel/simulation', () => {
  describe('run()', () => {
    it('fires events before `until` in time order and leaves now at `until`', () => {
      const sim = new Simulation(cal);
      sim.at(3, 1, 30);
      sim.at(1, 2, 10);
      sim.at(10, 3, 99);
      sim.at(2, 4, 20);
      const r = new Recorder(sim);
      sim.run(10, r);
      expect(r.seen).toEqual([[2, 10, 1], [4, 20, 2], [1, 30, 3]]);
      expect(sim.now).toBe(10);
      expect(sim.events).toBe(3);
      sim.run(11, r); // continues where it stopped
      expect(r.seen.at(-1)).toEqual([3, 99, 10]);
      expect(sim.events).toBe(4);
    });

    it('sets now to the time of the event being handled', () => {
      const sim = new Simulation(cal);
      const times: number[] = [];
      sim.at(1.25, 0);
      sim.run(5, { handle: () => times.push(sim.now) });
      expect(times).toEqual([1.25]);
    });

    it('rejects an `until` before now', () => {
      const sim = new Simulation(cal);
      sim.run(5, new Recorder(sim));
      expect(() => sim.run(4, new Recorder(sim))).toThrow(/before now/);
    });
  });

  describe('at() and after()', () => {
    it('schedules relative to now and fires handler-scheduled events in the same run', () => {
      const sim = new Simulation(cal);
      const r = new Recorder(sim);
      sim.at(1, 0);
      sim.run(10, {
        handle(kind, arg) {
          r.handle(kind, arg);
          if (kind === 0) sim.after(2.5, 1, 7);
        },
      });
      expect(r.seen).toEqual([[0, 0, 1], [1, 7, 3.5]]);
    });

    it('rejects times in the past and kinds outside [0, KIND_LIMIT)', () => {
      const sim = new Simulation(cal);
      sim.run(5, new Recorder(sim));
      expect(() => sim.at(4, 0)).toThrow(/before now/);
      expect(() => sim.at(NaN, 0)).toThrow(/not a number/);
      expect(() => sim.after(-1, 0)).toThrow(/before now/);
      for (const kind of [-1, 1.5, KIND_LIMIT]) expect(() => sim.at(6, kind)).toThrow(/kind/);
      sim.timeArg[0] = 4;
      expect(() => sim.atFromArg(0)).toThrow(/atFromArg: time 4 is before now/);
      sim.timeArg[0] = 6;
      expect(() => sim.atFromArg(1.5)).toThrow(/atFromArg: kind/);
    });

    it('schedules through timeArg (atFromArg) as `at` does, and `at` leaves a pending timeArg alone', () => {
      const sim = new Simulation(cal);
      const r = new Recorder(sim);
      sim.timeArg[0] = 2;
      sim.at(2, 1, 10); // between the write and the call: must not overwrite it
      sim.at(1, 1, 11);
      sim.atFromArg(0, 12);
      sim.timeArg[0] = 2;
      sim.atFromArg(2, 13, -1); // lower priority: before the others at day 2
      sim.run(10, r);
      expect(r.seen).toEqual([[1, 11, 1], [2, 13, 2], [1, 10, 2], [0, 12, 2]]);
    });
  });

  describe('cancel()', () => {
    it('stops a scheduled event from firing', () => {
      const sim = new Simulation(cal);
      const h = sim.at(1, 5);
      sim.at(2, 6);
      expect(sim.cancel(h)).toBe(true);
      const r = new Recorder(sim);
      sim.run(3, r);
      expect(r.seen.map((e) => e[0])).toEqual([6]);
    });
  });

  describe('every()', () => {
    it('re-arms monthly processes on calendar month boundaries with the caller kind and arg', () => {
      const sim = new Simulation(cal); // day 0 = 31 January 2020
      sim.every('month', 9, 0, 42);
      const r = new Recorder(sim);
      sim.run(cal.dayOf('2020-06-01'), r);
      expect(r.seen.map(([kind, arg, now]) => [kind, arg, cal.dateOf(now)])).toEqual([
        [9, 42, '2020-01-31'],
        [9, 42, '2020-02-29'],
        [9, 42, '2020-03-31'],
        [9, 42, '2020-04-30'],
        [9, 42, '2020-05-31'],
      ]);
    });

    it('re-arms weekly, quarterly and yearly processes', () => {
      const sim = new Simulation(new Calendar('2021-01-01'));
      sim.every('week', 1, 0);
      sim.every('quarter', 2, 0);
      sim.every('year', 3, 0);
      const r = new Recorder(sim);
      sim.run(730, r); // two years (2021 and 2022): day 730 is 2023-01-01, not fired
      const count = (k: number): number => r.seen.filter((e) => e[0] === k).length;
      expect([count(1), count(2), count(3)]).toEqual([105, 8, 2]);
      expect(r.seen.filter((e) => e[0] === 2).map((e) => sim.calendar.dateOf(e[2]))).toEqual([
        '2021-01-01', '2021-04-01', '2021-07-01', '2021-10-01', '2022-01-01', '2022-04-01', '2022-07-01', '2022-10-01',
      ]);
    });

    it('fires events the handler schedules at the next occurrence time after that occurrence', () => {
      const sim = new Simulation(cal);
      sim.every('day', 1, 0);
      const r = new Recorder(sim);
      sim.run(2, {
        handle(kind, arg) {
          r.handle(kind, arg);
          if (kind === 1 && sim.now === 0) sim.at(1, 2); // same time as the second occurrence, inserted later
        },
      });
      expect(r.seen).toEqual([[1, 0, 0], [1, 0, 1], [2, 0, 1]]);
    });

    it('refuses to run to Infinity when a periodic process exists', () => {
      const sim = new Simulation(cal);
      sim.every('week', 0, 0);
      expect(() => sim.run(Infinity, new Recorder(sim))).toThrow(/finite/);
    });

    it('rejects an unknown period', () => {
      const sim = new Simulation(cal);
      expect(() => sim.every('fortnight' as 'week', 0, 0)).toThrow(/day, week, month, quarter, year/);
    });
  });

  describe('hot path', () => {
    /** c exponential servers fed by Poisson arrivals; arrivals beyond c are lost (at most c + 1 pending events). */
    class LossSystem implements EventHandler {
      busy = 0;
      constructor(
        readonly sim: Simulation,
        readonly c: number,
        readonly arrivals: Stream,
        readonly services: Stream,
      ) {}
      handle(kind: number): void {
        if (kind === 0) {
          this.sim.after(exponential(this.arrivals, 9), 0);
          if (this.busy < this.c) {
            this.busy++;
            this.sim.after(exponential(this.services, 1), 1);
          }
        } else this.busy--;
      }
    }

    it('never grows the queue past the number of pending events (no allocation per event)', () => {
      const sim = new Simulation(cal, 16);
      const system = new LossSystem(sim, 10, deriveStream(1, 0, 'arrivals'), deriveStream(1, 0, 'services'));
      sim.at(0, 0);
      sim.run(20_000, system);
      expect(sim.events).toBeGreaterThan(300_000);
      expect(sim.queue.size).toBeLessThanOrEqual(11);
      expect(sim.queue.capacity).toBe(16); // at most 11 pending: the initial storage was never replaced
    });
  });
});
