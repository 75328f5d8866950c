/**
 * Every model assumption as a named parameter: the zod schema is the single source of defaults, units,
 * plausible ranges and sources (`engine/PARAMETERS.md` is generated from it).
 *
 * Groups follow the mechanisms of the world model (one nested object per mechanism). Every group is
 * `.strict()` (unknown keys are errors) and `.prefault({})` (an empty or missing group resolves to all
 * leaf defaults). Rates are read per year, month or week as their names say; the model converts them to
 * per day where it reads them. Sources: `evidence.md` and the national CSV in `scenarios/data/`, named
 * publications, or "judgement: ..." where no published figure exists.
 */
import { z } from 'zod';

/** Metadata carried by every parameter leaf (read by the parameter reference generator). */
export interface ParameterMeta {
  /** Unit as printed in the reference, e.g. "per child per year". */
  readonly unit: string;
  /** Plausible range [lo, hi] for sensitivity analysis (not a validation bound). */
  readonly range: readonly [number, number];
  /** Where the default comes from, or "judgement: ..." when it is a judgement. */
  readonly source: string;
}

/** A number leaf with default, description and metadata; validation bounds are [min, max]. */
function num(value: number, unit: string, range: [number, number], source: string, description: string, min = 0, max = Infinity) {
  // no `.max(Infinity)`: the JSON Schema export would print it as `"maximum": null` (zod 4 numbers are finite anyway)
  const bounded = Number.isFinite(max) ? z.number().min(min).max(max) : z.number().min(min);
  return bounded.default(value).describe(description).meta({ unit, range, source });
}

/** A share (0-1) leaf. */
function share(value: number, range: [number, number], source: string, description: string) {
  return num(value, 'share 0-1', range, source, description, 0, 1);
}

/** A strict group whose missing or empty input resolves to all defaults. */
function group<T extends z.ZodRawShape>(shape: T) {
  return z.object(shape).strict().prefault({} as never);
}

const J = 'judgement: ';

/** One agency's contact and recognition parameters. */
function agency(contactsPerYear: number, recogniseEarlyHelp: number, recogniseInNeed: number, recogniseAtRisk: number, propensity: number, who: string, contactSource: string) {
  return group({
    contactsPerYear: num(contactsPerYear, 'contacts per child per year', [contactsPerYear / 2, contactsPerYear * 2], contactSource, `Meaningful contacts between ${who} and a child.`),
    recogniseEarlyHelp: share(recogniseEarlyHelp, [recogniseEarlyHelp / 2, Math.min(1, recogniseEarlyHelp * 2)], `${J}set with the other recognition chances so the referral rate matches 2019 (calibrated)`, `Chance that one contact by ${who} recognises an early-help level need.`),
    recogniseInNeed: share(recogniseInNeed, [recogniseInNeed / 2, Math.min(1, recogniseInNeed * 2)], `${J}calibrated to the 2019 referral rate (544.5 per 10,000)`, `Chance that one contact by ${who} recognises a child in need.`),
    recogniseAtRisk: share(recogniseAtRisk, [recogniseAtRisk / 2, Math.min(1, recogniseAtRisk * 2)], `${J}calibrated to the 2019 referral rate (544.5 per 10,000)`, `Chance that one contact by ${who} recognises a child at risk of significant harm.`),
    referralPropensity: share(propensity, [propensity / 2, Math.min(1, propensity * 1.5)], `${J}agencies with statutory duties refer more readily`, `Chance that ${who}, having recognised need, refers the child to the front door.`),
  });
}

/** One structure's disruption profile on entering it (productivity dip, turnover spike, information loss, one-off cost). */
function disruption(dip: number, recoveryMonths: number, turnoverSpike: number, infoLoss: number, oneOffCostGbp: number, source: string) {
  return group({
    productivityDip: share(dip, [0, Math.min(0.5, dip * 2 + 0.05)], source, 'Fall in practice productivity on the day of the change (recovers linearly).'),
    recoveryMonths: num(recoveryMonths, 'months', [Math.max(1, recoveryMonths / 2), recoveryMonths * 2 + 1], source, 'Months for productivity, turnover and information to recover after the change.', 0.1, 120),
    turnoverSpike: num(turnoverSpike, 'multiplier - 1', [0, turnoverSpike * 2 + 0.2], `${J}transfer (TUPE) anxiety; evidence.md: tri-borough ended with staff anxiety cited`, 'Extra social worker leaving hazard at the change, as a fraction of the usual hazard (recovers linearly).', 0, 10),
    infoLoss: share(infoLoss, [0, Math.min(1, infoLoss * 2 + 0.05)], `${J}records and relationships lost in transfer`, 'Share of the information-sharing benefit lost at the change (recovers linearly).'),
    oneOffCostGbp: num(oneOffCostGbp, 'GBP', [oneOffCostGbp / 3, oneOffCostGbp * 3], source, 'One-off cost of the change, per authority.'),
  });
}

