/**
 * Outcome trajectories: one outcome over the horizon, one line per arm with its uncertainty bands and
 * the scheduled structural changes marked.
 */
import type { TopLevelSpec } from 'vega-lite';
import { OUTCOMES } from '../../model/outcomes.ts';
import type { OutcomeId } from '../../model/outcomes.ts';
import { armScales, axisTitle, outcomeDisplay, withFooter } from './common.ts';
import type { ArmStyle, Provenance } from './common.ts';

/** One month of one arm, across replicates, in the outcome's own unit. */
export interface TrajectoryPoint {
  readonly arm: string;
  /** ISO date of the month's first day. */
  readonly date: string;
  readonly p05: number;
  /** Quartiles are drawn only when every point has them. */
  readonly p25: number | null;
  readonly p50: number;
  readonly p75: number | null;
  readonly p95: number;
}

/** A scheduled structural change of an arm. */
export interface ChangeMark {
  readonly arm: string;
  readonly date: string;
  readonly structure: string;
}

/** Input of `trajectorySpec`. */
export interface TrajectoryInput {
  readonly outcome: string;
  readonly arms: readonly ArmStyle[];
  readonly points: readonly TrajectoryPoint[];
  readonly changes: readonly ChangeMark[];
  readonly provenance: Provenance;
}

/**
 * Vega-Lite spec of one outcome's trajectories: median line per arm, the 90% band (5th–95th
 * percentile across replicates) and, when the run wrote quartiles, the 50% band; rules with labels at
 * each scheduled structural change.
 */
export function trajectorySpec(input: TrajectoryInput): TopLevelSpec {
  const d = outcomeDisplay(input.outcome);
  const info = OUTCOMES[input.outcome as OutcomeId];
  const nameOf = new Map(input.arms.map((a) => [a.id, a.name]));
  const quartiles = input.points.length > 0 && input.points.every((p) => p.p25 !== null && p.p75 !== null);
  const values = input.points
    .filter((p) => nameOf.has(p.arm))
    .map((p) => ({
      armName: nameOf.get(p.arm),
      armTint: nameOf.get(p.arm),
      date: p.date,
      p05: p.p05 / d.divisor,
      p25: quartiles ? (p.p25 as number) / d.divisor : null,
      p50: p.p50 / d.divisor,
      p75: quartiles ? (p.p75 as number) / d.divisor : null,
      p95: p.p95 / d.divisor,
    }));
  const scales = armScales(input.arms, { symbolType: 'stroke' });
  // overlapping bands turn to mud: fainter the more arms there are
  const bandOpacity = input.arms.length <= 3 ? 0.14 : 0.42 / input.arms.length;
  const x = { field: 'date', type: 'temporal', title: 'Month', scale: { type: 'utc' }, axis: { format: '%b %Y', labelAngle: 0 } };
  const layers: Record<string, unknown>[] = [
    {
      mark: { type: 'area', opacity: bandOpacity },
      encoding: {
        x,
        y: { field: 'p05', type: 'quantitative', title: axisTitle(input.outcome), scale: { zero: false } },
        y2: { field: 'p95' },
        fill: scales.quiet,
      },
    },
  ];
  if (quartiles) {
    layers.push({
      mark: { type: 'area', opacity: bandOpacity * 1.6 },
      encoding: { x, y: { field: 'p25', type: 'quantitative' }, y2: { field: 'p75' }, fill: scales.quiet },
    });
  }
  layers.push({
    mark: { type: 'line', strokeWidth: 2 },
    encoding: { x, y: { field: 'p50', type: 'quantitative' }, stroke: scales.color, strokeDash: scales.strokeDash },
  });
  const rows = input.changes
    .filter((c) => nameOf.has(c.arm))
    .map((c, i) => ({ armName: nameOf.get(c.arm), armTint: nameOf.get(c.arm), date: c.date, label: `${nameOf.get(c.arm)} → ${c.structure}`, y: 4 + 12 * i }));
  if (rows.length > 0) {
    layers.push({
      data: { values: rows },
      layer: [
        { mark: { type: 'rule', strokeDash: [3, 3], strokeWidth: 1.2 }, encoding: { x, color: scales.quiet } },
        {
          mark: { type: 'text', align: 'left', baseline: 'top', dx: 3, fontSize: 9 },
          encoding: { x, y: { field: 'y', type: 'quantitative', scale: null }, text: { field: 'label' }, fill: scales.quiet },
        },
      ],
    });
  }
  const better = info?.better === 'lower' ? 'Lower is better.' : info?.better === 'higher' ? 'Higher is better.' : 'No better direction (a matter of policy).';
  const subtitle = [
    `Line: median of the replicates; light band: middle 90% (5th–95th percentile)${quartiles ? '; dark band: middle 50% (25th–75th)' : ''}. ${better}`,
    rows.length > 0 ? 'Dashed vertical rules: scheduled structural changes.' : 'No scheduled structural changes in this scenario.',
  ];
  const body = {
    data: { values },
    width: 600,
    height: 230,
    layer: layers,
  };
  return withFooter(body, `${d.label} over time, by arm`, subtitle, input.provenance);
}
