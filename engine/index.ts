/**
 * cssim's public API: load a scenario, run it, render its report; plus the pure replicate function,
 * the model's contracts and the kernel for those who build on them. Re-exports only.
 *
 * @example
 * import { loadScenario, runScenario, renderReport } from 'cssim';
 * const scenario = await loadScenario('scenarios/dcs-merge.yaml');
 * const run = await runScenario(scenario, { out: 'out/dcs-merge', replicates: 200 });
 * console.table(run.compare('referral_rate'));
 * await renderReport(run);
 */

// scenario files
export { loadScenario, loadScenarioText } from './io/scenario/load.ts';
export type { LoadOptions } from './io/scenario/load.ts';
export { ScenarioError } from './io/scenario/errors.ts';
export type { ScenarioIssue } from './io/scenario/errors.ts';
export { ScenarioSchema } from './io/scenario/schema.ts';
export type { Scenario, ResolvedScenario, Arm } from './io/scenario/schema.ts';
export { scenarioJsonSchema } from './io/scenario/json-schema.ts';

// running
export { runScenario } from './runner/run-scenario.ts';
export type { RunOptions, RunResult, Progress, ComparisonRow, SummaryRow } from './runner/run-scenario.ts';
export { planJobs } from './runner/plan.ts';
export type { Job } from './runner/plan.ts';
export { readManifest } from './io/manifest.ts';
export type { Manifest } from './io/manifest.ts';

// reports
export { renderReport } from './report/render-report.ts';
export type { ReportOptions, ReportFiles } from './report/render-report.ts';

// the model
export { runReplicate } from './replicate.ts';
export type { ReplicateResult, ChangeRecord } from './replicate.ts';
export { OUTCOME_IDS, OUTCOMES, SERIES_IDS, INSPECTION_GRADES } from './model/outcomes.ts';
export type { OutcomeId, OutcomeInfo, SeriesId, InspectionGrade } from './model/outcomes.ts';
export { ParametersSchema } from './model/parameters.ts';
export type { Parameters } from './model/parameters.ts';
export { CALIBRATION_TARGETS } from './model/calibration.ts';
export type { CalibrationTarget } from './model/calibration.ts';
export { STRUCTURES, STRUCTURE_IDS, isStructureId } from './structures/registry.ts';
export type { StructureId } from './structures/registry.ts';
export type { Structure } from './structures/structure.ts';

// errors and exit codes
export { UserError, EXIT } from './io/user-error.ts';

// the kernel
export * as kernel from './kernel/index.ts';
