/**
 * TEMPORARY STUB written by the lead: the world-model work owns this file and implements
 * `runReplicate`. The types below are the contract the runner and reports rely on.
 */
import type { ResolvedScenario } from './io/scenario/schema.ts';
import type { OutcomeId, SeriesId } from './model/outcomes.ts';
import type { StructureId } from './structures/registry.ts';

/** A structural change that happened in a replicate (scheduled in the scenario or imposed by intervention). */
export interface ChangeRecord {
  /** Day since the start of the horizon (negative during warm-up). */
  readonly day: number;
  /** ISO date. */
  readonly date: string;
  readonly authority: string;
  readonly structure: StructureId;
  readonly cause: 'scheduled' | 'intervention';
}

/** What one replicate of one arm returns. Plain data, structured-cloneable. */
export interface ReplicateResult {
  readonly arm: string;
  readonly replicate: number;
  /** Each outcome over the whole horizon (warm-up excluded), all authorities together. */
  readonly outcomes: Readonly<Record<OutcomeId, number>>;
  /** Each outcome per year of the horizon, length `horizonYears`. */
  readonly yearly: Readonly<Record<OutcomeId, Float64Array>>;
  /** Monthly series, length `horizonYears * 12`; index 0 is the first month after warm-up. */
  readonly monthly: Readonly<Record<SeriesId, Float64Array>>;
  /** Structural changes in date order. */
  readonly changes: readonly ChangeRecord[];
  /** Kernel events processed (for throughput figures). */
  readonly events: number;
}

/**
 * Runs one replicate of one arm: a pure function of its arguments.
 *
 * The same (scenario, arm, replicate) gives a bit-identical result on any thread or machine.
 */
export function runReplicate(resolved: ResolvedScenario, armId: string, replicate: number): ReplicateResult {
  void resolved; void armId; void replicate;
  throw new Error('runReplicate: not implemented yet');
}
