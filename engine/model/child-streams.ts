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
  let h = (seed ^ Math.imul(channel + 1, 0x85ebca6b)) >>> 0;
  h = (h + Math.imul(counter, 0x9e3779b9)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  h = (h + Math.imul(seed ^ 0x27d4eb2f, 0x165667b1)) >>> 0;
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  h = Math.imul(h, 0x297a2d39);
  h ^= h >>> 15;
  return h >>> 0;
}

/** Where a child's seeds and counters live (typed arrays that may be replaced when the store grows). */
export interface ChildStreamStore {
  seed: Uint32Array;
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

  /** Uniform unsigned 32-bit integer from the selected child's channel. */
  nextUint32(): number {
    const i = this.child * CHILD_CHANNEL_COUNT + this.channel;
    const k = this.store.counter[i];
    this.store.counter[i] = k + 1;
    return childHash(this.store.seed[this.child], this.channel, k);
  }

  /** Uniform in [0, 1) with 32 bits from the selected child's channel. */
  next(): number {
    return this.nextUint32() / TWO_POW_32;
  }
}
