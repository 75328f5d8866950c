/**
 * Inspection judgements over time: for each arm, the share of replicates holding each Ofsted grade in
 * each month, stacked (from the `inspection_is_*` series).
 */
import type { TopLevelSpec } from 'vega-lite';
import { INSPECTION_GRADES } from '../../model/outcomes.ts';
import type { InspectionGrade } from '../../model/outcomes.ts';
import { withFooter } from './common.ts';
import type { ArmStyle, Provenance } from './common.ts';

/** Share (0-1) of an arm's replicates with one grade in one month. */
export interface InspectionShare {
  readonly arm: string;
  readonly date: string;
  readonly grade: InspectionGrade;
  readonly share: number;
}

/** Input of `inspectionSpec`. */
export interface InspectionInput {
  readonly arms: readonly ArmStyle[];
  readonly shares: readonly InspectionShare[];
  readonly provenance: Provenance;
  readonly columns?: number;
}

/** Plain words for each grade, best first. */
export const GRADE_LABELS: Readonly<Record<InspectionGrade, string>> = {
  outstanding: 'Outstanding',
  good: 'Good',
  requires_improvement: 'Requires improvement',
  inadequate: 'Inadequate',
};

/** Label of the remainder: replicates without a judgement yet. */
export const NOT_INSPECTED = 'Not yet inspected';

/**
 * Grade colours: viridis steps (van der Walt & Smith, matplotlib), whose lightness rises steadily,
 * so the order reads in greyscale and for colour-blind readers; light grey for "not yet inspected".
 */
export const GRADE_COLORS: readonly string[] = ['#440154', '#31688E', '#35B779', '#FDE725', '#D9D9D9'];

/** Vega-Lite spec of the stacked inspection shares, one panel per arm. */
export function inspectionSpec(input: InspectionInput): TopLevelSpec {
  const domain = [...INSPECTION_GRADES.map((g) => GRADE_LABELS[g]), NOT_INSPECTED];
  const panels = input.arms.map((arm) => {
    const byDate = new Map<string, number>();
    const values: Record<string, unknown>[] = [];
    for (const s of input.shares) {
      if (s.arm !== arm.id) continue;
      values.push({ date: s.date, grade: GRADE_LABELS[s.grade], order: INSPECTION_GRADES.indexOf(s.grade), pct: 100 * s.share });
      byDate.set(s.date, (byDate.get(s.date) ?? 0) + s.share);
    }
    for (const [date, total] of byDate) {
      values.push({ date, grade: NOT_INSPECTED, order: INSPECTION_GRADES.length, pct: Math.max(0, 100 * (1 - total)) });
    }
    return {
      title: { text: arm.name, fontSize: 12, anchor: 'start' },
      data: { values },
      width: 330,
      height: 150,
      mark: { type: 'area', stroke: 'white', strokeWidth: 0.5, interpolate: 'step-after' },
      encoding: {
        x: { field: 'date', type: 'temporal', title: 'Month', scale: { type: 'utc' }, axis: { format: '%b %Y', labelAngle: 0, tickCount: 5 } },
        y: { field: 'pct', type: 'quantitative', stack: 'zero', title: 'Share of replicates (%)', scale: { domain: [0, 100] } },
        color: {
          field: 'grade', type: 'nominal', title: 'Latest inspection judgement', sort: domain,
          scale: { domain, range: GRADE_COLORS },
          legend: { orient: 'bottom', direction: 'horizontal', symbolType: 'square' },
        },
        order: { field: 'order', type: 'quantitative', sort: 'ascending' },
      },
    };
  });
  const body = { concat: panels, columns: input.columns ?? 2, spacing: 24 };
  const subtitle = ['Share of replicates whose latest inspection judgement is each grade, month by month.', 'Darker is better; grey: no judgement yet.'];
  return withFooter(body, 'Inspection judgements over time, by arm', subtitle, input.provenance, 700);
}
