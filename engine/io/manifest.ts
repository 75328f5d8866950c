/**
 * `manifest.json` of a run directory: what was run (the resolved scenario, its hash, seed, replicates),
 * with what (cssim version, git commit, random generator), how long it took, whether it finished, the
 * variance reduction from common random numbers, and the files written. Read by `cssim report` and
 * by `cssim run --resume`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ResolvedScenario } from './scenario/schema.ts';
import { atomicWriteFile } from './atomic-write.ts';

/** File name of the manifest inside a run directory. */
export const MANIFEST_FILE = 'manifest.json';

/** Run status: `running` only while a run is in progress (or after a hard crash). */
export type RunStatus = 'running' | 'complete' | 'interrupted';

/** How a `--precision` run ended. */
export interface PrecisionInfo {
  /** Target relative half-width of every reported outcome's 95% CI, e.g. 0.02. */
  readonly target: number;
  /** Replicate ceiling. */
  readonly maxReplicates: number;
  /** The rule, in words. */
  readonly rule: string;
  /** Which stop was reached (null while running or interrupted). */
  readonly reached: 'precision' | 'max-replicates' | null;
  /** Replicate counts of each round, in order. */
  readonly rounds: readonly number[];
  /** Widest relative half-width at the end (arm, metric, value). */
  readonly worst: { readonly arm: string; readonly metric: string; readonly relativeHalfWidth: number } | null;
}

/** Wall-clock figures of one invocation (not part of the results: they vary run to run). */
export interface Timings {
  /** Whole invocation, ms. */
  readonly wallMs: number;
  /** From the first job sent to the last batch written, ms (summed over precision rounds). */
  readonly dispatchMs: number;
  /** Main-thread time folding batches into the statistics, ms (mostly while the workers run). */
  readonly foldMs: number;
  /** From the last batch written to the end: writing the tables (and Parquet copies), cleaning up, ms. */
  readonly finishMs?: number;
  /** Sum of the wall time of every replicate run in this invocation, ms. */
  readonly replicateMs: number;
  /**
   * Sum of the worker threads' CPU time in every replicate run in this invocation, ms; null where the
   * platform cannot measure a thread's CPU time. Unlike `replicateMs` it does not grow when a
   * replicate's thread waits for a core.
   */
  readonly replicateCpuMs?: number | null;
  /**
   * CPU time of the thread that ran `runScenario` (planning, writing batch files, folding, writing the
   * tables), ms; null where the platform cannot measure a thread's CPU time. On a machine with as many
   * cores as workers this time is taken from the workers.
   */
  readonly mainThreadCpuMs?: number | null;
  /** Replicates (arm x replicate) run in this invocation. */
  readonly replicatesRun: number;
  /** 1 - replicateMs / (dispatchMs x workers): the share of worker time not spent in replicates. */
  readonly overheadShare: number | null;
}

/** The manifest. Numbers are plain JSON numbers; dates ISO 8601 UTC. */
export interface Manifest {
  readonly format: 'cssim-run/1';
  readonly status: RunStatus;
  readonly resolved: ResolvedScenario;
  /** SHA-256 of the resolved scenario (= resolved.hash). */
  readonly scenarioHash: string;
  /** Scenario file as given on the command line (null through the API). */
  readonly scenarioFile: string | null;
  /** Root seed. */
  readonly seed: number;
  /** Replicates per arm in the result files (for an interrupted run: the complete prefix). */
  readonly replicates: number;
  /** Replicates per arm the run was aiming at. */
  readonly targetReplicates: number;
  /** Worker threads. */
  readonly workers: number;
  /** Replicates per batch job. */
  readonly batchSize: number;
  /** Table format requested: csv always, plus parquet when 'parquet'. */
  readonly outputFormat: 'csv' | 'parquet';
  readonly cssimVersion: string;
  /** `git rev-parse HEAD` of the cssim checkout, null when not a git repository. */
  readonly gitCommit: string | null;
  /** Random generator name, version and seeding (kernel GENERATOR). */
  readonly generator: { readonly name: string; readonly version: number; readonly seeding: string };
  readonly node: string;
  readonly startedAt: string;
  readonly endedAt: string | null;
  readonly timings: Timings | null;
  readonly precision: PrecisionInfo | null;
  /**
   * Per non-baseline arm and outcome: var(paired differences) / (var(arm) + var(baseline)), the
   * variance of the paired estimate relative to an unpaired one (below 1: common random numbers help).
   * null when undefined (fewer than 2 replicates or zero variance).
   */
  readonly varianceReduction: Readonly<Record<string, Readonly<Record<string, number | null>>>>;
  /** Files of the run directory, relative names. */
  readonly files: readonly string[];
  /** Why the run stopped early, when it did. */
  readonly error?: string;
}

/** Writes `manifest.json` atomically (2-space JSON, trailing newline). */
export function writeManifest(dir: string, manifest: Manifest): void {
  atomicWriteFile(join(dir, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
}

/** Reads `manifest.json` of a run directory; null when there is none. Throws on unreadable JSON. */
export function readManifest(dir: string): Manifest | null {
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path)) return null;
  let m: Manifest;
  try {
    m = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  } catch (err) {
    throw new Error(`${path}: not valid JSON (${(err as Error).message})`);
  }
  if (m?.format !== 'cssim-run/1') throw new Error(`${path}: not a cssim run manifest (format is ${JSON.stringify(m?.format)})`);
  return m;
}
