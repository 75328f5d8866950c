import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { makeRunDir, fixtureCalibrationTargets } from './fixtures/make-run.ts';
import { readRun } from '../../engine/report/read-run.ts';
import type { RunData } from '../../engine/report/read-run.ts';
import { buildCharts } from '../../engine/report/charts.ts';
import type { ChartDef } from '../../engine/report/charts.ts';
import { compileSpec, renderSvg } from '../../engine/report/render.ts';
import { footerText } from '../../engine/report/specs/common.ts';

/** Every axis title in a compiled Vega spec (axes live in nested group marks). */
function axisTitles(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => axisTitles(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (Array.isArray(o.axes)) for (const a of o.axes as Record<string, unknown>[]) if (typeof a.title === 'string' || Array.isArray(a.title)) out.push(String(a.title));
    for (const v of Object.values(o)) if (v && typeof v === 'object') axisTitles(v, out);
  }
  return out;
}

function titleOf(spec: TopLevelSpec): string {
  return (spec.title as { text: string }).text;
}

describe('report/charts', () => {
  let work: string;
  let run: RunData;
  let charts: ChartDef[];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'cssim-specs-'));
    run = await readRun(makeRunDir(join(work, 'run'), { replicates: 20, months: 24 }));
    charts = buildCharts(run, fixtureCalibrationTargets());
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('builds one chart of every kind, and one trajectory per outcome', () => {
    const kinds = new Set(charts.map((c) => c.kind));
    expect([...kinds].sort()).toEqual(['calibration', 'cost-outcome', 'distribution', 'forest', 'inspection', 'trajectory']);
    expect(charts.filter((c) => c.kind === 'trajectory')).toHaveLength(17);
    expect(new Set(charts.map((c) => c.id)).size).toBe(charts.length);
  });

  it('compiles every spec with vega-lite without warnings', () => {
    for (const c of charts) {
      const { vega, warnings } = compileSpec(c.spec);
      expect(warnings, c.id).toEqual([]);
      expect(vega.marks?.length ?? 0, c.id).toBeGreaterThan(0);
    }
  });

  it('gives every chart a plain-words title, titled axes and the provenance footer', async () => {
    const footer = footerText({ scenarioName: run.manifest.scenarioName, scenarioHash: run.manifest.scenarioHash, seed: run.manifest.seed, replicates: run.manifest.replicates, cssimVersion: run.manifest.cssimVersion });
    expect(footer).toContain(run.manifest.scenarioHash.slice(0, 12));
    expect(footer).not.toContain(run.manifest.scenarioHash.slice(0, 13));
    for (const c of charts) {
      expect(titleOf(c.spec).length, c.id).toBeGreaterThan(10);
      const titles = axisTitles(compileSpec(c.spec).vega);
      expect(titles.length, c.id).toBeGreaterThan(0);
      for (const t of titles) expect(t.trim().length, c.id).toBeGreaterThan(0);
      const svg = await renderSvg(c.spec, { idPrefix: c.id });
      expect(svg, c.id).toContain(footer.replace(/&/g, '&amp;'));
      expect(svg, c.id).toContain(titleOf(c.spec));
    }
  });

  it('labels quantitative axes with a unit', () => {
    const traj = charts.find((c) => c.id === 'trajectory-sw_caseload') as ChartDef;
    expect(axisTitles(compileSpec(traj.spec).vega)).toContain('Caseload (cases per case-holding worker)');
    const forest = charts.find((c) => c.id === 'forest') as ChartDef;
    expect(axisTitles(compileSpec(forest.spec).vega)).toContain('Difference (percentage points)');
    const cost = charts.find((c) => c.id === 'cost-outcome') as ChartDef;
    expect(axisTitles(compileSpec(cost.spec).vega)).toEqual(expect.arrayContaining(['Spend (GBP million per year)', 'Harm events (per 10,000 children per year)']));
  });

  it('marks each scheduled structural change on the trajectories with a labelled rule', async () => {
    const traj = charts.find((c) => c.id === 'trajectory-referral_rate') as ChartDef;
    const svg = await renderSvg(traj.spec);
    expect(svg).toContain('Option 2: restructure twice → dcs-merge');
    expect(svg).toContain('Option 2: restructure twice → independent-trust');
  });

  it('says which side of the forest plot is better for each outcome', async () => {
    const svg = await renderSvg((charts.find((c) => c.id === 'forest') as ChartDef).spec);
    expect(svg).toContain('← better (lower)');
    expect(svg).toContain('better (higher) →');
    expect(svg).toContain('no better direction');
  });

  it('draws the 50% band only when the run wrote quartiles, and says what the bands are', async () => {
    const without = (charts.find((c) => c.id === 'trajectory-referral_rate') as ChartDef).spec;
    expect(JSON.stringify(without)).not.toContain('25th–75th');
    const q = await readRun(makeRunDir(join(work, 'quart'), { replicates: 10, months: 12, quartiles: true }));
    const withQ = buildCharts(q).find((c) => c.id === 'trajectory-referral_rate') as ChartDef;
    expect(JSON.stringify(withQ.spec)).toContain('middle 50% (25th–75th)');
    expect(JSON.stringify(withQ.spec)).toContain('"p25"');
  });

  it('leaves the calibration chart out when the baseline is not the status quo', async () => {
    const r2 = { ...run, manifest: { ...run.manifest, arms: run.manifest.arms.map((a) => (a.id === run.manifest.baseline ? { ...a, structure: 'partnership' } : a)) } };
    expect(buildCharts(r2, fixtureCalibrationTargets()).some((c) => c.kind === 'calibration')).toBe(false);
    expect(buildCharts(run, []).some((c) => c.kind === 'calibration')).toBe(false);
  });

  it('uses colours from the Okabe–Ito palette and a distinct dash per arm', () => {
    const traj = JSON.stringify((charts.find((c) => c.id === 'trajectory-referral_rate') as ChartDef).spec);
    expect(traj).toContain('"range":["#000000","#E69F00","#0072B2"]');
    expect(traj).toContain('"range":[[],[6,3],[2,2]]');
  });
});
