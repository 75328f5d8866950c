/**
 * The pending-event set: a binary min-heap over typed arrays ordered by (time, priority, insertion
 * sequence), so the order of events is total and runs are deterministic.
 */

/** Slots per handle generation: handles encode `generation * SLOT_LIMIT + slot`. */
const SLOT_LIMIT = 2 ** 26;
/** Generations wrap here so handles stay safe integers (a stale handle aliases only after 2^27 reuses of its slot). */
const GENERATION_LIMIT = 2 ** 27;

/** Throws the error for a NaN time or priority (kept out of `push` so it stays small enough to inline). */
function nanArgument(time: number): never {
  throw new RangeError(`EventQueue.push: ${time !== time ? 'time' : 'priority'} is NaN`);
}

/**
 * A priority queue of events (time, kind, arg) over typed arrays, with no allocation per event.
 *
 * Order: earlier `time` first; at equal time a lower `priority` number first; ties on both fire in
 * insertion order. `kind` and `arg` are int32 payloads chosen by the caller (values outside int32
 * are truncated as by `Int32Array`). Storage grows by doubling when full (amortised O(1)); it never
 * shrinks. At most 2^26 events may be pending at once.
 *
 * Layout: the heap holds only each entry's time and slot (two typed arrays, so a sift moves little);
 * priority, sequence, kind, argument and handle generation live in per-slot arrays. Cancelling removes
 * the event from the heap at once (O(log n)), so `size` is always the number of pending events and
 * cancelled events take no room.
 *
 * `pop` leaves a hole at the root that the next `push` fills directly (one sift-down instead of a
 * sift-down and a sift-up: the common pop-then-schedule pattern costs what a bare heap's replace-top does);
 * any other call closes the hole first. This is invisible to callers.
 *
 * @example
 * const q = new EventQueue();
 * q.push(2.5, 1, 7);
 * const h = q.push(1.0, 0);
 * q.cancel(h);
 * while (q.pop()) console.log(q.time, q.kind, q.arg); // 2.5 1 7
 */
export class EventQueue {
  /** Time of the event last popped. */
  time = 0;
  /** Kind of the event last popped. */
  kind = 0;
  /** Argument of the event last popped. */
  arg = 0;

  private cap: number;
  /** Entries in the heap arrays, counting the root hole when `hole` is set. */
  private n = 0;
  /** True after `pop` until the root is filled again (by `push`) or closed (by `fill`). */
  private hole = false;
  private seqNext = 0;
  // heap-ordered: time and slot of each entry
  private hTime: Float64Array;
  private hSlot: Int32Array;
  // per slot: tie-break keys, payload, heap position (-1 when free) and handle generation
  private sPrio: Float64Array;
  private sSeq: Float64Array;
  private sKind: Int32Array;
  private sArg: Int32Array;
  private sPos: Int32Array;
  private sGen: Float64Array;
  // stack of free slots
  private free: Int32Array;
  private nFree: number;

  /** @param initialCapacity pending events before the first growth (default 64, at least 1) */
  constructor(initialCapacity = 64) {
    const cap = Math.max(1, Math.min(SLOT_LIMIT, Math.ceil(initialCapacity) || 1));
    this.cap = cap;
    this.hTime = new Float64Array(cap);
    this.hSlot = new Int32Array(cap);
    this.sPrio = new Float64Array(cap);
    this.sSeq = new Float64Array(cap);
    this.sKind = new Int32Array(cap);
    this.sArg = new Int32Array(cap);
    this.sPos = new Int32Array(cap).fill(-1);
    this.sGen = new Float64Array(cap);
    this.free = new Int32Array(cap);
    for (let i = 0; i < cap; i++) this.free[i] = cap - 1 - i;
    this.nFree = cap;
  }

  /** Pending events (cancelled ones are not counted). */
  get size(): number {
    return this.hole ? this.n - 1 : this.n;
  }

  /** Events that fit before the storage next grows (doubles when full; never shrinks). */
  get capacity(): number {
    return this.cap;
  }

  /**
   * The time argument of `pushFromArg`: write the event's time to `timeArg[0]`, then call it.
   */
  readonly timeArg = new Float64Array(1);

