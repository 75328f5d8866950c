/**
 * Runner integration tests. Most use the fake replicate (test/runner/fixtures/fake-replicate.ts): fast
 * and deterministic, with common random numbers built in, and fault injection. Determinism and common
 * random numbers are also checked on the real model with a small scenario (fixtures/small-model.yaml).
 */
import { describe, it, expect, beforeAll, afterEach } from 'vitest';
import { readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runScenario } from '../../engine/runner/run-scenario.ts';
import type { Progress, RunOptions, RunResult } from '../../engine/runner/run-scenario.ts';
import { createLocalBackend } from '../../engine/runner/pool.ts';
import type { BatchBackend } from '../../engine/runner/pool.ts';
import { planJobs, splitTail, jobKey } from '../../engine/runner/plan.ts';
import { parseCsv } from '../../engine/io/csv.ts';
import { readManifest } from '../../engine/io/manifest.ts';
import { OUTCOMES } from '../../engine/model/outcomes.ts';
import { loadScenario } from '../../engine/io/scenario/load.ts';
import { median } from 'mathjs';
import { tinyScenario, FAKE_REPLICATE } from './fixtures/scenarios.ts';
import { tempDirs } from './fixtures/temp-dirs.ts';

const TABLES = ['replicates.csv', 'timeseries.csv', 'summary.csv', 'comparison.csv', 'changes.csv'];
const N = 23;
const s = tinyScenario();

const tmp = tempDirs('cssim-run-');

function run(opts: Partial<RunOptions> = {}): Promise<RunResult> {
  return runScenario(s, { out: tmp(), replicates: N, workers: 2, replicateModule: FAKE_REPLICATE, ...opts });
}

function tables(dir: string): Record<string, string> {
  return Object.fromEntries(TABLES.map((t) => [t, readFileSync(join(dir, t), 'utf8')]));
}

/** Files of a directory tree whose name marks an unfinished atomic write. */
function tempFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.includes('.tmp-'));
}

let reference: RunResult;
beforeAll(async () => {
  reference = await run({ workers: 1, batchSize: 7 });
});
afterEach(() => {
  delete process.env.CSSIM_FAULT_REPLICATE;
});

