import { describe, expect, it } from 'vitest';
import { disruptionProfile } from '../../engine/structures/disruption.ts';
import { ParametersSchema } from '../../engine/model/parameters.ts';

describe('structures/disruption', () => {
  it('converts recovery months to days and keeps the other figures', () => {
    const p = ParametersSchema.parse({ disruption: { dcsMerge: { recoveryMonths: 12, productivityDip: 0.1 } } });
    const d = disruptionProfile(p.disruption.dcsMerge);
    expect(d.recoveryDays).toBeCloseTo(365.25, 9);
    expect(d.productivityDip).toBe(0.1);
    expect(d.oneOffCostGbp).toBe(p.disruption.dcsMerge.oneOffCostGbp);
  });

  it('makes a national agency the most disruptive change by default', () => {
    const p = ParametersSchema.parse({});
    const dips = Object.values(p.disruption).map((d) => d.productivityDip);
    expect(p.disruption.nationalAgency.productivityDip).toBe(Math.max(...dips));
  });
});
