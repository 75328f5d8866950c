/**
 * Social workers: permanent case-holding workers as agents (struct-of-arrays: authority, start day),
 * agency workers as a count that covers vacant posts at a higher cost. A weekly process: workers leave
 * with a hazard that rises with caseload and turbulence, vacant posts are filled after a lag, agency
 * cover follows vacancies. Authorities whose mechanisms pool the workforce share one caseload.
 */
import type { Stream } from '../kernel/index.ts';
import { DAYS_PER_YEAR } from './need.ts';
import type { Parameters } from './parameters.ts';

/** Workforce state of a world: worker agents plus per-authority figures (index = authority). */
export class Workforce {
  capacity: number;
  used = 0;
  active: Uint8Array;
  authority: Uint16Array;
  startDay: Float64Array;
  private freeList: Int32Array;
  private freeCount = 0;
  /** Funded posts per authority (FTE; may be fractional after increases). */
  readonly posts: Float64Array;
  /** Permanent workers in post per authority. */
  readonly permanent: Int32Array;
  /** Agency workers per authority (FTE). */
  readonly agency: Float64Array;
  /** Workforce pool of each authority (an authority index; pooled authorities share the lowest index). */
  readonly pool: Int32Array;
  /** Caseload relative to target of each authority's pool (1 = at target). */
  readonly workload: Float64Array;
  /** Productivity of each authority's pool (1 = experienced permanent staff, no disruption). */
  readonly productivity: Float64Array;
  /** Leavers per authority since the caller last reset it. */
  readonly leavers: Float64Array;
  /** Day until which a recruitment drive raises recruitment. */
  readonly driveUntil: Float64Array;
  /** Scratch sums per pool (internal). */
  readonly poolCases: Float64Array;
  readonly poolHolders: Float64Array;
  readonly poolProductive: Float64Array;
  /** Scratch: this week's leaving chance per authority, experienced (2a) and new starter (2a + 1). */
  readonly leaveChance: Float64Array;

  constructor(authorities: number, initialCapacity = 256) {
    this.capacity = Math.max(16, initialCapacity | 0);
    this.active = new Uint8Array(this.capacity);
    this.authority = new Uint16Array(this.capacity);
    this.startDay = new Float64Array(this.capacity);
    this.freeList = new Int32Array(this.capacity);
    this.posts = new Float64Array(authorities);
    this.permanent = new Int32Array(authorities);
    this.agency = new Float64Array(authorities);
    this.pool = new Int32Array(authorities);
    for (let a = 0; a < authorities; a++) this.pool[a] = a;
    this.workload = new Float64Array(authorities).fill(1);
    this.productivity = new Float64Array(authorities).fill(1);
    this.leavers = new Float64Array(authorities);
    this.driveUntil = new Float64Array(authorities).fill(-Infinity);
    this.poolCases = new Float64Array(authorities);
    this.poolHolders = new Float64Array(authorities);
    this.poolProductive = new Float64Array(authorities);
    this.leaveChance = new Float64Array(2 * authorities);
  }

  /** Hires one permanent worker into `authority` who started on `startDay`; returns the worker slot. */
  hire(authority: number, startDay: number): number {
    let i: number;
    if (this.freeCount > 0) i = this.freeList[--this.freeCount];
    else {
      if (this.used === this.capacity) this.grow();
      i = this.used++;
    }
    this.active[i] = 1;
    this.authority[i] = authority;
    this.startDay[i] = startDay;
    this.permanent[authority]++;
    return i;
  }

  /** A worker leaves: frees the slot and counts a leaver. */
  leave(i: number): void {
    this.active[i] = 0;
    this.freeList[this.freeCount++] = i;
    this.permanent[this.authority[i]]--;
    this.leavers[this.authority[i]]++;
  }

  /** Case holders (permanent + agency FTE) of authority `a`. */
  holders(a: number): number {
    return this.permanent[a] + this.agency[a];
  }

