/**
 * Turns a run directory's tables into the report's chart specs (pure: no rendering, no I/O).
 */
import { CALIBRATED_STRUCTURE } from '../structures/registry.ts';
import type { TopLevelSpec } from 'vega-lite';
import { INSPECTION_GRADES, OUTCOME_IDS } from '../model/outcomes.ts';
import type { InspectionGrade } from '../model/outcomes.ts';
import type { CalibrationTarget, RunData, RunSummaryRow } from './read-run.ts';
import { boxStats } from './stats.ts';
import type { BoxStats } from './stats.ts';
import { armStyles } from './specs/common.ts';
import type { ArmStyle, Provenance } from './specs/common.ts';
import { trajectorySpec } from './specs/trajectory.ts';
import { forestPlotSpec } from './specs/forest.ts';
import { distributionSpec } from './specs/distribution.ts';
import type { DistributionBox } from './specs/distribution.ts';
import { costOutcomeSpec } from './specs/cost-outcome.ts';
import { inspectionSpec } from './specs/inspection.ts';
import type { InspectionShare } from './specs/inspection.ts';
import { calibrationSpec } from './specs/calibration.ts';
import type { CalibrationPoint } from './specs/calibration.ts';

/** The report's chart kinds, in the order the report shows them. */
export const CHART_KINDS = ['forest', 'trajectory', 'distribution', 'cost-outcome', 'inspection', 'calibration'] as const;

/** One chart kind. */
export type ChartKind = (typeof CHART_KINDS)[number];

/** Replicates per arm drawn as dots in the cost-against-outcome cloud (the first ones, by index): keeps the SVG small. */
export const CLOUD_MAX_REPLICATES = 400;

/** A chart to render: its file stem, kind, plain title and Vega-Lite spec. */
export interface ChartDef {
  /** File stem under `charts/`, unique in the report, e.g. `trajectory-referral_rate`. */
  readonly id: string;
  readonly kind: ChartKind;
  readonly title: string;
  readonly spec: TopLevelSpec;
}

/** The provenance footer fields of a run. */
export function provenanceOf(run: RunData): Provenance {
  const m = run.manifest;
  return { scenarioName: m.scenarioName, scenarioHash: m.scenarioHash, seed: m.seed, replicates: m.replicates, cssimVersion: m.cssimVersion };
}

/** Arm styles of a run (baseline first). */
export function armStylesOf(run: RunData): ArmStyle[] {
  return armStyles(run.manifest.arms, run.manifest.baseline);
}

/** Outcomes the run reported, known outcomes in OUTCOME_IDS order, then any others in file order. */
export function reportedOutcomes(run: RunData): string[] {
  const present = new Set(run.summary.map((r) => r.metric));
  const known = OUTCOME_IDS.filter((o) => present.has(o)) as string[];
  const others = [...present].filter((o) => !known.includes(o) && !o.startsWith('inspection_is_'));
  return [...known, ...others];
}

/**
 * Whether the calibration chart applies, and what it compares: only when the baseline arm runs the
 * status-quo structure throughout (the structure the published figures come from).
 */
export function calibrationApplies(run: RunData): { applies: boolean; reason: string } {
  const base = run.manifest.arms.find((a) => a.id === run.manifest.baseline);
  if (!base) return { applies: false, reason: 'the baseline arm is not in the manifest' };
  if (base.structure !== CALIBRATED_STRUCTURE) return { applies: false, reason: `the baseline arm runs "${base.structure}", not the ${CALIBRATED_STRUCTURE} structure the published figures describe` };
  if (base.changes.length > 0) return { applies: false, reason: 'the baseline arm has scheduled structural changes' };
  return { applies: true, reason: `the baseline arm (${base.name}) runs the status quo throughout` };
}

/** Summary row lookup by arm and metric. */
export function summaryIndex(run: RunData): Map<string, RunSummaryRow> {
  return new Map(run.summary.map((r) => [`${r.arm}\u0000${r.metric}`, r]));
}

/**
 * Every chart of the report for a run directory.
 *
 * @param targets the published figures to compare the baseline with (CALIBRATION_TARGETS); none = no calibration chart.
 */
