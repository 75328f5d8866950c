import { describe, expect, it } from 'vitest';
import { mergeTrees } from '../../../engine/io/scenario/merge.ts';
import { nodeAt, parseYamlText, toPlain, type LNode } from '../../../engine/io/scenario/tree.ts';

const tree = (text: string, file = 'f.yaml'): LNode => parseYamlText(text, file).root!;

describe('io/scenario/merge', () => {
  describe('mergeTrees()', () => {
    it('merges mappings recursively, the child winning', () => {
      const m = mergeTrees(tree('a: {x: 1, y: 2}\nb: 1\n'), tree('a: {y: 3, z: 4}\n'));
      expect(toPlain(m)).toEqual({ a: { x: 1, y: 3, z: 4 }, b: 1 });
    });

    it('replaces scalars and lists without ids', () => {
      const m = mergeTrees(tree('a: [1, 2, 3]\nb: x\n'), tree('a: [9]\nb: {c: 1}\n'));
      expect(toPlain(m)).toEqual({ a: [9], b: { c: 1 } });
    });

    it('merges lists of items with ids by id, in the child order, dropping base items left out', () => {
      const base = tree('arms: [{id: a, name: A, structure: status-quo}, {id: b, name: B, structure: partnership}, {id: c, name: C}]\n');
      const child = tree('arms: [{id: b, structure: dcs-merge}, {id: a}, {id: d, name: D}]\n');
      expect(toPlain(mergeTrees(base, child))).toEqual({
        arms: [
          { id: 'b', name: 'B', structure: 'dcs-merge' },
          { id: 'a', name: 'A', structure: 'status-quo' },
          { id: 'd', name: 'D' },
        ],
      });
    });

    it('keeps each value located in the file it came from', () => {
      const m = mergeTrees(tree('a: 1\nb: 2\n', 'base.yaml'), tree('b: 3\n', 'child.yaml'));
      expect(nodeAt(m, ['a'])!.loc.file).toBe('base.yaml');
      expect(nodeAt(m, ['b'])!.loc.file).toBe('child.yaml');
    });

    it('does not modify its inputs', () => {
      const base = tree('a: {x: 1}\n');
      mergeTrees(base, tree('a: {y: 2}\n'));
      expect(toPlain(base)).toEqual({ a: { x: 1 } });
    });
  });
});
