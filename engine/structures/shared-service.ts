/** `shared-service` (the tri-borough, 2011-2018). */
import type { Structure } from './structure.ts';
import { disruptionProfile } from './disruption.ts';

/**
 * Several authorities share leadership, front door and workforce: one caseload and one vacancy pool
 * across every authority of the scenario, economies of scale against coordination overhead.
 */
export const sharedService: Structure = {
  id: 'shared-service',
  label: 'Shared service (tri-borough)',
  description: 'The authorities of the scenario share a director, a front door and a workforce (one caseload pool); back-office and board savings against coordination overhead and thinner attention per council.',
  mechanisms: (base, p) => {
    const s = p.structures.sharedService;
    return {
      ...base,
      pooledWorkforce: true,
      localKnowledge: Math.min(base.localKnowledge, s.localKnowledge),
      leaderAttention: s.leaderAttention,
      overheadGbpPerYear: base.overheadGbpPerYear * (1 - s.overheadSaving) + s.coordinationGbpPerYear,
      otherSpendMultiplier: base.otherSpendMultiplier * (1 - s.otherSpendSaving),
      recruitmentMultiplier: base.recruitmentMultiplier * s.recruitmentMultiplier,
    };
  },
  disruption: (p) => disruptionProfile(p.disruption.sharedService),
};
