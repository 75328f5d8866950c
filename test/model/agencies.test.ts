import { describe, expect, it } from 'vitest';
import { SERVICE } from '../../engine/model/children.ts';
import { falseReferralPerChildDay, referralPerDay } from '../../engine/model/agencies.ts';
import { ParametersSchema } from '../../engine/model/parameters.ts';

const p = ParametersSchema.parse({});

describe('model/agencies', () => {
  it('refers children at risk faster than children in need, and those faster than early-help level', () => {
    const r = (l: number) => referralPerDay(l, SERVICE.none, false, p, 0.3, 1);
    expect(r(3)).toBeGreaterThan(r(2));
    expect(r(2)).toBeGreaterThan(r(1));
    expect(r(0)).toBe(0);
  });

  it('raises recognition with information sharing and lowers it with less local knowledge', () => {
    expect(referralPerDay(2, SERVICE.none, false, p, 0.9, 1)).toBeGreaterThan(referralPerDay(2, SERVICE.none, false, p, 0.1, 1));
    expect(referralPerDay(2, SERVICE.none, false, p, 0.3, 0.7)).toBeLessThan(referralPerDay(2, SERVICE.none, false, p, 0.3, 1));
  });

  it('does not refer children whose case is open, and refers recently known children more', () => {
    expect(referralPerDay(3, SERVICE.protectionPlan, false, p, 0.3, 1)).toBe(0);
    expect(referralPerDay(0, SERVICE.none, true, p, 0.3, 1)).toBeGreaterThan(0);
    expect(referralPerDay(2, SERVICE.none, true, p, 0.3, 1)).toBeGreaterThan(referralPerDay(2, SERVICE.none, false, p, 0.3, 1));
  });

  it('cuts referrals about children with no real need when information is shared', () => {
    expect(falseReferralPerChildDay(p, 1)).toBeLessThan(falseReferralPerChildDay(p, 0));
  });
});
