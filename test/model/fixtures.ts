/**
 * Scenario fixtures for the world-model tests: a small, fast authority (shorter horizon, fewer
 * children; built with the scenario schema directly, plus a hash) and the calibrated default file.
 */
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../../engine/io/scenario/load.ts';
import { ScenarioSchema } from '../../engine/io/scenario/schema.ts';
import type { ResolvedScenario } from '../../engine/io/scenario/schema.ts';

/** Parses a scenario object into a resolved scenario (defaults applied, a fixed hash). */
export function resolve(raw: unknown): ResolvedScenario {
  return { ...ScenarioSchema.parse(raw), hash: 'test' } as ResolvedScenario;
}

/** The calibrated default scenario file, resolved by the scenario loader. */
export async function englandAverage(): Promise<ResolvedScenario> {
  return loadScenario(fileURLToPath(new URL('../../scenarios/england-average.yaml', import.meta.url)));
}

/** Options of the small test world. */
export interface SmallOptions {
  parameters?: Record<string, unknown>;
  arms?: unknown[];
  authorities?: unknown[];
  horizonYears?: number;
  warmupYears?: number;
  childPopulation?: number;
}

/**
 * A small world: one authority of 20,000 children (or `authorities`), 1 year of warm-up, 3 years of
 * horizon, a status-quo arm (or `arms`).
 */
export function small(o: SmallOptions = {}): ResolvedScenario {
  return resolve({
    name: 'small test world',
    seed: 12345,
    start: '2019-04-01',
    horizonYears: o.horizonYears ?? 3,
    warmupYears: o.warmupYears ?? 1,
    replicates: 4,
    authorities: o.authorities ?? [{ id: 'test', name: 'Test authority', childPopulation: o.childPopulation ?? 20_000 }],
    parameters: o.parameters ?? {},
    arms: o.arms ?? [{ id: 'status-quo', name: 'Status quo', structure: 'status-quo' }],
    baseline: 'status-quo',
  });
}

/** Mean and standard error of the mean of `xs`. */
export function meanSe(xs: readonly number[]): { mean: number; se: number } {
  const n = xs.length;
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  const v = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / Math.max(1, n - 1);
  return { mean, se: Math.sqrt(v / n) };
}
