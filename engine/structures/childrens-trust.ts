/** `childrens-trust` (Department of Health 2002; 35 pathfinders from 2003). */
import type { Structure } from './structure.ts';
import { disruptionProfile } from './disruption.ts';

/** Pooled budgets and joint commissioning under one trust arrangement; integrated teams; a restructure. */
export const childrensTrust: Structure = {
  id: 'childrens-trust',
  label: 'Children\'s trust (2003 pathfinders)',
  description: 'Pooled budgets under the Health Act 1999 flexibilities, joint commissioning and integrated teams under one trust arrangement; in practice few pathfinders pooled all budgets (Lorgelly et al. 2009).',
  mechanisms: (base, p) => {
    const s = p.structures.childrensTrust;
    return {
      ...base,
      infoSharing: s.infoSharing,
      singleAssessment: s.singleAssessment,
      pooledBudget: s.pooledBudget,
      pooledBudgetEarlyHelpGain: s.pooledBudgetEarlyHelpGain,
      placementCostMultiplier: base.placementCostMultiplier * (1 - s.commissioningSaving),
      overheadGbpPerYear: s.boardGbpPerYear,
    };
  },
  disruption: (p) => disruptionProfile(p.disruption.childrensTrust),
};
