/**
 * Per-agent timers: at most one pending time per agent, kept in time buckets instead of the event heap.
 *
 * Agent-based models often give every agent one "next thing that happens to me" time, re-drawn each time
 * it fires, and hold tens of thousands of them, most far ahead. In a binary heap every one of those events
 * pays a pop of log2(pending) levels. Here a timer is filed in a bucket of `bucketDays` (a linked list, O(1));
 * when the simulation reaches a bucket, its timers are sorted once into a short run and fire from the front
 * of that run, so firing costs no heap operation at all. A timer set into the bucket now being run is
 * inserted into the run in order.
 *
 * Order: by time, then by the order the timers were set. The `Simulation` merges timers with its event
 * queue (see `Simulation.timers`).
 */

/** Where an agent's timer is (`where` array): none, in the sorted run, in the overflow list, or a ring bucket (>= 0). */
const NONE = -1;
const RUN = -2;
const OVERFLOW = -3;
/** Buckets of at most this many timers are sorted by insertion alone, as they are read (at most the run's first 64 entries). */
const SMALL_BUCKET = 12;

/** Throws the error for a bad `set` call (kept out of `set` so it stays small enough to inline). */
function badTimer(agent: number, time: number, now: number): never {
  if (!(agent >= 0 && (agent | 0) === agent)) throw new RangeError(`AgentTimers.set: agent must be an int32 >= 0, got ${agent}`);
  throw new RangeError(`AgentTimers.set: time ${time} is before now (${now}) or not finite`);
}

/**
 * One pending time per agent (agents are int32 ids >= 0; storage grows by doubling). Nothing is
 * allocated per timer.
 *
 * Buckets live in a ring of `ringSize` buckets ahead of the current one; a timer further ahead waits in an
 * overflow list that is re-filed as the ring moves on (every half ring), so any finite time is accepted.
 *
 * Every list (a bucket, the overflow) keeps its timers in the order they were set, and the sort of a
 * bucket is stable, so ties need no order key: a timer set later is filed later. A timer leaves its list
 * (or the run) when cleared or set again, so no stale entry is ever met.
 *
 * @example
 * const timers = new AgentTimers(1);
 * timers.set(7, 3.25);
 * timers.set(2, 0.5);
 * timers.peekTime(); // 0.5
 * timers.take();     // 2
 */
export class AgentTimers {
  /** Width of a bucket, in days. */
  readonly bucketDays: number;
  /** Timers pending. */
  size = 0;
  /** Timers may not be set before this time (a `Simulation` keeps it at its `now`). */
  now = 0;
  /** The time argument of `setFromArg` and `moveFromArg`: write the time to `timeArg[0]`, then call one of them. */
  readonly timeArg = new Float64Array(1);

  // per agent: its time and where it is filed; `next` and `prev` link it in its list (-1 at the ends)
  private cap: number;
  private time: Float64Array;
  private where: Int32Array;
  private next: Int32Array;
  private prev: Int32Array;

  // ring of buckets: bucket b's list is heads/tails[b & mask] while cursor < b < horizon
  private readonly ringSize: number;
  private readonly mask: number;
  private readonly heads: Int32Array;
  private readonly tails: Int32Array;
  /** The bucket whose timers are in the run (all ring timers are in later buckets). */
  private cursor = 0;
  /** Timers in ring buckets (not in the run or the overflow). */
  private inRing = 0;
  /** The overflow list (timers in buckets at or past `horizon` when set): head and tail, -1 when empty. */
  private overflowHead = -1;
  private overflowTail = -1;
  private inOverflow = 0;
  /** The cursor at which the overflow is next re-filed. */
  private refileAt: number;
  /**
   * First bucket filed in the overflow: `refileAt + ringSize / 2` (at most cursor + ringSize). A bucket the
   * next re-filing will fill has no timer filed directly, so the overflow's older timers go in first.
   */
  private horizon: number;

  // the run: timers of buckets <= cursor, sorted by time (ties in the order set), in [runHead, runEnd);
  // an entry whose timer was cleared or set again has agent -1, and the entry at runHead never does
  private runTime: Float64Array;
  private runAgent: Int32Array;
  /** The time `set` hands to `file` (its own, so a write to `timeArg` pending a `setFromArg` is never overwritten). */
  private readonly setTime = new Float64Array(1);
  private runHead = 0;
  private runEnd = 0;
  /** Scratch counts of the counting sort in `loadRun`. */
  private count = new Int32Array(65);

