import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadScenario, loadScenarioText } from '../../../engine/io/scenario/load.ts';
import { ScenarioError } from '../../../engine/io/scenario/errors.ts';
import { UserError } from '../../../engine/io/user-error.ts';
import { canonicalJson, sha256Hex } from '../../../engine/io/hash.ts';
import { VALID, issuesOf, replaceLine, tempFiles } from './fixtures.ts';

describe('io/scenario/load', () => {
  describe('loadScenarioText() on a valid scenario', () => {
    it('fills defaults and keeps the values written', async () => {
      const s = await loadScenarioText(VALID, 'test.yaml');
      expect(s.seed).toBe(7);
      expect(s.start).toBe('2020-04-01');
      expect(s.warmupYears).toBe(2);
      expect(s.arms[0].changes).toEqual([]);
      expect(s.arms[1].intervention.onInadequate).toBe('independent-trust');
      expect(s.parameters.workforce.caseloadTarget).toBeGreaterThan(0);
    });

    it('returns a deep-frozen scenario without extends or $schema', async () => {
      const s = await loadScenarioText(`$schema: ./scenario.schema.json\n${VALID}`, 'test.yaml');
      expect(Object.isFrozen(s)).toBe(true);
      expect(Object.isFrozen(s.arms[1].changes[0])).toBe(true);
      expect(Object.isFrozen(s.parameters.workforce)).toBe(true);
      expect('$schema' in s).toBe(false);
      expect('extends' in s).toBe(false);
    });

    it('sets hash to the SHA-256 of the canonical JSON of everything else', async () => {
      const s = await loadScenarioText(VALID, 'test.yaml');
      const { hash, ...rest } = s;
      expect(hash).toBe(sha256Hex(canonicalJson(rest)));
    });

    it('lets the seed and replicates options override the file', async () => {
      const s = await loadScenarioText(VALID, 'test.yaml', { seed: 99, replicates: 3 });
      expect(s.seed).toBe(99);
      expect(s.replicates).toBe(3);
    });
  });

  describe('hash', () => {
    it('is the same whatever the key order and comments', async () => {
      const reordered = `# a comment
baseline: base   # trailing comment
arms:
  - name: Base
    structure: status-quo
    id: base
  - structure: partnership
    id: alt
    name: Alternative
    changes:
      - structure: dcs-merge
        date: "2021-04-01"
horizonYears: 5
authorities:
  - { childPopulation: 50000, name: North, id: north }
start: 2020-04-01
seed: 7
name: Test scenario
`;
      const a = await loadScenarioText(VALID, 'a.yaml');
      const b = await loadScenarioText(reordered, 'b.yaml');
      expect(b.hash).toBe(a.hash);
    });

    it('is the same when a default is written out explicitly', async () => {
      const a = await loadScenarioText(VALID, 'a.yaml');
      const b = await loadScenarioText(`${VALID}warmupYears: 2\n`, 'a.yaml');
      expect(b.hash).toBe(a.hash);
    });

    it('changes when any value changes', async () => {
      const a = await loadScenarioText(VALID, 'a.yaml');
      const changed = [
        replaceLine(VALID, 2, 'seed: 8'),
        replaceLine(VALID, 1, 'name: Test scenario 2'),
        replaceLine(VALID, 17, '      - date: 2021-04-02'),
      ];
      for (const text of changed) expect((await loadScenarioText(text, 'a.yaml')).hash).not.toBe(a.hash);
      expect((await loadScenarioText(VALID, 'a.yaml', { set: ['parameters.workforce.caseloadTarget=18.5'] })).hash).not.toBe(a.hash);
    });
  });

  describe('errors, each with its exact line and column', () => {
    it('reports an unknown key with the nearest valid key', async () => {
      const [i] = await issuesOf(replaceLine(VALID, 4, 'horizonYaers: 5'));
      expect(i).toMatchObject({ file: 'test.yaml', line: 4, column: 1, path: 'horizonYaers', suggestion: 'horizonYears' });
      expect(i.message).toContain('unknown field');
    });

    it('suggests the full path of a parameter written at the wrong level', async () => {
      const [i] = await issuesOf(`${VALID}parameters:\n  caseloadTarget: 18\n`);
      expect(i).toMatchObject({ line: 21, column: 3, path: 'parameters.caseloadTarget', suggestion: 'parameters.workforce.caseloadTarget' });
    });

    it('reports a wrong type with what was found and expected', async () => {
      const [i] = await issuesOf(replaceLine(VALID, 4, 'horizonYears: five'));
      expect(i).toMatchObject({ line: 4, column: 15, path: 'horizonYears', found: '"five"' });
      expect(i.expected).toMatch(/number/);
    });

    it('reports an out-of-range number with the valid range', async () => {
      const [i] = await issuesOf(replaceLine(VALID, 4, 'horizonYears: 80'));
      expect(i).toMatchObject({ line: 4, column: 15, path: 'horizonYears', found: '80', expected: 'a number <= 50' });
    });

    it('lists the options of a bad enum value and suggests the nearest', async () => {
      const [i] = await issuesOf(replaceLine(VALID, 15, '    structure: partnrship'));
      expect(i).toMatchObject({ line: 15, column: 16, path: 'arms.1.structure', suggestion: 'partnership' });
      expect(i.expected).toContain('childrens-trust');
      expect(i.expected).toContain('national-agency');
    });

    it('rejects a date that does not exist', async () => {
      const [i] = await issuesOf(replaceLine(VALID, 3, 'start: 2021-02-29'));
      expect(i).toMatchObject({ line: 3, column: 8, path: 'start', message: 'not a real calendar date' });
    });

    it('rejects a date that is not YYYY-MM-DD', async () => {
      const [i] = await issuesOf(replaceLine(VALID, 3, 'start: 1/4/2020'));
      expect(i).toMatchObject({ line: 3, column: 8, path: 'start' });
      expect(i.message).toContain('YYYY-MM-DD');
    });

    it('reports a baseline that is not an arm, listing the arms', async () => {
      const [i] = await issuesOf(replaceLine(VALID, 19, 'baseline: bsae'));
      expect(i).toMatchObject({ line: 19, column: 11, path: 'baseline', expected: 'one of: base, alt', suggestion: 'base' });
    });

    it('reports a change dated outside the horizon', async () => {
      const [i] = await issuesOf(replaceLine(VALID, 17, '      - date: 2025-04-01'));
      expect(i).toMatchObject({ line: 17, column: 15, path: 'arms.1.changes.0.date', found: '2025-04-01' });
      expect(i.expected).toContain('2020-04-01');
      expect(i.expected).toContain('2025-04-01');
    });

    it('reports changes out of date order', async () => {
      const text = `${VALID.replace('baseline: base\n', '')}      - date: 2021-01-01\n        structure: status-quo\nbaseline: base\n`;
      const [i] = await issuesOf(text);
      expect(i).toMatchObject({ line: 19, column: 15, path: 'arms.1.changes.1.date' });
      expect(i.message).toContain('date order');
    });

    it('reports a repeated arm id and a repeated authority id', async () => {
      const text = VALID.replace('  - id: alt', '  - id: base').replace('baseline: base', `baseline: base`)
        .replace('arms:', '  - id: north\n    name: North again\n    childPopulation: 10\narms:');
      const issues = await issuesOf(text);
      expect(issues.map((i) => [i.path, i.line, i.column])).toEqual([
        ['authorities.1.id', 9, 9],
        ['arms.1.id', 16, 9],
      ]);
    });

    it('reports a missing required field at the mapping that should hold it', async () => {
      const issues = await issuesOf(replaceLine(VALID, 11, '    nam: Base'));
      expect(issues.map((x) => x.path)).toEqual(['arms.0.name', 'arms.0.nam']);
      expect(issues[0]).toMatchObject({ line: 10, column: 5, message: 'required field "name" is missing' });
      expect(issues[1]).toMatchObject({ line: 11, column: 5, suggestion: 'name' });
    });

    it('reports a YAML syntax error with its position', async () => {
      const issues = await issuesOf('name: x\nseed: [1, 2\nbaseline: b\n');
      // the parser notices the unclosed list where the next key starts
      expect(issues).toEqual([{ file: 'test.yaml', line: 3, column: 1, path: '', message: expect.stringMatching(/^YAML syntax error: Flow sequence/) }]);
    });

    it('reports a duplicate key', async () => {
      const [i] = await issuesOf(`${VALID}seed: 8\n`);
      expect(i).toMatchObject({ line: 20, column: 1, path: 'seed' });
      expect(i.message).toContain('duplicate key');
    });

    it('rejects an explicit tag such as !!js/function or !!binary', async () => {
      for (const tagged of ['name: !!js/function "function () { return 1 }"', 'name: !!binary aGVsbG8=', 'name: !custom x', 'name: !!str x']) {
        const issues = await issuesOf(replaceLine(VALID, 1, tagged));
        expect(issues[0]).toMatchObject({ line: 1, column: 7, path: 'name' });
        expect(issues[0].message).toContain('tags are not allowed');
      }
    });

    it('rejects values nested too deeply', async () => {
      const deep = `${VALID}description: ${'['.repeat(40)}${']'.repeat(40)}\n`;
      const [i] = await issuesOf(deep);
      expect(i).toMatchObject({ line: 20, column: 46 });
      expect(i.message).toContain('nested too deeply');
      const block = `${VALID}description:\n${Array.from({ length: 40 }, (_, d) => `${' '.repeat(d + 1)}k${d}:`).join('\n')} 1\n`;
      const [j] = await issuesOf(block);
      expect(j.message).toContain('nested too deeply');
    });

    it('stops an alias expansion bomb', async () => {
      const bomb = `a: &a [x, x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
f: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
`;
      const issues = await issuesOf(bomb);
      // the 101st alias expanded is the 2nd *a of b, reached through c's 9th *b
      expect(issues).toEqual([expect.objectContaining({ line: 2, column: 12, path: 'c.8.1', message: 'too many aliases (*a)' })]);
    });

    it('rejects __proto__, constructor and prototype keys without touching any prototype', async () => {
      for (const key of ['__proto__', 'constructor', 'prototype']) {
        const issues = await issuesOf(`${VALID}parameters:\n  ${key}:\n    polluted: true\n`);
        expect(issues[0]).toMatchObject({ line: 21, column: 3, path: `parameters.${key}` });
        expect(issues[0].message).toContain('not allowed');
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('rejects a file larger than 256 KiB', async () => {
      const issues = await issuesOf(`${VALID}description: "${'x'.repeat(1024 * 1024)}"\n`);
      expect(issues[0]).toMatchObject({ line: 0, column: 0 });
      expect(issues[0].message).toContain('too large');
    });

    it('lists at most 200 problems and counts the rest', async () => {
      const text = `${VALID}${Array.from({ length: 250 }, (_, i) => `unknown${i}: 1`).join('\n')}\n`;
      const issues = await issuesOf(text);
      expect(issues).toHaveLength(201);
      expect(issues[200]).toMatchObject({ line: 0, message: '... and 50 more problems (fix those above first)' });
    });

    it('reports an empty file', async () => {
      const [i] = await issuesOf('# only a comment\n');
      expect(i.message).toContain('empty');
    });

    it('reports every problem at once, sorted by line', async () => {
      let text = replaceLine(VALID, 2, 'seed: -1');
      text = replaceLine(text, 4, 'horizonYears: 0');
      text = replaceLine(text, 12, '    structure: nope');
      const issues = await issuesOf(text);
      expect(issues.map((i) => i.line)).toEqual([2, 4, 12]);
    });

    it('is a UserError with exit code 2 whose message has one line per issue', async () => {
      let text = replaceLine(VALID, 2, 'seed: -1');
      text = replaceLine(text, 4, 'horizonYears: 0');
      const err = await loadScenarioText(text, 'x.yaml').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ScenarioError);
      expect(err).toBeInstanceOf(UserError);
      expect((err as UserError).exitCode).toBe(2);
      const lines = (err as Error).message.split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toBe('x.yaml:2:7 seed: value is too small (found -1; expected a number >= 0)');
    });
  });

  describe('extends', () => {
    const base = VALID.replace('name: Test scenario', 'name: Base scenario');

    it('merges mappings by key and keeps base values the child leaves out', async () => {
      const dir = tempFiles({
        'base.yaml': `${base}parameters:\n  workforce:\n    caseloadTarget: 20\n    leaveHazardPerYear: 0.2\n`,
        'child.yaml': 'extends: base.yaml\nname: Child\nparameters:\n  workforce:\n    caseloadTarget: 15\n',
      });
      const s = await loadScenario(join(dir, 'child.yaml'));
      expect(s.name).toBe('Child');
      expect(s.seed).toBe(7);
      expect(s.parameters.workforce.caseloadTarget).toBe(15);
      expect(s.parameters.workforce.leaveHazardPerYear).toBe(0.2);
    });

    it('merges arms by id: the child list decides which arms exist, matching ids inherit fields', async () => {
      const dir = tempFiles({
        'base.yaml': base,
        'child.yaml': `extends: base.yaml
arms:
  - id: alt
    structure: childrens-trust
  - id: new
    name: New arm
    structure: national-agency
baseline: alt
`,
      });
      const s = await loadScenario(join(dir, 'child.yaml'));
      expect(s.arms.map((a) => a.id)).toEqual(['alt', 'new']);
      expect(s.arms[0]).toMatchObject({ name: 'Alternative', structure: 'childrens-trust' });
      expect(s.arms[0].changes).toEqual([{ date: '2021-04-01', structure: 'dcs-merge' }]);
    });

    it('replaces lists without ids (changes, outputs) as a whole', async () => {
      const dir = tempFiles({
        'base.yaml': `${base}outputs: [referral_rate, spend_gbp]\n`,
        'child.yaml': 'extends: base.yaml\noutputs: [sw_caseload]\n',
      });
      expect((await loadScenario(join(dir, 'child.yaml'))).outputs).toEqual(['sw_caseload']);
    });

    it('follows a chain of bases, each relative to the file that names it', async () => {
      const dir = tempFiles({ 'a.yaml': base, 'b.yaml': 'extends: a.yaml\nseed: 8\n' });
      const sub = tempFiles({});
      const s = await loadScenarioText(`extends: ${join(dir, 'b.yaml')}\nreplicates: 4\n`, join(sub, 'c.yaml'));
      expect([s.seed, s.replicates, s.name]).toEqual([8, 4, 'Base scenario']);
    });

    it('reports an error in a base file at the base file line', async () => {
      const dir = tempFiles({ 'base.yaml': replaceLine(base, 4, 'horizonYears: 0'), 'child.yaml': 'extends: base.yaml\nname: Child\n' });
      const [i] = await issuesOf('extends: base.yaml\nname: Child\n', {}, join(dir, 'child.yaml'));
      expect(i).toMatchObject({ file: join(dir, 'base.yaml'), line: 4, column: 15, path: 'horizonYears' });
    });

    it('reports a cycle at the extends that closes it', async () => {
      const dir = tempFiles({ 'a.yaml': `extends: b.yaml\n${base}`, 'b.yaml': 'seed: 3\nextends: a.yaml\n' });
      const issues = await issuesOf(`extends: b.yaml\n${base}`, {}, join(dir, 'a.yaml'));
      expect(issues[0]).toMatchObject({ file: join(dir, 'b.yaml'), line: 2, column: 10, path: 'extends' });
      expect(issues[0].message).toBe('extends cycle: a.yaml -> b.yaml -> a.yaml');
    });

    it('reports a missing base file at the extends value', async () => {
      const dir = tempFiles({});
      const issues = await issuesOf(`name: x\nextends: nowhere.yaml\n`, {}, join(dir, 'child.yaml'));
      expect(issues).toHaveLength(1);
      const [i] = issues;
      expect(i).toMatchObject({ file: join(dir, 'child.yaml'), line: 2, column: 10, path: 'extends' });
      expect(i.message).toContain('file not found');
    });

    it('reports a missing scenario file as a whole-file problem', async () => {
      const err = await loadScenario('/nonexistent/dir/x.yaml').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ScenarioError);
      expect((err as ScenarioError).issues[0]).toMatchObject({ file: '/nonexistent/dir/x.yaml', line: 0, column: 0, message: 'file not found' });
    });
  });

  describe('--set overrides', () => {
    it('sets a parameter the file leaves out, parsing the value as YAML', async () => {
      const s = await loadScenarioText(VALID, 't.yaml', { set: ['parameters.workforce.caseloadTarget=18', 'description=2027-04-01'] });
      expect(s.parameters.workforce.caseloadTarget).toBe(18);
      expect(s.description).toBe('2027-04-01');
    });

    it('addresses list items by id or by 0-based index, later overrides winning', async () => {
      const s = await loadScenarioText(VALID, 't.yaml', { set: ['arms.alt.structure=dcs-merge', 'arms.0.name=Status quo', 'arms.alt.structure=childrens-trust'] });
      expect(s.arms[1].structure).toBe('childrens-trust');
      expect(s.arms[0].name).toBe('Status quo');
    });

    it('accepts flow lists and mappings as values', async () => {
      const s = await loadScenarioText(VALID, 't.yaml', { set: ['outputs=[referral_rate, spend_gbp]', 'arms.alt.changes=[{date: 2022-01-01, structure: status-quo}]'] });
      expect(s.outputs).toEqual(['referral_rate', 'spend_gbp']);
      expect(s.arms[1].changes).toEqual([{ date: '2022-01-01', structure: 'status-quo' }]);
    });

    it('reports an unknown path with a suggestion, located at the option', async () => {
      const issues = await issuesOf(VALID, { set: ['seed=1', 'parameters.workforce.caseloadTraget=18'] });
      expect(issues[0]).toMatchObject({ file: '--set', line: 2, column: 1, path: 'parameters.workforce.caseloadTraget', suggestion: 'parameters.workforce.caseloadTarget' });
    });

    it('reports an unknown arm id with the ids that exist', async () => {
      const [i] = await issuesOf(VALID, { set: ['arms.alternative.structure=dcs-merge'] });
      expect(i.expected).toContain('base, alt');
    });

    it('reports an invalid value at the value column of the option', async () => {
      const [i] = await issuesOf(VALID, { set: ['horizonYears=100'] });
      expect(i).toMatchObject({ file: '--set', line: 1, column: 14, path: 'horizonYears', found: '100' });
    });

    it('reports an argument without "=" and a path into a single value', async () => {
      const issues = await issuesOf(VALID, { set: ['seed', 'seed.x=1'] });
      expect(issues.map((i) => i.line)).toEqual([1, 2]);
      expect(issues[0].message).toContain('path=value');
      expect(issues[1].message).toContain('single value');
    });

    it('refuses to set extends', async () => {
      const [i] = await issuesOf(VALID, { set: ['extends=other.yaml'] });
      expect(i.message).toContain('cannot be set');
    });

    it('rejects __proto__ in a path without polluting prototypes', async () => {
      const [i] = await issuesOf(VALID, { set: ['__proto__.polluted=1'] });
      expect(i.message).toContain('unknown field');
      const [j] = await issuesOf(VALID, { set: ['parameters={__proto__: {polluted: 1}}'] });
      expect(j.message).toContain('not allowed');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('reports an invalid --seed as coming from --seed', async () => {
      const [i] = await issuesOf(VALID, { seed: -5 });
      expect(i).toMatchObject({ file: '--seed', path: 'seed' });
    });
  });
});
