import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRunDir } from './fixtures/make-run.ts';
import { readRun, RunDirError } from '../../engine/report/read-run.ts';

describe('report/read-run', () => {
  let work: string;
  let n = 0;
  const fresh = (): string => makeRunDir(join(work, `run-${n++}`), { replicates: 5, months: 3 });

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'cssim-read-run-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  describe('readRun()', () => {
    it('reads every table of a run directory with typed values', async () => {
      const run = await readRun(fresh());
      expect(run.manifest.arms.map((a) => a.id)).toEqual(['status-quo', 'arm-partnership', 'arm-independent-trust']);
      expect(run.manifest.baseline).toBe('status-quo');
      expect(run.summary).toHaveLength(3 * 17);
      expect(run.comparison).toHaveLength(2 * 17);
      expect(run.replicates).toHaveLength(3 * 17 * 5);
      expect(run.timeseries).toHaveLength(3 * 3 * 21);
      expect(typeof run.summary[0].mean).toBe('number');
      expect(run.comparison.find((r) => r.metric === 'referral_rate')?.probBetter).toBeNull();
      expect(run.comparison.find((r) => r.metric === 'sw_caseload')?.probBetter).toBeGreaterThanOrEqual(0);
      expect(run.timeseries[0].p25).toBeNull();
    });

    it('reads the runner manifest layout (generator as an object, null variance reductions)', async () => {
      const dir = fresh();
      const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
      m.generator = { name: 'xoshiro128**', version: 1, seeding: 'splitmix32 of sha-256' };
      m.varianceReduction['arm-partnership'].referral_rate = null;
      writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m));
      const run = await readRun(dir);
      expect(run.manifest.generator).toBe('xoshiro128** v1 (splitmix32 of sha-256)');
      expect(run.manifest.varianceReduction['arm-partnership'].referral_rate).toBeUndefined();
    });

    it('names the missing file when a table is missing', async () => {
      const dir = fresh();
      unlinkSync(join(dir, 'summary.csv'));
      await expect(readRun(dir)).rejects.toThrow(RunDirError);
      await expect(readRun(dir)).rejects.toThrow(/summary\.csv: file is missing/);
    });

    it('names the file and the columns when a column is missing', async () => {
      const dir = fresh();
      const text = readFileSync(join(dir, 'comparison.csv'), 'utf8').replace('prob_better,', '').replace(/^(([^,\n]*,){6})[^,\n]*,/gm, '$1');
      writeFileSync(join(dir, 'comparison.csv'), text);
      await expect(readRun(dir)).rejects.toThrow(/comparison\.csv: missing column\(s\) prob_better/);
    });

    it('names the file, line and column of a value that is not a number', async () => {
      const dir = fresh();
      const lines = readFileSync(join(dir, 'replicates.csv'), 'utf8').split('\n');
      lines[3] = lines[3].replace(/,[^,]*$/, ',twelve');
      writeFileSync(join(dir, 'replicates.csv'), lines.join('\n'));
      await expect(readRun(dir)).rejects.toThrow(/replicates\.csv: line 4, column value: "twelve" is not a number/);
    });

    it('rejects an arm that the manifest does not list', async () => {
      const dir = fresh();
      const text = readFileSync(join(dir, 'summary.csv'), 'utf8').replace(/\nstatus-quo,/, '\nghost,');
      writeFileSync(join(dir, 'summary.csv'), text);
      await expect(readRun(dir)).rejects.toThrow(/summary\.csv: line 2: arm "ghost" is not in manifest\.json/);
    });

    it('names manifest.json when it is not JSON or lacks the resolved scenario', async () => {
      const dir = fresh();
      writeFileSync(join(dir, 'manifest.json'), '{ not json');
      await expect(readRun(dir)).rejects.toThrow(/manifest\.json: not valid JSON/);
      writeFileSync(join(dir, 'manifest.json'), '{"seed": 1}');
      await expect(readRun(dir)).rejects.toThrow(/manifest\.json: missing field "resolved"/);
    });

    it('says so when the path is not a directory', async () => {
      await expect(readRun(join(work, 'nowhere'))).rejects.toThrow(/nowhere: not a directory/);
    });

    it('rejects a row with more fields than the header', async () => {
      const dir = fresh();
      writeFileSync(join(dir, 'changes.csv'), 'arm,replicate,authority,date,structure,cause\nstatus-quo,0,a,2020-01-01,dcs-merge,scheduled,extra\n');
      await expect(readRun(dir)).rejects.toThrow(/changes\.csv: not a valid CSV file/);
    });
  });
});
