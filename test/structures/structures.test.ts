import { describe, expect, it } from 'vitest';
import { STRUCTURES } from '../../engine/structures/registry.ts';
import { baseMechanisms } from '../../engine/model/mechanisms.ts';
import { ParametersSchema } from '../../engine/model/parameters.ts';

const p = ParametersSchema.parse({});
const base = baseMechanisms(p);

describe('structures (one behaviour each, from evidence.md)', () => {
  it('partnership: shares information, uses a single assessment, has champions walking the services', () => {
    const m = STRUCTURES.partnership.mechanisms(base, p);
    expect(m.infoSharing).toBeGreaterThan(base.infoSharing);
    expect(m.singleAssessment).toBeGreaterThan(0);
    expect(m.walkTheServices).toBe(1);
  });

  it('childrens-trust: pools part of the budget and commissions placements more cheaply', () => {
    const m = STRUCTURES['childrens-trust'].mechanisms(base, p);
    expect(m.pooledBudget).toBeGreaterThan(0);
    expect(m.placementCostMultiplier).toBeLessThan(1);
  });

  it('dcs-merge: one clearer line of accountability with split attention', () => {
    const m = STRUCTURES['dcs-merge'].mechanisms(base, p);
    expect(m.accountabilityClarity).toBeGreaterThan(base.accountabilityClarity);
    expect(m.leaderAttention).toBe(p.structures.dcsMerge.attentionShare);
  });

  it('independent-trust: new leadership and contract costs', () => {
    const m = STRUCTURES['independent-trust'].mechanisms(base, p);
    expect(m.leadershipQualityGain).toBeGreaterThan(0);
    expect(m.overheadGbpPerYear).toBeGreaterThan(base.overheadGbpPerYear);
  });

  it('shared-service: pools the workforce across authorities', () => {
    expect(STRUCTURES['shared-service'].mechanisms(base, p).pooledWorkforce).toBe(true);
  });

  it('national-agency: loses local knowledge and ignores local threshold shifts (hook)', () => {
    const m = STRUCTURES['national-agency'].mechanisms(base, p);
    expect(m.localKnowledge).toBeLessThan(1);
    const hook = m.hooks?.screeningShift;
    expect(hook).toBeTypeOf('function');
    expect(hook!({ workload: 1, leaderShift: 0.6 }, p)).toBe(0);
  });
});