  /**
   * @param bucketDays width of a bucket in days (> 0): about the time in which a few timers fall due
   *   is a good choice (each bucket is sorted once, in linear time when its timers spread over it)
   * @param initialAgents agent ids before the per-agent storage first grows (default 1024)
   * @param ringSize buckets held ahead (a power of two, default 2^14); timers further ahead wait in an overflow list
   */
  constructor(bucketDays: number, initialAgents = 1024, ringSize = 2 ** 14) {
    if (!(bucketDays > 0 && Number.isFinite(bucketDays))) throw new RangeError(`AgentTimers: bucketDays must be a positive number, got ${bucketDays}`);
    if (!(ringSize >= 2 && (ringSize & (ringSize - 1)) === 0 && ringSize <= 2 ** 24)) {
      throw new RangeError(`AgentTimers: ringSize must be a power of two in [2, 2^24], got ${ringSize}`);
    }
    this.bucketDays = bucketDays;
    this.cap = Math.max(16, Math.ceil(initialAgents) || 16);
    this.time = new Float64Array(this.cap).fill(Infinity);
    this.where = new Int32Array(this.cap).fill(NONE);
    this.next = new Int32Array(this.cap);
    this.prev = new Int32Array(this.cap);
    this.ringSize = ringSize;
    this.mask = ringSize - 1;
    this.heads = new Int32Array(ringSize).fill(-1);
    this.tails = new Int32Array(ringSize).fill(-1);
    this.refileAt = ringSize >> 1;
    this.horizon = ringSize;
    this.runTime = new Float64Array(64);
    this.runAgent = new Int32Array(64);
  }

  /** The agent's pending time; Infinity when it has none. */
  timeOf(agent: number): number {
    return agent >= 0 && agent < this.cap && this.where[agent] !== NONE ? this.time[agent] : Infinity;
  }

  /**
   * Sets the agent's timer to `time` (finite, not before `now`), replacing any pending one. O(1), or
   * O(run length) for a time in a bucket already reached.
   */
  set(agent: number, time: number): void {
    this.setTime[0] = time;
    this.file(agent, this.setTime);
  }

  /**
   * `set` with the time in `timeArg[0]`, for a model's hot path: only small integers cross this call,
   * so it allocates nothing even where V8 leaves it out of line (V8 boxes a floating-point argument of
   * a call it does not inline, and which calls it inlines varies from run to run).
   */
  setFromArg(agent: number): void {
    this.file(agent, this.timeArg);
  }

  /**
   * Moves the agent's timer to `timeArg[0]`: clears it if that is Infinity, and leaves it as it is (in
   * its place among equal times) if it is already pending at exactly that time; otherwise as `setFromArg`.
   */
  moveFromArg(agent: number): void {
    const time = this.timeArg[0];
    const pending = agent >= 0 && agent < this.cap && this.where[agent] !== NONE;
    if (pending ? this.time[agent] === time : time === Infinity) return;
    if (time === Infinity) this.clear(agent);
    else this.file(agent, this.timeArg);
  }

  /** Files the agent's timer at the time `from[0]` (see `set`). */
  private file(agent: number, from: Float64Array): void {
    const time = from[0];
    if (!(agent >= 0 && (agent | 0) === agent) || !(time >= this.now) || time === Infinity) badTimer(agent, time, this.now);
    if (agent >= this.cap) this.grow(agent);
    if (this.where[agent] !== NONE) this.unfile(agent);
    else this.size++;
    this.time[agent] = time;
    const b = Math.floor(time / this.bucketDays);
    if (b <= this.cursor) this.insertRun(agent);
    else if (b < this.horizon) this.link(agent, b);
    else {
      this.where[agent] = OVERFLOW;
      this.appendList(agent, -1);
      this.inOverflow++;
    }
  }

  /** Clears the agent's timer; true if it had one. O(1). */
  clear(agent: number): boolean {
    if (!(agent >= 0 && agent < this.cap) || this.where[agent] === NONE) return false;
    this.unfile(agent);
    this.where[agent] = NONE;
    this.time[agent] = Infinity;
    this.size--;
    return true;
  }

  /** Time of the earliest pending timer; Infinity when none. */
  peekTime(): number {
    for (;;) {
      if (this.runHead < this.runEnd) return this.runTime[this.runHead];
      if (!this.advance()) return Infinity;
    }
  }

