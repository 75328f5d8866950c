import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ScenarioSchema, addYears, isRealDate } from '../../../engine/io/scenario/schema.ts';

const minimal = {
  name: 'x',
  seed: 1,
  authorities: [{ id: 'a', name: 'A', childPopulation: 10_000 }],
  arms: [{ id: 'base', name: 'Base', structure: 'status-quo' }],
  baseline: 'base',
};

const paths = (input: unknown): string[] => {
  const r = ScenarioSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
};

describe('io/scenario/schema', () => {
  describe('ScenarioSchema', () => {
    it('accepts a minimal scenario and fills every default', () => {
      const s = ScenarioSchema.parse(minimal);
      expect(s.start).toBe('2019-04-01');
      expect(s.horizonYears).toBe(10);
      expect(s.outputs.length).toBeGreaterThan(10);
      expect(s.arms[0].intervention).toEqual({ onInadequate: 'independent-trust', improveWithinMonths: 6 });
    });

    it('runs the cross-field checks even when other fields are invalid', () => {
      expect(paths({ ...minimal, seed: 'x', baseline: 'nope' })).toEqual(['seed', 'baseline']);
    });

    it('rejects a change on the last day of the horizon and accepts one on the first', () => {
      const arm = (date: string) => ({ ...minimal, start: '2020-04-01', horizonYears: 2, arms: [{ ...minimal.arms[0], changes: [{ date, structure: 'dcs-merge' }] }] });
      expect(paths(arm('2020-04-01'))).toEqual([]);
      expect(paths(arm('2022-03-31'))).toEqual([]);
      expect(paths(arm('2022-04-01'))).toEqual(['arms.0.changes.0.date']);
      expect(paths(arm('2020-03-31'))).toEqual(['arms.0.changes.0.date']);
    });

    it('rejects two changes on the same date', () => {
      const changes = [{ date: '2020-05-01', structure: 'dcs-merge' }, { date: '2020-05-01', structure: 'partnership' }];
      expect(paths({ ...minimal, start: '2020-04-01', arms: [{ ...minimal.arms[0], changes }] })).toEqual(['arms.0.changes.1.date']);
    });

    it('rejects an outcome listed twice', () => {
      expect(paths({ ...minimal, outputs: ['referral_rate', 'referral_rate'] })).toEqual(['outputs.1']);
    });

    it('rejects arm ids that are not lower-case ids', () => {
      expect(paths({ ...minimal, arms: [{ ...minimal.arms[0], id: 'Base Arm' }], baseline: 'Base Arm' })).toEqual(['arms.0.id']);
    });

    it('rejects a negative count and a share outside its range in parameters', () => {
      expect(paths({ ...minimal, parameters: { workforce: { initialVacancyShare: 1.5 } } })).toEqual(['parameters.workforce.initialVacancyShare']);
      expect(paths({ ...minimal, authorities: [{ ...minimal.authorities[0], childPopulation: -5 }] })).toEqual(['authorities.0.childPopulation']);
    });
  });

  describe('isRealDate() and addYears()', () => {
    it('knows which days exist', () => {
      expect(isRealDate('2020-02-29')).toBe(true);
      expect(isRealDate('2021-02-29')).toBe(false);
      expect(isRealDate('2021-13-01')).toBe(false);
    });

    it('adds calendar years, mapping 29 February to 1 March in common years', () => {
      expect(addYears('2019-04-01', 10)).toBe('2029-04-01');
      expect(addYears('2020-02-29', 1)).toBe('2021-03-01');
    });
  });

  describe('types', () => {
    it('infers the scenario type from the schema', () => {
      const s: z.output<typeof ScenarioSchema> = ScenarioSchema.parse(minimal);
      expect(s.arms[0].changes).toEqual([]);
    });
  });
});
