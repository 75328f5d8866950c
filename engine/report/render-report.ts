/**
 * `renderReport`: reads a finished run directory and writes the self-contained `report.html` with
 * its charts as `charts/*.svg` and `charts/*.png` next to it. Every file is written atomically
 * (temporary sibling, then rename). The same run directory gives byte-identical files.
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { atomicWriteFile } from '../io/atomic-write.ts';
import { readRun } from './read-run.ts';
import type { CalibrationTarget } from './read-run.ts';
import { buildCharts } from './charts.ts';
import { renderSvg, svgToPng } from './render.ts';
import { reportHtml } from './html.ts';
import type { RenderedChart } from './html.ts';

/** Options of `renderReport`. */
export interface ReportOptions {
  /** Path of the HTML file to write; default `<runDir>/report.html`. Charts go to `charts/` beside it. */
  readonly out?: string;
  /** Published figures for the calibration chart; default `CALIBRATION_TARGETS` of engine/model/calibration.ts when it exists. */
  readonly calibrationTargets?: readonly CalibrationTarget[];
  /** Write PNG copies of the charts (default true). */
  readonly png?: boolean;
}

/** What a report render wrote. */
export interface ReportFiles {
  /** Absolute path of the HTML report. */
  readonly html: string;
  /** Absolute paths of every chart file (SVG and PNG), in report order. */
  readonly charts: readonly string[];
}

/**
 * `CALIBRATION_TARGETS` from engine/model/calibration.ts, or none when that module does not exist
 * (or exports no targets) in this version of cssim.
 */
export async function loadCalibrationTargets(): Promise<readonly CalibrationTarget[]> {
  const url = new URL('../model/calibration.ts', import.meta.url);
  if (!existsSync(fileURLToPath(url))) return [];
  const specifier = url.href; // not a literal: the module is optional at type-check time
  const mod = (await import(specifier)) as { CALIBRATION_TARGETS?: readonly CalibrationTarget[] };
  return Array.isArray(mod.CALIBRATION_TARGETS) ? mod.CALIBRATION_TARGETS : [];
}

/**
 * Renders the report of a run directory.
 *
 * @throws RunDirError (from read-run.ts) naming the file when the run directory is missing or bad.
 * @example
 * const files = await renderReport('out/partnership-vs-trust');
 * console.log(files.html); // out/partnership-vs-trust/report.html
 */
export async function renderReport(runDir: string, opts: ReportOptions = {}): Promise<ReportFiles> {
  const run = await readRun(runDir);
  const htmlPath = resolve(opts.out ?? join(runDir, 'report.html'));
  const chartDir = join(dirname(htmlPath), 'charts');
  const targets = opts.calibrationTargets ?? (await loadCalibrationTargets());
  const defs = buildCharts(run, targets);
  const rendered: RenderedChart[] = [];
  const written: string[] = [];
  for (const def of defs) {
    const svg = await renderSvg(def.spec, { idPrefix: def.id });
    const svgPath = join(chartDir, `${def.id}.svg`);
    const pngPath = join(chartDir, `${def.id}.png`);
    atomicWriteFile(svgPath, svg);
    written.push(svgPath);
    if (opts.png ?? true) {
      atomicWriteFile(pngPath, svgToPng(svg));
      written.push(pngPath);
    }
    const rel = (p: string): string => relative(dirname(htmlPath), p).split(sep).join('/');
    rendered.push({ def, svg, svgFile: rel(svgPath), pngFile: rel(pngPath) });
  }
  atomicWriteFile(htmlPath, reportHtml({ run, charts: rendered, targets }));
  return { html: htmlPath, charts: written };
}

/** File URL of a report, for printing a clickable link. */
export function reportUrl(files: ReportFiles): string {
  return pathToFileURL(files.html).href;
}
