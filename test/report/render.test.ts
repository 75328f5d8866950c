import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { namespaceSvgIds, renderSvg, svgToPng } from '../../engine/report/render.ts';
import { withFooter } from '../../engine/report/specs/common.ts';
import { inflateSync } from 'node:zlib';

const provenance = { scenarioName: 'Test', scenarioHash: 'abcdef0123456789abcdef', seed: 7, replicates: 12, cssimVersion: '0.1.0' };

/** A chart that draws random numbers inside vega (a bootstrap CI) and clips (so it has ids). */
const randomSpec = withFooter(
  {
    data: { values: Array.from({ length: 30 }, (_, i) => ({ g: i % 3 === 0 ? 'a' : 'b', v: (i * 37) % 11 })) },
    width: 300,
    height: 120,
    layer: [
      { mark: { type: 'errorbar', extent: 'ci' }, encoding: { x: { field: 'g', type: 'nominal', title: 'Group' }, y: { field: 'v', type: 'quantitative', title: 'Value (units)' } } },
      { mark: { type: 'area', clip: true }, encoding: { x: { field: 'g', type: 'nominal' }, y: { aggregate: 'mean', field: 'v', type: 'quantitative' } } },
    ],
  },
  'A chart with bootstrap intervals',
  undefined,
  provenance,
) as TopLevelSpec;

/** Decodes an 8-bit RGBA/RGB PNG (no interlace) into rows of grey levels. */
function pngRows(png: Buffer): { width: number; height: number; rows: Uint8Array[] } {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const colorType = png[25];
  const channels = colorType === 6 ? 4 : colorType === 2 ? 3 : colorType === 0 ? 1 : 2;
  const idat: Buffer[] = [];
  for (let off = 8; off < png.length; ) {
    const len = png.readUInt32BE(off);
    const type = png.toString('ascii', off + 4, off + 8);
    if (type === 'IDAT') idat.push(png.subarray(off + 8, off + 8 + len));
    off += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows: Uint8Array[] = [];
  let prev = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)];
    const line = new Uint8Array(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? line[i - channels] : 0;
      const b = prev[i];
      const c = i >= channels ? prev[i - channels] : 0;
      const p = a + b - c;
      const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      const pred = f === 0 ? 0 : f === 1 ? a : f === 2 ? b : f === 3 ? (a + b) >> 1 : pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      line[i] = (line[i] + pred) & 0xff;
    }
    prev = line;
    const grey = new Uint8Array(width);
    for (let x = 0; x < width; x++) grey[x] = line[x * channels];
    rows.push(grey);
  }
  return { width, height, rows };
}

/** Pixels darker than mid-grey in rows [y0, y1). */
function darkPixels(img: { rows: Uint8Array[] }, y0: number, y1: number): number {
  let n = 0;
  for (let y = y0; y < y1; y++) for (const v of img.rows[y]) if (v < 128) n++;
  return n;
}

describe('report/render', () => {
  describe('renderSvg()', () => {
    it('gives byte-identical SVG when the same spec is rendered twice', async () => {
      const a = await renderSvg(randomSpec, { idPrefix: 'x' });
      const b = await renderSvg(randomSpec, { idPrefix: 'x' });
      expect(a.length).toBeGreaterThan(1000);
      expect(b).toBe(a);
    });

    it('does not depend on how many charts were rendered before (ids are numbered per chart)', async () => {
      const first = await renderSvg(randomSpec, { idPrefix: 'x' });
      for (let i = 0; i < 3; i++) await renderSvg(randomSpec, { idPrefix: 'other' });
      expect(await renderSvg(randomSpec, { idPrefix: 'x' })).toBe(first);
      expect(first).toMatch(/id="x-1"/);
      expect(first).not.toMatch(/id="clip\d+"/);
    });

    it('writes no timestamp or date of rendering into the SVG', async () => {
      const svg = await renderSvg(randomSpec);
      const today = new Date().toISOString().slice(0, 10);
      expect(svg).not.toContain(today);
      expect(svg).not.toContain(String(new Date().getUTCFullYear()));
    });

    it('escapes text from the data (no raw markup from a scenario reaches the SVG)', async () => {
      const spec = withFooter({ data: { values: [{ a: '<script>alert(1)</script>', v: 1 }] }, mark: 'bar', encoding: { x: { field: 'a', type: 'nominal', title: 'A' }, y: { field: 'v', type: 'quantitative', title: 'V' } } }, 'T', undefined, { ...provenance, scenarioName: '<b>x</b>' });
      const svg = await renderSvg(spec);
      expect(svg).not.toContain('<script>');
      expect(svg).not.toContain('<b>');
      expect(svg).toContain('&lt;script&gt;');
    });
  });

  describe('namespaceSvgIds()', () => {
    it('renames ids and the references to them', () => {
      const svg = '<svg><g clip-path="url(#clip7)"/><use href="#clip7"/><defs><clipPath id="clip7"/></defs></svg>';
      expect(namespaceSvgIds(svg, 'c')).toBe('<svg><g clip-path="url(#c-1)"/><use href="#c-1"/><defs><clipPath id="c-1"/></defs></svg>');
    });
  });

  describe('svgToPng()', () => {
    it('draws the title text: the title band has dark pixels with fonts and none without', async () => {
      const svg = await renderSvg(randomSpec);
      const withFonts = pngRows(svgToPng(svg, { scale: 1 }));
      const noFonts = pngRows(svgToPng(svg, { scale: 1, fonts: false }));
      expect(withFonts.width).toBe(noFonts.width);
      // the title sits in the top padding + title band: about the first 30 px at scale 1
      expect(darkPixels(withFonts, 0, 30)).toBeGreaterThan(150);
      expect(darkPixels(noFonts, 0, 30)).toBe(0);
      // and the rest of the text (axis titles, footer) adds many more dark pixels
      expect(darkPixels(withFonts, 0, withFonts.height)).toBeGreaterThan(darkPixels(noFonts, 0, noFonts.height) + 500);
    });
  });
});
