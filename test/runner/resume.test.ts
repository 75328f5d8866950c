import { describe, it, expect } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chooseCover, planMissing, completePrefix, scanBatches, coverAll } from '../../engine/runner/resume.ts';
import type { Segment } from '../../engine/runner/aggregate.ts';
import { jobKey } from '../../engine/runner/plan.ts';
import { tinyScenario } from './fixtures/scenarios.ts';

const seg = (arm: string, from: number, to: number): Segment => ({ arm, from, to, file: `${arm}-${from}-${to}.bin` });

describe('runner/resume', () => {
  describe('chooseCover()', () => {
    it('reuses existing batches and cuts the gaps into batch-size chunks', () => {
      const { used, gaps } = chooseCover([seg('a', 0, 4), seg('a', 8, 12)], 14, 3);
      expect(used.map((s) => [s.from, s.to])).toEqual([[0, 4], [8, 12]]);
      expect(gaps).toEqual([{ from: 4, to: 7 }, { from: 7, to: 8 }, { from: 12, to: 14 }]);
    });

    it('uses a batch reaching beyond the target for its first replicates', () => {
      const { used, gaps } = chooseCover([seg('a', 0, 4), seg('a', 4, 8)], 6, 10);
      expect(used.map((s) => s.to)).toEqual([4, 8]);
      expect(gaps).toEqual([]);
    });
  });

  describe('planMissing()', () => {
    it('plans only what no batch file covers, ordered by range then arm', () => {
      const s = tinyScenario();
      const available = new Map([['status-quo', [seg('status-quo', 0, 5)]], ['partnership', []], ['trust', [seg('trust', 0, 5), seg('trust', 5, 10)]]]);
      expect(planMissing(s, 10, 5, available).map(jobKey)).toEqual(['partnership-0-5', 'status-quo-5-10', 'partnership-5-10']);
    });
  });

  describe('completePrefix()', () => {
    it('is the number of leading replicates every arm has', () => {
      const s = tinyScenario();
      const available = new Map([['status-quo', [seg('status-quo', 0, 5), seg('status-quo', 5, 10)]], ['partnership', [seg('partnership', 0, 5), seg('partnership', 7, 10)]], ['trust', [seg('trust', 0, 10)]]]);
      expect(completePrefix(s, 10, available)).toBe(5);
      expect(() => coverAll(s, 10, available)).toThrow(/arm partnership: replicates 5-6 have no batch file/);
      expect(coverAll(s, 5, available).get('trust')!.map((x) => [x.from, x.to])).toEqual([[0, 10]]);
    });
  });

  describe('scanBatches()', () => {
    it('lists batch files by arm, including arm ids with dashes, and skips other files', () => {
      const dir = mkdtempSync(join(tmpdir(), 'cssim-scan-'));
      mkdirSync(join(dir, '.batches'));
      for (const name of ['status-quo-0-5.bin', 'trust-5-10.bin', '.trust-0-5.bin.tmp-1-1', 'unknown-0-5.bin', 'notes.txt']) writeFileSync(join(dir, '.batches', name), '');
      const found = scanBatches(dir, tinyScenario());
      expect(found.get('status-quo')!.map((s) => [s.from, s.to])).toEqual([[0, 5]]);
      expect(found.get('trust')!.map((s) => [s.from, s.to])).toEqual([[5, 10]]);
      expect(found.get('partnership')).toEqual([]);
      expect(found.has('unknown')).toBe(false);
    });
  });
});
