/**
 * `cssim report RUN_DIR [--out FILE] [--no-png] [--json]`: writes the self-contained HTML report of a
 * finished run directory, with its charts as `charts/*.svg|png` beside it.
 *
 * Prints the report path (stdout); a bad run directory is exit 2 with a message naming the file.
 */
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { EXIT, UserError } from '../io/user-error.ts';

/** Options of `cssim report`. */
interface ReportCliOptions {
  readonly out?: string;
  readonly png: boolean;
  readonly json?: boolean;
  readonly quiet?: boolean;
}

/** Registers `cssim report`. */
export function registerReport(program: Command): void {
  program
    .command('report')
    .description('write report.html (self-contained, works offline) and charts/*.svg|png for a run directory')
    .argument('<run-dir>', 'output directory of `cssim run` (holds manifest.json and the CSV tables)')
    .option('-o, --out <file>', 'HTML file to write (default <run-dir>/report.html); charts go to charts/ beside it')
    .option('--no-png', 'skip the PNG copies of the charts')
    .option('--json', 'print {html, charts, ms} as JSON on stdout')
    .option('-q, --quiet', 'no progress bar and no summary line')
    .addHelpText('after', `
Exit codes: 0 written, 2 the run directory is missing or damaged (the message names the file).
Examples:
  cssim report out/partnership-vs-trust
  cssim report out/partnership-vs-trust --out site/index.html
  cssim report out/partnership-vs-trust --no-png --json`)
    .action(async (runDir: string, opts: ReportCliOptions) => {
      const t0 = performance.now();
      // loaded on use: the chart stack (vega, resvg) takes a while to import and other commands do not need it
      const { renderReport } = await import('../report/render-report.ts');
      const { RunDirError } = await import('../report/read-run.ts');
      try {
        // a progress bar on stderr, only on a terminal
        const bar = !opts.quiet && process.stderr.isTTY === true
          ? new cliProgress.SingleBar({
            stream: process.stderr,
            format: 'cssim report |{bar}| {value}/{total} charts',
            hideCursor: true,
            clearOnComplete: true,
          }, cliProgress.Presets.shades_classic)
          : null;
        const onProgress = (done: number, total: number): void => {
          if (!bar) return;
          if (done === 1) bar.start(total, done);
          else bar.update(done);
        };
        let files;
        try {
          files = await renderReport(runDir, { out: opts.out, png: opts.png, onProgress });
        } finally {
          bar?.stop();
        }
        const ms = Math.round(performance.now() - t0);
        if (opts.json) process.stdout.write(JSON.stringify({ html: files.html, charts: files.charts, ms }, null, 2) + '\n');
        else {
          process.stdout.write(`${files.html}\n`);
          if (!opts.quiet) process.stderr.write(`cssim report: ${files.charts.length} chart files and the report written in ${(ms / 1000).toFixed(1)} s\n`);
        }
      } catch (err) {
        if (err instanceof RunDirError) throw new UserError(`bad run directory: ${err.message}`, EXIT.badInput);
        throw err;
      }
    });
}
