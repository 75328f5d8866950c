import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unitOf } from '../../engine/model/child-streams.ts';
import { OUTCOME, assessmentOutcome, careEndOutcome, childInNeedReview, inverseNormal, lognormalFromUniform, lognormalShape, meanAssessmentWorkingDays, missChance, normalOfBits, protectionReview } from '../../engine/model/pathways.ts';
import type { AssessmentContext, AssessmentResult, Draws } from '../../engine/model/pathways.ts';
import { ParametersSchema } from '../../engine/model/parameters.ts';

const p = ParametersSchema.parse({});
const ctx = (o: Partial<AssessmentContext> = {}): AssessmentContext => ({ workload: 1, productivity: 1, quality: 0.6, infoSharing: 0.3, singleAssessment: 0, ...o });
/** The int32 bits whose uniform (`unitOf`) is the largest one not above `u` (u in [0, 1)). */
const bitsOf = (u: number): number => Math.floor(u * 2 ** 32) | 0;
/** Draws that give these bits in turn (and count how many were taken). */
class Scripted implements Draws {
  taken = 0;
  constructor(private readonly script: number[]) {}
  bits(): number {
    if (this.taken >= this.script.length) throw new Error('drew more than scripted');
    return this.script[this.taken++];
  }
}
/** Draws whose uniforms are `us` in turn. */
const draws = (...us: number[]): Scripted => new Scripted(us.map(bitsOf));

