/**
 * `cssim run SCENARIO`: runs every arm x replicate of a scenario on worker threads and writes a run
 * directory (manifest.json, CSV tables, optionally Parquet, and the report).
 */
import { basename, extname, join, resolve as resolvePath } from 'node:path';
import { Option, InvalidArgumentError } from 'commander';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { UserError, EXIT } from '../io/user-error.ts';
import { addSetOption } from './set-option.ts';
import { loadScenario } from '../io/scenario/load.ts';
import { readManifest } from '../io/manifest.ts';
import { runScenario } from '../runner/run-scenario.ts';
import type { Progress } from '../runner/run-scenario.ts';

interface RunCliOptions {
  replicates?: number;
  workers?: number;
  batchSize?: number;
  seed?: number;
  out?: string;
  set: string[];
  report: boolean;
  format: 'csv' | 'parquet';
  precision?: number;
  maxReplicates?: number;
  resume?: string | boolean;
  keepBatches?: boolean;
  quiet?: boolean;
  json?: boolean;
}

function positiveInt(name: string) {
  return (v: string): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be a positive whole number, got "${v}"`);
    return n;
  };
}

function nonNegativeInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 2 ** 32 - 1) throw new InvalidArgumentError(`--seed must be a whole number from 0 to 4294967295, got "${v}"`);
  return n;
}

function share(v: string): number {
  const n = Number(v);
  if (!(n > 0 && n < 1)) throw new InvalidArgumentError(`--precision must be a share between 0 and 1 such as 0.02 (2%), got "${v}"`);
  return n;
}

function formatSeconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms < 120_000 ? `${Math.round(ms / 1000)} s` : `${(ms / 60_000).toFixed(1)} min`;
}

/** Registers `cssim run`. */
export function registerRun(program: Command): void {
  const cmd = program
    .command('run')
    .description('run every arm x replicate of a scenario on worker threads and write a run directory (tables, manifest, report)')
    .argument('<scenario>', 'scenario file (YAML)')
    .option('-n, --replicates <n>', 'replicates per arm (default: the scenario\'s replicates; with --precision, the first round)', positiveInt('--replicates'))
    .option('-w, --workers <n>', 'worker threads (default: available cores)', positiveInt('--workers'))
    .option('--batch-size <n>', 'replicates per task sent to a worker (default: up to 10; never changes results)', positiveInt('--batch-size'))
    .option('--seed <n>', 'root seed (default: the scenario\'s seed)', nonNegativeInt)
    .option('-o, --out <dir>', 'run directory (default: out/<scenario file name>)');
  addSetOption(cmd);
  cmd
    .option('--no-report', 'do not render report.html and the charts')
    .addOption(new Option('--format <format>', 'table format: csv, or parquet for CSV plus Parquet copies').choices(['csv', 'parquet']).default('csv'))
    .option('--precision <share>', 'add replicates in rounds until every reported outcome\'s 95% CI half-width is within this share of |mean| (e.g. 0.02)', share)
    .option('--max-replicates <n>', 'replicate ceiling for --precision (default: 10 x the first round)', positiveInt('--max-replicates'))
    .option('--resume [dir]', 'finish an interrupted run in DIR (default: --out), reusing its finished batches')
    .option('--keep-batches', 'keep the per-batch files in <out>/.batches after a complete run')
    .option('-q, --quiet', 'no progress bar and no summary line')
    .option('--json', 'print the manifest summary as JSON on stdout')
    .addHelpText('after', `
Exit codes: 0 complete, 1 failed or interrupted (resume with --resume), 2 bad input.
Examples:
  cssim run scenarios/partnership-vs-trust.yaml
  cssim run scenarios/dcs-merge.yaml -n 500 -w 2 -o out/dcs-500
  cssim run scenarios/dcs-merge.yaml --set parameters.workforce.caseloadTarget=20 --no-report
  cssim run scenarios/dcs-merge.yaml --precision 0.02 --max-replicates 2000
  cssim run scenarios/dcs-merge.yaml --resume out/dcs-merge`)
    .action(async (scenarioFile: string, o: RunCliOptions) => {
      await runCommand(scenarioFile, o);
    });
}

async function runCommand(scenarioFile: string, o: RunCliOptions): Promise<void> {
  const stem = basename(scenarioFile, extname(scenarioFile));
  const resumeDir = typeof o.resume === 'string' ? o.resume : o.resume ? (o.out ?? join('out', stem)) : undefined;
  if (typeof o.resume === 'string' && o.out && resolvePath(o.out) !== resolvePath(o.resume)) {
    throw new UserError(`--resume ${o.resume} and --out ${o.out} name different directories; give one of them`);
  }
  const out = resumeDir ?? o.out ?? join('out', stem);
  let previous = null;
  if (resumeDir) {
    try {
      previous = readManifest(resumeDir);
    } catch (err) {
      throw new UserError(`--resume ${resumeDir}: ${(err as Error).message}`);
    }
    if (!previous) throw new UserError(`--resume ${resumeDir}: no manifest.json there, so there is no run to resume`);
  }
  if (o.maxReplicates !== undefined && o.precision === undefined && !previous?.precision) {
    throw new UserError('--max-replicates only applies with --precision');
  }
  // On resume, seed and first-round replicates default to the interrupted run's, so its hash matches.
  const resolved = await loadScenario(scenarioFile, {
    set: o.set,
    seed: o.seed ?? previous?.seed,
    replicates: o.replicates ?? previous?.resolved.replicates,
  });

  const showBar = !o.quiet && process.stderr.isTTY === true;
  const bar = showBar
    ? new cliProgress.SingleBar({
      stream: process.stderr,
      format: 'cssim run |{bar}| {value}/{total} replicates | {rate}/s | ETA {etaText}',
      hideCursor: true,
      clearOnComplete: true,
    }, cliProgress.Presets.shades_classic)
    : null;
  let barStarted = false;
  const onProgress = (p: Progress): void => {
    if (!bar) return;
    const payload = { rate: p.rate.toFixed(1), etaText: Number.isFinite(p.etaSeconds) ? formatSeconds(p.etaSeconds * 1000) : '…' };
    if (!barStarted) { bar.start(p.total, p.done, payload); barStarted = true; }
    else { bar.setTotal(p.total); bar.update(p.done, payload); }
  };

  const controller = new AbortController();
  const onSignal = (sig: NodeJS.Signals): void => {
    if (controller.signal.aborted) {
      process.stderr.write(`\ncssim: ${sig} again: quitting without waiting\n`);
      process.exit(EXIT.failed);
    }
    process.stderr.write(`\ncssim: ${sig}: finishing the batches in flight, then saving (press again to quit at once)\n`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  let result;
  try {
    result = await runScenario(resolved, {
      out,
      replicates: o.replicates,
      workers: o.workers,
      batchSize: o.batchSize,
      precision: o.precision,
      maxReplicates: o.maxReplicates,
      resume: resumeDir !== undefined,
      format: o.format,
      signal: controller.signal,
      onProgress,
      onRetry: (message) => { if (!o.quiet) process.stderr.write(`\ncssim: worker error: ${message}\n`); },
      scenarioFile,
      keepBatches: o.keepBatches,
    });
  } finally {
    if (barStarted) bar?.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }

  const m = result.manifest;
  const arms = resolved.arms.length;
  let reportFile: string | null = null;
  let reportError: string | null = null;
  if (result.status === 'complete' && o.report) {
    try {
      // loaded only when needed: the report stack (vega, resvg) takes a while to import
      const { renderReport } = await import('../report/render-report.ts');
      reportFile = (await renderReport(result.dir)).html;
    } catch (err) {
      reportError = (err as Error)?.message ?? String(err);
    }
  }

  if (o.json) {
    const { resolved: _r, ...rest } = m;
    void _r;
    process.stdout.write(JSON.stringify({ dir: result.dir, report: reportFile, ...rest }, null, 2) + '\n');
  }
  if (result.status === 'interrupted') {
    throw new UserError(
      `interrupted: ${m.replicates} of ${m.targetReplicates} replicates per arm are complete and saved in ${out}; ` +
      `finish with: cssim run ${scenarioFile} --resume ${out}`,
      EXIT.failed,
    );
  }
  if (!o.quiet) {
    const precision = m.precision
      ? ` (precision ${m.precision.target}: ${m.precision.reached === 'precision' ? 'reached' : `not reached, stopped at --max-replicates ${m.precision.maxReplicates}`})`
      : '';
    process.stderr.write(
      `cssim: ${arms} arm${arms === 1 ? '' : 's'} x ${m.replicates} replicates${precision} in ${formatSeconds(m.timings?.wallMs ?? 0)} ` +
      `on ${m.workers} worker${m.workers === 1 ? '' : 's'} -> ${out}${reportFile ? ` (report: ${reportFile})` : ''}\n`,
    );
  }
  if (reportError) {
    throw new UserError(`the results are in ${out}, but the report failed: ${reportError} (retry with: cssim report ${out})`, EXIT.failed);
  }
}
