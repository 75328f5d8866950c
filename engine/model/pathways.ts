/**
 * Case pathways: assessment (against the 45 working day standard), section 47 enquiry, child in need
 * plan, child protection plan with reviews, looked-after episode, step-down and closure.
 * Pure decision functions; each draws a fixed number of random numbers from the stream it is given.
 */
import { unitOf } from './child-streams.ts';
import { qualityErrorMultiplier } from './front-door.ts';
import type { Parameters } from './parameters.ts';

/** Results of an assessment or review (what happens to the case next). */
export enum OUTCOME {
  close = 0,
  stepDownEarlyHelp = 1,
  childInNeedPlan = 2,
  protectionPlan = 3,
  lookedAfter = 4,
  /** Keep the current plan (reviews only). */
  continue = 5,
}

/** The situation in which an assessment is done (plain numbers). */
export interface AssessmentContext {
  /** Caseload relative to target (1 = at target). */
  workload: number;
  /** Workforce productivity (1 = experienced staff, no disruption). */
  productivity: number;
  /** Practice quality 0-1. */
  quality: number;
  /** Effective information sharing 0-1. */
  infoSharing: number;
  /** Use of a single assessment 0-1. */
  singleAssessment: number;
}

/**
 * Mean assessment duration in working days: rises with workload, falls with productivity and with a
 * single assessment.
 */
export function meanAssessmentWorkingDays(ctx: AssessmentContext, p: Parameters): number {
  const a = p.assessment;
  return (a.meanWorkingDays * Math.pow(Math.max(0.25, ctx.workload), a.workloadElasticity) * (1 - a.singleAssessmentSaving * ctx.singleAssessment)) / Math.max(0.2, ctx.productivity);
}

/** Share of each tail of the standard normal that Acklam's approximation treats separately. */
const NORMAL_TAIL = 0.02425;

/**
 * Inverse of the standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9). The
 * tails (one draw in 20) are a separate function, so the common path stays small. The model's hot path
 * draws through `normalOfBits`, which boxes no number.
 */
export function inverseNormal(u: number): number {
  // the unary plus types the call as a number, so the merge with the central value needs no number box
  if (u < NORMAL_TAIL || u > 1 - NORMAL_TAIL) return +inverseNormalTail(u);
  const q = u - 0.5;
  const r = q * q;
  return ((((((-39.69683028665376 * r + 220.9460984245205) * r - 275.9285104469687) * r + 138.357751867269) * r - 30.66479806614716) * r + 2.506628277459239) * q)
    / (((((-54.47609879822406 * r + 161.5858368580409) * r - 155.6989798598866) * r + 66.80131188771972) * r - 13.28068155288572) * r + 1);
}

/** The tails of `inverseNormal`, for `u` outside [NORMAL_TAIL, 1 - NORMAL_TAIL] (clamped to 1e-12 from 0 and 1). */
function inverseNormalTail(u: number): number {
  const q0 = Math.min(1 - 1e-12, Math.max(1e-12, u));
  const c1 = -0.007784894002430293, c2 = -0.3223964580411365, c3 = -2.400758277161838, c4 = -2.549732539343734, c5 = 4.374664141464968, c6 = 2.938163982698783;
  const d1 = 0.007784695709041462, d2 = 0.3224671290700398, d3 = 2.445134137142996, d4 = 3.754408661907416;
  const lower = q0 < NORMAL_TAIL;
  const q = Math.sqrt(-2 * Math.log(lower ? q0 : 1 - q0));
  const x = (((((c1 * q + c2) * q + c3) * q + c4) * q + c5) * q + c6) / ((((d1 * q + d2) * q + d3) * q + d4) * q + 1);
  return lower ? x : -x;
}

/** A lognormal value with the given mean and coefficient of variation from one uniform (inverse CDF). */
export function lognormalFromUniform(u: number, mean: number, cv: number): number {
  const s2 = Math.log1p(cv * cv);
  return mean * Math.exp(Math.sqrt(s2) * inverseNormal(u) - s2 / 2);
}

/**
 * The shape of a lognormal with coefficient of variation `cv`: [sigma, sigma^2 / 2] of its log, as
 * `lognormalFromUniform` computes them. With `normalOfBits`, `mean * Math.exp(shape[0] * z - shape[1])`
 * is `lognormalFromUniform(unitOf(bits), mean, cv)` bit for bit, without a logarithm per draw.
 */
export function lognormalShape(cv: number): Float64Array {
  const s2 = Math.log1p(cv * cv);
  return Float64Array.of(Math.sqrt(s2), s2 / 2);
}

/**
 * Writes `inverseNormal(unitOf(bits))` to `out[0]`. For the hot loop: it takes an int32 and returns
 * nothing, so no number is boxed even when V8 leaves the call out of line (it boxes a floating-point
 * argument or result of such a call: an allocation per draw). The central region is written out here
 * again rather than called, for the same reason: V8 inlines this function into the handlers but, with
 * their inlining budget spent, may leave a call to `inverseNormal` out (a property test checks the two agree).
 */
export function normalOfBits(bits: number, out: Float64Array): void {
  const u = unitOf(bits);
  if (u < NORMAL_TAIL || u > 1 - NORMAL_TAIL) {
    tailOfBits(bits, out);
    return;
  }
  const q = u - 0.5;
  const r = q * q;
  out[0] = ((((((-39.69683028665376 * r + 220.9460984245205) * r - 275.9285104469687) * r + 138.357751867269) * r - 30.66479806614716) * r + 2.506628277459239) * q)
    / (((((-54.47609879822406 * r + 161.5858368580409) * r - 155.6989798598866) * r + 66.80131188771972) * r - 13.28068155288572) * r + 1);
}

