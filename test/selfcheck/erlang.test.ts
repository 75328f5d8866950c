import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { erlangC, mmcAnalytic } from '../../engine/selfcheck/erlang.ts';

/** Erlang C from its textbook formula with factorials (fine for small c): an independent implementation. */
function erlangCDirect(c: number, a: number): number {
  let fact = 1;
  let sum = 0;
  for (let k = 0; k < c; k++) {
    if (k > 0) fact *= k;
    sum += a ** k / fact;
  }
  const top = (a ** c / (fact * c)) * (c / (c - a));
  return top / (sum + top);
}

describe('selfcheck/erlang', () => {
  describe('erlangC()', () => {
    it('equals the utilisation for one server (M/M/1: P(wait) = ρ)', () => {
      for (const rho of [0, 0.1, 0.5, 0.9, 0.999]) expect(erlangC(1, rho)).toBeCloseTo(rho, 14);
    });

    it('agrees with the factorial formula for small numbers of servers', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 30 }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), (c, rho) => {
          expect(erlangC(c, c * rho)).toBeCloseTo(erlangCDirect(c, c * rho), 10);
        }),
        { seed: 5 },
      );
    });

    it('stays a finite probability for thousands of servers', () => {
      const p = erlangC(5000, 4950);
      expect(p > 0 && p < 1).toBe(true);
    });

    it('rises with the load', () => {
      let last = 0;
      for (let a = 0.5; a < 10; a += 0.5) {
        const p = erlangC(10, a);
        expect(p).toBeGreaterThan(last);
        last = p;
      }
    });

    it('rejects an unstable load and a bad number of servers', () => {
      expect(() => erlangC(2, 2)).toThrow(/offered load/);
      expect(() => erlangC(0, 0.5)).toThrow(/servers/);
      expect(() => erlangC(1.5, 0.5)).toThrow(/servers/);
    });
  });

  describe('mmcAnalytic()', () => {
    it('gives the M/M/1 closed forms', () => {
      const r = mmcAnalytic({ arrivalRate: 0.8, serviceRate: 1, servers: 1 });
      expect(r.rho).toBeCloseTo(0.8, 14);
      expect(r.probWait).toBeCloseTo(0.8, 14);
      expect(r.meanWait).toBeCloseTo(0.8 / (1 - 0.8), 12); // ρ / (μ - λ)
      expect(r.meanInSystem).toBeCloseTo(0.8 / (1 - 0.8), 12); // ρ / (1 - ρ)
    });

    it("satisfies Little's law L = λ (Wq + 1/μ)", () => {
      const q = { arrivalRate: 9, serviceRate: 1.2, servers: 8 };
      const r = mmcAnalytic(q);
      expect(r.meanInSystem).toBeCloseTo(q.arrivalRate * (r.meanWait + 1 / q.serviceRate), 12);
    });

    it('rejects utilisation of 1 or more', () => {
      expect(() => mmcAnalytic({ arrivalRate: 10, serviceRate: 1, servers: 10 })).toThrow(/< 1/);
    });
  });
});
