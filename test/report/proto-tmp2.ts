import { fixtureCalibrationTargets } from './fixtures/make-run.ts';
import { readRun } from '../../engine/report/read-run.ts';
import { buildCharts } from '../../engine/report/charts.ts';
import { renderSvg, svgToPng } from '../../engine/report/render.ts';
let t = performance.now();
const run = await readRun('/tmp/p-helper/run1');
console.log('read', (performance.now() - t).toFixed(0));
t = performance.now();
const charts = buildCharts(run, fixtureCalibrationTargets());
console.log('build', (performance.now() - t).toFixed(0));
let svgT = 0, pngT = 0;
for (const c of charts) {
  let t0 = performance.now();
  const svg = await renderSvg(c.spec, { idPrefix: c.id });
  const t1 = performance.now();
  svgToPng(svg);
  const t2 = performance.now();
  svgT += t1 - t0; pngT += t2 - t1;
  if (!c.id.startsWith('traj') || c.id.endsWith('referral_rate') || c.id.endsWith('grade')) console.log(c.id, (t1 - t0).toFixed(0), (t2 - t1).toFixed(0), svg.length);
}
console.log('svg total', svgT.toFixed(0), 'png total', pngT.toFixed(0));