/** `normalOfBits` in the tails (one draw in 20: V8 leaves the call out of line, so it passes no number). */
function tailOfBits(bits: number, out: Float64Array): void {
  out[0] = inverseNormalTail(unitOf(bits));
}

/** Chance that an assessment of a child at `level` (2 or 3) misses the need. */
export function missChance(level: number, ctx: AssessmentContext, p: Parameters): number {
  const a = p.assessment;
  const base = level === 2 ? a.missInNeed : level === 3 ? a.missAtRisk : 0;
  const m = base * (1 - a.infoSharingMissReduction * ctx.infoSharing) * qualityErrorMultiplier(ctx.quality, p)
    * Math.pow(Math.max(0.25, ctx.workload), a.workloadMissElasticity) / Math.max(0.2, ctx.productivity);
  return Math.min(0.95, m);
}

/** Counts of what an assessment set in motion, for the caller's statistics. */
export interface AssessmentResult {
  outcome: number;
  /** 1 if a section 47 enquiry was held. */
  s47: number;
}

/** Where a decision draws its random numbers: 32 bits per call as an int32 (a `ChildStream`). */
export interface Draws {
  bits(): number;
}

/**
 * Decides the outcome of a completed assessment of a child whose true need is now `level`.
 * Draws exactly three numbers from `s` (the first for a miss, the second for a section 47 enquiry, the
 * third for a plan or care) whatever the outcome, and writes into `out` (no allocation).
 */
export function assessmentOutcome(level: number, ctx: AssessmentContext, p: Parameters, s: Draws, out: AssessmentResult): void {
  const u1 = unitOf(s.bits());
  assessmentOutcomeGivenMiss(level, level > 1 && u1 < missChance(level, ctx, p), p, s, out);
}

/**
 * `assessmentOutcome` once its first draw has decided whether the need was missed (`missed`: that
 * uniform below `missChance(level, ...)`; false below level 2), for a caller that keeps the miss chance
 * while the situation does not change. Draws the other two numbers. The decision functions draw from
 * `s` themselves rather than take uniforms: V8 boxes a floating-point argument of a call it does not
 * inline, and the model's hot path calls them.
 */
export function assessmentOutcomeGivenMiss(level: number, missed: boolean, p: Parameters, s: Draws, out: AssessmentResult): void {
  const a = p.assessment;
  const u2 = unitOf(s.bits());
  const u3 = unitOf(s.bits());
  out.s47 = 0;
  if (level <= 1 || missed) {
    out.outcome = level >= 1 && u3 < a.earlyHelpStepDown ? OUTCOME.stepDownEarlyHelp : OUTCOME.close;
    return;
  }
  if (level === 2) {
    if (u2 < a.s47InNeed) {
      out.s47 = 1;
      out.outcome = u3 < a.planAfterS47InNeed ? OUTCOME.protectionPlan : OUTCOME.childInNeedPlan;
    } else out.outcome = OUTCOME.childInNeedPlan;
    return;
  }
  if (u2 < a.s47AtRisk) {
    out.s47 = 1;
    if (u3 < a.emergencyCareAtRisk) out.outcome = OUTCOME.lookedAfter;
    else if (u3 < a.emergencyCareAtRisk + (1 - a.emergencyCareAtRisk) * a.planAfterS47AtRisk) out.outcome = OUTCOME.protectionPlan;
    else out.outcome = OUTCOME.childInNeedPlan;
  } else out.outcome = OUTCOME.childInNeedPlan;
}

/**
 * Decides a child in need plan review. Level 0-1: close (stepped down to early help with the
 * step-down chance if level 1); level 2: continue; level 3: section 47 enquiry leading to a protection
 * plan with the usual chance. Draws exactly two numbers from `s`.
 */
export function childInNeedReview(level: number, p: Parameters, s: Draws, out: AssessmentResult): void {
  const u1 = unitOf(s.bits());
  const u2 = unitOf(s.bits());
  out.s47 = 0;
  if (level <= 1) {
    out.outcome = level === 1 && u1 < p.assessment.earlyHelpStepDown ? OUTCOME.stepDownEarlyHelp : OUTCOME.close;
    return;
  }
  if (level === 2) { out.outcome = OUTCOME.continue; return; }
  out.s47 = 1;
  out.outcome = u2 < p.assessment.planAfterS47AtRisk ? OUTCOME.protectionPlan : OUTCOME.continue;
}

/**
 * Decides a child protection review. Below "at risk": the plan ends, stepping down to a child in need
 * plan (always at level 2, with the step-down chance otherwise) or closing. At risk: care proceedings
 * with the care-at-review chance, else the plan continues. Draws exactly one number from `s`.
 */
export function protectionReview(level: number, p: Parameters, s: Draws, out: AssessmentResult): void {
  const u = unitOf(s.bits());
  out.s47 = 0;
  if (level <= 2) {
    out.outcome = level === 2 || u < p.plans.stepDownToChildInNeed ? OUTCOME.childInNeedPlan : OUTCOME.close;
    return;
  }
  out.outcome = u < p.plans.careAtReviewAtRisk ? OUTCOME.lookedAfter : OUTCOME.continue;
}

/**
 * Decides what follows the end of a looked-after episode, once the child's need is `level`: stepped
 * down to early help with the step-down chance if there is need left, else closed. Draws one number
 * from `s`, only when `level` >= 1. Returns an `OUTCOME`.
 */
export function careEndOutcome(level: number, p: Parameters, s: Draws): number {
  return level >= 1 && unitOf(s.bits()) < p.assessment.earlyHelpStepDown ? OUTCOME.stepDownEarlyHelp : OUTCOME.close;
}
