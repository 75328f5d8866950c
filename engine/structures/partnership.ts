/** `partnership` (Serving Children Well, LGA/ADSS/NHS Confederation 2002). */
import type { Structure } from './structure.ts';
import { disruptionProfile } from './disruption.ts';

/**
 * A children's strategic partnership board; each agency keeps its accountability; multidisciplinary
 * teams, a universal child indicator (information sharing), a single assessment, unified performance
 * management, a unified workforce plan and children's champions who walk the services.
 */
export const partnership: Structure = {
  id: 'partnership',
  label: 'Partnership (Serving Children Well)',
  description: 'A children\'s strategic partnership board under the local strategic partnership; agencies keep their own accountability with a duty to integrate; a universal child indicator, a single assessment, unified performance management, a unified workforce plan and children\'s champions who "walk the services".',
  mechanisms: (base, p) => {
    const s = p.structures.partnership;
    return {
      ...base,
      infoSharing: s.infoSharing,
      singleAssessment: s.singleAssessment,
      accountabilityClarity: s.accountabilityClarity,
      walkTheServices: s.walkTheServices,
      overheadGbpPerYear: s.boardGbpPerYear,
      recruitmentMultiplier: base.recruitmentMultiplier * s.recruitmentMultiplier,
    };
  },
  disruption: (p) => disruptionProfile(p.disruption.partnership),
};
