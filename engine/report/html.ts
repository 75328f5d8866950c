/**
 * The self-contained HTML report: one file, no scripts, no external fonts, styles or images; charts
 * inline as SVG. Every string that comes from a scenario or a run file is HTML-escaped.
 */
import { z } from 'zod';
import { OUTCOMES } from '../model/outcomes.ts';
import type { OutcomeId } from '../model/outcomes.ts';
import { ParametersSchema } from '../model/parameters.ts';
import type { CalibrationTarget, RunData } from './read-run.ts';
import type { ChartDef, ChartKind } from './charts.ts';
import { calibrationApplies, reportedOutcomes, summaryIndex } from './charts.ts';
import { outcomeDisplay } from './specs/common.ts';
import { format, formatSigned } from './specs/format-number.ts';
import { pct, verdicts } from './summary.ts';
import type { ArmVerdict, DiffItem } from './summary.ts';

/** A chart after rendering: its definition, inline SVG and the files written for it. */
export interface RenderedChart {
  readonly def: ChartDef;
  readonly svg: string;
  /** Paths relative to the HTML file. */
  readonly svgFile: string;
  readonly pngFile: string;
}

/** Input of `reportHtml`. */
export interface HtmlInput {
  readonly run: RunData;
  readonly charts: readonly RenderedChart[];
  /** The calibration targets that were available (empty when none were). */
  readonly targets: readonly CalibrationTarget[];
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(s: unknown): string {
  return String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const e = escapeHtml;

/** How to read each kind of chart, printed under it. */
const CAPTIONS: Readonly<Record<ChartKind, string>> = {
  forest:
    'Each panel is one outcome. A marker is the mean paired difference between an option and the baseline: both ran on the same replicates with the same random world (common random numbers), so the difference is mostly the effect of the structure. The line is its 95% confidence interval. If the line crosses the dashed zero line, the run cannot tell the option from the baseline on that outcome. The panel title says which side is better.',
  trajectory:
    'The line is the median across replicates in each month; the shaded band holds the middle 90% of replicates (5th to 95th percentile), which shows how much a single authority could vary, not the uncertainty of the mean. Dashed vertical rules mark scheduled structural changes.',
  distribution:
    'How each outcome over the whole horizon varies from replicate to replicate. Whiskers span the 5th to 95th percentile, the box the middle half, the black bar is the median and the white dot the mean.',
  'cost-outcome':
    'Each large marker is an arm’s mean spend and harm events with 95% confidence intervals on both axes; the small dots are single replicates. An option down and to the left of the baseline costs less and harms fewer children.',
  inspection:
    'For each arm, the share of replicates whose latest inspection judgement is outstanding, good, requires improvement or inadequate, month by month (grey: not yet inspected).',
  calibration:
    'The baseline arm’s figures as a percentage of the published figures the model was calibrated to. The grey band is the tolerance accepted in calibration; a marker outside it is a figure the model does not reproduce.',
};

const SECTION_TITLES: Readonly<Record<ChartKind, string>> = {
  forest: 'Paired differences against the baseline',
  trajectory: 'Outcomes over time',
  distribution: 'Distributions across replicates',
  'cost-outcome': 'Cost against outcome',
  inspection: 'Inspection judgements over time',
  calibration: 'Calibration against published figures',
};

const STYLE = `
body{font-family:"DejaVu Sans",Verdana,Arial,sans-serif;color:#111;margin:0;background:#fff;line-height:1.45}
main{max-width:1240px;margin:0 auto;padding:24px 28px 64px}
h1{font-size:1.7em;margin:0.2em 0}h2{font-size:1.35em;margin-top:2em;border-bottom:2px solid #222;padding-bottom:4px}
h3{font-size:1.1em;margin-top:1.6em}
.meta{color:#333;font-size:0.92em}
.banner{background:#fff3cd;border:2px solid #b58100;padding:10px 14px;margin:12px 0;font-weight:bold}
table{border-collapse:collapse;margin:10px 0 18px;font-size:0.88em;max-width:100%}
td code{word-break:break-all}
#table-scenario th,#table-provenance th{white-space:nowrap;overflow-wrap:normal}
.wide{overflow-x:auto;max-width:100%}
th,td{border:1px solid #bbb;padding:4px 8px;vertical-align:top;text-align:left;overflow-wrap:anywhere}
th{background:#f0f0f0}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.better{background:#e3f0fa}td.worse{background:#fbe6d9}td.unclear{color:#444}
figure{margin:18px 0 30px}figure .chart svg{max-width:100%;height:auto;display:block}
figcaption{font-size:0.9em;color:#222;max-width:900px;margin-top:6px}
figcaption a{color:#0b5394}
nav ol{columns:2;font-size:0.92em}
pre{background:#f6f6f6;border:1px solid #ddd;padding:10px;overflow:auto;font-size:0.8em;max-height:520px}
.key{display:inline-block;padding:0 6px;border:1px solid #999}
@media print{nav{display:none}figure{page-break-inside:avoid}}
`;

function num(v: number, spec: string): string {
  return e(format(v, spec));
}

function outcomeCell(metric: string): string {
  const d = outcomeDisplay(metric);
  const info = OUTCOMES[metric as OutcomeId];
  const better = info ? (info.better === 'neither' ? 'no better direction' : `${info.better} is better`) : '';
  return `<td><strong>${e(d.label)}</strong><br><span class="meta">${e(d.unit)}${better ? `; ${e(better)}` : ''}</span></td>`;
}

function summaryTable(run: RunData): string {
  const idx = summaryIndex(run);
  const arms = [...run.manifest.arms].sort((a, b) => Number(b.id === run.manifest.baseline) - Number(a.id === run.manifest.baseline));
  const head = arms.map((a) => `<th>${e(a.name)}${a.id === run.manifest.baseline ? ' (baseline)' : ''}</th>`).join('');
  const rows = reportedOutcomes(run).map((metric) => {
    const d = outcomeDisplay(metric);
    const cells = arms.map((a) => {
      const s = idx.get(`${a.id}\u0000${metric}`);
      if (!s) return '<td class="num">–</td>';
      return `<td class="num">${num(s.mean / d.divisor, d.format)}<br><span class="meta">${num(s.ciLow / d.divisor, d.format)} to ${num(s.ciHigh / d.divisor, d.format)}</span></td>`;
    });
    return `<tr>${outcomeCell(metric)}${cells.join('')}</tr>`;
  });
  return `<table id="table-outcomes"><caption class="meta">Mean over replicates and, below it, the 95% confidence interval of the mean.</caption><thead><tr><th>Outcome</th>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function comparisonTable(run: RunData, vs: readonly ArmVerdict[]): string {
  if (vs.length === 0) return '<p>This scenario has a single arm: there is nothing to compare.</p>';
  const cls = new Map<string, string>();
  for (const v of vs) {
    for (const i of v.better) cls.set(`${v.arm}\u0000${i.metric}`, 'better');
    for (const i of v.worse) cls.set(`${v.arm}\u0000${i.metric}`, 'worse');
    for (const i of [...v.unclear, ...v.unchanged]) cls.set(`${v.arm}\u0000${i.metric}`, 'unclear');
  }
  const head = vs.map((v) => `<th>${e(v.name)} − baseline</th>`).join('');
  const rows = reportedOutcomes(run).map((metric) => {
    const d = outcomeDisplay(metric);
    const cells = vs.map((v) => {
      const r = run.comparison.find((c) => c.arm === v.arm && c.metric === metric);
      if (!r) return '<td class="num">–</td>';
      const c = cls.get(`${v.arm}\u0000${metric}`) ?? '';
      const pb = r.probBetter === null ? '' : `<br><span class="meta">P(better) ${e(pct(r.probBetter))}</span>`;
      return `<td class="num ${c}">${e(formatSigned(r.meanDiff / d.divisor, d.format))}<br><span class="meta">${e(formatSigned(r.ciLow / d.divisor, d.format))} to ${e(formatSigned(r.ciHigh / d.divisor, d.format))}</span>${pb}</td>`;
    });
    return `<tr>${outcomeCell(metric)}${cells.join('')}</tr>`;
  });
  return `<table id="table-differences"><caption class="meta">Mean paired difference (option − baseline), its 95% confidence interval, and the probability better: the share of paired replicates in which the option did better (ties count half). Differences of percentages are in percentage points. <span class="key" style="background:#e3f0fa">blue</span> better, <span class="key" style="background:#fbe6d9">orange</span> worse, plain: not clear (the interval includes 0).</caption><thead><tr><th>Outcome</th>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function list(items: readonly DiffItem[], kind: 'better' | 'worse' | 'unclear' | 'neither'): string {
  const li = items.map((i) => {
    const p =
      i.probBetter === null ? ''
      : kind === 'worse' ? `; worse in ${e(pct(1 - i.probBetter))} of paired replicates`
      : `; better in ${e(pct(i.probBetter))} of paired replicates`;
    return `<li><strong>${e(i.label)}</strong>: ${e(i.text)}${p}</li>`;
  });
  return `<ul>${li.join('')}</ul>`;
}

/** The plain-language summary as HTML paragraphs. */
export function summaryHtml(run: RunData, vs: readonly ArmVerdict[]): string {
  const base = run.manifest.arms.find((a) => a.id === run.manifest.baseline);
  const parts: string[] = [];
  if (vs.length === 0) {
    parts.push(`<p>This scenario has one arm (${e(base?.name)}), so there is no comparison; the tables and charts describe it alone.</p>`);
  }
  for (const v of vs) {
    const directional = v.better.length + v.worse.length + v.unclear.length;
    const p: string[] = [];
    p.push(`<p><strong>${e(v.name)}</strong> against <strong>${e(base?.name)}</strong>: of ${directional} outcomes with a better direction, it is better on ${v.better.length}, worse on ${v.worse.length}, and the evidence is not clear on ${v.unclear.length}.</p><ul>`);
    if (v.better.length) p.push(`<li>Better on:${list(v.better, 'better')}</li>`);
    if (v.worse.length) p.push(`<li>Worse on:${list(v.worse, 'worse')}</li>`);
    if (v.unclear.length) p.push(`<li>Not clear (the 95% confidence interval of the paired difference includes 0) on:${list(v.unclear, 'unclear')}</li>`);
    if (v.changed.length) p.push(`<li>Different, where neither direction is better (a matter of policy), on:${list(v.changed, 'neither')}</li>`);
    if (v.unchanged.length) p.push(`<li>No clear difference, where neither direction is better, on ${e(v.unchanged.map((i) => i.label.toLowerCase()).join(', '))}.</li>`);
    p.push('</ul>');
    parts.push(p.join(''));
  }
  const n = run.manifest.replicates;
  parts.push(
    `<p class="meta">Confidence intervals come from ${e(n)} replicates per arm and describe the simulation’s own randomness given the model’s assumptions and parameters; they do not cover doubt about the assumptions themselves (see the parameter table in the appendix). With many outcomes, some intervals will exclude 0 by chance: read single results with care.</p>`,
  );
  return parts.join('\n');
}

function interventionsHtml(run: RunData): string {
  const rows = run.manifest.arms.map((a) => {
    const reps = new Set(run.changes.filter((c) => c.arm === a.id && c.cause !== 'scheduled').map((c) => c.replicate));
    const share = run.manifest.replicates > 0 ? reps.size / run.manifest.replicates : Number.NaN;
    return `<tr><td>${e(a.name)}</td><td class="num">${e(reps.size)}</td><td class="num">${e(pct(share))}</td></tr>`;
  });
  return `<table id="table-interventions"><caption class="meta">Replicates in which an authority was moved to another structure after an inadequate judgement (changes.csv, cause other than "scheduled").</caption><thead><tr><th>Arm</th><th>Replicates with an imposed change</th><th>Share</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function chartsHtml(input: HtmlInput): string {
  const out: string[] = [];
  const kinds: ChartKind[] = ['forest', 'trajectory', 'distribution', 'cost-outcome', 'inspection', 'calibration'];
  for (const kind of kinds) {
    const charts = input.charts.filter((c) => c.def.kind === kind);
    out.push(`<section id="section-${kind}"><h2>${e(SECTION_TITLES[kind])}</h2>`);
    if (kind === 'calibration') {
      const ca = calibrationApplies(input.run);
      if (charts.length === 0) {
        const why = input.targets.length === 0 ? 'no calibration targets were available to this version of cssim' : ca.applies ? 'none of the calibration targets is among the reported outcomes' : ca.reason;
        out.push(`<p>No calibration chart: ${e(why)}.</p>`);
      } else {
        out.push(`<p>Compared: ${e(ca.reason)}, so its figures should match the published national figures within the calibration tolerance. The model figure is the mean over the whole horizon.</p>`);
        out.push(calibrationTable(input));
      }
    }
    if (kind === 'inspection' && charts.length > 0) out.push(interventionsHtml(input.run));
    if (charts.length === 0 && kind !== 'calibration') out.push('<p>Not available for this run (the run directory has no data for it).</p>');
    for (const c of charts) {
      out.push(
        `<figure class="chart-figure" id="chart-${e(c.def.id)}" data-chart="${e(c.def.id)}"><div class="chart">${c.svg}</div><figcaption>${e(CAPTIONS[kind])} Files: <a href="${e(c.svgFile)}">SVG</a>, <a href="${e(c.pngFile)}">PNG</a>.</figcaption></figure>`,
      );
    }
    out.push('</section>');
  }
  return out.join('\n');
}

function calibrationTable(input: HtmlInput): string {
  const idx = summaryIndex(input.run);
  const rows = input.targets.flatMap((t) => {
    const s = idx.get(`${input.run.manifest.baseline}\u0000${t.outcome}`);
    if (!s) return [];
    const d = outcomeDisplay(t.outcome);
    const off = (100 * (s.mean - t.observed)) / t.observed;
    return [
      `<tr><td>${e(d.label)}</td><td class="num">${num(t.observed / d.divisor, d.format)}</td><td>${e(t.year)}</td><td class="num">${num(s.mean / d.divisor, d.format)}</td><td class="num">${e(formatSigned(off, '.1f'))}%</td><td class="num">±${num(t.tolerancePct, '.3~r')}%</td><td>${Math.abs(off) <= t.tolerancePct ? 'yes' : '<strong>no</strong>'}</td><td>${e(t.source)}</td></tr>`,
    ];
  });
  return `<table id="table-calibration"><thead><tr><th>Outcome</th><th>Published</th><th>Year</th><th>Model (baseline mean)</th><th>Model − published</th><th>Tolerance</th><th>Within</th><th>Source</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** Flattens nested parameter groups into `group.name` → value rows. */
function flatten(obj: unknown, prefix = ''): [string, unknown][] {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return [[prefix, obj]];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
}

interface ParamMeta {
  readonly description?: string;
  readonly unit?: string;
  readonly source?: string;
  readonly range?: unknown;
}

/** Description, unit, range and source of every parameter path, from the parameter schema. */
function parameterMeta(): Map<string, ParamMeta> {
  const out = new Map<string, ParamMeta>();
  let schema: unknown;
  try {
    schema = z.toJSONSchema(ParametersSchema, { io: 'input', unrepresentable: 'any' });
  } catch {
    return out;
  }
  const walk = (node: unknown, path: string): void => {
    if (typeof node !== 'object' || node === null) return;
    const n = node as Record<string, unknown>;
    if (typeof n.properties === 'object' && n.properties !== null) {
      for (const [k, v] of Object.entries(n.properties as Record<string, unknown>)) walk(v, path ? `${path}.${k}` : k);
      return;
    }
    out.set(path, { description: n.description as string | undefined, unit: n.unit as string | undefined, source: n.source as string | undefined, range: n.range });
  };
  walk(schema, '');
  return out;
}

function valueText(v: unknown): string {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object' || x === null)) return v.map((x) => (typeof x === 'number' ? valueText(x) : String(x))).join(', ');
  return JSON.stringify(v);
}

function appendixHtml(run: RunData): string {
  const m = run.manifest;
  const r = m.resolved;
  const arms = m.arms
    .map((a) => `<tr><td>${e(a.id)}</td><td>${e(a.name)}${a.id === m.baseline ? ' (baseline)' : ''}</td><td>${e(a.structure)}</td><td>${a.changes.length ? a.changes.map((c) => `${e(c.date)}: becomes ${e(c.structure)}`).join('<br>') : 'none'}</td></tr>`)
    .join('');
  const authorities = Array.isArray(r.authorities) ? (r.authorities as Record<string, unknown>[]) : [];
  const authKeys = [...new Set(authorities.flatMap((a) => Object.keys(a ?? {})))];
  const authTable = authorities.length
    ? `<table id="table-authorities"><thead><tr>${authKeys.map((k) => `<th>${e(k)}</th>`).join('')}</tr></thead><tbody>${authorities.map((a) => `<tr>${authKeys.map((k) => `<td>${e(valueText(a?.[k]))}</td>`).join('')}</tr>`).join('')}</tbody></table>`
    : '';
  const meta = parameterMeta();
  const params = flatten(r.parameters ?? {})
    .filter(([k]) => k !== '')
    .map(([k, v]) => {
      const pm = meta.get(k) ?? {};
      const range = Array.isArray(pm.range) ? pm.range.map((x) => valueText(x)).join(' – ') : '';
      return `<tr><td><code>${e(k)}</code></td><td class="num">${e(valueText(v))}</td><td>${e(pm.unit ?? '')}</td><td>${e(range)}</td><td>${e(pm.description ?? '')}</td><td>${e(pm.source ?? '')}</td></tr>`;
    })
    .join('');
  const scalar = (k: string): string => `<tr><th>${e(k)}</th><td>${e(valueText(r[k]))}</td></tr>`;
  const scenarioRows = ['name', 'description', 'seed', 'start', 'horizonYears', 'warmupYears', 'replicates', 'baseline', 'outputs'].filter((k) => k in r).map(scalar).join('');
  const provenance = Object.entries(m.raw)
    .filter(([k]) => k !== 'resolved' && k !== 'scenario' && k !== 'varianceReduction')
    .map(([k, v]) => `<tr><th>${e(k)}</th><td>${typeof v === 'object' && v !== null ? `<code>${e(JSON.stringify(v))}</code>` : e(valueText(v))}</td></tr>`)
    .join('');
  const vrArms = Object.keys(m.varianceReduction);
  const vrMetrics = reportedOutcomes(run);
  const vr = vrArms.length
    ? `<h3>Variance reduction from pairing</h3><p class="meta">Variance of the paired differences divided by the variance the difference would have with independent runs: below 1 means common random numbers made the comparison sharper (0.25 halves the width of an interval).</p><table id="table-variance-reduction"><thead><tr><th>Outcome</th>${vrArms.map((a) => `<th>${e(m.arms.find((x) => x.id === a)?.name ?? a)}</th>`).join('')}</tr></thead><tbody>${vrMetrics.map((o) => `<tr><td>${e(outcomeDisplay(o).label)}</td>${vrArms.map((a) => `<td class="num">${num(m.varianceReduction[a]?.[o] ?? Number.NaN, '.2f')}</td>`).join('')}</tr>`).join('')}</tbody></table>`
    : '';
  return `<section id="appendix-scenario"><h2>Appendix A. The scenario as run</h2>
<table id="table-scenario"><tbody>${scenarioRows}</tbody></table>
<h3>Arms</h3><table id="table-arms"><thead><tr><th>Id</th><th>Name</th><th>Structure at the start</th><th>Scheduled changes</th></tr></thead><tbody>${arms}</tbody></table>
<h3>Local authorities</h3>${authTable}
<h3>Parameters</h3><table id="table-parameters"><thead><tr><th>Parameter</th><th>Value</th><th>Unit</th><th>Plausible range</th><th>Meaning</th><th>Source</th></tr></thead><tbody>${params}</tbody></table>
<details><summary>The resolved scenario as JSON</summary><pre>${e(JSON.stringify(r, null, 2))}</pre></details></section>
<section id="appendix-provenance"><h2>Appendix B. Provenance</h2><p class="meta">Everything needed to reproduce these numbers: the same scenario (hash), seed and replicate count give the same results with the same cssim version and random generator.</p>
<table id="table-provenance"><tbody>${provenance}</tbody></table>${vr}</section>`;
}

/** Builds the whole report page. */
export function reportHtml(input: HtmlInput): string {
  const { run } = input;
  const m = run.manifest;
  const vs = verdicts(run);
  const banner =
    m.status === 'complete' ? '' : `<div class="banner" id="status-banner">This run is ${e(m.status)}: it did not finish every replicate. Results below are from the replicates that finished and may change when the run is resumed (cssim run --resume).</div>`;
  const base = m.arms.find((a) => a.id === m.baseline);
  const trajectoryLinks = input.charts
    .filter((c) => c.def.kind === 'trajectory')
    .map((c) => `<a href="#chart-${e(c.def.id)}">${e(outcomeDisplay(c.def.id.replace(/^trajectory-/, '')).label)}</a>`)
    .join(' · ');
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(`cssim report: ${m.scenarioName}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header>
<p class="meta">cssim comparative report</p>
<h1>${e(m.scenarioName)}</h1>
${m.scenarioDescription ? `<p>${e(m.scenarioDescription)}</p>` : ''}
<p class="meta">Scenario hash <code>${e(m.scenarioHash.slice(0, 12))}</code> · seed ${e(m.seed)} · ${e(m.replicates)} replicates per arm · ${e(m.arms.length)} arms, baseline <strong>${e(base?.name)}</strong> · start ${e(m.start)} · cssim ${e(m.cssimVersion)}${m.gitCommit ? ` (commit <code>${e(m.gitCommit.slice(0, 12))}</code>)` : ''} · status ${e(m.status)}</p>
${banner}
</header>
<nav><h2>Contents</h2><ol>
<li><a href="#section-summary">Summary in plain words</a></li>
<li><a href="#section-tables">Headline tables</a></li>
<li><a href="#section-forest">Paired differences against the baseline</a></li>
<li><a href="#section-trajectory">Outcomes over time</a></li>
<li><a href="#section-distribution">Distributions across replicates</a></li>
<li><a href="#section-cost-outcome">Cost against outcome</a></li>
<li><a href="#section-inspection">Inspection judgements over time</a></li>
<li><a href="#section-calibration">Calibration against published figures</a></li>
<li><a href="#appendix-scenario">Appendix A. The scenario as run</a></li>
<li><a href="#appendix-provenance">Appendix B. Provenance</a></li>
</ol></nav>
<section id="section-summary"><h2>Summary in plain words</h2>
${summaryHtml(run, vs)}
</section>
<section id="section-tables"><h2>Headline tables</h2>
<h3>Outcomes by arm</h3>
${summaryTable(run)}
<h3>Differences from the baseline</h3>
${comparisonTable(run, vs)}
</section>
${trajectoryLinks ? `<p class="meta">Outcomes over time: ${trajectoryLinks}</p>` : ''}
${chartsHtml(input)}
${appendixHtml(run)}
</main>
</body>
</html>
`;
}