describe('model/pathways', () => {
  it('inverts the normal CDF at known quantiles', () => {
    expect(inverseNormal(0.5)).toBeCloseTo(0, 8);
    expect(inverseNormal(0.975)).toBeCloseTo(1.959964, 5);
    expect(inverseNormal(0.001)).toBeCloseTo(-3.090232, 5);
    expect(inverseNormal(0.999)).toBeCloseTo(3.090232, 5);
    expect(inverseNormal(0)).toBeCloseTo(-7.034484, 5); // clamped to 1e-12
    expect(inverseNormal(1)).toBeCloseTo(7.034484, 5);
  });

  it('draws the normal and the lognormal from 32 bits exactly as from their uniform (fast-check)', () => {
    const z = new Float64Array(1);
    const bits = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
    const tails: [number, number, number][] = [0, 1, 100_000_000, -1, -100_000_000, 2 ** 31 - 1, -(2 ** 31)].map((b) => [b, 30, 0.55]);
    fc.assert(
      fc.property(bits, fc.double({ min: 0.1, max: 400, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true }), (b, mean, cv) => {
        normalOfBits(b, z);
        expect(z[0]).toBe(inverseNormal(unitOf(b)));
        const shape = lognormalShape(cv);
        expect(mean * Math.exp(shape[0] * z[0] - shape[1])).toBe(lognormalFromUniform(unitOf(b), mean, cv));
      }),
      { numRuns: 2000, examples: tails },
    );
  });

  it('gives lognormal durations with the requested mean (midpoint rule over 100,000 quantiles)', () => {
    const n = 100_000;
    let s = 0;
    for (let i = 0; i < n; i++) s += lognormalFromUniform((i + 0.5) / n, 30, 0.55);
    expect(s / n).toBeCloseTo(30, 0);
  });

  it('lengthens assessments with workload and shortens them with productivity and a single assessment', () => {
    const base = meanAssessmentWorkingDays(ctx(), p);
    expect(meanAssessmentWorkingDays(ctx({ workload: 1.3 }), p)).toBeGreaterThan(base);
    expect(meanAssessmentWorkingDays(ctx({ productivity: 0.7 }), p)).toBeGreaterThan(base);
    expect(meanAssessmentWorkingDays(ctx({ singleAssessment: 1 }), p)).toBeLessThan(base);
  });

  it('misses more need under higher workload and less with information sharing', () => {
    expect(missChance(2, ctx({ workload: 1.4 }), p)).toBeGreaterThan(missChance(2, ctx(), p));
    expect(missChance(2, ctx({ infoSharing: 0.9 }), p)).toBeLessThan(missChance(2, ctx(), p));
    expect(missChance(1, ctx(), p)).toBe(0);
  });

  it('never opens a plan for a child with no need', () => {
    const r: AssessmentResult = { outcome: -1, s47: -1 };
    for (const u of [0.01, 0.5, 0.99]) {
      const s = draws(u, u, u);
      assessmentOutcome(0, ctx(), p, s, r);
      expect(s.taken).toBe(3);
      expect(r.outcome).toBe(OUTCOME.close);
      expect(r.s47).toBe(0);
    }
  });

  it('protects a child found at risk through a section 47 enquiry when need is not missed', () => {
    const r: AssessmentResult = { outcome: -1, s47: -1 };
    assessmentOutcome(3, ctx(), p, draws(0.99, 0.01, 0.5), r);
    expect(r.s47).toBe(1);
    expect([OUTCOME.protectionPlan, OUTCOME.lookedAfter, OUTCOME.childInNeedPlan]).toContain(r.outcome);
    // a missed need closes the case (or steps it down) without an enquiry, whatever the other draws
    assessmentOutcome(3, ctx(), p, draws(0, 0.01, 0.99), r);
    expect(r.s47).toBe(0);
    expect(r.outcome).toBe(OUTCOME.close);
  });

  it('reads each draw as the uniform unitOf gives for its bits (fast-check)', () => {
    // the decisions flip exactly where the draw's uniform crosses the parameter
    const bits = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
    const r: AssessmentResult = { outcome: -1, s47: -1 };
    fc.assert(
      fc.property(bits, bits, (b1, b2) => {
        protectionReview(3, p, new Scripted([b1]), r);
        expect(r.outcome).toBe(unitOf(b1) < p.plans.careAtReviewAtRisk ? OUTCOME.lookedAfter : OUTCOME.continue);
        protectionReview(1, p, new Scripted([b1]), r);
        expect(r.outcome).toBe(unitOf(b1) < p.plans.stepDownToChildInNeed ? OUTCOME.childInNeedPlan : OUTCOME.close);
        childInNeedReview(1, p, new Scripted([b1, b2]), r);
        expect(r.outcome).toBe(unitOf(b1) < p.assessment.earlyHelpStepDown ? OUTCOME.stepDownEarlyHelp : OUTCOME.close);
        const s = new Scripted([b1, b2]);
        childInNeedReview(3, p, s, r);
        expect(s.taken).toBe(2);
        expect(r.s47).toBe(1);
        expect(r.outcome).toBe(unitOf(b2) < p.assessment.planAfterS47AtRisk ? OUTCOME.protectionPlan : OUTCOME.continue);
        assessmentOutcome(2, ctx(), p, new Scripted([bitsOf(0.999), b1, b2]), r);
        expect(r.s47).toBe(unitOf(b1) < p.assessment.s47InNeed ? 1 : 0);
      }),
      { numRuns: 500 },
    );
  });

  it('steps a child leaving care down to early help only if need is left, drawing only then', () => {
    const none = draws();
    expect(careEndOutcome(0, p, none)).toBe(OUTCOME.close);
    expect(none.taken).toBe(0);
    expect(careEndOutcome(1, p, draws(0))).toBe(OUTCOME.stepDownEarlyHelp);
    expect(careEndOutcome(2, p, draws(0.9999))).toBe(OUTCOME.close);
  });

  it('ends a protection plan when the child is no longer at risk', () => {
    const r: AssessmentResult = { outcome: -1, s47: -1 };
    protectionReview(2, p, draws(0.5), r);
    expect(r.outcome).toBe(OUTCOME.childInNeedPlan);
    protectionReview(3, p, draws(0.999), r);
    expect(r.outcome).toBe(OUTCOME.continue);
  });
});
