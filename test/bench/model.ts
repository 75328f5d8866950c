/**
 * Benchmark of the full world model: one replicate of scenarios/england-average.yaml (status quo,
 * 2 years of warm-up + 10 of horizon, 78,645 children) on one core. Reports wall-clock and CPU ms per
 * replicate (median over the runs after three warm-up runs, and the fastest run), kernel events per second
 * and the memory allocated per replicate.
 * Picked up by test/bench/index.ts (`npm run bench`).
 *
 * The headline figures time the model as the runner's workers run it: the esbuild bundle of
 * `engine/runner/worker.ts` (`ensureWorkerBundle`) in a plain Node process (`model-child.mjs`). The same
 * code run unbundled through tsx in this process is timed too; it is slower, because tsx compiles each
 * file on its own (no constant crosses a file) and this process also holds tsx and the YAML parser.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { ScenarioSchema } from '../../engine/io/scenario/schema.ts';
import type { ResolvedScenario } from '../../engine/io/scenario/schema.ts';
import { runReplicate } from '../../engine/replicate.ts';
import { ensureWorkerBundle } from '../../engine/runner/bundle.ts';
import { tuneV8ForModel } from '../../engine/runner/v8-tuning.ts';

/** One measured figure. */
interface Row { name: string; value: number; unit: string; note?: string }

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** scenarios/england-average.yaml, parsed with its defaults (the scenario every model benchmark runs). */
export function englandAverage(): ResolvedScenario {
  const text = readFileSync(new URL('../../scenarios/england-average.yaml', import.meta.url), 'utf8');
  return { ...ScenarioSchema.parse(YAML.parse(text)), hash: 'bench' } as ResolvedScenario;
}

/** What `model-child.mjs` prints. */
export interface ChildRun { replicates: number; wallMs: number[]; cpuMs: number[]; events: number; allocBytes: number | null; eventAllocBytes: number | null }

/**
 * Warm-up replicates before the timed ones: TurboFan keeps re-optimising the handlers through the first
 * few replicates, and the runner's workers each run dozens, so the steady state is what counts.
 */
const MODEL_BENCH_WARMUPS = 3;

/** `model-child.mjs`, which runs replicates of the worker bundle in a plain Node process. */
export const MODEL_CHILD = fileURLToPath(new URL('./model-child.mjs', import.meta.url));

/**
 * Writes england-average, resolved, to a temporary JSON file and passes its path and the worker bundle's
 * to `use`; removes the file afterwards.
 */
export async function withBundleAndScenario<T>(use: (bundle: string, scenarioFile: string) => T | Promise<T>): Promise<T> {
  const bundle = await ensureWorkerBundle();
  const dir = mkdtempSync(join(tmpdir(), 'cssim-bench-model-'));
  try {
    const file = join(dir, 'england-average.json');
    writeFileSync(file, JSON.stringify(englandAverage()));
    return await use(bundle, file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the model benchmark; `quick` runs 3 timed replicates instead of 10. */
export async function bench(options: { quick?: boolean } = {}): Promise<Row[]> {
  const scenario = englandAverage();
  const runs = options.quick ? 3 : 10;
  const sampled = options.quick ? 1 : 4;
  const child = await withBundleAndScenario((bundle, file) => {
    const args = [MODEL_CHILD, bundle, file, String(runs), String(MODEL_BENCH_WARMUPS), String(sampled)];
    const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`bench model: model-child.mjs exited with ${r.status}:\n${r.stderr}`);
    return JSON.parse(r.stdout) as ChildRun;
  });
  tuneV8ForModel(); // as the runner's workers run (the worker bundle sets it in the child itself)
  for (let i = 0; i < MODEL_BENCH_WARMUPS; i++) runReplicate(scenario, 'status-quo', 1000 + i); // warm-up (JIT)
  const tsxWall: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    runReplicate(scenario, 'status-quo', r);
    tsxWall.push(performance.now() - t0);
  }
  const seconds = child.wallMs.reduce((a, b) => a + b, 0) / 1000;
  const note = `england-average status quo, ${scenario.warmupYears}+${scenario.horizonYears} years, median of ${runs}`;
  return [
    { name: 'model: one replicate (wall)', value: median(child.wallMs), unit: 'ms', note: `${note}; worker bundle, plain node` },
    { name: 'model: one replicate (CPU)', value: median(child.cpuMs), unit: 'ms', note },
    {
      name: 'model: fastest replicate (wall)',
      value: Math.min(...child.wallMs),
      unit: 'ms',
      note: `of the ${runs} above: what the code does when no other tenant slows this machine's cores`,
    },
    { name: 'model: one replicate, unbundled (tsx, wall)', value: median(tsxWall), unit: 'ms', note: 'the same code through tsx, in this process' },
    { name: 'model: kernel events per replicate', value: child.events / runs, unit: 'events' },
    { name: 'model: events/s through the full model', value: child.events / seconds, unit: 'events/s' },
    {
      name: 'model: allocated per replicate',
      value: (child.allocBytes ?? NaN) / 1e6,
      unit: 'MB',
      note: `V8's sampling heap profiler over ${sampled} more replicates; ${((child.allocBytes ?? NaN) / (child.events / runs)).toFixed(1)} bytes per event (a boxed number is 16)`,
    },
    {
      name: 'model: allocated per replicate by events',
      value: (child.eventAllocBytes ?? NaN) / 1e6,
      unit: 'MB',
      note: 'of the above, in the event loop outside the periodic handlers (month and year outputs, board quarters, daily and weekly updates); target 0',
    },
  ];
}
