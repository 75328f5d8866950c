/**
 * Transition profiles for dated changes: productivity dip and recovery, turnover spike, information lost
 * in transfer, one-off cost. Built from a structure's `parameters.disruption.<structure>` group.
 */
import type { DisruptionProfile } from '../model/mechanisms.ts';
import type { DisruptionParameters } from '../model/parameters.ts';

/** Days per month used to convert recovery months to days. */
const DAYS_PER_MONTH = 365.25 / 12;

/** The disruption profile of a change, from its parameter group (recovery converted to days). */
export function disruptionProfile(d: DisruptionParameters): DisruptionProfile {
  return {
    productivityDip: d.productivityDip,
    recoveryDays: d.recoveryMonths * DAYS_PER_MONTH,
    turnoverSpike: d.turnoverSpike,
    infoLoss: d.infoLoss,
    oneOffCostGbp: d.oneOffCostGbp,
  };
}
