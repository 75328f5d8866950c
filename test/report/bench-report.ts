/**
 * Report speed on a synthetic run of 7 arms x 17 outcomes (10 years of monthly series, 200 replicates):
 * `npx tsx test/report/bench-report.ts`. Target: the whole report (read, 22 charts as SVG and PNG, HTML)
 * in under 10 s. Not a test: timings are never asserted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeRunDir } from './fixtures/make-run.ts';
import { renderReport } from '../../engine/report/render-report.ts';

/** One measured figure. */
export interface BenchFigure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly note?: string;
}

/** Renders the report of a 7-arm synthetic run twice (cold, then warm) and returns the timings. */
export async function bench(): Promise<BenchFigure[]> {
  const work = mkdtempSync(join(tmpdir(), 'cssim-bench-report-'));
  try {
    const dir = makeRunDir(join(work, 'run'), { arms: 7, replicates: 200, months: 120 });
    const out: BenchFigure[] = [];
    for (const label of ['cold', 'warm']) {
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const files = await renderReport(dir);
      const wall = (performance.now() - t0) / 1000;
      const cpu = process.cpuUsage(cpu0);
      out.push({ name: `report 7 arms x 17 outcomes (${label}) wall`, value: Number(wall.toFixed(2)), unit: 's', note: `${files.charts.length} chart files; target < 10 s` });
      out.push({ name: `report 7 arms x 17 outcomes (${label}) cpu`, value: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)), unit: 's' });
    }
    return out;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const f of await bench()) console.log(`${f.name}: ${f.value} ${f.unit}${f.note ? ` (${f.note})` : ''}`);
}
