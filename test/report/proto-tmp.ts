import { makeRunDir, fixtureCalibrationTargets } from './fixtures/make-run.ts';
import { renderReport } from '../../engine/report/render-report.ts';
const dir = makeRunDir('/tmp/p-helper/run1');
const t = performance.now();
const f = await renderReport(dir, { calibrationTargets: fixtureCalibrationTargets() });
console.log(f.html, f.charts.length, performance.now() - t);
