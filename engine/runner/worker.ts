/**
 * The worker-thread entry (piscina task): runs replicates [from, to) of one arm and returns them
 * packed as a batch file. Bundled with esbuild by `bundle.ts`. The scenario travels with every task
 * (a structured clone of a few kB: negligible next to a batch of replicates), so the worker keeps
 * no state but a cache of the replicate function.
 */
import { performance } from 'node:perf_hooks';
import { runReplicate as modelReplicate } from '../replicate.ts';
import type { ReplicateResult } from '../replicate.ts';
import type { ResolvedScenario } from '../io/scenario/schema.ts';
import { OUTCOME_IDS, SERIES_IDS } from '../model/outcomes.ts';
import { encodeBatch, packReplicate, recordLength } from './batch-file.ts';
import { faultFor, parseFaults } from './fault.ts';
import { threadCpuMs } from './thread-cpu.ts';
import { tuneV8ForModel } from './v8-tuning.ts';

/** One task: replicates [from, to) of `arm`; `attempt` is 0, then 1 on the retry. */
export interface WorkerTask {
  readonly resolved: ResolvedScenario;
  /** Test-only: path of a module exporting `runReplicate` to use instead of the model's. */
  readonly replicateModule?: string;
  readonly hash: string;
  readonly arm: string;
  readonly from: number;
  readonly to: number;
  readonly attempt: number;
}

/** The model's replicate function as this bundle compiles it (`npm run bench` times this copy). */
export { modelReplicate as runReplicate };

type ReplicateFn = (resolved: ResolvedScenario, armId: string, replicate: number) => ReplicateResult;

// before any replicate runs, so TurboFan compiles the model's handlers with the larger inlining budget
tuneV8ForModel();
const faults = parseFaults(process.env.CSSIM_FAULT_REPLICATE);
// The bundle carries an inline source map: stack traces then name the engine's .ts files and lines.
process.setSourceMapsEnabled(true);

/** The error message plus where it was thrown (first stack frame), for the user's report. */
function describeError(err: unknown): string {
  const e = err as Error;
  const message = e?.message ?? String(err);
  const frame = typeof e?.stack === 'string' ? e.stack.split('\n').find((l) => /^\s+at /.test(l)) : undefined;
  const where = frame?.match(/(engine\/[^()\s]+\.ts:\d+:\d+)\)?$/)?.[1];
  return where ? `${message} (at ${where})` : message;
}
const replicateFns = new Map<string, ReplicateFn>();

async function loadReplicate(modulePath: string | undefined): Promise<ReplicateFn> {
  if (!modulePath) return modelReplicate;
  let fn = replicateFns.get(modulePath);
  if (!fn) {
    const { tsImport } = await import('tsx/esm/api');
    fn = ((await tsImport(modulePath, import.meta.url)) as { runReplicate: ReplicateFn }).runReplicate;
    replicateFns.set(modulePath, fn);
  }
  return fn;
}

/** Runs one batch; throws `arm A replicate R: ...` when a replicate fails. */
export default async function runBatch(task: WorkerTask): Promise<Uint8Array> {
  const resolved = task.resolved;
  if (task.hash !== resolved.hash) throw new Error(`worker: task for scenario ${task.hash} carries scenario ${resolved.hash}`);
  const run = await loadReplicate(task.replicateModule);
  const months = resolved.horizonYears * 12;
  const len = recordLength(months);
  const count = task.to - task.from;
  const data = new Float64Array(count * len);
  const changes = [];
  const events: number[] = [];
  const elapsedMs: number[] = [];
  const cpuMs: (number | null)[] = [];
  for (let r = task.from; r < task.to; r++) {
    const fault = faultFor(faults, task.arm, r, task.attempt);
    if (fault?.mode === 'die') process.exit(70);
    const cpu0 = threadCpuMs();
    const t0 = performance.now();
    let result: ReplicateResult;
    try {
      if (fault) throw new Error(`injected fault (CSSIM_FAULT_REPLICATE=${fault.arm}:${fault.replicate}:${fault.mode})`);
      result = run(resolved, task.arm, r);
      packReplicate(result, months, data, (r - task.from) * len);
    } catch (err) {
      throw new Error(`arm ${task.arm} replicate ${r}: ${fault ? (err as Error).message : describeError(err)}`);
    }
    elapsedMs.push(performance.now() - t0);
    const cpu1 = cpu0 === null ? null : threadCpuMs();
    cpuMs.push(cpu0 === null || cpu1 === null ? null : cpu1 - cpu0);
    changes.push(result.changes.map((c) => ({ day: c.day, date: c.date, authority: c.authority, structure: c.structure, cause: c.cause })));
    events.push(result.events);
  }
  return encodeBatch(
    { version: 1, hash: task.hash, arm: task.arm, from: task.from, to: task.to, months, outcomeIds: OUTCOME_IDS, seriesIds: SERIES_IDS, changes, events, elapsedMs, cpuMs },
    data,
  );
}
