/** `status-quo`: separate departments; agencies coordinate informally (the baseline). */
import type { Structure } from './structure.ts';
import { disruptionProfile } from './disruption.ts';

/** The baseline: the status-quo mechanisms unchanged. */
export const statusQuo: Structure = {
  id: 'status-quo',
  label: 'Status quo',
  description: 'Separate departments for education and social care; police, health, schools and the voluntary sector coordinate informally; each agency keeps its own budget and accountability.',
  mechanisms: (base) => base,
  disruption: (p) => disruptionProfile(p.disruption.statusQuo),
};
