import { describe, expect, it } from 'vitest';
import { gradeOf, performanceScore } from '../../engine/model/inspection.ts';
import { ParametersSchema } from '../../engine/model/parameters.ts';

const p = ParametersSchema.parse({});

describe('model/inspection', () => {
  it('scores better practice, timelier assessments and lower caseloads higher', () => {
    const base = performanceScore(0.6, 0.83, 1, p);
    expect(performanceScore(0.7, 0.83, 1, p)).toBeGreaterThan(base);
    expect(performanceScore(0.6, 0.9, 1, p)).toBeGreaterThan(base);
    expect(performanceScore(0.6, 0.83, 1.3, p)).toBeLessThan(base);
  });

  it('maps scores to grades 1-4 monotonically', () => {
    let last = 1;
    for (let s = 3; s > -3; s -= 0.01) { const g = gradeOf(s, p); expect(g).toBeGreaterThanOrEqual(last); last = g; }
    expect(gradeOf(10, p)).toBe(1);
    expect(gradeOf(-10, p)).toBe(4);
  });
});
