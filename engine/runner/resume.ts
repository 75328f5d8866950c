/**
 * Batch files on disk and what is still to run: scanning `<run>/.batches/`, choosing a cover of
 * replicates [0, N) of each arm from the files that exist, and planning jobs for the gaps. A resumed
 * run reuses every complete batch file; since the result tables are folded replicate by replicate,
 * the batch layout never shows in them.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ResolvedScenario } from '../io/scenario/schema.ts';
import type { Job } from './plan.ts';
import { jobKey } from './plan.ts';
import type { Segment } from './aggregate.ts';

/** Folder of the batch files inside a run directory. */
export const BATCH_DIR = '.batches';

/** Path of the batch file of a job. */
export function batchPath(runDir: string, job: Pick<Job, 'arm' | 'from' | 'to'>): string {
  return join(runDir, BATCH_DIR, `${jobKey(job)}.bin`);
}

/** Batch files present for the scenario's arms, by arm (temporary files and unknown arms ignored). */
export function scanBatches(runDir: string, resolved: ResolvedScenario): Map<string, Segment[]> {
  const byArm = new Map<string, Segment[]>(resolved.arms.map((a) => [a.id, []]));
  const dir = join(runDir, BATCH_DIR);
  if (!existsSync(dir)) return byArm;
  for (const name of readdirSync(dir)) {
    const m = /^(.+)-(\d+)-(\d+)\.bin$/.exec(name);
    if (!m) continue;
    const list = byArm.get(m[1]);
    const from = Number(m[2]);
    const to = Number(m[3]);
    if (list && to > from) list.push({ arm: m[1], from, to, file: join(dir, name) });
  }
  return byArm;
}

/**
 * Chooses batch files covering replicates [0, replicates) of one arm, longest file first at each
 * position, and the gaps no file covers (cut into chunks of at most `batchSize`). The last file may
 * reach beyond `replicates`: the fold then reads only its first records.
 */
export function chooseCover(available: readonly Segment[], replicates: number, batchSize: number): { used: Segment[]; gaps: { from: number; to: number }[] } {
  const usable = available;
  const used: Segment[] = [];
  const gaps: { from: number; to: number }[] = [];
  let pos = 0;
  while (pos < replicates) {
    let best: Segment | undefined;
    let nextStart = replicates;
    for (const s of usable) {
      if (s.from === pos && (!best || s.to > best.to)) best = s;
      if (s.from > pos && s.from < nextStart) nextStart = s.from;
    }
    if (best) {
      used.push(best);
      pos = best.to;
    } else {
      const end = Math.min(pos + batchSize, nextStart);
      gaps.push({ from: pos, to: end });
      pos = end;
    }
  }
  return { used, gaps };
}

/**
 * Jobs for every replicate in [0, replicates) of every arm that no available batch file covers,
 * ordered by replicate range then arm (as `planJobs`).
 */
export function planMissing(resolved: ResolvedScenario, replicates: number, batchSize: number, available: ReadonlyMap<string, readonly Segment[]>): Job[] {
  const jobs: Job[] = [];
  resolved.arms.forEach((arm) => {
    for (const g of chooseCover(available.get(arm.id) ?? [], replicates, batchSize).gaps) {
      jobs.push({ hash: resolved.hash, rootSeed: resolved.seed, arm: arm.id, from: g.from, to: g.to });
    }
  });
  const armIndex = new Map(resolved.arms.map((a, i) => [a.id, i]));
  return jobs.sort((a, b) => a.from - b.from || armIndex.get(a.arm)! - armIndex.get(b.arm)!);
}

/** Replicates [0, k) available for every arm: the largest complete prefix (at most `replicates`). */
export function completePrefix(resolved: ResolvedScenario, replicates: number, available: ReadonlyMap<string, readonly Segment[]>): number {
  let k = replicates;
  for (const arm of resolved.arms) {
    const { gaps } = chooseCover(available.get(arm.id) ?? [], replicates, replicates || 1);
    if (gaps.length > 0) k = Math.min(k, gaps[0].from);
  }
  return k;
}

/** The cover of [0, replicates) for every arm, for the fold; throws if any replicate is missing. */
export function coverAll(resolved: ResolvedScenario, replicates: number, available: ReadonlyMap<string, readonly Segment[]>): Map<string, Segment[]> {
  const out = new Map<string, Segment[]>();
  for (const arm of resolved.arms) {
    const { used, gaps } = chooseCover(available.get(arm.id) ?? [], replicates, replicates || 1);
    if (gaps.length > 0) throw new Error(`arm ${arm.id}: replicates ${gaps[0].from}-${gaps[0].to - 1} have no batch file`);
    out.set(arm.id, used);
  }
  return out;
}