  private grow(): void {
    const n = this.capacity * 2;
    const a = new Uint8Array(n); a.set(this.active); this.active = a;
    const b = new Uint16Array(n); b.set(this.authority); this.authority = b;
    const c = new Float64Array(n); c.set(this.startDay); this.startDay = c;
    const d = new Int32Array(n); d.set(this.freeList); this.freeList = d;
    this.capacity = n;
  }
}

/** Productivity of a permanent worker with `yearsExperience` (rises linearly over the ramp). */
export function workerProductivity(yearsExperience: number, p: Parameters): number {
  return rampProductivity(yearsExperience, p.workforce.experienceRampYears, p.workforce.newStarterProductivity);
}

/** `workerProductivity` with its two parameters given: `starter` at 0 years, rising linearly to 1 at `ramp` years. */
function rampProductivity(yearsExperience: number, ramp: number, starter: number): number {
  if (yearsExperience >= ramp) return 1;
  return starter + ((1 - starter) * Math.max(0, yearsExperience)) / ramp;
}

/** Leaving hazard per year of a permanent worker at `workload` (caseload / target) and turbulence `spike`. */
export function leaveHazardPerYear(workload: number, newStarter: boolean, spike: number, p: Parameters): number {
  const w = p.workforce;
  return w.leaveHazardPerYear * Math.exp(w.caseloadLeaveElasticity * (workload - 1)) * (newStarter ? w.newStarterLeaveMultiplier : 1) * (1 + spike);
}

/**
 * Recomputes each pool's workload and productivity from the open cases per authority.
 *
 * @param openCases open social care cases per authority
 * @param productivityFactor per-authority multiplier from disruption (1 = none)
 */
export function updatePools(wf: Workforce, openCases: ArrayLike<number>, productivityFactor: ArrayLike<number>, now: number, p: Parameters): void {
  const n = wf.posts.length;
  for (let a = 0; a < n; a++) { wf.poolCases[a] = 0; wf.poolHolders[a] = 0; wf.poolProductive[a] = 0; }
  for (let a = 0; a < n; a++) {
    const q = wf.pool[a];
    wf.poolCases[q] += openCases[a];
    wf.poolHolders[q] += wf.agency[a];
    wf.poolProductive[q] += wf.agency[a] * p.workforce.agencyProductivity * productivityFactor[a];
  }
  // parameters read once: this loop runs over every worker twice a week
  const ramp = p.workforce.experienceRampYears, starter = p.workforce.newStarterProductivity;
  const used = wf.used, active = wf.active, authority = wf.authority, pool = wf.pool, startDay = wf.startDay;
  const poolHolders = wf.poolHolders, poolProductive = wf.poolProductive;
  for (let i = 0; i < used; i++) {
    if (active[i] !== 1) continue;
    const a = authority[i];
    const q = pool[a];
    poolHolders[q] += 1;
    poolProductive[q] += rampProductivity((now - startDay[i]) / DAYS_PER_YEAR, ramp, starter) * productivityFactor[a];
  }
  for (let a = 0; a < n; a++) {
    const q = wf.pool[a];
    const holders = wf.poolHolders[q];
    wf.workload[a] = holders > 0 ? wf.poolCases[q] / holders / p.workforce.caseloadTarget : 4;
    wf.productivity[a] = holders > 0 ? wf.poolProductive[q] / holders : 0.5;
  }
}

/**
 * Recomputes each pool's workload as `updatePools` does, bit for bit, without its pass over the workers:
 * what `workforceWeek` needs (it reads no productivity). A pool's holders are its agency FTE plus one per
 * permanent worker, each 1 added on its own as `updatePools` adds them, so the sum rounds the same way.
 */
export function updateWorkload(wf: Workforce, openCases: ArrayLike<number>, p: Parameters): void {
  const n = wf.posts.length;
  for (let a = 0; a < n; a++) { wf.poolCases[a] = 0; wf.poolHolders[a] = 0; }
  for (let a = 0; a < n; a++) {
    const q = wf.pool[a];
    wf.poolCases[q] += openCases[a];
    wf.poolHolders[q] += wf.agency[a];
  }
  for (let a = 0; a < n; a++) {
    const q = wf.pool[a];
    let holders = wf.poolHolders[q];
    for (let k = wf.permanent[a]; k > 0; k--) holders += 1;
    wf.poolHolders[q] = holders;
  }
  for (let a = 0; a < n; a++) {
    const q = wf.pool[a];
    const holders = wf.poolHolders[q];
    wf.workload[a] = holders > 0 ? wf.poolCases[q] / holders / p.workforce.caseloadTarget : 4;
  }
}

