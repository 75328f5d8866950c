import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SCREENING, screenReferral, screeningCutoffs } from '../../engine/model/front-door.ts';
import type { ScreeningContext } from '../../engine/model/front-door.ts';
import { ParametersSchema } from '../../engine/model/parameters.ts';

const p = ParametersSchema.parse({});
const ctx = (o: Partial<ScreeningContext> = {}): ScreeningContext => ({ infoSharing: 0.3, quality: 0.6, localKnowledge: 1, shift: 0, ...o });

/** Share of uniforms on a fine grid screened to `decision` (exact up to the grid step). */
function share(level: number, c: ScreeningContext, decision: number): number {
  let k = 0;
  const n = 10_000;
  for (let i = 0; i < n; i++) if (screenReferral(level, c, p, (i + 0.5) / n) === decision) k++;
  return k / n;
}

describe('model/front-door', () => {
  it('screens out more referrals as the threshold shift rises', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 3 }), fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true }), (level, shift, step) => {
      expect(share(level, ctx({ shift: shift + step }), SCREENING.assessment)).toBeLessThanOrEqual(share(level, ctx({ shift }), SCREENING.assessment));
    }), { numRuns: 30, seed: 1 });
  });

  it('wrongly screens out fewer children in need when information sharing is better', () => {
    for (const level of [2, 3]) expect(share(level, ctx({ infoSharing: 0.9 }), SCREENING.assessment)).toBeGreaterThan(share(level, ctx({ infoSharing: 0.1 }), SCREENING.assessment));
  });

  it('matches the base chances at no shift', () => {
    expect(share(0, ctx(), SCREENING.noFurtherAction)).toBeCloseTo(p.frontDoor.noFurtherActionNoNeed, 3);
    expect(share(1, ctx(), SCREENING.earlyHelp)).toBeCloseTo(p.frontDoor.earlyHelpEarlyHelp, 3);
  });

  it('gives cut-offs that are chances in order (no further action <= screened out < 1), whatever the situation', () => {
    const out = { noFurtherAction: 0, earlyHelp: 0 };
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 3 }),
      fc.record({
        infoSharing: fc.double({ min: 0, max: 1, noNaN: true }),
        quality: fc.double({ min: 0, max: 1, noNaN: true }),
        localKnowledge: fc.double({ min: 0, max: 1, noNaN: true }),
        shift: fc.double({ min: -3, max: 3, noNaN: true }),
      }),
      (level, c) => {
        screeningCutoffs(level, c, p, out);
        expect(out.noFurtherAction).toBeGreaterThanOrEqual(0);
        expect(out.noFurtherAction).toBeLessThanOrEqual(out.earlyHelp);
        expect(out.earlyHelp).toBeLessThan(1);
      },
    ), { numRuns: 500, seed: 2 });
  });

  it('assesses children at risk more often than children with no need', () => {
    expect(share(3, ctx(), SCREENING.assessment)).toBeGreaterThan(share(0, ctx(), SCREENING.assessment));
  });
});
