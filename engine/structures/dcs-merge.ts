/** `dcs-merge` (Every Child Matters 2003; Children Act 2004 s18-s19). */
import type { Structure } from './structure.ts';
import { disruptionProfile } from './disruption.ts';

/** One Director of Children's Services over education and social care and a lead member. */
export const dcsMerge: Structure = {
  id: 'dcs-merge',
  label: 'Director of Children\'s Services (2004)',
  description: 'One director over education and children\'s social care and a lead member: one line of accountability (Laming 2003), attention split between schools and social care, and a merger of departments.',
  mechanisms: (base, p) => {
    const s = p.structures.dcsMerge;
    return {
      ...base,
      accountabilityClarity: s.accountabilityClarity,
      leaderAttention: s.attentionShare,
      infoSharing: s.infoSharing,
    };
  },
  disruption: (p) => disruptionProfile(p.disruption.dcsMerge),
};
