/**
 * Mechanisms: the only description of a structure the model reads.
 *
 * A structure (engine/structures/) turns the status-quo mechanisms into its own by overriding data; the
 * model never learns a structure's name. Values are plain numbers and booleans so a structure is a
 * strategy made of data, plus optional hooks at named points.
 */
import type { Parameters } from './parameters.ts';

/** What the front door hook sees when a structure adjusts the screening threshold. */
export interface ScreeningView {
  /** Caseload relative to target (1 = at target) of the workforce pool serving the front door. */
  readonly workload: number;
  /** Threshold shift chosen by the authority's leaders (log-odds). */
  readonly leaderShift: number;
}

/** Optional hooks at named points, used only where a structure's behaviour (not just data) differs. */
export interface MechanismHooks {
  /**
   * Log-odds added to the chance of screening out a referral, replacing the default
   * `leaderShift + thresholdAdaptation * workloadRationing * max(0, workload - 1)`.
   * Must be pure and draw no random numbers: the world evaluates it when its tables are refreshed
   * (whenever workload or the leaders' shift changes), not at each referral.
   */
  readonly screeningShift?: (view: ScreeningView, params: Parameters) => number;
}

/** Mechanism values in force in an authority; every field is data the model reads. */
export interface Mechanisms {
  /** Information sharing across agencies, 0 none to 1 full: raises recognition, lowers screening and assessment errors. */
  readonly infoSharing: number;
  /** Use of a single multi-agency assessment, 0-1: shortens assessments. */
  readonly singleAssessment: number;
  /** Clarity of accountability, 0-1: scales the chance leaders act on a weakness. */
  readonly accountabilityClarity: number;
  /** Share of leaders' attention on children's social care, 0-1. */
  readonly leaderAttention: number;
  /** Children's champions walking the services, 0-1: raises the chance of spotting weaknesses. */
  readonly walkTheServices: number;
  /** Share of children's budgets pooled across agencies, 0-1: strengthens early help. */
  readonly pooledBudget: number;
  /** Extra early-help effect at a fully pooled budget (multiplier - 1). */
  readonly pooledBudgetEarlyHelpGain: number;
  /** Workforce pooled with every other authority whose mechanisms also pool it (one caseload, one vacancy list). */
  readonly pooledWorkforce: boolean;
  /** Local knowledge, 0-1: multiplies recognition by agencies and the accuracy of screening. */
  readonly localKnowledge: number;
  /** How far screening thresholds bend to local workload, 0-1. */
  readonly thresholdAdaptation: number;
  /** Governance overhead (boards, champions, coordination, contract) per authority, GBP per year. */
  readonly overheadGbpPerYear: number;
  /** Multiplier on placement costs (commissioning efficiency; 1 = status quo). */
  readonly placementCostMultiplier: number;
  /** Multiplier on other (not modelled) spend (1 = status quo). */
  readonly otherSpendMultiplier: number;
  /** Multiplier on the recruitment rate of vacant posts (1 = status quo). */
  readonly recruitmentMultiplier: number;
  /** Practice quality gained once, on entering the structure (new leadership). */
  readonly leadershipQualityGain: number;
  /** Optional behavioural hooks. */
  readonly hooks?: MechanismHooks;
}

/** A disruption profile: what a change into a structure costs while it beds in. */
export interface DisruptionProfile {
  /** Fall in productivity on the day of the change, 0-1, recovering linearly over `recoveryDays`. */
  readonly productivityDip: number;
  /** Days to recover fully (productivity, turnover, information). */
  readonly recoveryDays: number;
  /** Extra leaving hazard at the change as a fraction of the usual hazard, recovering linearly. */
  readonly turnoverSpike: number;
  /** Share of the information-sharing benefit lost at the change, recovering linearly. */
  readonly infoLoss: number;
  /** One-off cost, GBP per authority. */
  readonly oneOffCostGbp: number;
}

/** No disruption (the structure in force at the start of a run). */
export const NO_DISRUPTION: DisruptionProfile = Object.freeze({
  productivityDip: 0, recoveryDays: 1, turnoverSpike: 0, infoLoss: 0, oneOffCostGbp: 0,
});

/**
 * Status-quo mechanisms from the parameters: separate departments, informal coordination.
 * Structures start from these and override what differs.
 */
export function baseMechanisms(p: Parameters): Mechanisms {
  const m = p.mechanisms;
  return {
    infoSharing: m.infoSharing,
    singleAssessment: m.singleAssessment,
    accountabilityClarity: m.accountabilityClarity,
    leaderAttention: m.leaderAttention,
    walkTheServices: 0,
    pooledBudget: 0,
    pooledBudgetEarlyHelpGain: 0,
    pooledWorkforce: false,
    localKnowledge: m.localKnowledge,
    thresholdAdaptation: m.thresholdAdaptation,
    overheadGbpPerYear: p.money.boardGbpPerYear,
    placementCostMultiplier: 1,
    otherSpendMultiplier: 1,
    recruitmentMultiplier: 1,
    leadershipQualityGain: 0,
  };
}

/**
 * How far a disruption has recovered: 1 on the day of the change falling linearly to 0 after
 * `recoveryDays`; 0 before the change. Pure; draws nothing.
 */
export function disruptionWeight(profile: DisruptionProfile, daysSinceChange: number): number {
  if (daysSinceChange < 0 || daysSinceChange >= profile.recoveryDays) return 0;
  return 1 - daysSinceChange / profile.recoveryDays;
}
