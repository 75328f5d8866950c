/**
 * Runner benchmarks (picked up by `npm run bench`):
 *  - parallel speed-up: the same run of england-average on 1 then 2 workers, in one process, one after
 *    the other (the ratio is what counts; absolute times vary about 10% on a shared machine);
 *  - runner overhead: 1 - (summed replicate time) / (wall time x workers) of the 2-worker run.
 * `npx tsx test/bench/runner.ts --memory` measures peak memory for 1,000 and 20,000 replicates per arm
 * of a tiny scenario (each in a fresh process), to show memory stays flat as N grows.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../../engine/io/scenario/load.ts';
import { runScenario } from '../../engine/runner/run-scenario.ts';
import { tinyScenario, FAKE_REPLICATE } from '../runner/fixtures/scenarios.ts';

interface BenchRow { name: string; value: number; unit: string; note?: string }

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Parallel speed-up and overhead on england-average: 200 replicates in all (24 with `quick`), shared
 * among its arms; `CSSIM_BENCH_REPLICATES` overrides the total.
 */
export async function bench(options: { quick?: boolean } = {}): Promise<BenchRow[]> {
  const resolved = await loadScenario(join(ROOT, 'scenarios', 'england-average.yaml'));
  const total = Number(process.env.CSSIM_BENCH_REPLICATES ?? (options.quick ? 24 : 200));
  const replicates = Math.max(2, Math.ceil(total / resolved.arms.length));
  const load = loadavg()[0];
  const timed = async (workers: number) => {
    const out = mkdtempSync(join(tmpdir(), 'cssim-bench-'));
    try {
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      const r = await runScenario(resolved, { out, replicates, workers, batchSize: Math.max(1, Math.ceil(replicates / 8)) });
      const wallMs = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      // CPU time of the whole process (main thread and workers) per wall time: the cores the run really got
      return { wallMs, timings: r.manifest.timings!, cores: (cpu.user + cpu.system) / 1000 / wallMs };
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  };
  const one = await timed(1);
  const two = await timed(2);
  const arms = resolved.arms.length;
  const speedup = one.wallMs / two.wallMs;
  const overhead = 1 - two.timings.replicateMs / (two.wallMs * 2);
  const note = `england-average, ${arms} arms x ${replicates} replicates, batch ${Math.max(1, Math.ceil(replicates / 8))}, load average ${load.toFixed(1)} at start`;
  return [
    { name: 'runner: replicate time (1 worker)', value: one.timings.replicateMs / (arms * replicates), unit: 'ms/replicate', note },
    { name: 'runner: speed-up, 2 workers vs 1 (wall)', value: speedup, unit: 'x', note: `${note}; target >= 1.8` },
    { name: 'runner: cores obtained, 1 worker', value: one.cores, unit: 'cores', note: 'process CPU time / wall time (below 1 when other processes compete)' },
    { name: 'runner: cores obtained, 2 workers', value: two.cores, unit: 'cores', note: 'speed-up is bounded by cores obtained (2 workers) / cores obtained (1 worker)' },
    { name: 'runner: overhead, 2 workers', value: 100 * overhead, unit: '%', note: '1 - summed replicate time / (wall x workers), whole run incl. pool start and fold; target < 5' },
    { name: 'runner: overhead in dispatch, 2 workers', value: 100 * (two.timings.overheadShare ?? NaN), unit: '%', note: 'same, from pool start to last batch written' },
  ];
}

/** One memory measurement in this process: runs the tiny scenario (fake replicate) with N replicates. */
async function memoryChild(replicates: number): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), 'cssim-mem-'));
  let peakHeap = 0;
  const timer = setInterval(() => { peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed); }, 20);
  const t0 = performance.now();
  await runScenario(tinyScenario(), { out, replicates, workers: 2, replicateModule: FAKE_REPLICATE });
  clearInterval(timer);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  rmSync(out, { recursive: true, force: true });
  process.stdout.write(JSON.stringify({ replicates, peakRssMb: process.resourceUsage().maxRSS / 1024, peakMainHeapMb: peakHeap / 2 ** 20, seconds: (performance.now() - t0) / 1000 }) + '\n');
}

async function memory(): Promise<void> {
  for (const n of [1000, 20_000]) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--memory-child', String(n)], { cwd: ROOT, encoding: 'utf8' });
    process.stdout.write(r.stdout || r.stderr);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const i = process.argv.indexOf('--memory-child');
  if (i > 0) await memoryChild(Number(process.argv[i + 1]));
  else if (process.argv.includes('--memory')) await memory();
  else console.table(await bench({ quick: process.argv.includes('--quick') }));
}
