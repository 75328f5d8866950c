import { describe, expect, it } from 'vitest';
import { ChildStream, childBits, childHash, CHILD_CHANNEL_COUNT, exponentialOfBits, TWO_POW_32, unitOf } from '../../engine/model/child-streams.ts';

function store(n: number) {
  // seeds are int32: odd slots get ones with the top bit set (negative as int32)
  return { seed: Int32Array.from({ length: n }, (_, i) => (i % 2 ? 0x9e3779b9 * i : 7919 * i + 1) | 0), counter: new Uint32Array(n * CHILD_CHANNEL_COUNT) };
}

describe('model/child-streams', () => {
  it('is a pure function of seed, channel and counter', () => {
    expect(childHash(1, 0, 0)).toBe(childHash(1, 0, 0));
    expect(childHash(1, 0, 0)).not.toBe(childHash(1, 0, 1));
    expect(childHash(1, 0, 0)).not.toBe(childHash(1, 1, 0));
    expect(childHash(1, 0, 0)).not.toBe(childHash(2, 0, 0));
  });

  it('keeps the hash of earlier versions (values from the unsigned implementation before the int32 rewrite)', () => {
    const inputs = [[0, 0, 0], [1, 0, 0], [0xffffffff, 2, 7], [123456789, 1, 1000], [2 ** 31, 0, 2 ** 31]];
    expect(inputs.map(([seed, channel, k]) => childHash(seed, channel, k))).toEqual([2219238279, 2012024502, 3798727451, 2165171879, 4184277045]);
    for (const [seed, channel, k] of inputs) expect(childBits(seed, channel, k)).toBe(childHash(seed, channel, k) | 0);
  });

  it('gives the same draws through bits() as through nextUint32(), nextInt32() and next()', () => {
    const a = new ChildStream(store(4));
    const b = new ChildStream(store(4));
    const c = new ChildStream(store(4));
    const d = new ChildStream(store(4));
    let negative = 0;
    for (let i = 0; i < 1000; i++) {
      const bits = a.select(i % 4, i % 3).bits();
      if (bits < 0) negative++;
      expect(bits >>> 0).toBe(b.select(i % 4, i % 3).nextUint32());
      expect(unitOf(bits)).toBe(c.select(i % 4, i % 3).next());
      expect(d.select(i % 4, i % 3).nextInt32()).toBe(bits);
    }
    expect(negative).toBeGreaterThan(0); // the int32 form really is signed: half the draws are below 0
    expect(unitOf(-1)).toBe((TWO_POW_32 - 1) / TWO_POW_32);
    expect(unitOf(0)).toBe(0);
  });

  it('draws an exponential by inversion of the same uniform', () => {
    for (const bits of [0, 1, -1, 2 ** 31 - 1, -(2 ** 31), 123456789]) {
      expect(exponentialOfBits(bits, 0.25)).toBe(-Math.log(1 - unitOf(bits)) / 0.25);
    }
    expect(exponentialOfBits(0, 3) === 0).toBe(true); // u = 0: no wait (the sign of the zero is irrelevant: now + -0 is now)
    expect(Number.isFinite(exponentialOfBits(-1, 1))).toBe(true); // u < 1, so the time is finite
  });

  it('gives each child the same draws whatever other children drew in between', () => {
    const a = new ChildStream(store(3));
    const b = new ChildStream(store(3));
    const x = [a.select(1, 0).next(), a.select(1, 0).next()];
    b.select(0, 0).next(); b.select(2, 0).next(); b.select(1, 2).next();
    const y = [b.select(1, 0).next(), b.select(1, 0).next()];
    expect(y).toEqual(x);
  });

  it('has mean 1/2 and variance 1/12 within 5 standard errors', () => {
    const s = new ChildStream(store(100));
    const n = 100_000;
    let sum = 0, sq = 0;
    for (let i = 0; i < n; i++) { const u = s.select(i % 100, i % 3).next(); sum += u; sq += u * u; }
    const mean = sum / n;
    // se of the mean of U(0,1) is sqrt(1/12 / n); se of the mean of U^2 is sqrt(Var(U^2)/n), Var(U^2) = 1/5 - 1/9
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(sq / n - 1 / 3)).toBeLessThan(5 * Math.sqrt((1 / 5 - 1 / 9) / n));
  });

  it('shows no lag-1 correlation within a channel beyond sampling error', () => {
    const s = new ChildStream(store(1));
    const n = 50_000;
    let prev = s.select(0, 0).next(), sxy = 0;
    for (let i = 0; i < n; i++) { const u = s.select(0, 0).next(); sxy += (prev - 0.5) * (u - 0.5); prev = u; }
    const r = sxy / n / (1 / 12);
    expect(Math.abs(r)).toBeLessThan(5 / Math.sqrt(n)); // se of a correlation near 0 is 1/sqrt(n)
  });
});
