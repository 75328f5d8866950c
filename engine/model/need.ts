/**
 * The need process: each child agent's need level (0 none, 1 early help, 2 in need, 3 at risk) moves
 * as a continuous-time Markov chain, one level at a time. Help slows escalation and speeds
 * de-escalation, in proportion to practice quality and workforce productivity. Pure rate functions.
 */
import { DAYS_PER_YEAR, SERVICE } from './codes.ts';
import type { Parameters } from './parameters.ts';

export { DAYS_PER_YEAR } from './codes.ts';

/**
 * Escalation rate (to the next level) per day of a child at `level` receiving `service`.
 * 0 at level 0 (new needs arise from the aggregate population) and at level 3 (the top).
 */
export function escalationPerDay(level: number, service: number, p: Parameters, quality: number): number {
  const n = p.need;
  const base = level === 1 ? n.escalateEarlyHelpPerYear : level === 2 ? n.escalateInNeedPerYear : 0;
  if (base === 0) return 0;
  const helped = service === SERVICE.earlyHelp || service >= SERVICE.childInNeedPlan;
  return (helped ? base * (1 - n.helpEscalationReduction * quality) : base) / DAYS_PER_YEAR;
}

/**
 * De-escalation rate (to the level below) per day of a child at `level` receiving `service`.
 *
 * @param quality practice quality 0-1
 * @param productivity workforce productivity (1 = experienced staff, no disruption)
 * @param earlyHelpGain extra early-help effect from pooled budgets (multiplier - 1)
 */
export function resolutionPerDay(level: number, service: number, p: Parameters, quality: number, productivity: number, earlyHelpGain: number): number {
  const n = p.need;
  const base = level === 1 ? n.resolveEarlyHelpPerYear : level === 2 ? n.resolveInNeedPerYear : level === 3 ? n.resolveAtRiskPerYear : 0;
  if (base === 0) return 0;
  let effect = 0;
  if (service === SERVICE.earlyHelp) effect = n.earlyHelpEffect * (1 + earlyHelpGain);
  else if (service === SERVICE.childInNeedPlan) effect = n.childInNeedPlanEffect;
  else if (service === SERVICE.protectionPlan) effect = n.protectionPlanEffect;
  return (base * (1 + effect * quality * productivity)) / DAYS_PER_YEAR;
}
