/**
 * What every chart shares: provenance footer, arm styles that survive greyscale and colour-blindness,
 * outcome display units, and the base Vega-Lite config.
 */
import type { TopLevelSpec } from 'vega-lite';
import { OUTCOMES } from '../../model/outcomes.ts';
import type { OutcomeId } from '../../model/outcomes.ts';

/** Where a chart's numbers come from; printed in every chart's footer. */
export interface Provenance {
  readonly scenarioName: string;
  /** Full scenario hash; the footer prints the first 12 characters. */
  readonly scenarioHash: string;
  readonly seed: number;
  /** Replicates per arm. */
  readonly replicates: number;
  readonly cssimVersion: string;
}

/** One arm as charts draw it: name in legends, and a colour, dash and shape of its own. */
export interface ArmStyle {
  readonly id: string;
  readonly name: string;
  readonly color: string;
  /** Stroke dash array for lines ([] = solid). */
  readonly dash: readonly number[];
  /** Vega point shape. */
  readonly shape: string;
}

/**
 * Okabe–Ito colours (Okabe & Ito 2008, "Color Universal Design"), distinguishable with the common
 * colour-vision deficiencies; black first for the baseline. Yellow is last: it is faint on white.
 */
export const OKABE_ITO = ['#000000', '#E69F00', '#0072B2', '#009E73', '#D55E00', '#56B4E9', '#CC79A7', '#F0E442'] as const;

/** Line dashes, one per arm, so arms stay apart in greyscale print. */
export const DASHES: readonly (readonly number[])[] = [[], [6, 3], [2, 2], [8, 3, 2, 3], [4, 4], [1, 3], [10, 2, 2, 2, 2, 2], [12, 4]];

/** Point shapes, one per arm, for the same reason. */
export const SHAPES = ['circle', 'square', 'triangle-up', 'diamond', 'cross', 'triangle-down', 'triangle-right', 'triangle-left'] as const;

/**
 * Styles for the arms in scenario order (baseline first if it is not already): colour, dash and shape
 * each cycle independently, so at least 8 arms are distinct.
 */
export function armStyles(arms: readonly { id: string; name: string }[], baseline: string): ArmStyle[] {
  const ordered = [...arms.filter((a) => a.id === baseline), ...arms.filter((a) => a.id !== baseline)];
  return ordered.map((a, i) => ({
    id: a.id,
    name: a.name,
    color: OKABE_ITO[i % OKABE_ITO.length],
    dash: DASHES[i % DASHES.length],
    shape: SHAPES[i % SHAPES.length],
  }));
}

/** How an outcome is shown: values are divided by `divisor` and labelled with `unit`. */
export interface OutcomeDisplay {
  readonly label: string;
  readonly unit: string;
  readonly divisor: number;
  /** d3-format string for axis labels and tables. */
  readonly format: string;
}

/** Display of an outcome (spend in GBP million, everything else in its own unit). */
export function outcomeDisplay(id: string): OutcomeDisplay {
  const info = OUTCOMES[id as OutcomeId];
  if (!info) return { label: id, unit: '', divisor: 1, format: ',.3~r' };
  if (id === 'spend_gbp') return { label: info.label, unit: 'GBP million per year', divisor: 1e6, format: ',.1f' };
  if (id === 'cost_per_child_helped') return { label: info.label, unit: info.unit, divisor: 1, format: ',.0f' };
  return { label: info.label, unit: info.unit, divisor: 1, format: ',.3~r' };
}

/**
 * Unit of a difference: percentage points for shares ("% of referrals" → "percentage points"),
 * grade points for the inspection grade, the outcome's own unit otherwise.
 */
export function diffUnit(metric: string): string {
  const d = outcomeDisplay(metric);
  if (d.unit.startsWith('%')) return 'percentage points';
  if (metric === 'inspection_grade') return 'grade points';
  return d.unit;
}

/** "Label (unit)", for axis titles. */
export function axisTitle(id: string): string {
  const d = outcomeDisplay(id);
  return d.unit ? `${d.label} (${d.unit})` : d.label;
}

