/**
 * Child agents: struct-of-arrays in typed arrays with a free list, grown by doubling.
 *
 * Most children stay in the aggregate population; a child becomes an agent when a need arises (or a
 * referral is made about it) and is freed 12 months after its last contact with social care once its
 * need has gone, so re-referrals within 12 months are seen. Need levels and services are small integers.
 */
import { CHILD_CHANNEL_COUNT } from './child-streams.ts';
import { SERVICE } from './codes.ts';

export { NEED_LEVELS, LEVEL_COUNT, SERVICES, SERVICE_COUNT, SERVICE, CASE_STEP } from './codes.ts';

/** Struct-of-arrays store of child agents. Index = agent slot; `active[i]` is 1 while the slot is in use. */
export class ChildStore {
  /** Slots allocated (capacity). */
  capacity: number;
  /** Slots ever used (high-water mark); slots below it are active or on the free list. */
  used = 0;
  /** Active agents. */
  count = 0;
  active: Uint8Array;
  authority: Uint16Array;
  level: Uint8Array;
  service: Uint8Array;
  step: Uint8Array;
  /** Child protection plan reviews held in the current plan. */
  reviews: Uint8Array;
  /** 1 if the child has had a child protection plan before (for second-or-later plans). */
  priorPlan: Uint8Array;
  /** 1 if the current assessment will finish within the standard. */
  withinStandard: Uint8Array;
  /** Day of birth (simulation days; 18th birthday at birth + 18 * 365.25). */
  birthDay: Float64Array;
  lastReferralDay: Float64Array;
  /** Day the current plan started (reviews fall due at whole review intervals from it). */
  planStartDay: Float64Array;
  lastClosedDay: Float64Array;
  /** Day need reached "in need" or above without help; -1 when not waiting. */
  needSinceDay: Float64Array;
  /**
   * Day of the child's next need change, next referral and next case step (Infinity when none). The
   * world keeps one kernel timer per child (`AgentTimers`), at the earliest of the three, so a change of
   * one of them moves at most one timer.
   */
  needAt: Float64Array;
  referralAt: Float64Array;
  caseAt: Float64Array;
  /** Hazards (per day) the pending need and referral times were drawn with (kept while unchanged). */
  needRate: Float64Array;
  referralRate: Float64Array;
  /** Stamps of the period (year, month) in which the child was last counted as helped. */
  helpedYear: Int32Array;
  helpedMonth: Int32Array;
  seed: Int32Array;
  counter: Uint32Array;
  /**
   * The world's release candidates are kept in one bucket per monthly sweep (a doubly linked list through
   * `releaseNext`/`releasePrev`, -1 at the ends); `releaseBucket` is the sweep index, -1 when in none.
   * Belongs to the slot, not the child: `alloc` leaves it as it is, because the entry may outlive a freed
   * child (the sweep re-checks state, and listing the slot again moves it).
   */
  releaseBucket: Int32Array;
  releaseNext: Int32Array;
  releasePrev: Int32Array;
  private freeList: Int32Array;
  private freeCount = 0;

  constructor(initialCapacity = 1024) {
    this.capacity = Math.max(16, initialCapacity | 0);
    const n = this.capacity;
    this.active = new Uint8Array(n);
    this.authority = new Uint16Array(n);
    this.level = new Uint8Array(n);
    this.service = new Uint8Array(n);
    this.step = new Uint8Array(n);
    this.reviews = new Uint8Array(n);
    this.priorPlan = new Uint8Array(n);
    this.withinStandard = new Uint8Array(n);
    this.birthDay = new Float64Array(n);
    this.lastReferralDay = new Float64Array(n);
    this.planStartDay = new Float64Array(n);
    this.lastClosedDay = new Float64Array(n);
    this.needSinceDay = new Float64Array(n);
    this.needAt = new Float64Array(n);
    this.referralAt = new Float64Array(n);
    this.caseAt = new Float64Array(n);
    this.needRate = new Float64Array(n);
    this.referralRate = new Float64Array(n);
    this.helpedYear = new Int32Array(n);
    this.helpedMonth = new Int32Array(n);
    this.seed = new Int32Array(n);
    this.counter = new Uint32Array(n * CHILD_CHANNEL_COUNT);
    this.releaseBucket = new Int32Array(n).fill(-1);
    this.releaseNext = new Int32Array(n);
    this.releasePrev = new Int32Array(n);
    this.freeList = new Int32Array(n);
  }