describe('runner/run-scenario', () => {
  describe('determinism', () => {
    it('writes byte-identical tables for 1 or 2 workers and any batch size', async () => {
      const two = await run({ workers: 2, batchSize: 3 });
      const twoDefault = await run({ workers: 2 });
      const oneBatch = await run({ workers: 2, batchSize: 50 });
      const eight = await run({ workers: 8, batchSize: 2 });
      for (const other of [two, twoDefault, oneBatch, eight]) expect(tables(other.dir)).toEqual(tables(reference.dir));
      expect(two.manifest.batchSize).toBe(3);
      expect(eight.manifest.workers).toBe(8);
    });

    it('writes byte-identical tables whatever order the batches finish in', async () => {
      const inner = await createLocalBackend(s, 2, FAKE_REPLICATE);
      const sent: string[] = [];
      const arrived: string[] = [];
      // four jobs in flight, each held back longer the earlier it was sent: results come back reversed
      const backend: BatchBackend = {
        concurrency: 4,
        async run(job, attempt) {
          const i = sent.push(jobKey(job)) - 1;
          const bytes = await inner.run(job, attempt);
          await new Promise((r) => setTimeout(r, (3 - (i % 4)) * 15));
          arrived.push(jobKey(job));
          return bytes;
        },
        close: () => inner.close(),
      };
      try {
        const r = await run({ backend, batchSize: 2 });
        expect(arrived).not.toEqual(sent);
        expect(tables(r.dir)).toEqual(tables(reference.dir));
      } finally {
        await inner.close();
      }
    });
  });

  describe('output files', () => {
    it('have the documented headers and one row per arm x replicate x reported outcome', () => {
      const t = Object.fromEntries(Object.entries(tables(reference.dir)).map(([k, v]) => [k, parseCsv(v)]));
      expect(t['replicates.csv'][0]).toEqual(['arm', 'replicate', 'metric', 'value']);
      expect(t['timeseries.csv'][0]).toEqual(['arm', 'month', 'date', 'metric', 'mean', 'p05', 'p25', 'p50', 'p75', 'p95', 'n']);
      expect(t['summary.csv'][0]).toEqual(['arm', 'metric', 'mean', 'sd', 'ci_low', 'ci_high', 'p05', 'p50', 'p95', 'n']);
      expect(t['comparison.csv'][0]).toEqual(['arm', 'baseline', 'metric', 'mean_diff', 'ci_low', 'ci_high', 'prob_better', 'n']);
      expect(t['changes.csv'][0]).toEqual(['arm', 'replicate', 'authority', 'date', 'structure', 'cause']);
      const arms = s.arms.length;
      const outputs = s.outputs.length;
      expect(t['replicates.csv'].length - 1).toBe(arms * N * outputs);
      // series: the reported outcomes plus the four inspection_is_* indicators, for each of 12 months
      expect(t['timeseries.csv'].length - 1).toBe(arms * 12 * (outputs + 4));
      expect(t['summary.csv'].length - 1).toBe(arms * outputs);
      expect(t['comparison.csv'].length - 1).toBe((arms - 1) * outputs);
      // every partnership replicate records its scheduled change
      expect(t['changes.csv'].filter((r) => r[0] === 'partnership' && r[5] === 'scheduled').length).toBe(N);
      expect(new Set(t['replicates.csv'].slice(1).map((r) => r[2]))).toEqual(new Set(s.outputs));
    });

    it('contain no NaN text, and empty cells only where a value is missing by design', () => {
      for (const [name, text] of Object.entries(tables(reference.dir))) expect(text, name).not.toMatch(/NaN|Infinity|undefined/);
      const rep = parseCsv(readFileSync(join(reference.dir, 'replicates.csv'), 'utf8')).slice(1);
      // the fake leaves days_need_to_help missing in about 5% of replicates, and only that outcome
      expect(rep.filter((r) => r[3] === '').every((r) => r[2] === 'days_need_to_help')).toBe(true);
      const cmp = parseCsv(readFileSync(join(reference.dir, 'comparison.csv'), 'utf8')).slice(1);
      for (const r of cmp) expect(r[6] === '', r.join()).toBe(OUTCOMES[r[2] as keyof typeof OUTCOMES].better === 'neither');
      const ts = parseCsv(readFileSync(join(reference.dir, 'timeseries.csv'), 'utf8')).slice(1);
      expect(ts.every((r) => r.every((c) => c !== ''))).toBe(true);
      expect(ts.slice(0, 8).every((r) => r[2] === '2019-04-01')).toBe(true);
      expect(ts.at(-1)![2]).toBe('2020-03-01');
    });

    it('record a manifest with the scenario, seed, generator, timings and file list', () => {
      const m = readManifest(reference.dir)!;
      expect(m.status).toBe('complete');
      expect(m.scenarioHash).toBe(s.hash);
      expect(m.seed).toBe(s.seed);
      expect(m.replicates).toBe(N);
      expect(m.workers).toBe(1);
      expect(m.generator.name).toMatch(/xoshiro/);
      expect(m.timings!.replicatesRun).toBe(3 * N);
      expect(m.files).toEqual(['manifest.json', ...TABLES]);
      expect(existsSync(join(reference.dir, '.batches'))).toBe(false);
      expect(readdirSync(reference.dir).sort()).toEqual(['manifest.json', ...TABLES].sort());
      if (process.platform === 'linux') expect(m.timings!.replicateCpuMs).toBeGreaterThan(0);
    });

    it('report progress after every batch, from none done to the total', async () => {
      const seen: Progress[] = [];
      await run({ batchSize: 4, onProgress: (p) => seen.push(p) });
      const batches = splitTail(planJobs(s, N, 4), 2).length;
      expect(seen).toHaveLength(batches + 1);
      expect(seen[0]).toMatchObject({ done: 0, total: 3 * N, rate: 0, etaSeconds: Infinity });
      expect(seen.at(-1)).toMatchObject({ done: 3 * N, total: 3 * N, etaSeconds: 0 });
      for (let i = 1; i < seen.length; i++) {
        expect(seen[i].done).toBeGreaterThan(seen[i - 1].done);
        expect(seen[i].rate).toBeGreaterThan(0);
      }
    });

    it('summarise each arm with the mean inside its 95% interval and ordered quantiles', () => {
      for (const row of reference.summary('sw_caseload')) {
        expect(row.ci_low).toBeLessThan(row.mean);
        expect(row.mean).toBeLessThan(row.ci_high);
        expect(row.p05).toBeLessThanOrEqual(row.p50);
        expect(row.p50).toBeLessThanOrEqual(row.p95);
        expect(row.n).toBe(N);
      }
    });
  });

  describe('common random numbers', () => {
    it('report paired differences whose variance is below the unpaired variance', () => {
      for (const arm of ['partnership', 'trust']) {
        for (const metric of s.outputs) expect(reference.manifest.varianceReduction[arm][metric]!).toBeLessThan(1);
      }
      // the fake gives arm index i an effect of +2 i: paired mean differences recover it within their CI
      const [p, t] = reference.compare('sw_caseload');
      expect(p.ci_low).toBeLessThan(2); expect(p.ci_high).toBeGreaterThan(2);
      expect(t.ci_low).toBeLessThan(4); expect(t.ci_high).toBeGreaterThan(4);
    });
  });

  describe('worker failures', () => {
    it('retries a batch that failed once and gives the same tables', async () => {
      process.env.CSSIM_FAULT_REPLICATE = 'trust:4:once';
      const retries: string[] = [];
      const r = await run({ batchSize: 5, onRetry: (m) => retries.push(m) });
      expect(retries).toHaveLength(1);
      expect(retries[0]).toMatch(/arm trust replicate 4: injected fault/);
      expect(tables(r.dir)).toEqual(tables(reference.dir));
    });

    it('fails with the arm and replicate when the retry fails too, leaving a resumable directory', async () => {
      process.env.CSSIM_FAULT_REPLICATE = 'partnership:9';
      const out = tmp();
      const err = (await run({ out, batchSize: 5 }).then(() => new Error('expected a failure'), (e: unknown) => e)) as Error & { exitCode: number };
      expect(err.message).toMatch(/arm partnership replicate 9: injected fault.*failed twice/);
      expect(err.exitCode).toBe(1);
      expect(readManifest(out)!.status).toBe('interrupted');
      expect(tempFiles(out)).toEqual([]);
      delete process.env.CSSIM_FAULT_REPLICATE;
      const resumed = await run({ out, resume: true });
      expect(tables(resumed.dir)).toEqual(tables(reference.dir));
    });

    it('reports a worker thread that dies with its arm and replicates', async () => {
      process.env.CSSIM_FAULT_REPLICATE = 'status-quo:2:die';
      await expect(run({ batchSize: 5 })).rejects.toThrow(/arm status-quo replicates 0-4: worker failed twice/);
    });
  });

  describe('interruption and resume', () => {
    it('stops on abort with consistent files, and resuming gives the uninterrupted tables', async () => {
      const out = tmp();
      const controller = new AbortController();
      const first = await run({
        out, batchSize: 2, workers: 1, signal: controller.signal,
        onProgress: (p) => { if (p.done >= 6) controller.abort(); },
      });
      expect(first.status).toBe('interrupted');
      const m = readManifest(out)!;
      expect(m.status).toBe('interrupted');
      expect(m.replicates).toBeGreaterThan(0);
      expect(m.replicates).toBeLessThan(N);
      expect(parseCsv(readFileSync(join(out, 'replicates.csv'), 'utf8')).length - 1).toBe(3 * m.replicates * s.outputs.length);
      expect(readdirSync(join(out, '.batches')).length).toBeGreaterThan(0);
      expect(tempFiles(out)).toEqual([]);
      // the tables of an interrupted run are those of a straight run of its complete prefix
      const prefix = await run({ replicates: m.replicates });
      expect(tables(out)).toEqual(tables(prefix.dir));
      const resumed = await run({ out, resume: true });
      expect(resumed.status).toBe('complete');
      expect(tables(out)).toEqual(tables(reference.dir));
    });

    it('refuses to resume a directory run with another scenario or seed, or one already complete', async () => {
      const out = tmp();
      await run({ out, replicates: 2 });
      const otherSeed = tinyScenario({ seed: 999 });
      await expect(runScenario(otherSeed, { out, resume: true, replicateModule: FAKE_REPLICATE })).rejects.toThrow(/seed differs \(12345 there, 999 now\)/);
      const otherScenario = tinyScenario({ horizonYears: 2 });
      await expect(runScenario(otherScenario, { out, resume: true, replicateModule: FAKE_REPLICATE })).rejects.toThrow(/scenario differs/);
      await expect(runScenario(s, { out: tmp(), resume: true })).rejects.toThrow(/no manifest\.json there, so nothing to resume/);
      await expect(runScenario(s, { out, resume: true })).rejects.toThrow(/already complete \(2 replicates per arm\)/);
    });
  });

  describe('precision', () => {
    it('adds replicates until every 95% CI half-width is within the target share of |mean|, matching a fixed-N run', async () => {
      const precision = 0.05;
      const r = await run({ replicates: 4, precision, maxReplicates: 400 });
      const p = r.manifest.precision!;
      expect(p.reached).toBe('precision');
      expect(p.rounds.length).toBeGreaterThan(1);
      expect(p.rounds.at(-1)).toBe(r.manifest.replicates);
      const rows = parseCsv(readFileSync(join(r.dir, 'summary.csv'), 'utf8')).slice(1);
      for (const row of rows) {
        const [mean, lo, hi] = [Number(row[2]), Number(row[4]), Number(row[5])];
        expect((hi - lo) / 2).toBeLessThanOrEqual(precision * Math.abs(mean));
      }
      const fixed = await run({ replicates: r.manifest.replicates, batchSize: 4 });
      expect(tables(r.dir)).toEqual(tables(fixed.dir));
      // and it did not stop later than needed: at the previous round the rule did not hold yet
      const before = await run({ replicates: p.rounds.at(-2)! });
      const rowsBefore = parseCsv(readFileSync(join(before.dir, 'summary.csv'), 'utf8')).slice(1);
      expect(rowsBefore.some((row) => (Number(row[5]) - Number(row[4])) / 2 > precision * Math.abs(Number(row[2])))).toBe(true);
    });

    it('resumes an interrupted run to the tables and precision rounds of an uninterrupted one', async () => {
      const opts = { replicates: 4, precision: 0.05, maxReplicates: 400 };
      const straight = await run(opts);
      expect(straight.manifest.precision!.rounds.length).toBeGreaterThan(2);
      const out = tmp();
      const controller = new AbortController();
      // the first round is 3 arms x 4 replicates = 12 results: stop early in the second round
      const first = await run({
        ...opts, out, workers: 1, batchSize: 3, signal: controller.signal,
        onProgress: (p) => { if (p.done >= 15) controller.abort(); },
      });
      expect(first.status).toBe('interrupted');
      const m = readManifest(out)!;
      expect(m.precision!.reached).toBeNull();
      expect(m.precision!.rounds).toEqual(straight.manifest.precision!.rounds.slice(0, 2));
      expect(m.replicates).toBeLessThan(straight.manifest.replicates);
      const resumed = await run({ out, resume: true, replicates: undefined }); // as `cssim run --resume DIR`
      expect(resumed.status).toBe('complete');
      expect(resumed.manifest.replicates).toBe(straight.manifest.replicates);
      expect(resumed.manifest.precision).toEqual(straight.manifest.precision);
      expect(tables(out)).toEqual(tables(straight.dir));
    });

    it('stops at --max-replicates and says so when the target is out of reach', async () => {
      const r = await run({ replicates: 4, precision: 0.0001, maxReplicates: 9 });
      expect(r.manifest.replicates).toBe(9);
      expect(r.manifest.precision!.reached).toBe('max-replicates');
      expect(r.manifest.precision!.worst!.relativeHalfWidth).toBeGreaterThan(0.0001);
    });
  });

  describe('parquet', () => {
    it('writes Parquet copies with the same rows as the CSV files', async () => {
      const r = await run({ format: 'parquet', replicates: 5 });
      expect(r.manifest.files).toContain('replicates.parquet');
      const { DuckDBInstance } = await import('@duckdb/node-api');
      const db = await DuckDBInstance.create(':memory:');
      const con = await db.connect();
      for (const t of ['replicates', 'timeseries', 'summary', 'comparison', 'changes']) {
        const reader = await con.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM read_parquet('${join(r.dir, `${t}.parquet`)}')`);
        const n = Number(reader.getRowObjectsJson()[0].n);
        expect(n, t).toBe(parseCsv(readFileSync(join(r.dir, `${t}.csv`), 'utf8')).length - 1);
      }
      con.closeSync(); db.closeSync();
    });
  });
});

describe('runner/run-scenario worker threads', () => {
  it('start under tsx with a Node flag that worker threads refuse (--expose-gc), and give the same tables', async () => {
    const out = tmp();
    const script = [
      `import { runScenario } from ${JSON.stringify(fileURLToPath(new URL('../../engine/runner/run-scenario.ts', import.meta.url)))};`,
      `import { tinyScenario, FAKE_REPLICATE } from ${JSON.stringify(fileURLToPath(new URL('./fixtures/scenarios.ts', import.meta.url)))};`,
      `const r = await runScenario(tinyScenario(), { out: ${JSON.stringify(out)}, replicates: ${N}, workers: 2, replicateModule: FAKE_REPLICATE });`,
      'process.stdout.write(r.status);',
    ].join('\n');
    const file = join(out, 'run.mts');
    writeFileSync(file, script);
    const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', file], { encoding: 'utf8', cwd: fileURLToPath(new URL('../..', import.meta.url)) });
    expect(child.stderr).not.toMatch(/ERR_WORKER_INVALID_EXEC_ARGV/);
    expect(child.stdout).toBe('complete');
    expect(tables(out)).toEqual(tables(reference.dir));
  });
});

describe('runner/run-scenario with the real model', () => {
  const small = fileURLToPath(new URL('./fixtures/small-model.yaml', import.meta.url));

  it('writes byte-identical tables for 1 or 2 workers and any batch size', async () => {
    const resolved = await loadScenario(small);
    const one = await runScenario(resolved, { out: tmp(), replicates: 8, workers: 1, batchSize: 3 });
    const two = await runScenario(resolved, { out: tmp(), replicates: 8, workers: 2, batchSize: 1 });
    expect(tables(two.dir)).toEqual(tables(one.dir));
    // and the model really ran: three arms, every reported outcome, no missing summary value
    expect(one.summary('sw_caseload').map((r) => r.n)).toEqual([8, 8, 8]);
  });

  it('pairs arms by replicate: paired differences vary less than unpaired ones (common random numbers)', async () => {
    const resolved = await loadScenario(small);
    const r = await runScenario(resolved, { out: tmp(), replicates: 12, workers: 2 });
    // variance reduction = var(arm - baseline) / (var(arm) + var(baseline)); 1 means no pairing benefit.
    // On this scenario it was 0.0003-0.06 for every outcome at 30 replicates. With 12 replicates each
    // variance has 11 degrees of freedom; their ratio exceeds 1 only if the estimate is more than ~15 times
    // its true value, which an F(11, 11) variable does with probability below 1e-4.
    for (const arm of ['partnership', 'childrens-trust']) {
      const ratios = Object.values(r.manifest.varianceReduction[arm]).filter((v): v is number => v !== null);
      expect(ratios.length).toBeGreaterThan(10);
      for (const v of ratios) expect(v).toBeLessThan(1);
      expect(Number(median(ratios))).toBeLessThan(0.5);
    }
  });
});
