import { describe, expect, it } from 'vitest';
import { ChildStream, childHash, CHILD_CHANNEL_COUNT } from '../../engine/model/child-streams.ts';

function store(n: number) {
  return { seed: Uint32Array.from({ length: n }, (_, i) => 7919 * i + 1), counter: new Uint32Array(n * CHILD_CHANNEL_COUNT) };
}

describe('model/child-streams', () => {
  it('is a pure function of seed, channel and counter', () => {
    expect(childHash(1, 0, 0)).toBe(childHash(1, 0, 0));
    expect(childHash(1, 0, 0)).not.toBe(childHash(1, 0, 1));
    expect(childHash(1, 0, 0)).not.toBe(childHash(1, 1, 0));
    expect(childHash(1, 0, 0)).not.toBe(childHash(2, 0, 0));
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
