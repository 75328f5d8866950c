/**
 * `renderReport`: reads a finished run directory and writes the self-contained `report.html` with
 * its charts as `charts/*.svg` and `charts/*.png` next to it. Every file is written atomically
 * (temporary sibling, then rename). The same run directory gives byte-identical files.
 */
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CALIBRATION_TARGETS } from '../model/calibration.ts';
import { atomicWriteFile } from '../io/atomic-write.ts';
import { readRun } from './read-run.ts';
import type { CalibrationTarget } from './read-run.ts';
import { buildCharts } from './charts.ts';
import { renderSvg, svgToPngAsync } from './render.ts';
import { reportHtml } from './html.ts';
import type { RenderedChart } from './html.ts';

/** Options of `renderReport`. */
export interface ReportOptions {
  /** Path of the HTML file to write; default `<runDir>/report.html`. Charts go to `charts/` beside it. */
  readonly out?: string;
  /** Published figures for the calibration chart; default `CALIBRATION_TARGETS` of engine/model/calibration.ts. */
  readonly calibrationTargets?: readonly CalibrationTarget[];
  /** Write PNG copies of the charts (default true). */
  readonly png?: boolean;
  /** Called after each chart is laid out, with charts done and the total (for a progress bar). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** What a report render wrote. */
export interface ReportFiles {
  /** Absolute path of the HTML report. */
  readonly html: string;
  /** Absolute paths of every chart file (SVG and PNG), in report order. */
  readonly charts: readonly string[];
}

/**
 * Renders the report of a run directory.
 *
 * @param run the run directory, or anything with its path as `dir` (e.g. the `RunResult` of `runScenario`).
 * @param opts options, or just an output directory (the report is written as `<dir>/report.html`).
 * @throws RunDirError (from read-run.ts) naming the file when the run directory is missing or bad.
 * @example
 * const files = await renderReport('out/partnership-vs-trust');
 * console.log(files.html); // …/out/partnership-vs-trust/report.html
 * await renderReport(run, 'site/dcs-merge'); // a RunResult, written to site/dcs-merge/report.html
 */
export async function renderReport(run: string | { readonly dir: string }, opts: ReportOptions | string = {}): Promise<ReportFiles> {
  const runDir = typeof run === 'string' ? run : run.dir;
  const o: ReportOptions = typeof opts === 'string' ? { out: join(opts, 'report.html') } : opts;
  return renderRunDir(runDir, o);
}

async function renderRunDir(runDir: string, opts: ReportOptions): Promise<ReportFiles> {
  const run = await readRun(runDir);
  const htmlPath = resolve(opts.out ?? join(runDir, 'report.html'));
  const chartDir = join(dirname(htmlPath), 'charts');
  const targets = opts.calibrationTargets ?? CALIBRATION_TARGETS;
  const defs = buildCharts(run, targets);
  const rendered: RenderedChart[] = [];
  const written: string[] = [];
  const pngs: Promise<void>[] = [];
  const rel = (p: string): string => relative(dirname(htmlPath), p).split(sep).join('/');
  try {
    for (const def of defs) {
      // vega lays out one chart at a time on this thread; resvg draws the PNGs on the libuv pool meanwhile
      const svg = await renderSvg(def.spec, { idPrefix: def.id });
      const svgPath = join(chartDir, `${def.id}.svg`);
      const pngPath = join(chartDir, `${def.id}.png`);
      atomicWriteFile(svgPath, svg);
      written.push(svgPath);
      if (opts.png ?? true) {
        written.push(pngPath);
        pngs.push(svgToPngAsync(svg).then((png) => atomicWriteFile(pngPath, png)));
      }
      rendered.push({ def, svg, svgFile: rel(svgPath), pngFile: rel(pngPath) });
      opts.onProgress?.(rendered.length, defs.length);
    }
  } finally {
    await Promise.allSettled(pngs); // never leave a PNG being written behind us
  }
  await Promise.all(pngs);
  atomicWriteFile(htmlPath, reportHtml({ run, charts: rendered, targets }));
  return { html: htmlPath, charts: written };
}

/** File URL of a report, for printing a clickable link. */
export function reportUrl(files: ReportFiles): string {
  return pathToFileURL(files.html).href;
}
