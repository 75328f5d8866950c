/**
 * Counter-based random streams owned by each child agent.
 *
 * A child gets a 32-bit seed when its need arises (drawn from the exogenous `need-arising` stream), and
 * three counters: need (its trajectory), referral (when agencies refer it) and case (screening,
 * assessment and review draws). The k-th number of a channel is a hash of (seed, channel, k), so a
 * child's draws are the same in every arm of a replicate whatever happens to other children: arms differ
 * only through the effect of decisions on that child (common random numbers at the level of the child).
 */
import type { Stream } from '../kernel/index.ts';

// numbers before the enum, so that bundles inline them (see codes.ts)
/** Number of channels per child. */
export const CHILD_CHANNEL_COUNT = 3;

/** 2^32: a 32-bit draw divided by it is uniform in [0, 1) (exactly the draw times 2^-32). */
export const TWO_POW_32 = 2 ** 32;

/** Channels of a child's stream. */
export enum CHILD_CHANNELS { need = 0, referral = 1, case = 2 }

/**
 * Hashes (seed, channel, counter) to a uniform 32-bit integer (murmur3-style finaliser over a
 * Weyl-sequence mix). Pure; the same inputs give the same output everywhere.
 */
export function childHash(seed: number, channel: number, counter: number): number {
  return childBits(seed, channel, counter) >>> 0;
}

/**
 * `childHash` as a signed int32 (the same 32 bits): V8 returns an int32 without boxing it, a uint32 above
 * 2^31 - 1 it boxes when the call is not inlined.
 */
export function childBits(seed: number, channel: number, counter: number): number {
  // int32 throughout (| 0 where a sum may leave 32 bits): the same bits as unsigned arithmetic mod 2^32
  let h = seed ^ Math.imul(channel + 1, 0x85ebca6b);
  h = (h + Math.imul(counter, 0x9e3779b9)) | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  h = (h + Math.imul(seed ^ 0x27d4eb2f, 0x165667b1)) | 0;
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  h = Math.imul(h, 0x297a2d39);
  return h ^ (h >>> 15);
}

/**
 * The uniform in [0, 1) of 32 bits given as an int32 (`ChildStream.bits`): the same number as
 * `ChildStream.next()`. Small enough that V8 always inlines it, so the uniform is never boxed.
 */
export function unitOf(bits: number): number {
  return (bits >>> 0) / TWO_POW_32;
}

/**
 * An exponential waiting time at `rate` (> 0) from 32 random bits given as an int32: inversion,
 * `-ln(1 - u) / rate` with u = `unitOf(bits)`.
 */
export function exponentialOfBits(bits: number, rate: number): number {
  return -Math.log(1 - unitOf(bits)) / rate;
}

/** Where a child's seeds and counters live (typed arrays that may be replaced when the store grows). */
export interface ChildStreamStore {
  /** Each child's 32-bit seed as an int32 (an int32 is never boxed when passed to a call). */
  seed: Int32Array;
  /** `CHILD_CHANNEL_COUNT` counters per child. */
  counter: Uint32Array;
}

/**
 * A `Stream` view over one child's channel: `select(child, channel)` then draw. One object per world,
 * reused for every child (no allocation per draw). Each draw advances that child's channel counter.
 */
export class ChildStream implements Stream {
  private child = 0;
  private channel = 0;

  constructor(private readonly store: ChildStreamStore) {}

  /** Points the stream at a child's channel; returns this for chaining. */
  select(child: number, channel: number): ChildStream {
    this.child = child;
    this.channel = channel;
    return this;
  }

  /**
   * The selected child's channel's next 32 bits as a signed int32. The same draw as `nextUint32` (which is
   * `bits() >>> 0`), but V8 returns an int32 without boxing it; turn it into a uniform with `unitOf`.
   */
  bits(): number {
    const i = this.child * CHILD_CHANNEL_COUNT + this.channel;
    const k = this.store.counter[i];
    this.store.counter[i] = k + 1;
    return childBits(this.store.seed[this.child], this.channel, k);
  }

  /** The selected child's channel's next 32 bits as a signed int32 (the same as `bits`). */
  nextInt32(): number {
    return this.bits();
  }

  /** Uniform unsigned 32-bit integer from the selected child's channel. */
  nextUint32(): number {
    return this.bits() >>> 0;
  }

  /** Uniform in [0, 1) with 32 bits from the selected child's channel. */
  next(): number {
    return unitOf(this.bits());
  }
}