  /**
   * Removes the earliest pending timer and returns its agent (call `peekTime` first: it must be finite).
   * The agent then has no timer.
   */
  take(): number {
    const agent = this.runAgent[this.runHead++];
    this.where[agent] = NONE;
    this.time[agent] = Infinity;
    this.size--;
    this.skipRemoved();
    return agent;
  }

  // ---------- internals ----------

  /** Moves the run's head past entries whose timer was removed. */
  private skipRemoved(): void {
    const ra = this.runAgent;
    let h = this.runHead;
    while (h < this.runEnd && ra[h] < 0) h++;
    this.runHead = h;
  }

  /** Removes the agent from wherever it is filed (its `time` must still be the filed one). */
  private unfile(agent: number): void {
    const w = this.where[agent];
    if (w >= 0) {
      this.unlinkList(agent, w & this.mask);
      this.inRing--;
    } else if (w === OVERFLOW) {
      this.unlinkList(agent, -1);
      this.inOverflow--;
    } else if (w === RUN) this.removeFromRun(agent);
  }

  /** Marks the agent's run entry removed: found by binary search on its time, then among equal times. */
  private removeFromRun(agent: number): void {
    const rt = this.runTime, ra = this.runAgent;
    const time = this.time[agent];
    let lo = this.runHead, hi = this.runEnd;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rt[mid] < time) lo = mid + 1;
      else hi = mid;
    }
    while (ra[lo] !== agent) lo++;
    ra[lo] = -1;
    if (lo === this.runHead) this.skipRemoved();
  }

  /** Files the agent in ring bucket `b` (cursor < b < horizon). */
  private link(agent: number, b: number): void {
    this.where[agent] = b;
    this.appendList(agent, b & this.mask);
    this.inRing++;
  }

  /** Appends the agent at the end of list `slot` (a ring slot, or -1 for the overflow). */
  private appendList(agent: number, slot: number): void {
    const tail = slot >= 0 ? this.tails[slot] : this.overflowTail;
    this.next[agent] = -1;
    this.prev[agent] = tail;
    if (tail >= 0) this.next[tail] = agent;
    else if (slot >= 0) this.heads[slot] = agent;
    else this.overflowHead = agent;
    if (slot >= 0) this.tails[slot] = agent;
    else this.overflowTail = agent;
  }

  private unlinkList(agent: number, slot: number): void {
    const p = this.prev[agent], n = this.next[agent];
    if (p >= 0) this.next[p] = n;
    else if (slot >= 0) this.heads[slot] = n;
    else this.overflowHead = n;
    if (n >= 0) this.prev[n] = p;
    else if (slot >= 0) this.tails[slot] = p;
    else this.overflowTail = p;
  }

  /**
   * Inserts the agent's timer into the run at its place: after every entry not later than it. Reads the
   * time from the `time` array (a number argument to a call V8 does not inline would allocate a box).
   */
  private insertRun(agent: number): void {
    const time = this.time[agent];
    this.where[agent] = RUN;
    if (this.runEnd === this.runTime.length) this.growRun();
    const rt = this.runTime;
    let lo = this.runHead, hi = this.runEnd;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rt[mid] <= time) lo = mid + 1;
      else hi = mid;
    }
    if (lo < this.runEnd) {
      rt.copyWithin(lo + 1, lo, this.runEnd);
      this.runAgent.copyWithin(lo + 1, lo, this.runEnd);
    }
    rt[lo] = time;
    this.runAgent[lo] = agent;
    this.runEnd++;
  }

  /**
   * The run is spent: moves the cursor to the next bucket with timers and sorts them into the run.
   * False when no timer is pending.
   */
  private advance(): boolean {
    this.runHead = this.runEnd = 0;
    if (this.inRing === 0) {
      if (this.inOverflow === 0) return false;
      // only far timers are left: jump to the earliest one's bucket
      let min = Infinity;
      for (let a = this.overflowHead; a >= 0; a = this.next[a]) if (this.time[a] < min) min = this.time[a];
      this.cursor = Math.floor(min / this.bucketDays) - 1;
      this.refile();
    }
    do {
      this.cursor++;
      if (this.cursor >= this.refileAt) this.refile();
    } while (this.heads[this.cursor & this.mask] < 0);
    this.loadRun(this.cursor & this.mask);
    return true;
  }

  /**
   * Moves overflow timers that now fall before the new horizon into their buckets, in the order they were
   * set (no timer was filed directly in those buckets, and all are later than these).
   */
  private refile(): void {
    this.refileAt = this.cursor + (this.ringSize >> 1);
    this.horizon = this.cursor + this.ringSize;
    let a = this.overflowHead;
    while (a >= 0) {
      const n = this.next[a];
      const b = Math.floor(this.time[a] / this.bucketDays);
      if (b < this.horizon) {
        this.unlinkList(a, -1);
        this.inOverflow--;
        this.link(a, b);
      }
      a = n;
    }
  }

  /**
   * Empties ring slot `slot` (the cursor's bucket) into the run, sorted by time, ties in list order (the
   * order set). A bucket of a few timers is sorted by insertion as it is read (`loadSmallRun`); a larger
   * one by a counting sort on the position within the bucket (times spread over it, so few share a
   * position), then an insertion sort that finishes the order in a few moves. Both are stable; O(n) for
   * spread-out times.
   */
  private loadRun(slot: number): void {
    if (this.loadSmallRun(slot)) return;
    const time = this.time, where = this.where, next = this.next;
    const inRun = RUN;
    let n = 0;
    for (let a = this.heads[slot]; a >= 0; a = next[a]) n++;
    while (this.runTime.length < n) this.growRun();
    if (this.count.length < n + 1) this.count = new Int32Array(2 * n + 1);
    const count = this.count;
    count.fill(0, 0, n + 1);
    const lo = this.cursor * this.bucketDays;
    const scale = n / this.bucketDays;
    const last = n - 1;
    for (let a = this.heads[slot]; a >= 0; a = next[a]) {
      let k = Math.floor((time[a] - lo) * scale);
      if (k > last) k = last;
      else if (k < 0) k = 0;
      count[k + 1]++;
    }
    for (let k = 1; k <= n; k++) count[k] += count[k - 1];
    const rt = this.runTime, ra = this.runAgent;
    for (let a = this.heads[slot]; a >= 0; a = next[a]) {
      const t = time[a];
      let k = Math.floor((t - lo) * scale);
      if (k > last) k = last;
      else if (k < 0) k = 0;
      const i = count[k]++;
      rt[i] = t;
      ra[i] = a;
      where[a] = inRun;
    }
    for (let i = 1; i < n; i++) {
      const t = rt[i];
      let j = i;
      while (j > 0 && rt[j - 1] > t) j--;
      if (j === i) continue;
      const a = ra[i];
      for (let m = i; m > j; m--) {
        rt[m] = rt[m - 1];
        ra[m] = ra[m - 1];
      }
      rt[j] = t;
      ra[j] = a;
    }
    this.heads[slot] = -1;
    this.tails[slot] = -1;
    this.inRing -= n;
    this.runHead = 0;
    this.runEnd = n;
  }

  /**
   * `loadRun` for a bucket of at most `SMALL_BUCKET` timers: sorts them by insertion as they are read.
   * False, with the run left empty, when the bucket holds more.
   */
  private loadSmallRun(slot: number): boolean {
    const time = this.time, where = this.where, next = this.next;
    const rt = this.runTime, ra = this.runAgent;
    let i = 0;
    for (let a = this.heads[slot]; a >= 0; a = next[a]) {
      if (i === SMALL_BUCKET) return false;
      const t = time[a];
      let j = i++;
      while (j > 0 && rt[j - 1] > t) {
        rt[j] = rt[j - 1];
        ra[j] = ra[j - 1];
        j--;
      }
      rt[j] = t;
      ra[j] = a;
      where[a] = RUN;
    }
    this.heads[slot] = -1;
    this.tails[slot] = -1;
    this.inRing -= i;
    this.runHead = 0;
    this.runEnd = i;
    return true;
  }

  private growRun(): void {
    const cap = this.runTime.length * 2;
    const t = new Float64Array(cap); t.set(this.runTime); this.runTime = t;
    const a = new Int32Array(cap); a.set(this.runAgent); this.runAgent = a;
  }

  /** Grows the per-agent storage to hold `agent`. */
  private grow(agent: number): void {
    let cap = this.cap;
    while (cap <= agent) cap *= 2;
    const f = (src: Float64Array, fill: number): Float64Array => { const b = new Float64Array(cap).fill(fill); b.set(src); return b; };
    const i = (src: Int32Array, fill: number): Int32Array => { const b = new Int32Array(cap).fill(fill); b.set(src); return b; };
    this.time = f(this.time, Infinity);
    this.where = i(this.where, NONE);
    this.next = i(this.next, 0);
    this.prev = i(this.prev, 0);
    this.cap = cap;
  }
}
