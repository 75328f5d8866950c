import { describe, expect, it } from 'vitest';
import { ParametersSchema } from '../../engine/model/parameters.ts';
import { parameterRows } from '../../engine/model/parameter-docs.ts';

describe('model/parameters', () => {
  it('resolves an empty object to every default', () => {
    const p = ParametersSchema.parse({});
    expect(p.workforce.caseloadTarget).toBe(17);
    expect(p.lookedAfter.meanDurationDays).toBe(772);
    expect(p.structures.dcsMerge.attentionShare).toBeGreaterThan(0);
  });

  it('resolves an empty group to its defaults and keeps overrides', () => {
    const p = ParametersSchema.parse({ workforce: {}, need: { escalateInNeedPerYear: 0.5 } });
    expect(p.workforce.caseloadTarget).toBe(17);
    expect(p.need.escalateInNeedPerYear).toBe(0.5);
  });

  it('rejects unknown keys inside a group', () => {
    expect(() => ParametersSchema.parse({ workforce: { caseloadTargt: 15 } })).toThrow(/caseloadTargt/);
  });

  it('rejects a share above 1', () => {
    expect(() => ParametersSchema.parse({ mechanisms: { infoSharing: 1.5 } })).toThrow();
  });

  it('gives every leaf a description, unit, range and source', () => {
    const rows = parameterRows();
    expect(rows.length).toBeGreaterThan(100);
    for (const r of rows) {
      expect(r.description, r.path).not.toBe('');
      expect(r.unit, r.path).not.toBe('');
      expect(r.source, r.path).not.toBe('');
      expect(r.range[0], r.path).toBeLessThanOrEqual(r.range[1]);
    }
  });

  it('has every default inside its plausible range', () => {
    for (const r of parameterRows()) {
      if (typeof r.defaultValue !== 'number') continue;
      expect(r.defaultValue, r.path).toBeGreaterThanOrEqual(r.range[0]);
      expect(r.defaultValue, r.path).toBeLessThanOrEqual(r.range[1]);
    }
  });
});
