import { readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { svgToPng } from '../../engine/report/render.ts';
const svg = readFileSync('/tmp/p-helper/real1/charts/trajectory-sw_caseload.svg', 'utf8');
const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
for (const [label, fn] of [
  ['scale2 fonts', () => svgToPng(svg, { scale: 2 })],
  ['scale2 nofonts', () => svgToPng(svg, { scale: 2, fonts: false })],
  ['scale1.5 fonts', () => svgToPng(svg, { scale: 1.5 })],
  ['render only scale2', () => new Resvg(svg, { fitTo: { mode: 'zoom', value: 2 }, font: { loadSystemFonts: false, fontFiles: ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'] } }).render()],
] as const) {
  const a = cpu(); let n = 0;
  for (let i = 0; i < 5; i++) n += (fn() as any).length ?? 0;
  console.log(label, ((cpu() - a) / 5).toFixed(1));
}
const bufs = ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'].map((f) => readFileSync(f));
{
  const a = cpu();
  for (let i = 0; i < 5; i++) new Resvg(svg, { fitTo: { mode: 'zoom', value: 2 }, font: { loadSystemFonts: false, fontBuffers: bufs, defaultFontFamily: 'DejaVu Sans' } as any }).render().asPng();
  console.log('buffers scale2', ((cpu() - a) / 5).toFixed(1));
}