  /**
   * Adds an event. O(log n); allocates only when the storage doubles.
   *
   * @param time when it fires (any number but NaN)
   * @param kind int32 chosen by the caller
   * @param arg int32 payload (default 0)
   * @param priority lower fires first at equal time (default 0)
   * @returns a handle for `cancel`: a non-negative safe integer, unique among pending events; it can
   *   exceed int32, so keep handles in a number or a Float64Array, not an Int32Array
   */
  push(time: number, kind: number, arg = 0, priority = 0): number {
    if (time !== time || priority !== priority) nanArgument(time);
    const slot = this.takeSlot(kind, arg, priority);
    // as in `pushFromArg` (written twice: going through `timeArg` here cost the M/M/10 3% more instructions)
    if (this.hole) {
      this.hole = false;
      this.siftDown(0, time, slot);
    } else {
      const i = this.n++;
      this.hTime[i] = time;
      this.hSlot[i] = slot;
      this.siftUp(i);
    }
    return this.sGen[slot] * SLOT_LIMIT + slot;
  }

  /**
   * `push` with the time in `timeArg[0]` and no handle returned, for a model's hot path: only small
   * integers cross this call, so it allocates nothing even where V8 leaves it out of line (V8 boxes a
   * floating-point argument or result of a call it does not inline, and a handle may exceed the small
   * integers). Keep `priority` a small integer too.
   */
  pushFromArg(kind: number, arg = 0, priority = 0): void {
    const time = this.timeArg[0];
    if (time !== time || priority !== priority) nanArgument(time);
    const slot = this.takeSlot(kind, arg, priority);
    if (this.hole) {
      this.hole = false;
      this.siftDown(0, time, slot);
    } else {
      const i = this.n++;
      this.hTime[i] = time;
      this.hSlot[i] = slot;
      this.siftUp(i);
    }
  }

  /** Takes a free slot (growing the storage when full) for an event of this kind, argument and priority. */
  private takeSlot(kind: number, arg: number, priority: number): number {
    const slot = this.hole || this.n < this.cap ? this.free[--this.nFree] : this.growAndTakeSlot();
    this.sPrio[slot] = priority;
    this.sSeq[slot] = this.seqNext++;
    this.sKind[slot] = kind;
    this.sArg[slot] = arg;
    return slot;
  }

  /**
   * Cancels a pending event. O(log n).
   *
   * @returns true if the event was pending (and is now removed); false if it had fired, was
   *   cancelled already, or the handle is unknown.
   */
  cancel(handle: number): boolean {
    if (!(handle >= 0) || !Number.isSafeInteger(handle)) return false;
    const slot = handle % SLOT_LIMIT;
    const gen = (handle - slot) / SLOT_LIMIT;
    if (slot >= this.cap || this.sGen[slot] !== gen || this.sPos[slot] < 0) return false;
    if (this.hole) this.fill();
    const pos = this.sPos[slot];
    this.release(slot);
    const last = --this.n;
    if (pos !== last) {
      const t = this.hTime[last];
      const moved = this.hSlot[last];
      if (pos > 0 && this.before(t, moved, (pos - 1) >> 1)) {
        this.hTime[pos] = t;
        this.hSlot[pos] = moved;
        this.siftUp(pos);
      } else {
        this.siftDown(pos, t, moved);
      }
    }
    return true;
  }

  /**
   * Removes the earliest event and sets `time`, `kind` and `arg` to its fields. O(log n).
   *
   * @returns false when the queue is empty (the fields are then left as they were)
   */
  pop(): boolean {
    if (this.hole) this.fill();
    if (this.n === 0) return false;
    this.take();
    return true;
  }

  /**
   * Pops the earliest event if its time is before `until` (as `pop`); otherwise leaves the queue alone.
   * One call per event for a simulation loop.
   *
   * @returns true if an event was popped
   */
  popBefore(until: number): boolean {
    if (this.hole) this.fill();
    if (this.n === 0 || !(this.hTime[0] < until)) return false;
    this.take();
    return true;
  }

  /** Time of the earliest pending event; Infinity when empty. */
  peekTime(): number {
    if (this.hole) this.fill();
    return this.n > 0 ? this.hTime[0] : Infinity;
  }

  /** Priority of the earliest pending event; Infinity when empty. */
  peekPriority(): number {
    if (this.hole) this.fill();
    return this.n > 0 ? this.sPrio[this.hSlot[0]] : Infinity;
  }

  /** Removes every pending event; their handles become invalid. Keeps the storage. */
  clear(): void {
    for (let i = this.hole ? 1 : 0; i < this.n; i++) this.release(this.hSlot[i]);
    this.hole = false;
    this.n = 0;
  }

  /** Reads the root into the public fields, frees its slot and leaves the root as a hole. */
  private take(): void {
    const slot = this.hSlot[0];
    this.time = this.hTime[0];
    this.kind = this.sKind[slot];
    this.arg = this.sArg[slot];
    this.release(slot);
    this.hole = true;
  }

