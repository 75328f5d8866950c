import { writeFileSync } from 'node:fs';
import { readRun } from '../../engine/report/read-run.ts';
import { buildCharts } from '../../engine/report/charts.ts';
import { renderSvg, svgToPng } from '../../engine/report/render.ts';
import { CALIBRATION_TARGETS } from '../../engine/model/calibration.ts';
const run = await readRun(process.argv[2]);
for (const c of buildCharts(run, CALIBRATION_TARGETS)) {
  if (!process.argv.slice(3).includes(c.id)) continue;
  const svg = await renderSvg(c.spec, { idPrefix: c.id });
  writeFileSync(`/tmp/p-helper/out/${c.id}.png`, svgToPng(svg, { scale: 1.5 }));
}
