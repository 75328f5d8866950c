import { describe, expect, it } from 'vitest';
import { NO_DISRUPTION, baseMechanisms, disruptionWeight } from '../../engine/model/mechanisms.ts';
import { ParametersSchema } from '../../engine/model/parameters.ts';

describe('model/mechanisms', () => {
  it('takes the status-quo mechanisms from the parameters', () => {
    const p = ParametersSchema.parse({ mechanisms: { infoSharing: 0.2 } });
    const m = baseMechanisms(p);
    expect(m.infoSharing).toBe(0.2);
    expect(m.pooledWorkforce).toBe(false);
    expect(m.overheadGbpPerYear).toBe(p.money.boardGbpPerYear);
  });

  it('weights a disruption 1 at the change, falling linearly to 0 at recovery', () => {
    const d = { ...NO_DISRUPTION, recoveryDays: 100 };
    expect(disruptionWeight(d, 0)).toBe(1);
    expect(disruptionWeight(d, 50)).toBe(0.5);
    expect(disruptionWeight(d, 100)).toBe(0);
    expect(disruptionWeight(d, -1)).toBe(0);
  });
});