/** The footer line printed under every chart. */
export function footerText(p: Provenance): string {
  return `Scenario: ${p.scenarioName} · hash ${p.scenarioHash.slice(0, 12)} · seed ${p.seed} · ${p.replicates} replicates per arm · cssim ${p.cssimVersion}`;
}

/** Font stack: DejaVu Sans is on the render machine (resvg); browsers fall back to their sans-serif. */
export const FONT = 'DejaVu Sans, Verdana, Arial, sans-serif';

/** Base config for every chart: fonts, white background, no chart border. */
export const BASE_CONFIG = {
  font: FONT,
  background: 'white',
  view: { stroke: '#bbb' },
  title: { anchor: 'start', fontSize: 15, subtitleFontSize: 11, subtitleColor: '#333', offset: 10 },
  axis: { labelFontSize: 10, titleFontSize: 11, titleFontWeight: 'normal', gridColor: '#e6e6e6' },
  legend: { labelFontSize: 11, titleFontSize: 11, titleFontWeight: 'normal', symbolStrokeWidth: 2, labelLimit: 320 },
  header: { labelFontSize: 11, titleFontSize: 11 },
  concat: { spacing: 18 },
} as const;

/**
 * Wraps a chart body (any Vega-Lite view: unit, layer, concat, facet) with a plain-words title, an
 * optional subtitle and the provenance footer as the last row.
 *
 * @param width width of the footer row in pixels (the text is left-aligned and not clipped).
 */
export function withFooter(
  body: Record<string, unknown>,
  title: string,
  subtitle: string | readonly string[] | undefined,
  provenance: Provenance,
  width = 600,
): TopLevelSpec {
  const footer = {
    data: { values: [{}] },
    mark: { type: 'text', text: footerText(provenance), align: 'left', baseline: 'top', fontSize: 10, color: '#444' },
    encoding: { x: { value: 0 }, y: { value: 2 } },
    width,
    height: 14,
    view: { stroke: null },
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: subtitle === undefined ? { text: title } : { text: title, subtitle: subtitle as string | string[] },
    description: `${title}. ${footerText(provenance)}`,
    config: BASE_CONFIG,
    padding: 12,
    vconcat: [body, footer],
    // keep legends with the chart body, above the footer
    resolve: { legend: { color: 'independent', fill: 'independent', stroke: 'independent', strokeDash: 'independent', shape: 'independent' } },
  } as unknown as TopLevelSpec;
}

/** Escapes a string for use inside a single-quoted Vega expression string literal. */
export function exprString(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, ' ')}'`;
}

/** The arm legend: one entry per arm, merged across every channel that shows `armName`. */
export const ARM_LEGEND = { orient: 'bottom', direction: 'horizontal', columns: 2, symbolStrokeWidth: 2.5, symbolSize: 160, symbolOpacity: 1, labelLimit: 420, columnPadding: 24 } as const;

/**
 * Vega-Lite encodings mapping arms to their colour, dash and shape. Channels built on `armName`
 * share one legend; `quiet` uses the duplicate field `armTint` (same colours, no legend) for bands,
 * rules and labels so they do not split or hide the legend. Data rows must carry both fields.
 */
export function armScales(styles: readonly ArmStyle[], legend: Record<string, unknown> = {}): {
  color: Record<string, unknown>;
  strokeDash: Record<string, unknown>;
  shape: Record<string, unknown>;
  quiet: Record<string, unknown>;
} {
  const domain = styles.map((s) => s.name);
  const lg = { ...ARM_LEGEND, ...legend };
  const base = { field: 'armName', type: 'nominal', title: 'Arm', sort: domain, legend: lg };
  return {
    color: { ...base, scale: { domain, range: styles.map((s) => s.color) } },
    strokeDash: { ...base, scale: { domain, range: styles.map((s) => [...s.dash]) } },
    shape: { ...base, scale: { domain, range: styles.map((s) => s.shape) } },
    quiet: { field: 'armTint', type: 'nominal', scale: { domain, range: styles.map((s) => s.color) }, legend: null },
  };
}
