/**
 * The pure seam: `runReplicate(resolved, armId, replicate) -> ReplicateResult`.
 *
 * Builds the model's input from the resolved scenario (structures become indices with their mechanisms
 * and disruption profiles, so the model never sees a structure's name), runs the world and maps the
 * result back to ids.
 */
import type { ResolvedScenario } from './io/scenario/schema.ts';
import type { OutcomeId, SeriesId } from './model/outcomes.ts';
import { baseMechanisms } from './model/mechanisms.ts';
import { simulateWorld } from './model/world.ts';
import type { StructureSpec, WorldDiagnostics } from './model/world.ts';
import { STRUCTURES, STRUCTURE_IDS } from './structures/registry.ts';
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

/** A replicate result plus the model's diagnostics (flows the outcomes do not show), for calibration and tests. */
export interface DiagnosedReplicateResult extends ReplicateResult {
  readonly diagnostics: WorldDiagnostics;
}

/** The structures of a scenario as the model sees them, in registry order (index = position in STRUCTURE_IDS). */
function structureSpecs(resolved: ResolvedScenario): StructureSpec[] {
  const base = baseMechanisms(resolved.parameters);
  return STRUCTURE_IDS.map((id) => {
    const s = STRUCTURES[id];
    return { mechanisms: s.mechanisms(base, resolved.parameters), disruption: s.disruption(resolved.parameters) };
  });
}

/**
 * Runs one replicate of one arm and also returns the model's diagnostics.
 * @throws Error when `armId` is not an arm of the scenario
 */
export function runReplicateDiagnosed(resolved: ResolvedScenario, armId: string, replicate: number): DiagnosedReplicateResult {
  const arm = resolved.arms.find((a) => a.id === armId);
  if (!arm) throw new Error(`runReplicate: no arm "${armId}" in scenario "${resolved.name}" (arms: ${resolved.arms.map((a) => a.id).join(', ')})`);
  const index = (id: StructureId): number => STRUCTURE_IDS.indexOf(id);
  const out = simulateWorld({
    params: resolved.parameters,
    authorities: resolved.authorities,
    rootSeed: resolved.seed,
    replicate,
    startIso: resolved.start,
    warmupYears: resolved.warmupYears,
    horizonYears: resolved.horizonYears,
    structures: structureSpecs(resolved),
    initialStructure: index(arm.structure),
    changes: arm.changes.map((c) => ({ dateIso: c.date, structure: index(c.structure) })),
    interventionStructure: arm.intervention.onInadequate === 'none' ? -1 : index(arm.intervention.onInadequate),
    improveWithinMonths: arm.intervention.improveWithinMonths,
  });
  return {
    arm: armId,
    replicate,
    outcomes: out.outcomes,
    yearly: out.yearly,
    monthly: out.monthly,
    changes: out.changes.map((c) => ({
      day: c.day, date: c.date, authority: resolved.authorities[c.authority].id, structure: STRUCTURE_IDS[c.structure], cause: c.cause,
    })),
    events: out.events,
    diagnostics: out.diagnostics,
  };
}

/**
 * Runs one replicate of one arm: a pure function of its arguments.
 *
 * The same (scenario, arm, replicate) gives a bit-identical result on any thread or machine. Every arm
 * of a replicate sees the same world (random streams are keyed by seed, replicate and purpose, never by
 * arm), so differences between arms are paired.
 *
 * @example
 * const r = runReplicate(scenario, 'status-quo', 0);
 * r.outcomes.referral_rate; // referrals per 10,000 children per year over the horizon
 */
export function runReplicate(resolved: ResolvedScenario, armId: string, replicate: number): ReplicateResult {
  const { diagnostics: _d, ...result } = runReplicateDiagnosed(resolved, armId, replicate);
  return result;
}
