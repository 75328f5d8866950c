import { describe, it, expect, beforeEach } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { atomicWriteFile, AtomicFileWriter } from '../../engine/io/atomic-write.ts';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'cssim-atomic-')); });

describe('io/atomic-write', () => {
  describe('atomicWriteFile()', () => {
    it('writes the whole content and leaves no temporary file behind', () => {
      atomicWriteFile(join(dir, 'a', 'b.txt'), 'hello');
      expect(readFileSync(join(dir, 'a', 'b.txt'), 'utf8')).toBe('hello');
      expect(readdirSync(join(dir, 'a'))).toEqual(['b.txt']);
    });

    it('replaces an existing file in one step', () => {
      writeFileSync(join(dir, 'f.txt'), 'old');
      atomicWriteFile(join(dir, 'f.txt'), new Uint8Array([110, 101, 119]));
      expect(readFileSync(join(dir, 'f.txt'), 'utf8')).toBe('new');
    });
  });

  describe('AtomicFileWriter', () => {
    it('leaves the destination untouched until commit', () => {
      writeFileSync(join(dir, 'out.csv'), 'previous');
      const w = new AtomicFileWriter(join(dir, 'out.csv'));
      for (let i = 0; i < 20_000; i++) w.write(`line ${i}\n`); // more than one 64 KiB flush
      expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe('previous');
      w.commit();
      const text = readFileSync(join(dir, 'out.csv'), 'utf8');
      expect(text.startsWith('line 0\n')).toBe(true);
      expect(text.endsWith('line 19999\n')).toBe(true);
      expect(readdirSync(dir)).toEqual(['out.csv']);
    });

    it('removes its temporary file on abort and never creates the destination', () => {
      const w = new AtomicFileWriter(join(dir, 'never.csv'));
      w.write('partial');
      w.abort();
      expect(existsSync(join(dir, 'never.csv'))).toBe(false);
      expect(readdirSync(dir)).toEqual([]);
    });

    it('appends another writer\'s content in full and removes that writer\'s temporary file', () => {
      const w = new AtomicFileWriter(join(dir, 'whole.txt'));
      const part = new AtomicFileWriter(join(dir, 'whole.txt'));
      w.write('head\n');
      const line = 'x'.repeat(99) + '\n';
      for (let i = 0; i < 30_000; i++) part.write(line); // 3 MB: several copy chunks
      w.appendFrom(part);
      w.write('tail\n');
      w.commit();
      const text = readFileSync(join(dir, 'whole.txt'), 'utf8');
      expect(text.length).toBe(5 + 30_000 * 100 + 5);
      expect(text.startsWith('head\nxxx')).toBe(true);
      expect(text.endsWith('x\ntail\n')).toBe(true);
      expect(readdirSync(dir)).toEqual(['whole.txt']);
      expect(() => part.write('late')).toThrow(/already closed/);
    });

    it('refuses writes after commit', () => {
      const w = new AtomicFileWriter(join(dir, 'x.txt'));
      w.commit();
      expect(() => w.write('late')).toThrow(/already closed/);
    });
  });
});
