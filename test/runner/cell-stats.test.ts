import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { CellStats } from '../../engine/runner/cell-stats.ts';
import { QuantileSketch } from '../../engine/runner/quantile-sketch.ts';
import { RunningStats } from '../../engine/runner/stats.ts';

const PS = [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1];
const same = (a: number, b: number): boolean => Object.is(a, b);

describe('runner/cell-stats', () => {
  it('gives bit for bit the numbers of one RunningStats and one QuantileSketch per cell', () => {
    const value = fc.oneof(
      fc.double({ noDefaultInfinity: true, noNaN: true, min: -1e6, max: 1e6 }),
      fc.integer({ min: -3, max: 3 }),
      fc.constantFrom(NaN, Infinity, -0, 0.1, 0.2),
    );
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.nat(3), value), { maxLength: 120 }),
      fc.integer({ min: 0, max: 40 }),
      fc.boolean(),
      (adds, expected, queryMidway) => {
        const cells = new CellStats(4, 8, expected);
        const stats = Array.from({ length: 4 }, () => new RunningStats());
        const sketches = Array.from({ length: 4 }, () => new QuantileSketch(8));
        adds.forEach(([c, x], i) => {
          cells.add(c, x);
          stats[c].add(x);
          sketches[c].add(x);
          if (queryMidway && i === adds.length >> 1) cells.quantiles(c, [0.5]);
        });
        for (let c = 0; c < 4; c++) {
          expect(cells.n(c)).toBe(stats[c].n);
          expect(same(cells.mean(c), stats[c].mean) || (Number.isNaN(cells.mean(c)) && Number.isNaN(stats[c].mean))).toBe(true);
          expect(same(cells.variance(c), stats[c].variance) || (Number.isNaN(cells.variance(c)) && Number.isNaN(stats[c].variance))).toBe(true);
          const got = cells.quantiles(c, PS);
          const want = sketches[c].quantiles(PS);
          got.forEach((g, i) => expect(g === want[i] || (Number.isNaN(g) && Number.isNaN(want[i]))).toBe(true));
        }
      },
    ), { numRuns: 300 });
  });

  it('answers as a sketch that compacted once a cell has k values, whatever the expected count', () => {
    for (const expected of [0, 3, 7, 8, 100]) {
      for (const count of [7, 8, 9, 16, 17]) {
        const cells = new CellStats(1, 8, expected);
        const sketch = new QuantileSketch(8);
        for (let i = 0; i < count; i++) { const x = (i * 5) % 11; cells.add(0, x); sketch.add(x); }
        expect(cells.quantiles(0, PS), `expected ${expected}, ${count} values`).toEqual(sketch.quantiles(PS));
      }
    }
  });

  it('keeps the cells apart', () => {
    const cells = new CellStats(3, 16, 4);
    for (let i = 0; i < 10; i++) cells.add(1, i);
    expect([cells.n(0), cells.n(1), cells.n(2)]).toEqual([0, 10, 0]);
    expect(cells.mean(1)).toBe(4.5);
    expect(cells.quantiles(1, [0.5])).toEqual([4]);
    expect(Number.isNaN(cells.quantiles(0, [0.5])[0])).toBe(true);
  });
});