export function buildCharts(run: RunData, targets: readonly CalibrationTarget[] = []): ChartDef[] {
  const provenance = provenanceOf(run);
  const arms = armStylesOf(run);
  const m = run.manifest;
  const baselineName = arms[0].name;
  const outcomes = reportedOutcomes(run);
  const charts: ChartDef[] = [];

  // paired differences
  if (arms.length > 1 && run.comparison.length > 0) {
    const withDiffs = outcomes.filter((o) => run.comparison.some((r) => r.metric === o));
    charts.push({
      id: 'forest', kind: 'forest', title: 'Paired differences against the baseline',
      spec: forestPlotSpec({ arms, baselineName, outcomes: withDiffs, rows: run.comparison.filter((r) => r.arm !== m.baseline), provenance }),
    });
  }

  // trajectories
  const tsByMetric = new Map<string, RunData['timeseries'][number][]>();
  for (const r of run.timeseries) {
    let list = tsByMetric.get(r.metric);
    if (!list) tsByMetric.set(r.metric, (list = []));
    list.push(r);
  }
  const changes = m.arms.flatMap((a) => a.changes.map((c) => ({ arm: a.id, date: c.date, structure: c.structure })));
  for (const o of outcomes) {
    const points = tsByMetric.get(o);
    if (!points || points.length === 0) continue;
    charts.push({ id: `trajectory-${o}`, kind: 'trajectory', title: `${o} over time`, spec: trajectorySpec({ outcome: o, arms, points, changes, provenance }) });
  }

  // distributions
  const repValues = new Map<string, number[]>();
  for (const r of run.replicates) {
    const k = `${r.arm}\u0000${r.metric}`;
    let list = repValues.get(k);
    if (!list) repValues.set(k, (list = []));
    list.push(r.value);
  }
  const boxes: DistributionBox[] = [];
  const sIdx = summaryIndex(run);
  let fromSummary = false;
  for (const o of outcomes) {
    for (const a of arms) {
      const k = `${a.id}\u0000${o}`;
      const vals = repValues.get(k);
      let stats: BoxStats | null = vals ? boxStats(vals) : null;
      if (!stats) {
        const s = sIdx.get(k);
        if (!s) continue;
        fromSummary = true;
        stats = { p05: s.p05, p25: s.p50, p50: s.p50, p75: s.p50, p95: s.p95, mean: s.mean, n: s.n };
      }
      boxes.push({ arm: a.id, metric: o, stats });
    }
  }
  if (boxes.length > 0) {
    charts.push({ id: 'distribution', kind: 'distribution', title: 'Distributions across replicates', spec: distributionSpec({ arms, outcomes, boxes, provenance, fromSummary }) });
  }

  // cost against outcome
  const X = 'spend_gbp';
  const Y = 'harm_events_rate';
  if (outcomes.includes(X) && outcomes.includes(Y)) {
    const points = arms.flatMap((a) => {
      const sx = sIdx.get(`${a.id}\u0000${X}`);
      const sy = sIdx.get(`${a.id}\u0000${Y}`);
      return sx && sy ? [{ arm: a.id, x: { mean: sx.mean, ciLow: sx.ciLow, ciHigh: sx.ciHigh }, y: { mean: sy.mean, ciLow: sy.ciLow, ciHigh: sy.ciHigh } }] : [];
    });
    const xs = new Map<string, number>();
    for (const r of run.replicates) if (r.metric === X) xs.set(`${r.arm}\u0000${r.replicate}`, r.value);
    const replicates = run.replicates
      .filter((r) => r.metric === Y && r.replicate < CLOUD_MAX_REPLICATES && xs.has(`${r.arm}\u0000${r.replicate}`))
      .map((r) => ({ arm: r.arm, x: xs.get(`${r.arm}\u0000${r.replicate}`) as number, y: r.value }));
    charts.push({ id: 'cost-outcome', kind: 'cost-outcome', title: 'Cost against outcome', spec: costOutcomeSpec({ arms, xMetric: X, yMetric: Y, points, replicates, provenance, cloudCap: m.replicates > CLOUD_MAX_REPLICATES ? CLOUD_MAX_REPLICATES : undefined }) });
  }

  // inspection judgements
  const shares: InspectionShare[] = [];
  for (const g of INSPECTION_GRADES) {
    for (const r of tsByMetric.get(`inspection_is_${g}`) ?? []) shares.push({ arm: r.arm, date: r.date, grade: g as InspectionGrade, share: r.mean });
  }
  if (shares.length > 0) {
    charts.push({ id: 'inspection', kind: 'inspection', title: 'Inspection judgements over time', spec: inspectionSpec({ arms, shares, provenance }) });
  }

  // calibration
  if (targets.length > 0 && calibrationApplies(run).applies) {
    const points: CalibrationPoint[] = targets.flatMap((t) => {
      const s = sIdx.get(`${m.baseline}\u0000${t.outcome}`);
      return s && t.observed !== 0 ? [{ ...t, modelMean: s.mean, modelCiLow: s.ciLow, modelCiHigh: s.ciHigh }] : [];
    });
    if (points.length > 0) {
      charts.push({ id: 'calibration', kind: 'calibration', title: 'Calibration fit', spec: calibrationSpec({ baselineName, points, provenance }) });
    }
  }
  return charts;
}
