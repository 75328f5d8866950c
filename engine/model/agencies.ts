/**
 * Agencies (police, health, schools, early help, voluntary sector, social care) and the referral hazard.
 *
 * Contacts are not simulated one by one: for a child with need, the time to the next referral is
 * exponential with rate sum over agencies of contacts x chance to recognise x propensity to refer.
 * Information sharing raises the chance to recognise; local knowledge scales it.
 */
import { DAYS_PER_YEAR } from './need.ts';
import { SERVICE } from './children.ts';
import type { Parameters } from './parameters.ts';

/** Agency keys in `parameters.agencies`, in a fixed order. */
export const AGENCY_KEYS = ['police', 'health', 'schools', 'earlyHelp', 'voluntary', 'socialCare'] as const;

/** One agency key. */
export type AgencyKey = (typeof AGENCY_KEYS)[number];

/**
 * Referral rate per day for a child at `level` receiving `service`.
 *
 * 0 for children with an open social care case. Children referred or closed in the last 12 months
 * (`knownRecently`) have an extra repeat-concern rate at any level (level 0 included). Early help workers
 * contact only children they support; social care contacts only recently known children.
 *
 * @param infoSharing effective information sharing 0-1
 * @param localKnowledge 0-1
 */
export function referralPerDay(level: number, service: number, knownRecently: boolean, p: Parameters, infoSharing: number, localKnowledge: number): number {
  if (service >= SERVICE.assessment) return 0;
  const a = p.agencies;
  const repeat = knownRecently ? a.repeatConcernPerYear : 0;
  if (level === 0) return repeat / DAYS_PER_YEAR;
  const gain = (1 + a.infoSharingRecognitionGain * infoSharing) * localKnowledge;
  let rate = 0;
  for (let k = 0; k < AGENCY_KEYS.length; k++) {
    const key = AGENCY_KEYS[k];
    if (key === 'earlyHelp' && service !== SERVICE.earlyHelp) continue;
    if (key === 'socialCare' && !knownRecently) continue;
    const g = a[key];
    const recognise = level === 1 ? g.recogniseEarlyHelp : level === 2 ? g.recogniseInNeed : g.recogniseAtRisk;
    rate += g.contactsPerYear * Math.min(1, recognise * gain) * g.referralPropensity;
  }
  return (rate + repeat) / DAYS_PER_YEAR;
}

/**
 * Rate per child per day of referrals about children with no real need, after information sharing.
 */
export function falseReferralPerChildDay(p: Parameters, infoSharing: number): number {
  const a = p.agencies;
  return (a.falseReferralsPerChildYear * (1 - a.infoSharingFalseReferralReduction * infoSharing)) / DAYS_PER_YEAR;
}
