import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { EventQueue } from '../../engine/kernel/event-queue.ts';

/** Pops everything, returning [time, kind, arg] triples. */
function drain(q: EventQueue): [number, number, number][] {
  const out: [number, number, number][] = [];
  while (q.pop()) out.push([q.time, q.kind, q.arg]);
  return out;
}

describe('kernel/event-queue', () => {
  describe('pop()', () => {
    it('returns events in time order', () => {
      const q = new EventQueue();
      for (const [t, k] of [[5, 0], [1, 1], [3, 2], [2, 3], [4, 4]]) q.push(t, k);
      expect(drain(q).map((e) => e[0])).toEqual([1, 2, 3, 4, 5]);
    });

    it('returns events with equal time in insertion order', () => {
      const q = new EventQueue(2);
      for (let k = 0; k < 50; k++) q.push(7, k, 100 + k);
      const out = drain(q);
      expect(out.map((e) => e[1])).toEqual(Array.from({ length: 50 }, (_, k) => k));
      expect(out.map((e) => e[2])).toEqual(Array.from({ length: 50 }, (_, k) => 100 + k));
    });

    it('returns a lower priority number first at equal time', () => {
      const q = new EventQueue();
      q.push(1, 0, 0, 5);
      q.push(1, 1, 0, -1);
      q.push(1, 2, 0, 0);
      q.push(0.5, 3, 0, 9);
      expect(drain(q).map((e) => e[1])).toEqual([3, 1, 2, 0]);
    });

    it('returns false and leaves the fields alone when empty', () => {
      const q = new EventQueue();
      q.push(2, 4, 6);
      expect(q.pop()).toBe(true);
      expect(q.pop()).toBe(false);
      expect([q.time, q.kind, q.arg]).toEqual([2, 4, 6]);
    });

    it('carries negative int32 arguments', () => {
      const q = new EventQueue();
      q.push(0, 1, -2147483648);
      q.pop();
      expect(q.arg).toBe(-2147483648);
    });
  });

  describe('peekTime()', () => {
    it('is Infinity when empty and the earliest time otherwise', () => {
      const q = new EventQueue();
      expect(q.peekTime()).toBe(Infinity);
      q.push(3, 0);
      q.push(-1, 0);
      expect(q.peekTime()).toBe(-1);
    });
  });

  describe('cancel()', () => {
    it('removes a pending event and returns true once', () => {
      const q = new EventQueue();
      q.push(1, 1);
      const h = q.push(2, 2);
      q.push(3, 3);
      expect(q.cancel(h)).toBe(true);
      expect(q.size).toBe(2);
      expect(q.cancel(h)).toBe(false);
      expect(drain(q).map((e) => e[1])).toEqual([1, 3]);
    });

    it('returns false for an event that already fired', () => {
      const q = new EventQueue();
      const h = q.push(1, 1);
      q.pop();
      expect(q.cancel(h)).toBe(false);
    });

    it('does not cancel a newer event that reuses the slot of a fired one', () => {
      const q = new EventQueue(1);
      const old = q.push(1, 1);
      q.pop();
      q.push(2, 2); // same slot, new generation
      expect(q.cancel(old)).toBe(false);
      expect(q.size).toBe(1);
    });

    it('returns false for handles it never issued', () => {
      const q = new EventQueue(4);
      q.push(1, 1);
      for (const h of [-1, 0.5, NaN, Infinity, 3, 2 ** 40 + 7]) expect(q.cancel(h)).toBe(false);
      expect(q.size).toBe(1);
    });
  });

  describe('push()', () => {
    it('grows by doubling and keeps order', () => {
      const q = new EventQueue(1);
      for (let i = 0; i < 1000; i++) q.push((i * 7919) % 1000, i);
      expect(q.size).toBe(1000);
      expect(q.capacity).toBe(1024);
      const times = drain(q).map((e) => e[0]);
      expect(times).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    });

    it('keeps pending handles valid across growth', () => {
      const q = new EventQueue(2);
      const handles = Array.from({ length: 40 }, (_, i) => q.push(i, i));
      for (let i = 0; i < 40; i += 2) expect(q.cancel(handles[i])).toBe(true);
      expect(drain(q).map((e) => e[1])).toEqual(Array.from({ length: 20 }, (_, i) => 2 * i + 1));
    });

    it('rejects a NaN time', () => {
      expect(() => new EventQueue().push(NaN, 0)).toThrow(/NaN/);
    });
  });

  describe('clear()', () => {
    it('empties the queue and invalidates handles', () => {
      const q = new EventQueue();
      const h = q.push(1, 1);
      q.push(2, 2);
      q.clear();
      expect(q.size).toBe(0);
      expect(q.pop()).toBe(false);
      expect(q.cancel(h)).toBe(false);
      q.push(5, 5);
      expect(drain(q)).toEqual([[5, 5, 0]]);
    });
  });

  describe('invariants', () => {
    type Cmd = { op: 'push'; time: number; prio: number; fromArg: boolean } | { op: 'pop' } | { op: 'cancel'; pick: number };
    const cmd: fc.Arbitrary<Cmd> = fc.oneof(
      fc.record({ op: fc.constant('push' as const), time: fc.integer({ min: 0, max: 8 }), prio: fc.integer({ min: -1, max: 1 }), fromArg: fc.boolean() }),
      fc.record({ op: fc.constant('pop' as const) }),
      fc.record({ op: fc.constant('cancel' as const), pick: fc.nat(1000) }),
    );

    it('any sequence of pushes (either way), pops and cancels matches a sorted-list reference model', () => {
      fc.assert(
        fc.property(fc.array(cmd, { maxLength: 300 }), fc.integer({ min: 1, max: 8 }), (cmds, cap) => {
          const q = new EventQueue(cap);
          // reference: pending events with their insertion sequence; handles ever issued
          const pending: { time: number; prio: number; seq: number; id: number; handle: number }[] = [];
          const issued: { handle: number; id: number }[] = [];
          let seq = 0;
          for (const c of cmds) {
            if (c.op === 'push') {
              const id = seq;
              if (c.fromArg) {
                // the hot-path push: the time through timeArg, no handle (so never cancelled here)
                q.timeArg[0] = c.time;
                q.pushFromArg(id % 1000, id, c.prio);
                pending.push({ time: c.time, prio: c.prio, seq: seq++, id, handle: -1 });
              } else {
                const handle = q.push(c.time, id % 1000, id, c.prio);
                pending.push({ time: c.time, prio: c.prio, seq: seq++, id, handle });
                issued.push({ handle, id });
              }
            } else if (c.op === 'pop') {
              pending.sort((a, b) => a.time - b.time || a.prio - b.prio || a.seq - b.seq);
              const expected = pending.shift();
              expect(q.pop()).toBe(expected !== undefined);
              if (expected) expect([q.time, q.arg]).toEqual([expected.time, expected.id]);
            } else if (issued.length > 0) {
              const target = issued[c.pick % issued.length];
              const at = pending.findIndex((e) => e.id === target.id);
              expect(q.cancel(target.handle)).toBe(at >= 0);
              if (at >= 0) pending.splice(at, 1);
            }
            expect(q.size).toBe(pending.length);
          }
          pending.sort((a, b) => a.time - b.time || a.prio - b.prio || a.seq - b.seq);
          expect(drain(q).map((e) => e[2])).toEqual(pending.map((e) => e.id));
        }),
        { numRuns: 300, seed: 20240601 },
      );
    });
  });
});
