/**
 * Inspection: a periodic judgement (1 outstanding, 2 good, 3 requires improvement, 4 inadequate) from
 * a performance score plus noise. The score rewards practice quality and timely assessments and
 * penalises caseloads above target.
 */
import type { Parameters } from './parameters.ts';

/** Performance score before noise: 0 for an average authority with quality 0.5 and 83% timeliness at target caseload. */
export function performanceScore(quality: number, timeliness: number, workload: number, p: Parameters): number {
  const i = p.inspection;
  return i.qualityWeight * (quality - 0.5) + i.timelinessWeight * (timeliness - 0.83) - i.workloadWeight * Math.max(0, workload - 1);
}

/** Grade (1-4) of a score after noise. */
export function gradeOf(score: number, p: Parameters): number {
  const i = p.inspection;
  if (score >= i.cutOutstanding) return 1;
  if (score >= i.cutGood) return 2;
  if (score >= i.cutInadequate) return 3;
  return 4;
}
