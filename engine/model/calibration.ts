/**
 * Calibration targets: the published national figures the default scenario (`scenarios/england-average.yaml`,
 * status-quo arm) must reproduce, each with a tolerance stated before calibrating and justified by how
 * much the national figure itself moved in 2014-2019 (the shared CSV) plus the sampling noise of one
 * authority of 78,645 children.
 */
import type { OutcomeId } from './outcomes.ts';

/** One calibration target. */
export interface CalibrationTarget {
  readonly outcome: OutcomeId;
  /** Observed national value in the outcome's unit. */
  readonly observed: number;
  /** Year of the observation (year to 31 March, or 30 September for the workforce). */
  readonly year: number;
  /** Largest accepted relative gap |model - observed| / observed, in percent. */
  readonly tolerancePct: number;
  /** Where the figure comes from and why the tolerance. */
  readonly source: string;
}

/** England's child population in 2019 (scenarios/data CSV, derived from referrals / referral rate). */
export const ENGLAND_CHILDREN_2019 = 11_954_000;
/** Local authorities with children's social care responsibilities in England. */
export const ENGLAND_AUTHORITIES = 152;

const CSV = 'scenarios/data/england-national-2014-2019.csv';

/** The targets, in OUTCOME_IDS order. */
export const CALIBRATION_TARGETS: readonly CalibrationTarget[] = Object.freeze([
  { outcome: 'referral_rate', observed: 544.5, year: 2019, tolerancePct: 5, source: `${CSV} (DfE CIN); the national rate moved 532-572 in 2014-2019 (about ±4%)` },
  { outcome: 'rereferral_share', observed: 22.6, year: 2019, tolerancePct: 15, source: 'judgement/DfE 2019, not in the shared data (Characteristics of children in need 2019); few hundred re-referrals a year in one authority' },
  { outcome: 'assessments_within_45_days_share', observed: 83, year: 2019, tolerancePct: 5, source: 'judgement/DfE 2019, not in the shared data (Characteristics of children in need 2019: 83%)' },
  { outcome: 'children_in_need_rate', observed: 334.2, year: 2019, tolerancePct: 5, source: `${CSV} (DfE CIN); 330-346 in 2014-2019 (about ±3%)` },
  { outcome: 'child_protection_plans_rate', observed: 43.7, year: 2019, tolerancePct: 10, source: `${CSV} (DfE CIN); plans rose 6% 2014-2017 and a stock of about 340 children in one authority varies by about ±5% year to year` },
  { outcome: 'cpp_second_or_later_share', observed: 20.8, year: 2019, tolerancePct: 15, source: 'judgement/DfE 2019, not in the shared data (Characteristics of children in need 2019: 20.8%); about 90 second plans a year in one authority' },
  { outcome: 'looked_after_rate', observed: (78_150 / ENGLAND_CHILDREN_2019) * 1e4, year: 2019, tolerancePct: 10, source: `${CSV}: 78,150 looked after / 11,954,000 children; the stock grew 12% 2015-2019 (not a steady state)` },
  { outcome: 'sw_caseload', observed: 16.9, year: 2019, tolerancePct: 10, source: `${CSV} (DfE workforce); 17.7 to 16.9 in 2017-2019` },
  { outcome: 'sw_turnover_rate', observed: 15.0, year: 2019, tolerancePct: 15, source: `${CSV} (DfE workforce); 13.4-15.1 in 2017-2019, and about 20 leavers a year in one authority (Poisson noise ±22% a year)` },
  { outcome: 'sw_agency_rate', observed: 15.8, year: 2019, tolerancePct: 15, source: `${CSV} (DfE workforce); 15.4-15.8 in 2017-2019, about 20 agency FTE in one authority` },
  { outcome: 'sw_vacancy_rate', observed: 16.4, year: 2019, tolerancePct: 15, source: `${CSV} (DfE workforce); 16.4-17.0 in 2017-2019, about 25 vacant posts in one authority` },
  { outcome: 'spend_gbp', observed: (8.8e9 / ENGLAND_AUTHORITIES), year: 2018, tolerancePct: 10, source: `${CSV}: NAO, GBP 8.8bn in 2017-18 / 152 authorities; a year earlier than the other targets and 91% of councils overspent` },
] satisfies CalibrationTarget[]);

/** A flow of the referral pathway the model's diagnostics count (`WorldDiagnostics`), per referral. */
export type FlowId = 'referrals_nfa_share' | 'assessed_not_in_need_share' | 'section47_share';

/** One flow target: a share of referrals, in percent, compared over the horizon with the model's flow counts. */
export interface FlowTarget {
  readonly flow: FlowId;
  /** Observed national share of referrals, percent. */
  readonly observed: number;
  /** Year of the observation (year to 31 March). */
  readonly year: number;
  /** Largest accepted relative gap |model - observed| / observed, in percent. */
  readonly tolerancePct: number;
  /** Where the figure comes from and why the tolerance. */
  readonly source: string;
}

/**
 * The outcome split of referrals (not OUTCOME_IDS, so not in CALIBRATION_TARGETS): shares of referrals
 * closed with no further action, assessed as not in need, and leading to a section 47 enquiry. The model
 * counts a section 47 enquiry at an assessment or a child in need plan review that finds a child at risk.
 * Tolerances are stated before calibrating, from how much each national figure moved in the shared CSV.
 */
export const FLOW_TARGETS: readonly FlowTarget[] = Object.freeze([
  { flow: 'referrals_nfa_share', observed: 8.1, year: 2019, tolerancePct: 15, source: `${CSV} (referrals_nfa_share, DfE CIN table C1); 14.1% in 2014, 9.9% in 2016, 8.1% in 2019, so ±15% (±1.2 points) is within the recent movement` },
  { flow: 'assessed_not_in_need_share', observed: 29.1, year: 2019, tolerancePct: 15, source: `${CSV} (assessed_not_in_need_share, DfE CIN table C1); 19.6% in 2014, 25.4% in 2016, 29.1% in 2019, so ±15% (±4.4 points) is within the recent movement` },
  { flow: 'section47_share', observed: (185_450 / 646_120) * 100, year: 2017, tolerancePct: 10, source: `${CSV}: section47_enquiries 185,450 / referrals 646,120 in 2017 (28.7%); 27.7% in 2016 (172,290 / 621,470), so ±10% (±2.9 points)` },
] satisfies FlowTarget[]);

/** The model's value of a flow target (percent of referrals) from horizon flow counts; NaN with no referrals. */
export function flowShare(flow: FlowId, d: { readonly referrals: number; readonly noFurtherAction: number; readonly assessedNotInNeed: number; readonly s47: number }): number {
  if (!(d.referrals > 0)) return Number.NaN;
  const k = flow === 'referrals_nfa_share' ? d.noFurtherAction : flow === 'assessed_not_in_need_share' ? d.assessedNotInNeed : d.s47;
  return (100 * k) / d.referrals;
}
