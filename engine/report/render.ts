/**
 * Renders Vega-Lite specs to SVG in Node (vega-lite compile → vega View with no renderer → SVG) and
 * SVG to PNG with resvg and the system fonts. No browser involved.
 *
 * Deterministic: vega's random generator is re-seeded before every render and element ids are
 * renumbered per chart, so the same spec gives byte-identical SVG in any process and in any order.
 */
import * as vl from 'vega-lite';
import * as vega from 'vega';
import { existsSync } from 'node:fs';
import { Resvg, renderAsync } from '@resvg/resvg-js';
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import type { TopLevelSpec } from 'vega-lite';
import { textWidthPx } from './text-metrics.ts';

/** Parts of vega's runtime API that its type declarations leave out. */
const vegaExtra = vega as unknown as {
  textMetrics: { width: (item: TextItem, text?: unknown) => number };
  setRandom: (random: () => number) => void;
  randomLCG: (seed: number) => () => number;
};

/** Seed of vega's random generator (used by e.g. bootstrap error bars and jitter). */
export const VEGA_SEED = 20190331;

/**
 * Renames every `id="…"` in an SVG to `<prefix>-<n>` (n counts from 1 in order of appearance) and
 * rewrites the `url(#…)` and `href="#…"` references to match, so several SVGs can be inlined in one
 * HTML page without clashing and the ids do not depend on how many charts were drawn before.
 */
export function namespaceSvgIds(svg: string, prefix: string): string {
  const ids = new Map<string, string>();
  for (const m of svg.matchAll(/\sid="([^"]+)"/g)) {
    if (!ids.has(m[1])) ids.set(m[1], `${prefix}-${ids.size + 1}`);
  }
  if (ids.size === 0) return svg;
  return svg
    .replace(/(\sid=")([^"]+)(")/g, (all, a: string, id: string, b: string) => (ids.has(id) ? `${a}${ids.get(id)}${b}` : all))
    .replace(/url\(#([^)]+)\)/g, (all, id: string) => (ids.has(id) ? `url(#${ids.get(id)})` : all))
    .replace(/(href=")#([^"]+)(")/g, (all, a: string, id: string, b: string) => (ids.has(id) ? `${a}#${ids.get(id)}${b}` : all));
}

interface TextItem {
  readonly text?: unknown;
  readonly fontSize?: number | string;
  readonly fontWeight?: number | string;
  readonly limit?: number;
}

/**
 * Makes vega lay text out with DejaVu Sans widths instead of its 0.8 em per character guess
 * (vega documents replacing `textMetrics.width` for renderers without a canvas). Idempotent.
 */
export function useDejaVuTextMetrics(): void {
  vegaExtra.textMetrics.width = (item: TextItem, text?: unknown): number => {
    const s = text === undefined || text === null ? '' : String(text).trim();
    const size = item.fontSize === undefined || item.fontSize === null ? 11 : Number(item.fontSize) || 0;
    const w = item.fontWeight;
    const bold = w === 'bold' || w === 'bolder' || (typeof w === 'number' && w >= 600) || (typeof w === 'string' && Number(w) >= 600);
    const width = textWidthPx(s, size, bold);
    return item.limit !== undefined && item.limit > 0 ? Math.min(width, item.limit) : width;
  };
}

/** A compiled Vega spec and the warnings vega-lite gave while compiling it. */
export interface Compiled {
  readonly vega: vega.Spec;
  readonly warnings: readonly string[];
}

/** Compiles a Vega-Lite spec to Vega, collecting warnings instead of printing them. */
export function compileSpec(spec: TopLevelSpec): Compiled {
  const warnings: string[] = [];
  const logger = {
    level: (): number => vega.Warn,
    warn: (...args: unknown[]): void => void warnings.push(args.map(String).join(' ')),
    info: (): void => undefined,
    debug: (): void => undefined,
    error: (...args: unknown[]): never => {
      throw new Error(args.map(String).join(' '));
    },
  };
  const out = vl.compile(spec, { logger: logger as never });
  return { vega: out.spec, warnings };
}

/** Options of `renderSvg`. */
export interface RenderSvgOptions {
  /** Prefix of the element ids in the SVG (a chart name); default `chart`. */
  readonly idPrefix?: string;
  /** Seed of vega's random generator; default `VEGA_SEED`. */
  readonly seed?: number;
}

/**
 * Compiles a Vega-Lite spec and renders it to an SVG string.
 *
 * @throws Error with vega-lite's or vega's message if the spec is invalid.
 */
export async function renderSvg(spec: TopLevelSpec, opts: RenderSvgOptions = {}): Promise<string> {
  useDejaVuTextMetrics();
  const compiled = compileSpec(spec).vega;
  vegaExtra.setRandom(vegaExtra.randomLCG(opts.seed ?? VEGA_SEED));
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: vega.Error });
  try {
    const svg = await view.toSVG();
    return namespaceSvgIds(svg, opts.idPrefix ?? 'chart');
  } finally {
    view.finalize();
  }
}

/** Font family resvg uses for `sans-serif` and unknown families (installed on Debian with fonts-dejavu). */
export const PNG_FONT_FAMILY = 'DejaVu Sans';

/** Options of `svgToPng`. */
export interface SvgToPngOptions {
  /** Pixels per SVG unit; default 2 (sharp on high-density screens and in print). */
  readonly scale?: number;
  /** Load the system fonts (default true). Without them resvg drops every text element. */
  readonly fonts?: boolean;
}

/** Where Debian's fonts-dejavu-core puts DejaVu Sans (regular and bold). */
export const DEJAVU_FILES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
] as const;

/**
 * Rasterises an SVG to PNG bytes with resvg. Text is drawn with DejaVu Sans, loaded from its files
 * when they are there (fast: scanning every system font costs ~100 ms per chart), else from the
 * system font set.
 */
export function svgToPng(svg: string, opts: SvgToPngOptions = {}): Buffer {
  return new Resvg(svg, resvgOptions(opts)).render().asPng();
}

/**
 * `svgToPng` off the main thread (resvg's `renderAsync` runs on the libuv thread pool), so PNGs are
 * drawn while the next chart's SVG is being laid out. Same bytes as `svgToPng`.
 */
export async function svgToPngAsync(svg: string, opts: SvgToPngOptions = {}): Promise<Buffer> {
  return (await renderAsync(svg, resvgOptions(opts))).asPng();
}

function resvgOptions(opts: SvgToPngOptions): ResvgRenderOptions {
  const fonts = opts.fonts ?? true;
  const direct = DEJAVU_FILES.every((f) => existsSync(f));
  return {
    fitTo: { mode: 'zoom', value: opts.scale ?? 2 },
    background: 'white',
    font: !fonts
      ? { loadSystemFonts: false }
      : direct
        ? { loadSystemFonts: false, fontFiles: [...DEJAVU_FILES], defaultFontFamily: PNG_FONT_FAMILY, sansSerifFamily: PNG_FONT_FAMILY }
        : { loadSystemFonts: true, defaultFontFamily: PNG_FONT_FAMILY, sansSerifFamily: PNG_FONT_FAMILY },
  };
}
