/**
 * Runner benchmarks (picked up by `npm run bench`):
 *  - parallel speed-up: the same run of england-average on 1 then 2 workers, in one process, one after
 *    the other (the ratio is what counts; absolute times vary about 10% on a shared machine);
 *  - runner overhead: 1 - (summed replicate time - runner main-thread CPU time) / (wall time x workers)
 *    of the 2-worker run (see the row's note), and the same without the main-thread correction.
 * `CSSIM_BENCH_REPLICATES` sets the total replicates (default 200); `CSSIM_BENCH_SET` takes
 * `path=value` overrides separated by `;` (e.g. `authorities.0.childPopulation=39000` for replicates
 * about half as long), to see how the runner's fixed costs weigh with faster replicates.
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
 * among its arms; `CSSIM_BENCH_REPLICATES` overrides the total. `CSSIM_BENCH_REPEAT=k` runs the pair
 * (1 worker, 2 workers) k times, alternating, and keeps the fastest run of each: on a shared machine
 * the least disturbed runs, closest to what an idle machine gives.
 */
export async function bench(options: { quick?: boolean } = {}): Promise<BenchRow[]> {
  const set = (process.env.CSSIM_BENCH_SET ?? '').split(';').filter((x) => x.trim() !== '');
  const resolved = await loadScenario(join(ROOT, 'scenarios', 'england-average.yaml'), { set });
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
  const repeat = Math.max(1, Number(process.env.CSSIM_BENCH_REPEAT ?? 1));
  let one = await timed(1);
  let two = await timed(2);
  const walls: string[] = [`${(one.wallMs / 1000).toFixed(1)}/${(two.wallMs / 1000).toFixed(1)}`];
  for (let i = 1; i < repeat; i++) {
    const a = await timed(1);
    const b = await timed(2);
    walls.push(`${(a.wallMs / 1000).toFixed(1)}/${(b.wallMs / 1000).toFixed(1)}`);
    if (a.wallMs < one.wallMs) one = a;
    if (b.wallMs < two.wallMs) two = b;
  }
  const arms = resolved.arms.length;
  const speedup = one.wallMs / two.wallMs;
  const n = arms * replicates;
  // Replicate times are wall times measured in the workers. With as many workers as cores, CPU time of
  // the runner's main thread is taken from a worker mid-replicate and so shows in that replicate's wall
  // time: count it as overhead, not as replicate time (an upper bound when the main thread ran while a
  // worker waited anyway). Where the thread's CPU time cannot be measured the correction is 0.
  const mainCpuMs = two.timings.mainThreadCpuMs ?? 0;
  const overhead = 1 - (two.timings.replicateMs - mainCpuMs) / (two.wallMs * 2);
  const overheadUncorrected = 1 - two.timings.replicateMs / (two.wallMs * 2);
  const variant = set.length > 0 ? ` with ${set.join(', ')}` : '';
  const note = `england-average${variant}, ${arms} arms x ${replicates} replicates, batch ${Math.max(1, Math.ceil(replicates / 8))}, load average ${load.toFixed(1)} at start`;
  return [
    { name: 'runner: replicate time (1 worker)', value: one.timings.replicateMs / n, unit: 'ms/replicate', note: `${note}; CPU ${((one.timings.replicateCpuMs ?? NaN) / n).toFixed(0)} ms/replicate` },
    {
      name: 'runner: speed-up, 2 workers vs 1 (wall)', value: speedup, unit: 'x',
      note: `${note}; target >= 1.8; each worker compiles the model itself, which a short run does not make up (CSSIM_BENCH_REPLICATES=800 for a longer one)${repeat > 1 ? `; fastest of ${repeat} runs each (wall s, 1 worker/2 workers: ${walls.join(', ')})` : ''}`,
    },
    { name: 'runner: cores obtained, 1 worker', value: one.cores, unit: 'cores', note: 'process CPU time / wall time (below 1 when other processes compete)' },
    { name: 'runner: cores obtained, 2 workers', value: two.cores, unit: 'cores', note: 'speed-up is bounded by cores obtained (2 workers) / cores obtained (1 worker)' },
    {
      name: 'runner: overhead, 2 workers', value: 100 * overhead, unit: '%',
      note: '1 - (summed replicate wall time - runner main-thread CPU time) / (wall x workers), whole run incl. pool start, fold and tables; target < 5',
    },
    { name: 'runner: overhead, 2 workers, uncorrected', value: 100 * overheadUncorrected, unit: '%', note: 'as measured before: 1 - summed replicate wall time / (wall x workers); hides main-thread work done while replicates run' },
    { name: 'runner: overhead in dispatch, 2 workers', value: 100 * (two.timings.overheadShare ?? NaN), unit: '%', note: 'uncorrected, from the first job sent to the last batch written' },
    { name: 'runner: main-thread CPU, 2 workers', value: mainCpuMs / n, unit: 'ms/replicate', note: `${mainCpuMs.toFixed(0)} ms in all: planning, batch files, streaming fold, tables` },
    { name: 'runner: after the last batch, 2 workers', value: two.timings.finishMs ?? NaN, unit: 'ms', note: 'tables written and threads stopped once the last batch is in (workers idle)' },
  ];
}

/**
 * One memory measurement in this process: runs the tiny scenario (fake replicate) with N replicates.
 * Peak heap is sampled every 20 ms (it includes garbage not yet collected); retained heap is the
 * largest heap right after a full collection, forced every 500 ms (what the run really holds).
 */
async function memoryChild(replicates: number): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), 'cssim-mem-'));
  const gc = (globalThis as { gc?: () => void }).gc;
  let peakHeap = 0;
  let retainedHeap = 0;
  const timer = setInterval(() => { peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed); }, 20);
  const gcTimer = setInterval(() => { gc?.(); retainedHeap = Math.max(retainedHeap, process.memoryUsage().heapUsed); }, 500);
  const t0 = performance.now();
  await runScenario(tinyScenario(), { out, replicates, workers: 2, replicateModule: FAKE_REPLICATE });
  clearInterval(timer);
  clearInterval(gcTimer);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  rmSync(out, { recursive: true, force: true });
  process.stdout.write(JSON.stringify({
    replicates, peakRssMb: process.resourceUsage().maxRSS / 1024, peakMainHeapMb: peakHeap / 2 ** 20,
    retainedMainHeapMb: gc ? retainedHeap / 2 ** 20 : null, seconds: (performance.now() - t0) / 1000,
  }) + '\n');
}

async function memory(): Promise<void> {
  for (const n of [1000, 20_000]) {
    const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--memory-child', String(n)], { cwd: ROOT, encoding: 'utf8' });
    process.stdout.write(r.stdout || r.stderr);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const i = process.argv.indexOf('--memory-child');
  if (i > 0) await memoryChild(Number(process.argv[i + 1]));
  else if (process.argv.includes('--memory')) await memory();
  else console.table(await bench({ quick: process.argv.includes('--quick') }));
}