/** Every model parameter, grouped by mechanism; each group resolves to its defaults when left out. */
export const ParametersSchema = z
  .object({
    population: group({
      needArisingPerChildYear: num(0.048, 'per child per year', [0.02, 0.06], `${J}calibrated so the 2019 referral and children-in-need rates are reproduced`, 'Rate at which a child without known need develops an early-help level need or worse (average deprivation).'),
      deprivationElasticity: num(0.08, 'relative change per decile', [0, 0.15], 'evidence.md: deprivation is the main driver of referral rates (Hood et al. 2016); Webb et al. 2022: -16% odds of good per decile', 'Relative change of the need arising rate per IDACI decile more deprived than decile 5.', 0, 1),
      initialShareInNeed: share(0.3, [0.15, 0.45], `${J}calibrated with the referral mix (DfE 2019: 29.1% of referrals assessed not in need)`, 'Share of new needs that start at the "in need" level.'),
      initialShareAtRisk: share(0.12, [0.05, 0.2], `${J}calibrated to the 2019 child protection plan rate (43.7 per 10,000)`, 'Share of new needs that start at the "at risk of significant harm" level.'),
      priorPlanRelativeRisk: num(9, 'ratio', [3, 15], `${J}children with a previous plan are more likely to need help again (DfE 2019: 20.8% of plans are second or later)`, 'Relative rate of new need for a child who had a child protection plan before.', 1, 50),
      ageingOutPerYear: num(1 / 9, 'per year', [1 / 12, 1 / 6], `${J}children known to services are on average about 9 years from their 18th birthday`, 'Rate at which former-plan children in the population reach 18.'),
    }),
    need: group({
      escalateEarlyHelpPerYear: num(0.45, 'per year', [0.2, 0.9], `${J}calibrated to the children-in-need rate`, 'Rate at which an early-help level need escalates to "in need" without help.'),
      escalateInNeedPerYear: num(0.3, 'per year', [0.1, 0.6], `${J}calibrated to the child protection plan rate`, 'Rate at which an "in need" child escalates to "at risk" without help.'),
      resolveEarlyHelpPerYear: num(1.0, 'per year', [0.5, 2], `${J}most early-help needs pass within a year`, 'Rate at which an early-help level need resolves without help.'),
      resolveInNeedPerYear: num(0.5, 'per year', [0.25, 1], `${J}calibrated to the children-in-need rate`, 'Rate at which an "in need" child de-escalates to early-help level without help.'),
      resolveAtRiskPerYear: num(0.35, 'per year', [0.15, 0.7], `${J}calibrated to the child protection plan rate`, 'Rate at which an "at risk" child de-escalates to "in need" without help.'),
      earlyHelpEffect: num(1.0, 'multiplier - 1', [0.3, 2], `${J}evidence.md: prevention spend associated with better outcomes (Webb et al. 2022)`, 'Extra de-escalation rate under early help, as a fraction of the unhelped rate (at practice quality 1).', 0, 10),
      childInNeedPlanEffect: num(3.3, 'multiplier - 1', [1.5, 5], `${J}calibrated to the children-in-need rate`, 'Extra de-escalation rate under a child in need plan, as a fraction of the unhelped rate (at quality 1).', 0, 10),
      protectionPlanEffect: num(4.8, 'multiplier - 1', [2, 8], `${J}calibrated to the child protection plan rate and mean plan length`, 'Extra de-escalation rate under a child protection plan, as a fraction of the unhelped rate (at quality 1).', 0, 20),
      helpEscalationReduction: share(0.5, [0.2, 0.8], `${J}help slows escalation`, 'Share by which any help (early help or a plan) cuts the escalation rate (at practice quality 1).'),
    }),
    agencies: group({
      police: agency(0.5, 0.05, 0.45, 0.9, 0.9, 'the police', `${J}police contact with an at-risk child is rare but usually recognised`),
      health: agency(4, 0.01, 0.075, 0.18, 0.6, 'health services (GPs, health visitors, A&E)', `${J}a few health contacts a year`),
      schools: agency(40, 0.002, 0.018, 0.042, 0.5, 'schools and early years settings', `${J}about one meaningful contact a school week`),
      earlyHelp: agency(26, 0.0, 0.08, 0.2, 0.7, 'early help workers (only with children they support)', `${J}fortnightly contact while a child receives early help`),
      voluntary: agency(2, 0.01, 0.06, 0.15, 0.4, 'the voluntary sector', `${J}occasional contact`),
      socialCare: agency(3, 0.02, 0.15, 0.35, 0.9, 'social care (children whose case closed in the last 12 months)', `${J}follow-up contact after closure`),
      repeatConcernPerYear: num(0.3, 'per child per year', [0.2, 0.8], 'DfE 2019: 22.6% of referrals are re-referrals within 12 months (judgement/DfE 2019, not in the shared data); calibrated', 'Extra referral rate of a child referred or closed in the last 12 months, whatever its need (repeat notifications, e.g. police domestic abuse notifications).'),
      infoSharingRecognitionGain: num(0.6, 'multiplier - 1', [0.2, 1.2], 'evidence.md: Laming 2003 (Climbie known to many agencies); MASH evaluation', 'Extra recognition chance at full information sharing (1), as a fraction of the base chance.', 0, 5),
      falseReferralsPerChildYear: num(0.012, 'per child per year', [0.008, 0.03], 'scenarios/data CSV 2019: 8.1% NFA and 29.1% assessed not in need; calibrated', 'Rate of referrals about children with no real need (concern not borne out), at no information sharing.'),
      infoSharingFalseReferralReduction: share(0.3, [0, 0.6], `${J}shared records let agencies check concerns before referring`, 'Share by which full information sharing cuts referrals about children with no real need.'),
    }),
    frontDoor: group({
      noFurtherActionNoNeed: share(0.18, [0.1, 0.4], 'scenarios/data CSV 2019: 8.1% of referrals NFA (referrals_nfa_share); calibrated (FLOW_TARGETS)', 'Chance that a referral about a child with no real need is closed with no further action.'),
      noFurtherActionEarlyHelp: share(0.04, [0.02, 0.15], `${J}calibrated to 8.1% NFA`, 'Chance that a referral about an early-help level child is closed with no further action.'),
      noFurtherActionInNeed: share(0.02, [0.005, 0.06], `${J}screening errors`, 'Chance that a referral about a child in need is wrongly closed with no further action (base).'),
      noFurtherActionAtRisk: share(0.005, [0.001, 0.02], `${J}screening errors`, 'Chance that a referral about a child at risk is wrongly closed with no further action (base).'),
      earlyHelpNoNeed: share(0.34, [0.1, 0.5], 'scenarios/data CSV 2019: 29.1% of referrals assessed not in need (assessed_not_in_need_share); calibrated (FLOW_TARGETS): concerns not borne out are signposted at the front door rather than assessed', 'Chance that a referral about a child with no real need is passed to early help.'),
      earlyHelpEarlyHelp: share(0.35, [0.2, 0.5], `${J}referrals diverted to early help`, 'Chance that a referral about an early-help level child is passed to early help.'),
      earlyHelpInNeed: share(0.07, [0.03, 0.15], `${J}screening errors`, 'Chance that a referral about a child in need is passed to early help instead of assessment.'),
      earlyHelpAtRisk: share(0.015, [0.005, 0.05], `${J}screening errors`, 'Chance that a referral about a child at risk is passed to early help instead of assessment.'),
      infoSharingErrorReduction: share(0.4, [0.1, 0.7], 'evidence.md: multi-agency safeguarding hubs (MASH) screen with shared information', 'Share by which full information sharing cuts screening errors (screen-outs of children in need or at risk).'),
      workloadRationing: num(1.0, 'log-odds per unit of excess workload', [0, 2], 'evidence.md: Hood et al. 2020, councils that rationed had more re-referrals and churn', 'Rise in the log-odds of screening out per unit of caseload above target (workload 1 = at target).', 0, 10),
    }),
    assessment: group({
      meanWorkingDays: num(30, 'working days', [20, 40], 'DfE 2019: 83% of assessments within 45 working days (judgement/DfE 2019, not in the shared data); calibrated', 'Mean assessment duration at target caseload and full productivity.', 1, 200),
      durationCv: num(0.55, 'coefficient of variation', [0.3, 0.9], `${J}lognormal durations with a long tail`, 'Coefficient of variation of assessment duration (lognormal).', 0.01, 5),
      workloadElasticity: num(0.6, 'elasticity', [0, 1.5], `${J}queues lengthen with caseload`, 'Elasticity of assessment duration with respect to caseload relative to target.', 0, 5),
      standardWorkingDays: num(45, 'working days', [45, 45], 'Working Together to Safeguard Children 2018: 45 working days', 'The assessment timeliness standard.', 1, 200),
      singleAssessmentSaving: share(0.2, [0.05, 0.35], 'evidence.md: Serving Children Well, a single assessment system; judgement on size', 'Share of assessment time saved at full use of a single assessment.'),
      missInNeed: share(0.08, [0.03, 0.2], `${J}calibrated to 29.1% of referrals assessed not in need`, 'Chance that an assessment of a child in need finds no need (base, at target caseload).'),
      missAtRisk: share(0.03, [0.01, 0.1], `${J}`+'serious case reviews show missed risk', 'Chance that an assessment of a child at risk finds no need (base).'),
      s47AtRisk: share(0.74, [0.6, 0.95], 'scenarios/data CSV: 185,450 section 47 enquiries / 646,120 referrals in 2017 (28.7%); calibrated (FLOW_TARGETS)', 'Chance that an assessment of a child found at risk leads to a section 47 enquiry.'),
      s47InNeed: share(0.08, [0.03, 0.25], 'scenarios/data CSV 2017: section 47 enquiries are 29% of referrals; calibrated', 'Chance that an assessment of a child in need leads to a section 47 enquiry.'),
      planAfterS47AtRisk: share(0.56, [0.4, 0.8], 'scenarios/data CSV 2017: plan starts / section 47 enquiries = 36%; calibrated', 'Chance that a section 47 enquiry about a child at risk leads to a child protection plan.'),
      planAfterS47InNeed: share(0.05, [0.01, 0.15], `${J}most enquiries about children in need end in a child in need plan`, 'Chance that a section 47 enquiry about a child in need leads to a child protection plan.'),
      emergencyCareAtRisk: share(0.18, [0.05, 0.25], 'scenarios/data CSV: about 32,000 care starts a year; calibrated to the looked-after rate', 'Chance that a section 47 enquiry about a child at risk leads straight to care.'),
      earlyHelpStepDown: share(0.6, [0.3, 0.9], `${J}step-down to early help after an assessment finds early-help level need`, 'Chance that a child assessed at early-help level is stepped down to early help rather than closed.'),
      infoSharingMissReduction: share(0.4, [0.1, 0.7], 'evidence.md: Laming 2003; single assessment and shared records', 'Share by which full information sharing cuts missed need at assessment.'),
      workloadMissElasticity: num(1.0, 'elasticity', [0, 2], `${J}overloaded workers miss more`, 'Elasticity of the chance of missing need with respect to caseload relative to target.', 0, 5),
    }),
    plans: group({
      childInNeedReviewMonths: num(4, 'months', [3, 6], `${J}child in need plans are reviewed every few months; calibrated with the section 47 share of referrals (FLOW_TARGETS)`, 'Interval between child in need plan reviews.', 0.5, 24),
      protectionFirstReviewMonths: num(3, 'months', [3, 3], 'Working Together 2018: first review conference within 3 months', 'Time from the initial conference to the first review.', 0.5, 24),
      protectionReviewMonths: num(6, 'months', [6, 6], 'Working Together 2018: then at intervals of no more than 6 months', 'Interval between later child protection reviews.', 0.5, 24),
      careAtReviewAtRisk: share(0.33, [0.15, 0.5], 'scenarios/data CSV: about 32,000 care starts a year (28 per 10,000); calibrated', 'Chance that a review finding a child still at risk starts care proceedings.'),
      stepDownToChildInNeed: share(0.85, [0.6, 1], `${J}most plans end with a child in need plan`, 'Chance that a child protection plan ending below "at risk" steps down to a child in need plan rather than closing.'),
    }),
    lookedAfter: group({
      meanDurationDays: num(772, 'days', [600, 1000], 'scenarios/data CSV: mean latest period of care 772 days (2018)', 'Mean length of a looked-after episode (lognormal; ends at 18 at the latest).', 1, 10_000),
      durationCv: num(1.0, 'coefficient of variation', [0.6, 1.5], `${J}care episodes range from days to whole childhoods`, 'Coefficient of variation of episode length (lognormal).', 0.01, 5),
      residentialShare: share(0.12, [0.08, 0.18], 'DfE Children looked after 2019: about 12% in secure units, homes and semi-independent living (not in the shared data)', 'Share of looked-after children in residential placements.'),
      independentFosteringShare: share(0.2, [0.15, 0.3], 'DfE Children looked after 2019: about a fifth with independent fostering agencies (not in the shared data)', 'Share of looked-after children with independent fostering agencies.'),
      residentialGbpPerWeek: num(3830, 'GBP per week', [3000, 5000], 'evidence.md: CMA 2022, largest providers average GBP 3,830 a week', 'Weekly cost of a residential placement.'),
      independentFosteringGbpPerWeek: num(820, 'GBP per week', [700, 1000], 'evidence.md: CMA 2022, independent fostering about GBP 820 a week', 'Weekly cost of an independent fostering placement.'),
      otherPlacementGbpPerWeek: num(450, 'GBP per week', [300, 600], `${J}in-house fostering, kinship and placed with parents`, 'Weekly cost of other placements (in-house fostering, kinship, at home).'),
      needAfterCare: num(1, 'need level', [0, 2], `${J}most children leave care with early-help level need`, 'Need level (0 none, 1 early help, 2 in need) of a child when a looked-after episode ends.', 0, 2),
    }),
    initialState: group({
      childInNeedPlansPer10k: num(200, 'per 10,000 children', [150, 220], 'scenarios/data CSV: 330-346 children in need per 10,000 (2014-2019) less plans, care and assessments', 'Children on child in need plans at the start of the warm-up.'),
      assessmentsPer10k: num(45, 'per 10,000 children', [20, 50], `${J}about a month of assessments`, 'Children being assessed at the start of the warm-up.'),
      protectionPlansPer10k: num(43.7, 'per 10,000 children', [38, 50], 'scenarios/data CSV: 43.7 per 10,000 (2019)', 'Children on child protection plans at the start of the warm-up.'),
      lookedAfterPer10k: num(65.4, 'per 10,000 children', [55, 75], 'scenarios/data CSV: 78,150 looked after / 11,954,000 children (2019)', 'Looked-after children at the start of the warm-up.'),
      earlyHelpPer10k: num(75, 'per 10,000 children', [40, 150], `${J}early help caseloads are not published nationally`, 'Children receiving early help at the start of the warm-up.'),
      unservedEarlyHelpLevelPer10k: num(260, 'per 10,000 children', [150, 400], `${J}near the model's own steady state (hidden need is not published)`, 'Children with early-help level need and no service at the start of the warm-up.'),
      unservedInNeedPer10k: num(170, 'per 10,000 children', [80, 250], `${J}near the model's own steady state (hidden need is not published)`, 'Children in need with no service at the start of the warm-up.'),
      unservedAtRiskPer10k: num(45, 'per 10,000 children', [20, 80], `${J}near the model's own steady state (hidden need is not published)`, 'Children at risk with no service at the start of the warm-up.'),
      formerPlanPer10k: num(300, 'per 10,000 children', [150, 450], `${J}children who had a plan in the last decade`, 'Children in the population who had a child protection plan before.'),
    }),
    workforce: group({
      caseloadTarget: num(17, 'cases per FTE', [10, 30], 'scenarios/data CSV: DfE workforce 2019, 16.9 cases per case-holding social worker', 'Cases per case-holding social worker the authority staffs for.', 1, 100),
      initialVacancyShare: share(0.164, [0.1, 0.25], 'scenarios/data CSV: vacancy rate 16.4% (2019)', 'Share of posts vacant at the start of the warm-up.'),
      agencyCoverShare: share(0.96, [0.7, 1], 'scenarios/data CSV 2019: agency 15.8% of FTE with 16.4% of posts vacant', 'Share of vacant posts covered by agency social workers.'),
      leaveHazardPerYear: num(0.145, 'per year', [0.1, 0.2], 'scenarios/data CSV: turnover 15.0% (2019)', 'Leaving hazard of a permanent social worker at target caseload and no turbulence.'),
      caseloadLeaveElasticity: num(2.0, 'log-hazard per unit excess workload', [0.5, 4], `${J}high caseloads drive leaving (evidence.md: Northamptonshire 2017)`, 'Rise in the log leaving hazard per unit of caseload above target.', 0, 10),
      newStarterLeaveMultiplier: num(1.5, 'ratio', [1, 2.5], `${J}newly qualified workers leave more often`, 'Leaving hazard of a worker in their first two years relative to an experienced one.', 0.1, 10),
      recruitmentPerVacancyPerYear: num(0.65, 'per vacancy per year', [0.5, 1.5], 'scenarios/data CSV 2019: vacancies 16.4% persist with 15% turnover; calibrated', 'Rate at which one vacant post is filled by a permanent recruit.', 0, 20),
      newStarterProductivity: share(0.7, [0.5, 0.9], `${J}newly qualified social workers carry protected caseloads`, 'Productivity of a new worker relative to an experienced one (rises linearly over the ramp).'),
      experienceRampYears: num(2, 'years', [1, 3], 'ASYE: assessed and supported year in employment, plus a year', 'Years for a new worker to reach full productivity.', 0.1, 10),
      agencyProductivity: share(0.85, [0.7, 1], `${J}agency workers know the authority less well`, 'Productivity of an agency worker relative to an experienced permanent one.'),
      establishmentAdjustmentPerYear: num(0.5, 'per year', [0.2, 1], `${J}budgets follow demand with a lag of about two years`, 'Rate at which funded posts move towards open cases / caseload target (the annual budget round).'),
      salaryGbpPerYear: num(52_000, 'GBP per FTE per year', [45_000, 60_000], 'judgement: about GBP 40,000 salary plus 30% on-costs (DfE workforce; not in the shared data)', 'Cost of a permanent case-holding social worker.'),
      agencyGbpPerYear: num(78_000, 'GBP per FTE per year', [65_000, 95_000], 'judgement: agency day rates about 1.5 times the employed cost', 'Cost of an agency social worker.'),
    }),
    quality: group({
      initial: share(0.6, [0.4, 0.8], `${J}a "requires improvement" to "good" authority`, 'Practice quality at the start (0-1); scales the effect of help and lowers errors.'),
      driftPerYear: num(0.3, 'per year', [0.1, 0.6], `${J}gains from improvement programmes fade`, 'Rate at which practice quality returns to its long-run level.'),
      longRun: share(0.6, [0.4, 0.8], `${J}same as the initial level`, 'Long-run practice quality without action.'),
      errorEffect: num(0.8, 'relative change per unit quality', [0.3, 1.5], `${J}`, 'Relative fall in screening and assessment errors per unit of practice quality above 0.5.', 0, 2),
    }),
    boards: group({
      kpiNoiseSd: num(0.1, 'relative sd', [0.05, 0.3], `${J}KPIs are noisy and late (one quarter)`, 'Relative noise on the KPIs leaders see (they see last quarter\'s figures).'),
      spotChance: share(0.5, [0.2, 0.8], `${J}evidence.md: Ofsted 2015, good leadership matters more than size`, 'Chance per quarter that fully attentive leaders with clear accountability spot a real weakness.'),
      championsBoost: num(0.5, 'multiplier - 1', [0, 1], 'evidence.md: Serving Children Well, children\'s champions "walk the services"', 'Extra chance to spot weaknesses when children\'s champions walk the services (1).', 0, 5),
      caseloadTolerance: share(0.15, [0, 0.3], `${J}`, 'Caseload above target by more than this share is a weakness.'),
      timelinessFloor: share(0.8, [0.7, 0.9], `${J}national average about 83%`, 'Share of assessments within 45 working days below which timeliness is a weakness.'),
      rereferralCeiling: share(0.25, [0.2, 0.3], `${J}national average 22.6% (DfE 2019)`, 'Re-referral share above which it is a weakness.'),
      vacancyCeiling: share(0.2, [0.15, 0.3], `${J}national average 16.4%`, 'Vacancy share above which it is a weakness.'),
      postsIncrease: share(0.03, [0, 0.15], `${J}`, 'Share by which funded posts rise when leaders act on high caseloads.'),
      recruitmentDriveMultiplier: num(1.5, 'ratio', [1, 3], `${J}`, 'Recruitment rate multiplier for a year after a recruitment drive.', 1, 10),
      recruitmentDriveCostGbp: num(150_000, 'GBP', [50_000, 400_000], `${J}campaigns, golden hellos`, 'Cost of one recruitment drive.'),
      improvementQualityGain: share(0.06, [0.02, 0.12], `${J}`, 'Practice quality gained from one improvement programme.'),
      improvementCostGbp: num(300_000, 'GBP', [100_000, 800_000], `${J}DfE Partners in Practice grants were of this order`, 'Cost of one improvement programme.'),
      thresholdStep: num(0.2, 'log-odds', [0.05, 0.5], `${J}`, 'Change of the screening threshold when leaders tighten or loosen it.', 0, 5),
      thresholdLimit: num(0.6, 'log-odds', [0.2, 1.5], `${J}`, 'Largest threshold shift leaders apply in either direction.', 0, 5),
    }),
    inspection: group({
      intervalMonths: num(36, 'months', [24, 48], 'Ofsted ILACS 2018: about every three years', 'Months between full inspections.', 1, 240),
      noiseSd: num(0.35, 'score units', [0.2, 0.6], `${J}inspection judgements vary beyond performance`, 'Standard deviation of the noise on the inspection score.', 0, 10),
      cutGood: num(0.35, 'score', [0.2, 0.5], 'scenarios/data CSV: 49% good or outstanding (2019); calibrated', 'Score at or above which the judgement is good.', -10, 10),
      cutOutstanding: num(1.1, 'score', [0.9, 1.4], `${J}about a tenth of authorities are outstanding`, 'Score at or above which the judgement is outstanding.', -10, 10),
      cutInadequate: num(-0.4, 'score', [-0.6, -0.2], 'scenarios/data CSV: 13-19% inadequate (2017-2018); calibrated', 'Score below which the judgement is inadequate.', -10, 10),
      qualityWeight: num(3, 'score per unit quality', [1, 5], `${J}inspectors judge practice`, 'Weight of practice quality (relative to 0.5) in the score.', 0, 20),
      timelinessWeight: num(2, 'score per unit share', [0.5, 4], `${J}`, 'Weight of assessment timeliness (relative to 83%) in the score.', 0, 20),
      workloadWeight: num(1, 'score per unit excess workload', [0.3, 2], `${J}`, 'Weight of caseload above target in the score (subtracted).', 0, 20),
      inadequateAttentionBoost: num(1, 'multiplier - 1', [0.5, 2], `${J}commissioners and DfE scrutiny after "inadequate"`, 'Extra leader attention while the latest judgement is inadequate.', 0, 10),
    }),
    money: group({
      assessmentGbp: num(1_800, 'GBP', [1_000, 3_000], `${J}about 40 hours of social work time plus management`, 'Cost of one assessment (beyond case-holding salaries).'),
      s47Gbp: num(2_500, 'GBP', [1_500, 4_000], `${J}conference, enquiries and legal advice`, 'Cost of one section 47 enquiry and conference.'),
      earlyHelpGbpPerWeek: num(60, 'GBP per child per week', [30, 120], `${J}family support workers and programmes`, 'Cost of early help per child per week.'),
      childInNeedGbpPerWeek: num(70, 'GBP per child per week', [40, 150], `${J}services commissioned for children in need`, 'Cost of services for a child on a child in need plan per week.'),
      protectionGbpPerWeek: num(120, 'GBP per child per week', [60, 250], `${J}services and conferences for children on plans`, 'Cost of services for a child on a protection plan per week.'),
      otherGbpPerChildPerYear: num(170, 'GBP per child per year', [120, 260], 'residual: scenarios/data CSV NAO 2017-18 spend GBP 8.8bn / 11.95m children = GBP 736 per child, less what is modelled', 'Spend not modelled explicitly (management, support, disabled children, leaving care, legal, other) per child in the population.'),
      boardGbpPerYear: num(150_000, 'GBP per year', [50_000, 300_000], `${J}board support and performance teams`, 'Overhead of the governance boards of an authority.'),
    }),
    harm: group({
      atRiskUnprotectedPerYear: num(0.5, 'events per child per year', [0.2, 1], `${J}children at risk without protection`, 'Significant harm events per year of a child at risk who has no plan and is not looked after.'),
      atRiskProtectedPerYear: num(0.15, 'events per child per year', [0.05, 0.3], `${J}plans reduce but do not remove harm`, 'Significant harm events per year of a child at risk on a child protection or child in need plan.'),
      inNeedPerYear: num(0.05, 'events per child per year', [0.01, 0.1], `${J}`, 'Significant harm events per year of a child in need who is not looked after.'),
      lookedAfterPerYear: num(0.02, 'events per child per year', [0.005, 0.05], `${J}`, 'Significant harm events per year of a looked-after child.'),
    }),
    mechanisms: group({
      infoSharing: share(0.3, [0.1, 0.5], 'evidence.md: Laming 2003, agencies held fragments of the picture', 'Information sharing across agencies under the status quo (0 none, 1 full).'),
      singleAssessment: share(0, [0, 0.2], `${J}separate assessments under the status quo`, 'Use of a single assessment across agencies under the status quo.'),
      accountabilityClarity: share(0.5, [0.3, 0.7], 'evidence.md: Laming 2003, accountability lines unclear', 'Clarity of accountability under the status quo (0-1); scales the chance leaders act.'),
      leaderAttention: share(0.6, [0.4, 0.8], `${J}a director of social services with other duties`, 'Share of leaders\' attention on children\'s social care under the status quo.'),
      localKnowledge: share(1, [0.9, 1], `${J}local services know their area`, 'Local knowledge (multiplies recognition; lowers screening error).'),
      thresholdAdaptation: share(0.5, [0.2, 0.8], `${J}local thresholds bend to local workload`, 'How far screening thresholds adapt to local workload (scales the workload rationing).'),
    }),
    structures: group({
      partnership: group({
        infoSharing: share(0.55, [0.4, 0.7], 'evidence.md: Serving Children Well, universal child indicator and information exchange', 'Information sharing under the partnership.'),
        singleAssessment: share(0.6, [0.3, 0.9], 'evidence.md: Serving Children Well, a single assessment system', 'Use of a single assessment under the partnership.'),
        accountabilityClarity: share(0.5, [0.4, 0.6], 'evidence.md: each agency keeps its own accountability', 'Accountability clarity under the partnership.'),
        walkTheServices: share(1, [0.5, 1], 'evidence.md: children\'s champions "walk the services"', 'Children\'s champions walking the services (0-1).'),
        boardGbpPerYear: num(250_000, 'GBP per year', [150_000, 400_000], `${J}strategic partnership board, champions, unified performance management`, 'Board and champion overheads per authority.'),
        recruitmentMultiplier: num(1.1, 'ratio', [1, 1.3], 'evidence.md: a unified workforce plan', 'Recruitment rate multiplier from a unified workforce plan.', 0.1, 10),
      }),
      childrensTrust: group({
        infoSharing: share(0.5, [0.35, 0.65], 'evidence.md: integrated teams', 'Information sharing under a children\'s trust.'),
        singleAssessment: share(0.4, [0.2, 0.6], `${J}integrated teams share assessments`, 'Use of a single assessment under a children\'s trust.'),
        pooledBudget: share(0.25, [0.1, 1], 'evidence.md: only 4 of 35 pathfinders pooled all budgets (Lorgelly et al. 2009)', 'Share of children\'s budgets pooled.'),
        pooledBudgetEarlyHelpGain: num(0.4, 'multiplier - 1', [0.1, 0.8], 'evidence.md: Webb et al. 2022, +GBP 100 preventive spend per child, +69% odds of good', 'Extra early-help effect at a fully pooled budget.', 0, 5),
        commissioningSaving: share(0.04, [0, 0.1], 'evidence.md: joint commissioning; CMA 2022 councils are weak buyers', 'Placement cost saving from joint commissioning.'),
        boardGbpPerYear: num(300_000, 'GBP per year', [150_000, 500_000], 'evidence.md: pathfinders about GBP 60k each plus running costs; judgement', 'Trust board and joint commissioning overheads per authority.'),
      }),
      dcsMerge: group({
        attentionShare: share(0.45, [0.3, 0.6], 'evidence.md: one director over education and social care; judgement on the split', 'Share of the director\'s attention on children\'s social care.'),
        accountabilityClarity: share(0.8, [0.6, 0.95], 'evidence.md: Laming 2003, "a clear line of accountability, from top to bottom"', 'Accountability clarity with one director and a lead member.'),
        infoSharing: share(0.4, [0.3, 0.5], `${J}education and social care under one director share more`, 'Information sharing after the merger.'),
      }),
      independentTrust: group({
        leadershipQualityGain: share(0.08, [0, 0.15], 'evidence.md: new leadership; trusts took over inadequate services', 'Practice quality gained from new leadership on entering a trust.'),
        accountabilityClarity: share(0.75, [0.6, 0.9], `${J}a contract with clear targets; council influence remains`, 'Accountability clarity under a trust.'),
        leaderAttention: share(0.9, [0.7, 1], `${J}a board whose only business is children\'s social care`, 'Leader attention under a trust.'),
        contractGbpPerYear: num(600_000, 'GBP per year', [300_000, 1_200_000], 'evidence.md: commissioning and contract costs; judgement', 'Contract management, commissioning and trust board costs per year.'),
        recruitmentMultiplier: num(1.15, 'ratio', [1, 1.4], `${J}a new employer brand`, 'Recruitment rate multiplier.', 0.1, 10),
      }),
      sharedService: group({
        coordinationGbpPerYear: num(250_000, 'GBP per year', [100_000, 500_000], `${J}one director accountable to several councils`, 'Coordination overhead per authority.'),
        overheadSaving: share(0.3, [0.1, 0.5], 'evidence.md: tri-borough projected GBP 33.4m savings, estimated GBP 43m', 'Share of board overheads and other spend saved by sharing leadership and back office.'),
        otherSpendSaving: share(0.05, [0, 0.1], 'evidence.md: tri-borough savings; judgement on share', 'Share of other (not modelled) spend saved at scale.'),
        recruitmentMultiplier: num(1.15, 'ratio', [1, 1.4], `${J}larger pool, shared recruitment`, 'Recruitment rate multiplier of a shared workforce.', 0.1, 10),
        localKnowledge: share(0.95, [0.85, 1], `${J}`, 'Local knowledge of a shared front door.'),
        leaderAttention: share(0.5, [0.35, 0.6], 'evidence.md: one director accountable to three councils', 'Leader attention per authority.'),
      }),
      nationalAgency: group({
        localKnowledge: share(0.8, [0.6, 0.95], 'evidence.md: Serving Children Well rejects a national child protection agency; loss of local knowledge', 'Local knowledge under a national agency.'),
        thresholdAdaptation: share(0, [0, 0.2], 'evidence.md: uniform national thresholds', 'How far thresholds bend to local workload.'),
        accountabilityClarity: share(0.7, [0.5, 0.9], `${J}one national line of accountability`, 'Accountability clarity.'),
        leaderAttention: share(0.3, [0.2, 0.5], `${J}national leaders spread over 152 areas`, 'Leader attention per authority.'),
        infoSharing: share(0.25, [0.15, 0.35], `${J}separated from local health, schools and police`, 'Information sharing with local agencies.'),
        overheadGbpPerYear: num(400_000, 'GBP per year', [200_000, 800_000], `${J}regional management layer`, 'National and regional overhead per authority.'),
      }),
    }),
    disruption: group({
      partnership: disruption(0.03, 6, 0.1, 0.05, 300_000, `${J}evidence.md: light-touch change; "major change is often destructive"`),
      childrensTrust: disruption(0.1, 12, 0.3, 0.15, 1_000_000, 'evidence.md: pathfinders about GBP 60k each; restructure; judgement'),
      dcsMerge: disruption(0.08, 12, 0.25, 0.1, 500_000, 'evidence.md: LGA feared the merger would undo working arrangements; judgement'),
      independentTrust: disruption(0.12, 18, 0.5, 0.2, 2_500_000, 'evidence.md: trust set-up costs in the low GBP millions'),
      sharedService: disruption(0.1, 18, 0.5, 0.15, 1_500_000, 'evidence.md: tri-borough, staff anxiety cited'),
      nationalAgency: disruption(0.2, 24, 0.8, 0.35, 4_000_000, 'evidence.md: Serving Children Well warns major change is destructive; judgement'),
      statusQuo: disruption(0.05, 6, 0.1, 0.05, 200_000, `${J}returning to in-house delivery`),
    }),
  })
  .strict()
  .prefault({});

/** Resolved parameters (all defaults applied). */
export type Parameters = z.output<typeof ParametersSchema>;

/** One structure's disruption parameters (as in `parameters.disruption.<structure>`). */
export type DisruptionParameters = Parameters['disruption']['statusQuo'];
