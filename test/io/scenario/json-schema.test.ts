import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../../../engine/io/scenario/json-schema.ts';
import { scenarioJsonSchemaText } from '../../../engine/cli/schema.ts';

describe('io/scenario/json-schema', () => {
  describe('scenarioJsonSchema()', () => {
    const schema = scenarioJsonSchema() as Record<string, any>;

    it('is a draft-07 schema (the version editors support best) that forbids unknown top-level keys', () => {
      expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
      expect(schema.additionalProperties).toBe(false);
      expect(Object.keys(schema.properties)).toContain('arms');
    });

    it('requires the core fields only of files without extends', () => {
      expect(schema.required).toBeUndefined();
      expect(schema.if).toEqual({ not: { required: ['extends'] } });
      expect(schema.then.required).toEqual(expect.arrayContaining(['name', 'seed', 'authorities', 'arms', 'baseline']));
    });

    it('survives JSON: no bound is infinite or null', () => {
      const text = JSON.stringify(schema);
      expect(text).not.toMatch(/"(minimum|maximum|exclusiveMinimum|exclusiveMaximum)":null/);
      expect(JSON.parse(text)).toEqual(schema);
    });

    it('requires only the id of arms and authorities in files with extends (they merge by id)', () => {
      expect(schema.properties.arms.items.required).toEqual(['id']);
      expect(schema.then.properties.arms.items.required).toEqual(expect.arrayContaining(['id', 'name', 'structure']));
      expect(schema.then.properties.authorities.items.required).toEqual(expect.arrayContaining(['id', 'name', 'childPopulation']));
    });

    it('lists the structures as an enum and shows parameter units in descriptions', () => {
      const arm = schema.properties.arms.items;
      expect(arm.properties.structure.enum).toContain('partnership');
      const target = schema.properties.parameters.properties.workforce.properties.caseloadTarget;
      expect(target.description).toContain('Unit: cases per FTE');
      expect(target.default).toBe(17);
    });
  });

  describe('scenarios/scenario.schema.json', () => {
    it('is the current output of `cssim schema` (regenerate: cssim schema --out scenarios/scenario.schema.json)', () => {
      const committed = readFileSync(new URL('../../../scenarios/scenario.schema.json', import.meta.url), 'utf8');
      expect(committed === scenarioJsonSchemaText(), 'scenarios/scenario.schema.json is out of date: run `node engine/cli/cssim.mjs schema --out scenarios/scenario.schema.json`').toBe(true);
    });
  });
});
