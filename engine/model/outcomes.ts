/**
 * The outcomes every replicate reports: a public contract (column ids in every output file).
 *
 * Names, units and conventions follow the Department for Education's published statistics:
 * rates are per 10,000 children aged 0-17, shares are percentages (0-100), money is GBP.
 */

/** Outcome ids, in report order. */
export const OUTCOME_IDS = [
  'referral_rate',
  'rereferral_share',
  'assessments_within_45_days_share',
  'children_in_need_rate',
  'child_protection_plans_rate',
  'cpp_second_or_later_share',
  'looked_after_rate',
  'sw_caseload',
  'sw_turnover_rate',
  'sw_agency_rate',
  'sw_vacancy_rate',
  'spend_gbp',
  'unmet_need_rate',
  'days_need_to_help',
  'harm_events_rate',
  'cost_per_child_helped',
  'inspection_grade',
] as const;

/** One outcome id. */
export type OutcomeId = (typeof OUTCOME_IDS)[number];

/** Which direction of change is an improvement; `neither` when the sign is a matter of policy. */
export type Better = 'lower' | 'higher' | 'neither';

/** Plain-language description of one outcome, for tables, charts and docs. */
export interface OutcomeInfo {
  /** Short label for tables and chart titles. */
  readonly label: string;
  /** Unit as printed on axes. */
  readonly unit: string;
  /** Which direction is better, used for "probability better". */
  readonly better: Better;
  /** One sentence: what it measures and over what period. */
  readonly description: string;
  /** True when DfE publishes a comparable figure. */
  readonly published: boolean;
}

/** Metadata of every outcome. */
export const OUTCOMES: Readonly<Record<OutcomeId, OutcomeInfo>> = {
  referral_rate: {
    label: 'Referrals', unit: 'per 10,000 children per year', better: 'neither', published: true,
    description: 'Referrals accepted by children\'s social care in a year per 10,000 children (DfE CIN census).',
  },
  rereferral_share: {
    label: 'Re-referrals within 12 months', unit: '% of referrals', better: 'lower', published: true,
    description: 'Share of referrals about a child with a previous referral in the preceding 12 months.',
  },
  assessments_within_45_days_share: {
    label: 'Assessments within 45 working days', unit: '% of assessments', better: 'higher', published: true,
    description: 'Share of completed assessments finished within the 45 working day standard.',
  },
  children_in_need_rate: {
    label: 'Children in need', unit: 'per 10,000 children', better: 'neither', published: true,
    description: 'Children in need (open cases, including plans and looked after) per 10,000 children, at the year end.',
  },
  child_protection_plans_rate: {
    label: 'Child protection plans', unit: 'per 10,000 children', better: 'neither', published: true,
    description: 'Children on a child protection plan per 10,000 children, at the year end.',
  },
  cpp_second_or_later_share: {
    label: 'Second or later plans', unit: '% of plan starts', better: 'lower', published: true,
    description: 'Share of child protection plans started that were a second or later plan for the child.',
  },
  looked_after_rate: {
    label: 'Looked-after children', unit: 'per 10,000 children', better: 'neither', published: true,
    description: 'Children looked after per 10,000 children, at the year end.',
  },
  sw_caseload: {
    label: 'Caseload', unit: 'cases per case-holding worker', better: 'lower', published: true,
    description: 'Mean open cases per case-holding social worker (FTE, permanent and agency).',
  },
  sw_turnover_rate: {
    label: 'Social worker turnover', unit: '% per year', better: 'lower', published: true,
    description: 'Permanent social workers leaving in a year as a share of those in post.',
  },
  sw_agency_rate: {
    label: 'Agency social workers', unit: '% of FTE', better: 'lower', published: true,
    description: 'Agency workers as a share of social workers in post.',
  },
  sw_vacancy_rate: {
    label: 'Vacancies', unit: '% of posts', better: 'lower', published: true,
    description: 'Permanent posts vacant (whether or not covered by agency staff) as a share of all posts.',
  },
  spend_gbp: {
    label: 'Spend', unit: 'GBP per year', better: 'lower', published: true,
    description: 'Children\'s social care spend in a year: staff, agency premium, activities, placements, overheads and one-off change costs.',
  },
  unmet_need_rate: {
    label: 'Unmet need', unit: 'per 10,000 children', better: 'lower', published: false,
    description: 'Children whose need is at "in need" or above but who receive no service, per 10,000 children, at the year end.',
  },
  days_need_to_help: {
    label: 'Days from need to help', unit: 'days', better: 'lower', published: false,
    description: 'Mean days from a child\'s need reaching "in need" to the first service (early help or a plan).',
  },
  harm_events_rate: {
    label: 'Harm events', unit: 'per 10,000 children per year', better: 'lower', published: false,
    description: 'Significant harm events per 10,000 children per year (expected count given each child\'s time at each need level with or without protection).',
  },
  cost_per_child_helped: {
    label: 'Cost per child helped', unit: 'GBP', better: 'lower', published: false,
    description: 'Spend divided by the number of distinct children who received a service in the year.',
  },
  inspection_grade: {
    label: 'Inspection grade', unit: '1 outstanding - 4 inadequate', better: 'lower', published: true,
    description: 'Latest inspection judgement: 1 outstanding, 2 good, 3 requires improvement, 4 inadequate.',
  },
};

/** Inspection judgements, best first; grade = index + 1. */
export const INSPECTION_GRADES = ['outstanding', 'good', 'requires_improvement', 'inadequate'] as const;

/** One inspection judgement. */
export type InspectionGrade = (typeof INSPECTION_GRADES)[number];

/**
 * Monthly series every replicate reports: every outcome, plus one 0/1 indicator per inspection
 * judgement (`inspection_is_good` ...) whose mean across replicates is the share of authorities with that grade.
 */
export const SERIES_IDS = [
  ...OUTCOME_IDS,
  ...INSPECTION_GRADES.map((g) => `inspection_is_${g}` as const),
] as const;

/** One monthly series id. */
export type SeriesId = (typeof SERIES_IDS)[number];
