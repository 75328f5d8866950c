/** `national-agency`: one national child protection body (the option Serving Children Well rejects). */
import type { Structure } from './structure.ts';
import { disruptionProfile } from './disruption.ts';

/**
 * Uniform national thresholds (local leaders cannot move them and they do not bend to local workload),
 * loss of local knowledge and of links with local agencies, a regional management layer.
 */
export const nationalAgency: Structure = {
  id: 'national-agency',
  label: 'National agency',
  description: 'One national body runs child protection: uniform national thresholds that local leaders cannot change, loss of local knowledge and of day-to-day links with local health, schools and police, a regional management overhead.',
  mechanisms: (base, p) => {
    const s = p.structures.nationalAgency;
    return {
      ...base,
      localKnowledge: s.localKnowledge,
      thresholdAdaptation: s.thresholdAdaptation,
      accountabilityClarity: s.accountabilityClarity,
      leaderAttention: s.leaderAttention,
      infoSharing: s.infoSharing,
      overheadGbpPerYear: s.overheadGbpPerYear,
      hooks: {
        // a national threshold: local leaders' shifts are ignored; only the (small) national adaptation remains
        screeningShift: (view, params) => s.thresholdAdaptation * params.frontDoor.workloadRationing * Math.max(0, view.workload - 1),
      },
    };
  },
  disruption: (p) => disruptionProfile(p.disruption.nationalAgency),
};
