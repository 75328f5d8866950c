/**
 * Calibration fit: the baseline arm's figures against the published figures the model was calibrated
 * to, each as a percentage of the published figure, with the calibration tolerance as a band.
 */
import type { TopLevelSpec } from 'vega-lite';
import { outcomeDisplay, withFooter } from './common.ts';
import type { Provenance } from './common.ts';
import { format } from './format-number.ts';

/** One calibration target and the model's figure for it. */
export interface CalibrationPoint {
  readonly outcome: string;
  /** Published figure, in the outcome's unit. */
  readonly observed: number;
  readonly year: number;
  /** Accepted distance, in % of the published figure. */
  readonly tolerancePct: number;
  readonly source: string;
  /** Model mean and its 95% CI, in the outcome's unit. */
  readonly modelMean: number;
  readonly modelCiLow: number;
  readonly modelCiHigh: number;
}

/** Input of `calibrationSpec`. */
export interface CalibrationInput {
  readonly baselineName: string;
  readonly points: readonly CalibrationPoint[];
  readonly provenance: Provenance;
}

/** Vega-Lite spec of the calibration fit chart (one row per target). */
export function calibrationSpec(input: CalibrationInput): TopLevelSpec {
  const values = input.points.map((p) => {
    const d = outcomeDisplay(p.outcome);
    const pct = (v: number): number => (100 * v) / p.observed;
    const inside = Math.abs(pct(p.modelMean) - 100) <= p.tolerancePct;
    return {
      row: `${d.label} — ${p.year}: ${format(p.observed / d.divisor, d.format)} ${d.unit}`,
      lo: 100 - p.tolerancePct,
      hi: 100 + p.tolerancePct,
      model: pct(p.modelMean),
      modelLo: pct(p.modelCiLow),
      modelHi: pct(p.modelCiHigh),
      fit: inside ? 'Within tolerance' : 'Outside tolerance',
    };
  });
  const y = { field: 'row', type: 'nominal', title: null, sort: null, axis: { labelLimit: 420, labelFontSize: 11 } };
  const all = values.flatMap((v) => [v.lo, v.hi, v.modelLo, v.modelHi]).filter(Number.isFinite);
  const domain = [Math.min(90, ...all), Math.max(110, ...all)];
  const body = {
    data: { values },
    width: 420,
    height: Math.max(60, 26 * values.length),
    layer: [
      { mark: { type: 'bar', color: '#d9d9d9', height: { band: 0.7 } }, encoding: { y, x: { field: 'lo', type: 'quantitative', title: 'Model figure as % of the published figure', scale: { domain, nice: true, zero: false } }, x2: { field: 'hi' } } },
      { mark: { type: 'rule', color: '#333', strokeDash: [4, 3] }, encoding: { x: { datum: 100, type: 'quantitative' } } },
      { mark: { type: 'rule', strokeWidth: 2, color: '#0072B2' }, encoding: { y, x: { field: 'modelLo', type: 'quantitative' }, x2: { field: 'modelHi' } } },
      {
        mark: { type: 'point', filled: true, size: 80, opacity: 1 },
        encoding: {
          y,
          x: { field: 'model', type: 'quantitative' },
          shape: { field: 'fit', type: 'nominal', title: null, scale: { domain: ['Within tolerance', 'Outside tolerance'], range: ['circle', 'cross'] }, legend: { orient: 'bottom', direction: 'horizontal' } },
          color: { field: 'fit', type: 'nominal', title: null, scale: { domain: ['Within tolerance', 'Outside tolerance'], range: ['#0072B2', '#D55E00'] }, legend: { orient: 'bottom', direction: 'horizontal' } },
        },
      },
    ],
  };
  const subtitle = [
    `Marker: mean over the horizon of the baseline arm (${input.baselineName}) with its 95% confidence interval,`,
    'as % of the published figure (dashed line = 100%); grey band: the calibration tolerance.',
  ];
  return withFooter(body, 'Model against the published figures it was calibrated to', subtitle, input.provenance, 600);
}
