/**
 * Cost against outcome: spend (x) against harm events (y), one marker per arm at the mean with its
 * 95% confidence interval both ways, over a faint cloud of the individual replicates.
 */
import type { TopLevelSpec } from 'vega-lite';
import { OUTCOMES } from '../../model/outcomes.ts';
import type { OutcomeId } from '../../model/outcomes.ts';
import { armScales, axisTitle, outcomeDisplay, withFooter } from './common.ts';
import type { ArmStyle, Provenance } from './common.ts';

/** Mean and 95% CI of one arm on both axes, in the outcomes' own units. */
export interface CostOutcomePoint {
  readonly arm: string;
  readonly x: { readonly mean: number; readonly ciLow: number; readonly ciHigh: number };
  readonly y: { readonly mean: number; readonly ciLow: number; readonly ciHigh: number };
}

/** One replicate of one arm (both outcomes). */
export interface CostOutcomeReplicate {
  readonly arm: string;
  readonly x: number;
  readonly y: number;
}

/** Input of `costOutcomeSpec`. */
export interface CostOutcomeInput {
  readonly arms: readonly ArmStyle[];
  /** Outcome on the x axis (a cost), e.g. `spend_gbp`. */
  readonly xMetric: string;
  /** Outcome on the y axis, e.g. `harm_events_rate`. */
  readonly yMetric: string;
  readonly points: readonly CostOutcomePoint[];
  readonly replicates: readonly CostOutcomeReplicate[];
  readonly provenance: Provenance;
  /** When set, the dots are only the first `cloudCap` replicates of each arm: the subtitle says so. */
  readonly cloudCap?: number;
}

/** Vega-Lite spec of the cost-against-outcome chart. */
export function costOutcomeSpec(input: CostOutcomeInput): TopLevelSpec {
  const nameOf = new Map(input.arms.map((a) => [a.id, a.name]));
  const dx = outcomeDisplay(input.xMetric);
  const dy = outcomeDisplay(input.yMetric);
  const scales = armScales(input.arms, { symbolType: 'circle' });
  const points = input.points
    .filter((p) => nameOf.has(p.arm))
    .map((p) => ({
      armName: nameOf.get(p.arm),
      armTint: nameOf.get(p.arm),
      x: p.x.mean / dx.divisor, xLo: p.x.ciLow / dx.divisor, xHi: p.x.ciHigh / dx.divisor,
      y: p.y.mean / dy.divisor, yLo: p.y.ciLow / dy.divisor, yHi: p.y.ciHigh / dy.divisor,
    }));
  const cloud = input.replicates
    .filter((r) => nameOf.has(r.arm) && Number.isFinite(r.x) && Number.isFinite(r.y))
    .map((r) => ({ armName: nameOf.get(r.arm), armTint: nameOf.get(r.arm), x: r.x / dx.divisor, y: r.y / dy.divisor }));
  const xEnc = { field: 'x', type: 'quantitative', title: axisTitle(input.xMetric), scale: { zero: false, nice: true } };
  const yEnc = { field: 'y', type: 'quantitative', title: axisTitle(input.yMetric), scale: { zero: false, nice: true } };
  const body = {
    width: 560,
    height: 360,
    layer: [
      { data: { values: cloud }, mark: { type: 'point', size: 14, opacity: 0.25, filled: true }, encoding: { x: xEnc, y: yEnc, fill: scales.quiet } },
      {
        data: { values: points },
        layer: [
          { mark: { type: 'rule', strokeWidth: 2 }, encoding: { x: { field: 'xLo', type: 'quantitative' }, x2: { field: 'xHi' }, y: { field: 'y', type: 'quantitative' }, stroke: scales.quiet } },
          { mark: { type: 'rule', strokeWidth: 2 }, encoding: { y: { field: 'yLo', type: 'quantitative' }, y2: { field: 'yHi' }, x: { field: 'x', type: 'quantitative' }, stroke: scales.quiet } },
          {
            mark: { type: 'point', filled: true, size: 110, opacity: 1, stroke: 'white', strokeWidth: 1 },
            encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' }, color: scales.color, shape: scales.shape },
          },
        ],
      },
    ],
  };
  const subtitle = [
    `Large markers: mean of each arm with 95% confidence intervals both ways; small dots: ${input.cloudCap ? `the first ${input.cloudCap} replicates of each arm` : 'single replicates'}.`,
  ];
  const bx = OUTCOMES[input.xMetric as OutcomeId]?.better;
  const by = OUTCOMES[input.yMetric as OutcomeId]?.better;
  if (bx === 'lower' && by === 'lower') subtitle.push(`Down and to the left is better on both: lower ${dx.label.toLowerCase()} and fewer ${dy.label.toLowerCase()}.`);
  return withFooter(body, `${dx.label} against ${dy.label.toLowerCase()}, by arm`, subtitle, input.provenance, 560);
}