  /** Closes the root hole left by `take`: the last entry moves to the root and sifts down. */
  private fill(): void {
    this.hole = false;
    const last = --this.n;
    if (last > 0) this.siftDown(0, this.hTime[last], this.hSlot[last]);
  }

  /** True if the entry (t, slot) goes before the heap entry at position j. */
  private before(t: number, slot: number, j: number): boolean {
    const tj = this.hTime[j];
    return t < tj || (t === tj && this.tieBefore(slot, this.hSlot[j]));
  }

  /** At equal time: true if slot a goes before slot b (lower priority, then earlier insertion). */
  private tieBefore(a: number, b: number): boolean {
    const pa = this.sPrio[a];
    const pb = this.sPrio[b];
    return pa < pb || (pa === pb && this.sSeq[a] < this.sSeq[b]);
  }

  /**
   * Moves the entry at position i up to its place, moving parents down while it goes before them.
   * The entry is read from the heap, not passed: a handler's `push` usually fills the hole its own event
   * left (`siftDown`), so this call is the rare one that V8 leaves out of line, and a time passed to it
   * would be boxed (an allocation per event).
   */
  private siftUp(i: number): void {
    const hTime = this.hTime;
    const hSlot = this.hSlot;
    const sPos = this.sPos;
    const t = hTime[i];
    const slot = hSlot[i];
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const tp = hTime[parent];
      if (t > tp || (t === tp && !this.tieBefore(slot, hSlot[parent]))) break;
      hTime[i] = tp;
      const ps = hSlot[parent];
      hSlot[i] = ps;
      sPos[ps] = i;
      i = parent;
    }
    hTime[i] = t;
    hSlot[i] = slot;
    sPos[slot] = i;
  }

  /** Places the entry (t, slot) into the hole at position i, moving the earlier child up while it goes before it. */
  private siftDown(i: number, t: number, slot: number): void {
    const hTime = this.hTime;
    const hSlot = this.hSlot;
    const sPos = this.sPos;
    const n = this.n;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n) {
        // the earlier of the two children, chosen by arithmetic rather than a branch: which child is
        // earlier is a coin toss the processor cannot predict, and a mispredicted branch per level costs
        // more than the arithmetic (equal times, which need the tie-break, are rare and predictable)
        const tl = hTime[c];
        const tr = hTime[c + 1];
        if (tr !== tl) c += +(tr < tl);
        else if (this.tieBefore(hSlot[c + 1], hSlot[c])) c++;
      }
      const tc = hTime[c];
      if (t < tc || (t === tc && this.tieBefore(slot, hSlot[c]))) break;
      hTime[i] = tc;
      const cs = hSlot[c];
      hSlot[i] = cs;
      sPos[cs] = i;
      i = c;
    }
    hTime[i] = t;
    hSlot[i] = slot;
    sPos[slot] = i;
  }

  /** Frees a slot and invalidates its handle. */
  private release(slot: number): void {
    this.sPos[slot] = -1;
    const g = this.sGen[slot] + 1;
    this.sGen[slot] = g === GENERATION_LIMIT ? 0 : g;
    this.free[this.nFree++] = slot;
  }

  /** Doubles the storage and returns a free slot (called only when full and there is no hole). */
  private growAndTakeSlot(): number {
    this.grow();
    return this.free[--this.nFree];
  }

  /** Doubles every array (called only when full, so every slot is in use and the free stack is empty). */
  private grow(): void {
    const old = this.cap;
    if (old >= SLOT_LIMIT) throw new RangeError(`EventQueue: more than ${SLOT_LIMIT} pending events`);
    const cap = Math.min(SLOT_LIMIT, old * 2);
    const f64 = (a: Float64Array): Float64Array => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    const i32 = (a: Int32Array): Int32Array => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    this.hTime = f64(this.hTime);
    this.hSlot = i32(this.hSlot);
    this.sPrio = f64(this.sPrio);
    this.sSeq = f64(this.sSeq);
    this.sKind = i32(this.sKind);
    this.sArg = i32(this.sArg);
    this.sPos = i32(this.sPos);
    this.sPos.fill(-1, old);
    this.sGen = f64(this.sGen);
    this.free = new Int32Array(cap);
    for (let i = 0; i < cap - old; i++) this.free[i] = cap - 1 - i;
    this.nFree = cap - old;
    this.cap = cap;
  }
}
