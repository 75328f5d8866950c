/**
 * Forest plot of paired differences against the baseline: one small panel per outcome, one row per
 * arm, the mean paired difference with its 95% confidence interval, a zero line, and which side is better.
 */
import type { TopLevelSpec } from 'vega-lite';
import { OUTCOMES } from '../../model/outcomes.ts';
import type { OutcomeId } from '../../model/outcomes.ts';
import { armScales, diffUnit, outcomeDisplay, withFooter } from './common.ts';
import type { ArmStyle, Provenance } from './common.ts';

/** One paired difference (arm − baseline) of one outcome, in the outcome's own unit. */
export interface ForestRow {
  readonly arm: string;
  readonly metric: string;
  readonly meanDiff: number;
  readonly ciLow: number;
  readonly ciHigh: number;
  /** 0-1, or null when the outcome has no better direction. */
  readonly probBetter: number | null;
}

/** Input of `forestPlotSpec`. */
export interface ForestInput {
  /** Arms in legend order; the baseline is left out of the panels. */
  readonly arms: readonly ArmStyle[];
  readonly baselineName: string;
  /** Outcomes in panel order. */
  readonly outcomes: readonly string[];
  readonly rows: readonly ForestRow[];
  readonly provenance: Provenance;
  /** Panels per row; default 3. */
  readonly columns?: number;
}

/** Words for the better side of a difference, for panel titles. */
export function betterSide(metric: string): string {
  const b = OUTCOMES[metric as OutcomeId]?.better;
  return b === 'lower' ? '← better (lower)' : b === 'higher' ? 'better (higher) →' : 'no better direction';
}

/**
 * Vega-Lite spec of the forest plot. Each panel has its own x scale in the outcome's unit, always
 * including 0 (the dashed zero line is "no difference"), and says in its title which side is better.
 */
export function forestPlotSpec(input: ForestInput): TopLevelSpec {
  const nameOf = new Map(input.arms.map((a) => [a.id, a.name]));
  const others = input.arms.filter((a) => a.name !== input.baselineName);
  const scales = armScales(others, { symbolType: 'circle' });
  const panels = input.outcomes.map((metric) => {
    const d = outcomeDisplay(metric);
    const values = input.rows
      .filter((r) => r.metric === metric && nameOf.has(r.arm))
      .map((r) => ({
        armName: nameOf.get(r.arm),
        armTint: nameOf.get(r.arm),
        diff: r.meanDiff / d.divisor,
        lo: r.ciLow / d.divisor,
        hi: r.ciHigh / d.divisor,
      }));
    const y = { field: 'armName', type: 'nominal', sort: others.map((a) => a.name), axis: null, title: null };
    return {
      title: { text: d.label, subtitle: betterSide(metric), fontSize: 12, subtitleFontSize: 10, anchor: 'start' },
      data: { values },
      width: 230,
      height: Math.max(36, 20 * others.length),
      layer: [
        { mark: { type: 'rule', color: '#555', strokeDash: [4, 3] }, encoding: { x: { datum: 0, type: 'quantitative' } } },
        {
          mark: { type: 'rule', strokeWidth: 2 },
          encoding: {
            y,
            x: { field: 'lo', type: 'quantitative', title: `Difference (${diffUnit(metric)})`, scale: { zero: true, nice: true, padding: 10 }, axis: { tickCount: 4, labelOverlap: true } },
            x2: { field: 'hi' },
            stroke: scales.quiet,
          },
        },
        {
          mark: { type: 'point', filled: true, size: 70, opacity: 1, stroke: 'white', strokeWidth: 0.8 },
          encoding: {
            y,
            x: { field: 'diff', type: 'quantitative' },
            color: scales.color,
            shape: scales.shape,
          },
        },
      ],
    };
  });
  const body = { concat: panels, columns: input.columns ?? 3, spacing: 22, resolve: { scale: { x: 'independent' } } };
  const subtitle = [
    `Mean paired difference from ${input.baselineName} (same replicates, same random world) with its 95% confidence interval.`,
    'An interval that crosses the dashed zero line means the evidence for a difference is not clear.',
  ];
  return withFooter(body, `How each option differs from ${input.baselineName}, outcome by outcome`, subtitle, input.provenance, 760);
}