/**
 * One week of the workforce process (call `updateWorkload` or `updatePools` first).
 *
 * Each permanent worker leaves with chance 1 - exp(-hazard * 7 days); each whole vacant post is filled
 * with chance 1 - exp(-rate * 7 days); agency cover is then set to the cover share of vacancies.
 * Draws one uniform per worker and one per whole vacancy from `s` (the `workforce` stream).
 *
 * @param turnoverSpike per-authority extra hazard from disruption
 * @param recruitmentMultiplier per-authority multiplier from the structure
 */
export function workforceWeek(wf: Workforce, now: number, turnoverSpike: ArrayLike<number>, recruitmentMultiplier: ArrayLike<number>, p: Parameters, s: Stream): void {
  const w = p.workforce;
  const dtYears = 7 / DAYS_PER_YEAR;
  const used = wf.used;
  const n = wf.posts.length;
  // the week's leaving chance depends only on (authority, new starter): computed once per pair
  const leave = wf.leaveChance;
  for (let a = 0; a < n; a++) {
    leave[2 * a] = 1 - Math.exp(-leaveHazardPerYear(wf.workload[a], false, turnoverSpike[a], p) * dtYears);
    leave[2 * a + 1] = 1 - Math.exp(-leaveHazardPerYear(wf.workload[a], true, turnoverSpike[a], p) * dtYears);
  }
  for (let i = 0; i < used; i++) {
    if (wf.active[i] !== 1) continue;
    const a = wf.authority[i];
    const newStarter = (now - wf.startDay[i]) / DAYS_PER_YEAR < w.experienceRampYears;
    if (s.next() < leave[2 * a + (newStarter ? 1 : 0)]) wf.leave(i);
  }
  for (let a = 0; a < n; a++) {
    const drive = now < wf.driveUntil[a] ? p.boards.recruitmentDriveMultiplier : 1;
    const pFill = 1 - Math.exp(-w.recruitmentPerVacancyPerYear * recruitmentMultiplier[a] * drive * dtYears);
    const vacancies = Math.floor(wf.posts[a] - wf.permanent[a]);
    for (let v = 0; v < vacancies; v++) if (s.next() < pFill) wf.hire(a, now);
  }
  rebalancePools(wf);
  for (let a = 0; a < n; a++) wf.agency[a] = w.agencyCoverShare * Math.max(0, wf.posts[a] - wf.permanent[a]);
}

/**
 * Deploys a pooled workforce where the posts are: within each pool of more than one authority, moves
 * permanent workers from authorities with a lower vacancy share to those with a higher one until each
 * holds its share of the pool's workers (in proportion to posts, whole workers). Draws nothing.
 */
export function rebalancePools(wf: Workforce): void {
  const n = wf.posts.length;
  for (let q = 0; q < n; q++) {
    let members = 0, posts = 0, perm = 0;
    for (let a = 0; a < n; a++) if (wf.pool[a] === q) { members++; posts += wf.posts[a]; perm += wf.permanent[a]; }
    if (members < 2 || posts <= 0) continue;
    // surplus (+) or shortfall (-) of each member against its share
    for (let i = 0; i < wf.used; i++) {
      if (wf.active[i] !== 1) continue;
      const from = wf.authority[i];
      if (wf.pool[from] !== q || wf.permanent[from] <= Math.round((perm * wf.posts[from]) / posts)) continue;
      let to = -1, worst = 0;
      for (let a = 0; a < n; a++) {
        if (wf.pool[a] !== q) continue;
        const short = Math.round((perm * wf.posts[a]) / posts) - wf.permanent[a];
        if (short > worst) { worst = short; to = a; }
      }
      if (to < 0) break;
      wf.permanent[from]--;
      wf.permanent[to]++;
      wf.authority[i] = to;
    }
  }
}
