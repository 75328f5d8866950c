import { describe, expect, it } from 'vitest';
import { AuthoritySchema } from '../../engine/model/authority.ts';

describe('model/authority', () => {
  it('fills deprivation, initial grade and months since inspection by default', () => {
    const a = AuthoritySchema.parse({ id: 'x', name: 'X', childPopulation: 1000 });
    expect(a).toMatchObject({ deprivationDecile: 5, initialInspectionGrade: 'requires_improvement', monthsSinceInspection: 18 });
  });

  it('rejects an unknown grade and unknown keys', () => {
    expect(() => AuthoritySchema.parse({ id: 'x', name: 'X', childPopulation: 1000, initialInspectionGrade: 'poor' })).toThrow();
    expect(() => AuthoritySchema.parse({ id: 'x', name: 'X', childPopulation: 1000, population: 3 })).toThrow(/population/);
  });
});
