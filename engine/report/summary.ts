/**
 * The plain-language reading of a run's paired comparisons: for each option, where it is better or
 * worse than the baseline, and where the evidence is not clear (the 95% CI of the paired difference
 * includes 0). Pure: numbers in, sorted verdicts out.
 */
import { OUTCOMES } from '../model/outcomes.ts';
import type { OutcomeId } from '../model/outcomes.ts';
import type { RunData } from './read-run.ts';
import { diffUnit, outcomeDisplay } from './specs/common.ts';
import { format, formatSigned } from './specs/format-number.ts';
import { reportedOutcomes } from './charts.ts';

/** One outcome's paired difference, ready to print. */
export interface DiffItem {
  readonly metric: string;
  readonly label: string;
  /** Mean paired difference arm − baseline, in the outcome's unit. */
  readonly diff: number;
  readonly ciLow: number;
  readonly ciHigh: number;
  /** 0-1, null when the outcome has no better direction. */
  readonly probBetter: number | null;
  /** "−0.9 cases per case-holding worker (95% CI −1.0 to −0.8)". */
  readonly text: string;
}

/** The verdict on one option against the baseline. */
export interface ArmVerdict {
  readonly arm: string;
  readonly name: string;
  /** CI excludes 0 on the better side. */
  readonly better: readonly DiffItem[];
  /** CI excludes 0 on the worse side. */
  readonly worse: readonly DiffItem[];
  /** Outcome has a better direction but the CI includes 0 (or is missing). */
  readonly unclear: readonly DiffItem[];
  /** Outcome has no better direction and the CI excludes 0. */
  readonly changed: readonly DiffItem[];
  /** Outcome has no better direction and the CI includes 0. */
  readonly unchanged: readonly DiffItem[];
}

/** "+26 per 10,000 children per year (95% CI +22 to +30)". */
export function diffText(metric: string, diff: number, lo: number, hi: number): string {
  const d = outcomeDisplay(metric);
  const f = (v: number): string => formatSigned(v / d.divisor, d.format);
  return `${f(diff)} ${diffUnit(metric)} (95% CI ${f(lo)} to ${f(hi)})`.replace(/\s+\(/, ' (');
}

/** Classifies every outcome of every non-baseline arm (in arm and outcome order). */
export function verdicts(run: RunData): ArmVerdict[] {
  const outcomes = reportedOutcomes(run);
  const out: ArmVerdict[] = [];
  for (const arm of run.manifest.arms) {
    if (arm.id === run.manifest.baseline) continue;
    const v = { arm: arm.id, name: arm.name, better: [] as DiffItem[], worse: [] as DiffItem[], unclear: [] as DiffItem[], changed: [] as DiffItem[], unchanged: [] as DiffItem[] };
    for (const metric of outcomes) {
      const row = run.comparison.find((r) => r.arm === arm.id && r.metric === metric);
      if (!row) continue;
      const item: DiffItem = {
        metric, label: outcomeDisplay(metric).label, diff: row.meanDiff, ciLow: row.ciLow, ciHigh: row.ciHigh, probBetter: row.probBetter,
        text: diffText(metric, row.meanDiff, row.ciLow, row.ciHigh),
      };
      const known = Number.isFinite(row.ciLow) && Number.isFinite(row.ciHigh);
      const above = known && row.ciLow > 0;
      const below = known && row.ciHigh < 0;
      const better = OUTCOMES[metric as OutcomeId]?.better ?? 'neither';
      if (better === 'neither') (above || below ? v.changed : v.unchanged).push(item);
      else if (!above && !below) v.unclear.push(item);
      else if ((better === 'lower') === below) v.better.push(item);
      else v.worse.push(item);
    }
    out.push(v);
  }
  return out;
}

/** Probability better as a percentage for text ("97%"), or "n/a". */
export function pct(p: number | null): string {
  return p === null || !Number.isFinite(p) ? 'n/a' : `${format(100 * p, '.0f')}%`;
}
