/**
 * Distributions across replicates: one panel per outcome, one box per arm (whiskers 5th–95th
 * percentile, box 25th–75th, bar at the median, white dot at the mean).
 */
import type { TopLevelSpec } from 'vega-lite';
import { armScales, outcomeDisplay, withFooter } from './common.ts';
import type { ArmStyle, Provenance } from './common.ts';
import type { BoxStats } from '../stats.ts';

/** Box statistics of one outcome in one arm, in the outcome's own unit. */
export interface DistributionBox {
  readonly arm: string;
  readonly metric: string;
  readonly stats: BoxStats;
}

/** Input of `distributionSpec`. */
export interface DistributionInput {
  readonly arms: readonly ArmStyle[];
  readonly outcomes: readonly string[];
  readonly boxes: readonly DistributionBox[];
  readonly provenance: Provenance;
  /** True when the boxes were computed from summary quantiles only (no quartiles): say so. */
  readonly fromSummary?: boolean;
  readonly columns?: number;
}

/** Vega-Lite spec of the per-outcome box plots, one horizontal box per arm. */
export function distributionSpec(input: DistributionInput): TopLevelSpec {
  const nameOf = new Map(input.arms.map((a) => [a.id, a.name]));
  const scales = armScales(input.arms, { symbolType: 'square' });
  const sort = input.arms.map((a) => a.name);
  const panels = input.outcomes.map((metric) => {
    const d = outcomeDisplay(metric);
    const values = input.boxes
      .filter((b) => b.metric === metric && nameOf.has(b.arm))
      .map((b) => ({
        armName: nameOf.get(b.arm),
        armTint: nameOf.get(b.arm),
        p05: b.stats.p05 / d.divisor,
        p25: b.stats.p25 / d.divisor,
        p50: b.stats.p50 / d.divisor,
        p75: b.stats.p75 / d.divisor,
        p95: b.stats.p95 / d.divisor,
        mean: b.stats.mean / d.divisor,
      }));
    const y = { field: 'armName', type: 'nominal', sort, axis: null, title: null };
    const lo = Math.min(...values.map((v) => v.p05).filter(Number.isFinite));
    const hi = Math.max(...values.map((v) => v.p95).filter(Number.isFinite));
    const domain = Number.isFinite(lo) && Number.isFinite(hi) ? { domain: lo === hi ? [lo - 1, hi + 1] : [lo, hi] } : {};
    const x = { field: 'p05', type: 'quantitative', title: d.unit || d.label, scale: { zero: false, nice: true, padding: 6, ...domain }, axis: { tickCount: 4, labelOverlap: true } };
    return {
      title: { text: d.label, fontSize: 12, anchor: 'start' },
      data: { values },
      width: 230,
      height: Math.max(40, 22 * input.arms.length),
      layer: [
        { mark: { type: 'rule', strokeWidth: 1.5 }, encoding: { y, x, x2: { field: 'p95' }, stroke: scales.quiet } },
        {
          mark: { type: 'bar', height: { band: 0.65 }, fillOpacity: 0.45, strokeWidth: 1.5 },
          encoding: { y, x: { field: 'p25', type: 'quantitative' }, x2: { field: 'p75' }, fill: scales.color, stroke: scales.quiet },
        },
        {
          mark: { type: 'tick', thickness: 2.5, color: 'black', bandSize: 14 },
          encoding: { y, x: { field: 'p50', type: 'quantitative' } },
        },
        {
          mark: { type: 'point', filled: true, fill: 'white', stroke: 'black', strokeWidth: 1, size: 28, opacity: 1 },
          encoding: { y, x: { field: 'mean', type: 'quantitative' } },
        },
      ],
    };
  });
  const body = { concat: panels, columns: input.columns ?? 3, spacing: 22, resolve: { scale: { x: 'independent' } } };
  const subtitle = input.fromSummary
    ? ['Line: 5th–95th percentile of the replicates; black bar: median; white dot: mean (quartiles not available in this run).']
    : ['Each arm across its replicates. Whiskers: 5th–95th percentile; box: 25th–75th percentile (middle half);', 'black bar: median; white dot: mean.'];
  return withFooter(body, 'How much each outcome varies from replicate to replicate, by arm', subtitle, input.provenance, 760);
}
