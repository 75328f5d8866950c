/**
 * The model's small integer codes and counts (need levels, services, case steps) and its day constants.
 *
 * Kept in a module with no imports, numbers before anything else, and codes as enums, so that esbuild
 * writes them into the code that uses them as literals when it bundles the runner's workers: it inlines
 * a top-level number only from a module without imports, declared before any statement with effects,
 * and enum members always. A constant read at run time costs V8 a context load and a type check at
 * each use: inlining these took a bundled replicate from 892 M to 833 M instructions.
 */

/** Number of need levels. */
export const LEVEL_COUNT = 4;
/** Number of services. */
export const SERVICE_COUNT = 6;
/** Cells of a (need level x service) table. */
export const NEED_CELLS = LEVEL_COUNT * SERVICE_COUNT;
/** Days per year used to convert per-year parameters to per-day rates. */
export const DAYS_PER_YEAR = 365.25;
/** Age at which a child leaves children's services, in days (18 years). */
export const AGE_OUT_DAYS = 18 * DAYS_PER_YEAR;
/** The 12 months after a referral or a closure within which a new referral is a re-referral, in days. */
export const YEAR_DAYS = 365;

/** Need levels, lowest first (index = level). */
export const NEED_LEVELS = ['none', 'early-help', 'in-need', 'at-risk'] as const;

/** Services a child can receive (index = service code). `assessment` .. `looked-after` are open social care cases. */
export const SERVICES = ['none', 'early-help', 'assessment', 'child-in-need-plan', 'protection-plan', 'looked-after'] as const;

/** Service codes (index into `SERVICES`). */
export enum SERVICE { none = 0, earlyHelp = 1, assessment = 2, childInNeedPlan = 3, protectionPlan = 4, lookedAfter = 5 }

/** The next scheduled case step of a child (what its pending case-step event does). */
export enum CASE_STEP { none = 0, assessmentEnd = 1, childInNeedReview = 2, protectionReview = 3, careEnd = 4, release = 5 }
