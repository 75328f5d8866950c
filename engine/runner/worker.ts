/**
 * The worker-thread entry (piscina task): runs replicates [from, to) of one arm and returns them
 * packed as a batch file. Bundled with esbuild by `bundle.ts`; the scenario arrives once per worker
 * through piscina's `workerData`.
 */
import { workerData } from 'piscina';
import { performance } from 'node:perf_hooks';
import { runReplicate as modelReplicate } from '../replicate.ts';
import type { ReplicateResult } from '../replicate.ts';
import type { ResolvedScenario } from '../io/scenario/schema.ts';
import { OUTCOME_IDS, SERIES_IDS } from '../model/outcomes.ts';
import { encodeBatch, packReplicate, recordLength } from './batch-file.ts';
import { faultFor, parseFaults } from './fault.ts';

/** What the pool passes to each worker once. */
export interface WorkerInit {
  readonly resolved: ResolvedScenario;
  /** Test-only: path of a module exporting `runReplicate` to use instead of the model's. */
  readonly replicateModule?: string;
}

/** One task: replicates [from, to) of `arm`; `attempt` is 0, then 1 on the retry. */
export interface WorkerTask {
  readonly hash: string;
  readonly arm: string;
  readonly from: number;
  readonly to: number;
  readonly attempt: number;
}

type ReplicateFn = (resolved: ResolvedScenario, armId: string, replicate: number) => ReplicateResult;

const init = workerData as WorkerInit;
const faults = parseFaults(process.env.CSSIM_FAULT_REPLICATE);
let replicateFn: ReplicateFn | undefined;

async function loadReplicate(): Promise<ReplicateFn> {
  if (replicateFn) return replicateFn;
  if (init.replicateModule) {
    const { tsImport } = await import('tsx/esm/api');
    const mod = (await tsImport(init.replicateModule, import.meta.url)) as { runReplicate: ReplicateFn };
    replicateFn = mod.runReplicate;
  } else {
    replicateFn = modelReplicate;
  }
  return replicateFn;
}

/** Runs one batch; throws `arm A replicate R: ...` when a replicate fails. */
export default async function runBatch(task: WorkerTask): Promise<Uint8Array> {
  const resolved = init.resolved;
  if (task.hash !== resolved.hash) throw new Error(`worker: task for scenario ${task.hash} but worker holds ${resolved.hash}`);
  const run = await loadReplicate();
  const months = resolved.horizonYears * 12;
  const len = recordLength(months);
  const count = task.to - task.from;
  const data = new Float64Array(count * len);
  const changes = [];
  const events: number[] = [];
  const elapsedMs: number[] = [];
  for (let r = task.from; r < task.to; r++) {
    const fault = faultFor(faults, task.arm, r, task.attempt);
    if (fault?.mode === 'die') process.exit(70);
    const t0 = performance.now();
    let result: ReplicateResult;
    try {
      if (fault) throw new Error(`injected fault (CSSIM_FAULT_REPLICATE=${fault.arm}:${fault.replicate}:${fault.mode})`);
      result = run(resolved, task.arm, r);
      packReplicate(result, months, data, (r - task.from) * len);
    } catch (err) {
      throw new Error(`arm ${task.arm} replicate ${r}: ${(err as Error)?.message ?? String(err)}`);
    }
    elapsedMs.push(performance.now() - t0);
    changes.push(result.changes.map((c) => ({ day: c.day, date: c.date, authority: c.authority, structure: c.structure, cause: c.cause })));
    events.push(result.events);
  }
  return encodeBatch(
    { version: 1, hash: task.hash, arm: task.arm, from: task.from, to: task.to, months, outcomeIds: OUTCOME_IDS, seriesIds: SERIES_IDS, changes, events, elapsedMs },
    data,
  );
}
