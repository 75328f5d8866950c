import { describe, expect, it } from 'vitest';
import { applyOverrides, parseOverrides } from '../../../engine/io/scenario/overrides.ts';
import { ScenarioSchema } from '../../../engine/io/scenario/schema.ts';
import { nodeAt, parseYamlText, toPlain } from '../../../engine/io/scenario/tree.ts';
import { VALID } from './fixtures.ts';

const apply = (args: string[]) => {
  const { overrides, issues } = parseOverrides(args);
  const r = applyOverrides(parseYamlText(VALID, 'f.yaml').root!, overrides, ScenarioSchema);
  return { value: toPlain(r.root) as Record<string, any>, root: r.root, issues: [...issues, ...r.issues] };
};

describe('io/scenario/overrides', () => {
  describe('parseOverrides()', () => {
    it('splits at the first "=" so values may contain "="', () => {
      const { overrides } = parseOverrides(['description=a=b']);
      expect(overrides[0]).toMatchObject({ path: 'description', value: 'a=b', index: 1, source: '--set' });
    });

    it('rejects arguments without "=", with an empty path or an empty segment', () => {
      const { issues } = parseOverrides(['seed', '=3', 'arms..id=x']);
      expect(issues.map((i) => i.line)).toEqual([1, 2, 3]);
    });
  });

  describe('applyOverrides()', () => {
    it('parses values as YAML scalars: numbers, booleans, quoted text, dates as text', () => {
      const { value, issues } = apply(['seed=12', "name='12'", 'start=2021-01-01']);
      expect(issues).toEqual([]);
      expect([value.seed, value.name, value.start]).toEqual([12, '12', '2021-01-01']);
    });

    it('creates the groups a parameter lives in when the file leaves them out', () => {
      const { value } = apply(['parameters.workforce.caseloadTarget=18']);
      expect(value.parameters).toEqual({ workforce: { caseloadTarget: 18 } });
    });

    it('locates the new value at the option, for messages', () => {
      const { root } = apply(['seed=1', 'horizonYears=3']);
      expect(nodeAt(root, ['horizonYears'])!.loc).toEqual({ file: '--set', line: 2, column: 14 });
    });

    it('treats an empty value as null', () => {
      expect(apply(['description=']).value.description).toBeNull();
    });

    it('reports a misspelt path segment with the corrected path', () => {
      const { issues } = apply(['parameters.workforse.caseloadTarget=1']);
      expect(issues[0].suggestion).toBe('parameters.workforce');
    });

    it('reports a list index out of range', () => {
      const { issues } = apply(['arms.7.name=x']);
      expect(issues[0].expected).toBe('an id (base, alt) or an index 0-1');
    });
  });
});
