/**
 * The front door: screening of referrals into no further action, early help, or assessment.
 *
 * Base chances by true need level come from the parameters. Wrong screen-outs of children in need or at
 * risk fall with information sharing, practice quality and local knowledge; every screen-out becomes more
 * likely (log-odds shift) when leaders tighten thresholds or, as far as thresholds adapt, when workload
 * is above target (rationing).
 */
import type { Parameters } from './parameters.ts';

/** Screening decisions. */
export enum SCREENING { noFurtherAction = 0, earlyHelp = 1, assessment = 2 }

/** The situation in which a referral is screened (all plain numbers). */
export interface ScreeningContext {
  /** Effective information sharing 0-1. */
  infoSharing: number;
  /** Practice quality 0-1. */
  quality: number;
  /** Local knowledge 0-1. */
  localKnowledge: number;
  /** Log-odds added to the chance of screening out. */
  shift: number;
}

/** Multiplier of errors (missed need) at practice quality `quality` (1 at quality 0.5). */
export function qualityErrorMultiplier(quality: number, p: Parameters): number {
  return Math.max(0.1, 1 - p.quality.errorEffect * (quality - 0.5));
}

/**
 * Where one uniform falls for each screening decision of a referral about a child at need level `level`:
 * below `noFurtherAction`, no further action; below `earlyHelp`, early help; otherwise assessment.
 */
export interface ScreeningCutoffs {
  noFurtherAction: number;
  earlyHelp: number;
}

/**
 * Computes the cut-offs of `screenReferral` into `out` (no allocation). They depend on the situation and
 * the level only, so a caller may keep them while neither changes.
 */
export function screeningCutoffs(level: number, ctx: ScreeningContext, p: Parameters, out: ScreeningCutoffs): void {
  const f = p.frontDoor;
  let nfa: number;
  let eh: number;
  if (level === 0) { nfa = f.noFurtherActionNoNeed; eh = f.earlyHelpNoNeed; }
  else if (level === 1) { nfa = f.noFurtherActionEarlyHelp; eh = f.earlyHelpEarlyHelp; }
  else {
    const err = ((1 - f.infoSharingErrorReduction * ctx.infoSharing) * qualityErrorMultiplier(ctx.quality, p)) / Math.max(0.05, ctx.localKnowledge);
    nfa = (level === 2 ? f.noFurtherActionInNeed : f.noFurtherActionAtRisk) * err;
    eh = (level === 2 ? f.earlyHelpInNeed : f.earlyHelpAtRisk) * err;
  }
  let screenedOut = Math.min(0.999, nfa + eh);
  if (screenedOut > 0 && ctx.shift !== 0) {
    const odds = (screenedOut / (1 - screenedOut)) * Math.exp(ctx.shift);
    const shifted = odds / (1 + odds);
    nfa *= shifted / screenedOut;
    screenedOut = shifted;
  }
  out.noFurtherAction = nfa;
  out.earlyHelp = screenedOut;
}

/** The screening decision (a `SCREENING` code) of uniform `u` against cut-offs. */
export function screeningDecision(noFurtherAction: number, earlyHelp: number, u: number): number {
  if (u < noFurtherAction) return SCREENING.noFurtherAction;
  if (u < earlyHelp) return SCREENING.earlyHelp;
  return SCREENING.assessment;
}

const cutoffs: ScreeningCutoffs = { noFurtherAction: 0, earlyHelp: 0 };

/**
 * Screens one referral about a child whose true need level is `level`.
 *
 * Uses exactly one uniform `u` (drawn by the caller from the child's case stream) whatever the outcome,
 * so arms stay paired. Returns a `SCREENING` code.
 */
export function screenReferral(level: number, ctx: ScreeningContext, p: Parameters, u: number): number {
  screeningCutoffs(level, ctx, p, cutoffs);
  return screeningDecision(cutoffs.noFurtherAction, cutoffs.earlyHelp, u);
}
