/** `independent-trust` (children's services trusts after "inadequate", from 2014). */
import type { Structure } from './structure.ts';
import { disruptionProfile } from './disruption.ts';

/** A company runs the service under contract: new leadership, contract costs, workforce transfer. */
export const independentTrust: Structure = {
  id: 'independent-trust',
  label: 'Independent trust (2014-)',
  description: 'A trust company runs children\'s social care under contract with the council: new leadership with undivided attention, clear contractual accountability, commissioning and contract costs, a workforce transfer (TUPE); the council keeps influence.',
  mechanisms: (base, p) => {
    const s = p.structures.independentTrust;
    return {
      ...base,
      accountabilityClarity: s.accountabilityClarity,
      leaderAttention: s.leaderAttention,
      leadershipQualityGain: s.leadershipQualityGain,
      overheadGbpPerYear: base.overheadGbpPerYear + s.contractGbpPerYear,
      recruitmentMultiplier: base.recruitmentMultiplier * s.recruitmentMultiplier,
    };
  },
  disruption: (p) => disruptionProfile(p.disruption.independentTrust),
};
