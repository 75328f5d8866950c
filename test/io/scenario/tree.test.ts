import { describe, expect, it } from 'vitest';
import { describeNode, locate, nodeAt, parseYamlText, toPlain } from '../../../engine/io/scenario/tree.ts';

describe('io/scenario/tree', () => {
  describe('parseYamlText()', () => {
    it('keeps ISO dates as text and parses numbers and booleans (YAML 1.2 core schema)', () => {
      const { root, issues } = parseYamlText('d: 2020-04-01\nn: 1.5\nb: true\nx: ~\ny: yes\n', 'f.yaml');
      expect(issues).toEqual([]);
      expect(toPlain(root!)).toEqual({ d: '2020-04-01', n: 1.5, b: true, x: null, y: 'yes' });
    });

    it('records the line and column of every value and key', () => {
      const { root } = parseYamlText('a:\n  b: [1, 22]\n', 'f.yaml');
      expect(nodeAt(root, ['a', 'b', 1])!.loc).toEqual({ file: 'f.yaml', line: 2, column: 10 });
      expect(root?.kind === 'map' && root.entries.get('a')!.keyLoc).toEqual({ file: 'f.yaml', line: 1, column: 1 });
    });

    it('does not treat << as a merge key', () => {
      const { root } = parseYamlText('base: &b {x: 1}\nother:\n  <<: *b\n', 'f.yaml');
      expect(toPlain(root!)).toEqual({ base: { x: 1 }, other: { '<<': { x: 1 } } });
    });

    it('expands a few aliases and reports each at the place it is used', () => {
      const { root, issues } = parseYamlText('a: &x [1, 2]\nb: *x\n', 'f.yaml');
      expect(issues).toEqual([]);
      expect(toPlain(root!)).toEqual({ a: [1, 2], b: [1, 2] });
      expect(nodeAt(root, ['b'])!.loc.line).toBe(2);
    });

    it('rejects more than 100 aliases', () => {
      const text = `a: &x 1\nb: [${Array.from({ length: 101 }, () => '*x').join(', ')}]\n`;
      const { root, issues } = parseYamlText(text, 'f.yaml');
      expect(root).toBeUndefined();
      expect(issues[0].message).toContain('too many aliases');
    });

    it('rejects deep compact block nesting before the parser sees it', () => {
      const { issues } = parseYamlText(`${'- '.repeat(5000)}x\n`, 'f.yaml');
      expect(issues[0]).toMatchObject({ line: 1, column: 1 });
      expect(issues[0].message).toContain('nested too deeply');
    });

    it('ignores brackets inside quoted text and comments when checking nesting', () => {
      const text = `a: "${'['.repeat(50)}"\nb: '${'{'.repeat(50)}'\n# ${'['.repeat(50)}\n`;
      expect(parseYamlText(text, 'f.yaml').issues).toEqual([]);
    });

    it('rejects keys that are mappings', () => {
      const { issues } = parseYamlText('? [a, b]\n: 1\n', 'f.yaml');
      expect(issues[0].message).toContain('key must be plain text');
    });

    it('rejects multiple documents in one file', () => {
      const { issues } = parseYamlText('a: 1\n---\nb: 2\n', 'f.yaml');
      expect(issues.length).toBeGreaterThan(0);
    });
  });

  describe('locate()', () => {
    it('falls back to the nearest existing ancestor for a missing path', () => {
      const { root } = parseYamlText('a:\n  b: 1\n', 'f.yaml');
      const r = locate(root!, ['a', 'c']);
      expect(r.exact).toBe(false);
      expect(r.loc.line).toBe(2);
    });
  });

  describe('describeNode()', () => {
    it('renders scalars as written and collections by size', () => {
      const { root } = parseYamlText('s: abc\nn: 3\nl: [1, 2]\nm: {a: 1}\nz: ~\n', 'f.yaml');
      expect(['s', 'n', 'l', 'm', 'z'].map((k) => describeNode(nodeAt(root, [k])!))).toEqual(['"abc"', '3', 'a list of 2 items', 'a mapping with 1 key', 'nothing (null)']);
    });
  });
});
