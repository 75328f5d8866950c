/**
 * The pending-event set: a binary min-heap over typed arrays ordered by (time, priority, insertion
 * sequence), so the order of events is total and runs are deterministic.
 */

/** Slots per handle generation: handles encode `generation * SLOT_LIMIT + slot`. */
const SLOT_LIMIT = 2 ** 26;
/** Generations wrap here so handles stay safe integers (a stale handle aliases only after 2^27 reuses of its slot). */
const GENERATION_LIMIT = 2 ** 27;

/**
 * A priority queue of events (time, kind, arg) over typed arrays, with no allocation per event.
 *
 * Order: earlier `time` first; at equal time a lower `priority` number first; ties on both fire in
 * insertion order. `kind` and `arg` are int32 payloads chosen by the caller (values outside int32
 * are truncated as by `Int32Array`). Storage grows by doubling when full (amortised O(1)); it never
 * shrinks. At most 2^26 events may be pending at once.
 *
 * Cancelling removes the event from the heap at once (O(log n)), so `size` is always the number of
 * pending events and cancelled events take no room.
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
  private n = 0;
  private seqNext = 0;
  // heap-ordered keys and the slot each heap entry lives in
  private hTime: Float64Array;
  private hPrio: Float64Array;
  private hSeq: Float64Array;
  private hSlot: Int32Array;
  // per-slot payload, heap position (-1 when free) and handle generation
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
    this.hPrio = new Float64Array(cap);
    this.hSeq = new Float64Array(cap);
    this.hSlot = new Int32Array(cap);
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
    return this.n;
  }

  /** Events that fit before the storage next grows (doubles when full; never shrinks). */
  get capacity(): number {
    return this.cap;
  }

  /**
   * Adds an event. O(log n); allocates only when the storage doubles.
   *
   * @param time when it fires (any number but NaN)
   * @param kind int32 chosen by the caller
   * @param arg int32 payload (default 0)
   * @param priority lower fires first at equal time (default 0)
   * @returns a handle for `cancel` (a non-negative safe integer, unique among pending events)
   */
  push(time: number, kind: number, arg = 0, priority = 0): number {
    if (time !== time) throw new RangeError('EventQueue.push: time is NaN');
    if (priority !== priority) throw new RangeError('EventQueue.push: priority is NaN');
    if (this.n === this.cap) this.grow();
    const slot = this.free[--this.nFree];
    this.sKind[slot] = kind;
    this.sArg[slot] = arg;
    this.siftUp(this.n++, time, priority, this.seqNext++, slot);
    return this.sGen[slot] * SLOT_LIMIT + slot;
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
    if (slot >= this.cap || this.sGen[slot] !== gen) return false;
    const pos = this.sPos[slot];
    if (pos < 0) return false;
    this.release(slot);
    const last = --this.n;
    if (pos !== last) {
      const t = this.hTime[last];
      const p = this.hPrio[last];
      const q = this.hSeq[last];
      const sl = this.hSlot[last];
      const parent = (pos - 1) >> 1;
      if (pos > 0 && this.before(t, p, q, parent)) this.siftUp(pos, t, p, q, sl);
      else this.siftDown(pos, t, p, q, sl);
    }
    return true;
  }

  /**
   * Removes the earliest event and sets `time`, `kind` and `arg` to its fields. O(log n).
   *
   * @returns false when the queue is empty (the fields are then left as they were)
   */
  pop(): boolean {
    if (this.n === 0) return false;
    const slot = this.hSlot[0];
    this.time = this.hTime[0];
    this.kind = this.sKind[slot];
    this.arg = this.sArg[slot];
    this.release(slot);
    const last = --this.n;
    if (last > 0) this.siftDown(0, this.hTime[last], this.hPrio[last], this.hSeq[last], this.hSlot[last]);
    return true;
  }

  /** Time of the earliest pending event; Infinity when empty. */
  peekTime(): number {
    return this.n > 0 ? this.hTime[0] : Infinity;
  }

  /** Removes every pending event; their handles become invalid. Keeps the storage. */
  clear(): void {
    for (let i = 0; i < this.n; i++) this.release(this.hSlot[i]);
    this.n = 0;
  }

  /** True if the event (t, p, q) goes before the heap entry at position j. */
  private before(t: number, p: number, q: number, j: number): boolean {
    const tj = this.hTime[j];
    if (t !== tj) return t < tj;
    const pj = this.hPrio[j];
    if (p !== pj) return p < pj;
    return q < this.hSeq[j];
  }

  /** Places the entry into the hole at position i, moving parents down while it goes before them. */
  private siftUp(i: number, t: number, p: number, q: number, slot: number): void {
    const hTime = this.hTime;
    const hPrio = this.hPrio;
    const hSeq = this.hSeq;
    const hSlot = this.hSlot;
    const sPos = this.sPos;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const tp = hTime[parent];
      if (t > tp || (t === tp && (p > hPrio[parent] || (p === hPrio[parent] && q > hSeq[parent])))) break;
      hTime[i] = tp;
      hPrio[i] = hPrio[parent];
      hSeq[i] = hSeq[parent];
      const ps = hSlot[parent];
      hSlot[i] = ps;
      sPos[ps] = i;
      i = parent;
    }
    hTime[i] = t;
    hPrio[i] = p;
    hSeq[i] = q;
    hSlot[i] = slot;
    sPos[slot] = i;
  }

  /** Places the entry into the hole at position i, moving the earlier child up while it goes before it. */
  private siftDown(i: number, t: number, p: number, q: number, slot: number): void {
    const hTime = this.hTime;
    const hPrio = this.hPrio;
    const hSeq = this.hSeq;
    const hSlot = this.hSlot;
    const sPos = this.sPos;
    const n = this.n;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      const r = c + 1;
      if (r < n) {
        const tc = hTime[c];
        const tr = hTime[r];
        if (tr < tc || (tr === tc && (hPrio[r] < hPrio[c] || (hPrio[r] === hPrio[c] && hSeq[r] < hSeq[c])))) c = r;
      }
      const tc = hTime[c];
      if (t < tc || (t === tc && (p < hPrio[c] || (p === hPrio[c] && q < hSeq[c])))) break;
      hTime[i] = tc;
      hPrio[i] = hPrio[c];
      hSeq[i] = hSeq[c];
      const cs = hSlot[c];
      hSlot[i] = cs;
      sPos[cs] = i;
      i = c;
    }
    hTime[i] = t;
    hPrio[i] = p;
    hSeq[i] = q;
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
    this.hPrio = f64(this.hPrio);
    this.hSeq = f64(this.hSeq);
    this.hSlot = i32(this.hSlot);
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
