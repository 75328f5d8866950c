/**
 * Boards and leaders (partnership board, trust board, director, children's champions): once a quarter
 * they look at last quarter's KPIs (late and noisy), spot weaknesses with a chance that rises with
 * attention, accountability clarity and champions walking the services, and act: more posts and a
 * tighter threshold when caseloads are high, a looser threshold when re-referrals are high, a recruitment
 * drive when vacancies are high, an improvement programme when assessments are late.
 */
import { inverseNormal } from './pathways.ts';
import type { Stream } from '../kernel/index.ts';
import type { Parameters } from './parameters.ts';

/** Last quarter's KPIs of an authority (true values; the board sees them with noise). */
export interface Kpis {
  /** Caseload relative to target. */
  workload: number;
  /** Share of assessments within the standard, 0-1. */
  timeliness: number;
  /** Share of referrals that were re-referrals, 0-1. */
  rereferral: number;
  /** Share of posts vacant, 0-1. */
  vacancy: number;
}

/** Actions a board can take in a quarter (bit flags). */
export enum ACTION { addPosts = 1, tightenThreshold = 2, loosenThreshold = 4, recruitmentDrive = 8, improvement = 16 }

/**
 * Chance per quarter that leaders spot a real weakness.
 * @param attention leader attention 0-1 (after any boost, capped at 1)
 */
export function spotChance(attention: number, clarity: number, walkTheServices: number, p: Parameters): number {
  return Math.min(1, p.boards.spotChance * Math.min(1, attention) * clarity * 2 * (1 + p.boards.championsBoost * walkTheServices));
}

/**
 * One quarterly board meeting: returns the `ACTION` flags taken.
 *
 * Draws exactly eight uniforms from `s` (four KPI noises, four spot draws) whatever happens.
 */
export function boardQuarter(k: Kpis, chance: number, p: Parameters, s: Stream): number {
  const b = p.boards;
  const sd = b.kpiNoiseSd;
  const seenWorkload = k.workload * (1 + sd * inverseNormal(s.next()));
  const seenTimeliness = k.timeliness * (1 + sd * inverseNormal(s.next()));
  const seenRereferral = k.rereferral * (1 + sd * inverseNormal(s.next()));
  const seenVacancy = k.vacancy * (1 + sd * inverseNormal(s.next()));
  const spot1 = s.next() < chance, spot2 = s.next() < chance, spot3 = s.next() < chance, spot4 = s.next() < chance;
  let actions = 0;
  if (spot1 && seenWorkload > 1 + b.caseloadTolerance) actions |= ACTION.addPosts | ACTION.tightenThreshold;
  if (spot2 && seenTimeliness < b.timelinessFloor) actions |= ACTION.improvement;
  if (spot3 && seenRereferral > b.rereferralCeiling) actions |= ACTION.loosenThreshold;
  if (spot4 && seenVacancy > b.vacancyCeiling) actions |= ACTION.recruitmentDrive;
  return actions;
}
