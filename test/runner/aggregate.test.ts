/**
 * The streaming fold (`RunFold`) against the fold of batch files on disk (`foldRun`): the same bytes
 * whatever the batch layout, the order batches arrive in, and the rounds the limit is raised in.
 * Batches are made in-process from the fake replicate (no worker threads).
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RunFold, foldRun, TABLE_COLUMNS } from '../../engine/runner/aggregate.ts';
import type { Segment } from '../../engine/runner/aggregate.ts';
import { encodeBatch, decodeBatch, packReplicate, recordLength } from '../../engine/runner/batch-file.ts';
import type { Batch } from '../../engine/runner/batch-file.ts';
import { atomicWriteFile } from '../../engine/io/atomic-write.ts';
import { batchPath } from '../../engine/runner/resume.ts';
import { OUTCOME_IDS, SERIES_IDS } from '../../engine/model/outcomes.ts';
import type { ResolvedScenario } from '../../engine/io/scenario/schema.ts';
import { runReplicate } from './fixtures/fake-replicate.ts';
import { tinyScenario } from './fixtures/scenarios.ts';
import { tempDirs } from './fixtures/temp-dirs.ts';

const TABLES = Object.keys(TABLE_COLUMNS).map((t) => `${t}.csv`);

const tmp = tempDirs('cssim-fold-');

/** Runs replicates [from, to) of `arm` with the fake replicate, writes the batch file into `dir` and returns it. */
function makeBatch(dir: string, s: ResolvedScenario, arm: string, from: number, to: number): { seg: Segment; batch: Batch } {
  const months = s.horizonYears * 12;
  const len = recordLength(months);
  const data = new Float64Array((to - from) * len);
  const results = [];
  for (let r = from; r < to; r++) {
    const result = runReplicate(s, arm, r);
    packReplicate(result, months, data, (r - from) * len);
    results.push(result);
  }
  const bytes = encodeBatch({
    version: 1, hash: s.hash, arm, from, to, months, outcomeIds: OUTCOME_IDS, seriesIds: SERIES_IDS,
    changes: results.map((r) => r.changes), events: results.map((r) => r.events), elapsedMs: results.map(() => 0),
  }, data);
  const file = batchPath(dir, { arm, from, to });
  atomicWriteFile(file, bytes);
  return { seg: { arm, from, to, file }, batch: decodeBatch(bytes, file) };
}

/** Cuts [0, n) into consecutive ranges at the given points. */
function ranges(n: number, cuts: readonly number[]): [number, number][] {
  const points = [...new Set(cuts.filter((c) => c > 0 && c < n))].sort((a, b) => a - b);
  return [0, ...points].map((from, i) => [from, [...points, n][i]]);
}

function tables(dir: string): Record<string, string> {
  return Object.fromEntries(TABLES.map((t) => [t, readFileSync(join(dir, t), 'utf8')]));
}

/** The reference: one batch file per arm for [0, n), folded from disk. */
function reference(s: ResolvedScenario, n: number): Record<string, string> {
  const dir = tmp();
  const segments = new Map(s.arms.map((a) => [a.id, [makeBatch(dir, s, a.id, 0, n).seg]]));
  foldRun(dir, s, n, segments);
  return tables(dir);
}

describe('runner/aggregate', () => {
  describe('RunFold', () => {
    const N = 11;

    it('writes the same tables as folding the batch files afterwards, for any batch layout and arrival order', () => {
      const scenarios = { 'status-quo': tinyScenario(), trust: tinyScenario({ baseline: 'trust' }) };
      const expected = { 'status-quo': reference(scenarios['status-quo'], N), trust: reference(scenarios.trust, N) };
      fc.assert(fc.property(
        fc.constantFrom('status-quo' as const, 'trust' as const),
        fc.array(fc.array(fc.integer({ min: 1, max: N - 1 }), { maxLength: 6 }), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.boolean(),
        (baseline, cutsPerArm, seed, final) => {
          const s = scenarios[baseline];
          const dir = tmp();
          const batches = s.arms.flatMap((a, i) => ranges(N, cutsPerArm[i]).map(([from, to]) => makeBatch(dir, s, a.id, from, to)));
          // a deterministic shuffle of the arrival order
          let x = seed;
          for (let i = batches.length - 1; i > 0; i--) {
            x = (Math.imul(x, 1103515245) + 12345) >>> 0;
            const j = x % (i + 1);
            [batches[i], batches[j]] = [batches[j], batches[i]];
          }
          const fold = new RunFold(dir, s, N);
          fold.extend(N, final);
          for (const { seg, batch } of batches) fold.add(seg, batch);
          expect(fold.isAt(N)).toBe(true);
          fold.finish(N);
          expect(tables(dir)).toEqual(expected[baseline]);
        },
      ), { numRuns: 25 });
    });

    it('continues across rounds: raising the limit from 4 to 11 gives the tables of 11', () => {
      const s = tinyScenario();
      const dir = tmp();
      const fold = new RunFold(dir, s);
      fold.extend(4);
      for (const a of s.arms) { const { seg, batch } = makeBatch(dir, s, a.id, 0, 4); fold.add(seg, batch); }
      expect(fold.isAt(4)).toBe(true);
      expect(fold.outcomeStats().get('trust')![0].n).toBe(4);
      fold.extend(N, true);
      for (const a of s.arms) { const { seg, batch } = makeBatch(dir, s, a.id, 4, N); fold.add(seg, batch); }
      fold.finish(N);
      expect(tables(dir)).toEqual(reference(s, N));
    });

    it('reads only up to the limit from a batch file that reaches beyond it', () => {
      const s = tinyScenario();
      const dir = tmp();
      const fold = new RunFold(dir, s);
      for (const a of s.arms) fold.add(makeBatch(dir, s, a.id, 0, N + 5).seg); // from disk, not in memory
      fold.extend(N, true);
      fold.finish(N);
      expect(tables(dir)).toEqual(reference(s, N));
    });

    it('refuses to write tables while an arm is short of replicates, and leaves no temporary file', () => {
      const s = tinyScenario();
      const dir = tmp();
      const fold = new RunFold(dir, s);
      fold.extend(N, true);
      for (const a of s.arms) {
        const { seg, batch } = makeBatch(dir, s, a.id, 0, a.id === 'partnership' ? 6 : N);
        fold.add(seg, batch);
      }
      expect(fold.folded).toBe(6);
      expect(fold.isAt(N)).toBe(false);
      expect(() => fold.finish(N)).toThrow(/do not cover replicate 6 of arm partnership/);
      expect(readdirSync(dir)).toEqual(['.batches']);
    });

    it('leaves exactly the five tables in the run directory after finish', () => {
      const s = tinyScenario();
      const dir = tmp();
      const fold = new RunFold(dir, s);
      fold.extend(3, true);
      for (const a of s.arms) { const { seg, batch } = makeBatch(dir, s, a.id, 0, 3); fold.add(seg, batch); }
      const result = fold.finish(3);
      expect(result.files).toEqual(TABLES);
      expect(readdirSync(dir).sort()).toEqual(['.batches', ...TABLES].sort());
    });
  });
});