  /**
   * Takes a free slot (reusing freed ones first, growing by doubling when full) and resets it:
   * level 0, no service, no events, no history. Returns the slot index.
   */
  alloc(authority: number, seed: number, birthDay: number): number {
    let i: number;
    if (this.freeCount > 0) i = this.freeList[--this.freeCount];
    else {
      if (this.used === this.capacity) this.grow();
      i = this.used++;
    }
    this.active[i] = 1;
    this.authority[i] = authority;
    this.level[i] = 0;
    this.service[i] = 0;
    this.step[i] = 0;
    this.reviews[i] = 0;
    this.priorPlan[i] = 0;
    this.withinStandard[i] = 0;
    this.birthDay[i] = birthDay;
    this.lastReferralDay[i] = -Infinity;
    this.planStartDay[i] = 0;
    this.lastClosedDay[i] = -Infinity;
    this.needSinceDay[i] = -1;
    this.needAt[i] = Infinity;
    this.referralAt[i] = Infinity;
    this.caseAt[i] = Infinity;
    this.needRate[i] = 0;
    this.referralRate[i] = 0;
    this.helpedYear[i] = -1;
    this.helpedMonth[i] = -1;
    this.seed[i] = seed;
    const c = i * CHILD_CHANNEL_COUNT;
    for (let k = 0; k < CHILD_CHANNEL_COUNT; k++) this.counter[c + k] = 0;
    this.count++;
    return i;
  }

  /** Returns a slot to the free list (the caller has cancelled its events). */
  free(i: number): void {
    if (this.active[i] !== 1) throw new Error(`ChildStore.free: slot ${i} is not active`);
    this.active[i] = 0;
    this.freeList[this.freeCount++] = i;
    this.count--;
  }

  private grow(): void {
    const n = this.capacity * 2;
    const g = <T extends Uint8Array | Uint16Array | Int32Array | Uint32Array | Float64Array>(a: T, size: number): T => {
      const b = new (a.constructor as new (len: number) => T)(size);
      b.set(a);
      return b;
    };
    this.active = g(this.active, n);
    this.authority = g(this.authority, n);
    this.level = g(this.level, n);
    this.service = g(this.service, n);
    this.step = g(this.step, n);
    this.reviews = g(this.reviews, n);
    this.priorPlan = g(this.priorPlan, n);
    this.withinStandard = g(this.withinStandard, n);
    this.birthDay = g(this.birthDay, n);
    this.lastReferralDay = g(this.lastReferralDay, n);
    this.planStartDay = g(this.planStartDay, n);
    this.lastClosedDay = g(this.lastClosedDay, n);
    this.needSinceDay = g(this.needSinceDay, n);
    this.needAt = g(this.needAt, n);
    this.referralAt = g(this.referralAt, n);
    this.caseAt = g(this.caseAt, n);
    this.needRate = g(this.needRate, n);
    this.referralRate = g(this.referralRate, n);
    this.helpedYear = g(this.helpedYear, n);
    this.helpedMonth = g(this.helpedMonth, n);
    this.seed = g(this.seed, n);
    this.counter = g(this.counter, n * CHILD_CHANNEL_COUNT);
    const releaseBucket = new Int32Array(n).fill(-1);
    releaseBucket.set(this.releaseBucket);
    this.releaseBucket = releaseBucket;
    this.releaseNext = g(this.releaseNext, n);
    this.releasePrev = g(this.releasePrev, n);
    this.freeList = g(this.freeList, n);
    this.capacity = n;
  }
}

/** True when the service code is an open social care case (counted as a child in need). */
export function isOpenCase(service: number): boolean {
  return service >= SERVICE.assessment;
}

/** True when the service code is help (early help or a plan or care), as opposed to none or assessment. */
export function isHelp(service: number): boolean {
  return service === SERVICE.earlyHelp || service >= SERVICE.childInNeedPlan;
}
