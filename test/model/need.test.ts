import { describe, expect, it } from 'vitest';
import { SERVICE } from '../../engine/model/children.ts';
import { escalationPerDay, resolutionPerDay } from '../../engine/model/need.ts';
import { ParametersSchema } from '../../engine/model/parameters.ts';

const p = ParametersSchema.parse({});

describe('model/need', () => {
  it('slows escalation under help', () => {
    expect(escalationPerDay(2, SERVICE.childInNeedPlan, p, 0.6)).toBeLessThan(escalationPerDay(2, SERVICE.none, p, 0.6));
    expect(escalationPerDay(3, SERVICE.none, p, 0.6)).toBe(0);
    expect(escalationPerDay(0, SERVICE.none, p, 0.6)).toBe(0);
  });

  it('speeds de-escalation under help, more with better quality and productivity', () => {
    const none = resolutionPerDay(3, SERVICE.none, p, 0.6, 1, 0);
    const plan = resolutionPerDay(3, SERVICE.protectionPlan, p, 0.6, 1, 0);
    expect(plan).toBeGreaterThan(none);
    expect(resolutionPerDay(3, SERVICE.protectionPlan, p, 0.8, 1, 0)).toBeGreaterThan(plan);
    expect(resolutionPerDay(3, SERVICE.protectionPlan, p, 0.6, 0.7, 0)).toBeLessThan(plan);
    expect(resolutionPerDay(1, SERVICE.earlyHelp, p, 0.6, 1, 0.4)).toBeGreaterThan(resolutionPerDay(1, SERVICE.earlyHelp, p, 0.6, 1, 0));
  });
});
