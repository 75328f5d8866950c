import { describe, expect, it } from 'vitest';
import { Command, InvalidArgumentError } from 'commander';
import { addSetOption, collectSet } from '../../engine/cli/set-option.ts';

describe('cli/set-option', () => {
  describe('collectSet()', () => {
    it('appends each argument to those seen so far without changing them', () => {
      const first: string[] = [];
      const second = collectSet('seed=1', first);
      expect(collectSet('arms.partnership.structure=dcs-merge', second)).toEqual(['seed=1', 'arms.partnership.structure=dcs-merge']);
      expect(first).toEqual([]);
    });

    it('rejects an argument without "=" or with an empty path', () => {
      expect(() => collectSet('seed', [])).toThrow(InvalidArgumentError);
      expect(() => collectSet('=1', [])).toThrow(/path=value/);
    });
  });

  describe('addSetOption()', () => {
    it('gives a repeatable --set that defaults to no overrides', () => {
      const parse = (args: string[]) => {
        const cmd = addSetOption(new Command('x').exitOverride());
        cmd.parse(args, { from: 'user' });
        return cmd.opts().set as string[];
      };
      expect(parse([])).toEqual([]);
      expect(parse(['--set', 'a=1', '--set', 'b=c=d'])).toEqual(['a=1', 'b=c=d']);
    });
  });
});
