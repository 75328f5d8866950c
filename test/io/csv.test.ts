import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatNumber, formatText, formatRow, parseCsv, CsvWriter } from '../../engine/io/csv.ts';

describe('io/csv', () => {
  describe('formatNumber()', () => {
    it('reads back to exactly the same double for any finite number', () => {
      fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const back = Number(formatNumber(x));
        expect(Object.is(back, x === 0 ? 0 : x)).toBe(true);
      }));
    });

    it('writes missing and infinite values as an empty field and -0 as 0', () => {
      expect([NaN, Infinity, -Infinity, null, undefined].map(formatNumber)).toEqual(['', '', '', '', '']);
      expect(formatNumber(-0)).toBe('0');
      expect(formatNumber(0.1 + 0.2)).toBe('0.30000000000000004');
    });
  });

  describe('formatText()', () => {
    it('quotes fields holding commas, quotes or line breaks and doubles inner quotes', () => {
      expect(formatText('plain')).toBe('plain');
      expect(formatText('a,b')).toBe('"a,b"');
      expect(formatText('say "hi"')).toBe('"say ""hi"""');
      expect(formatText('two\nlines')).toBe('"two\nlines"');
    });
  });

  describe('parseCsv()', () => {
    it('reads back any row written by formatRow', () => {
      fc.assert(fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), (cells) => {
        const parsed = parseCsv(formatRow(cells) + '\n');
        expect(parsed).toEqual([cells.length === 1 && cells[0] === '' ? [''] : cells]);
      }));
    });
  });

  describe('CsvWriter', () => {
    it('writes the header, the rows and a final newline, and counts rows', () => {
      const dir = mkdtempSync(join(tmpdir(), 'cssim-csv-'));
      const w = new CsvWriter(join(dir, 't.csv'), ['arm', 'value']);
      w.row(['a', 1.5]);
      w.row(['b,c', NaN]);
      expect(existsSync(join(dir, 't.csv'))).toBe(false);
      w.commit();
      expect(w.rows).toBe(2);
      expect(readFileSync(join(dir, 't.csv'), 'utf8')).toBe('arm,value\na,1.5\n"b,c",\n');
    });

    it('joins parts written without a header after its own rows, counting their rows', () => {
      const dir = mkdtempSync(join(tmpdir(), 'cssim-csv-'));
      const w = new CsvWriter(join(dir, 't.csv'), ['arm', 'value']);
      const a = new CsvWriter(join(dir, 't.csv'), ['arm', 'value'], { header: false });
      const b = new CsvWriter(join(dir, 't.csv'), ['arm', 'value'], { header: false });
      b.row(['b', 2]);
      a.row(['a', 1]);
      w.appendRows(a);
      w.appendRows(b);
      w.commit();
      expect(w.rows).toBe(2);
      expect(readFileSync(join(dir, 't.csv'), 'utf8')).toBe('arm,value\na,1\nb,2\n');
      expect(() => new CsvWriter(join(dir, 'u.csv'), ['x']).appendRows(new CsvWriter(join(dir, 'u.csv'), ['y'], { header: false }))).toThrow(/columns y/);
    });

    it('rejects a row whose length differs from the header', () => {
      const dir = mkdtempSync(join(tmpdir(), 'cssim-csv-'));
      const w = new CsvWriter(join(dir, 't.csv'), ['a', 'b']);
      expect(() => w.row([1])).toThrow(/1 cells, header has 2/);
      w.abort();
    });
  });
});
