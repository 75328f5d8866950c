import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRunDir } from './fixtures/make-run.ts';
import { readRun } from '../../engine/report/read-run.ts';
import type { RunData } from '../../engine/report/read-run.ts';
import { escapeHtml, reportHtml, summaryHtml } from '../../engine/report/html.ts';
import { verdicts } from '../../engine/report/summary.ts';
import { buildCharts } from '../../engine/report/charts.ts';

describe('report/html', () => {
  let work: string;
  let single: RunData;
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'cssim-html-'));
    single = await readRun(makeRunDir(join(work, 'single'), { arms: 1, replicates: 4, months: 2, name: 'One & only' }));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  describe('escapeHtml()', () => {
    it('escapes the five HTML metacharacters', () => {
      expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    });
  });

  describe('summaryHtml()', () => {
    it('says there is nothing to compare when the scenario has one arm', () => {
      expect(summaryHtml(single, verdicts(single))).toContain('This scenario has one arm (Status quo), so there is no comparison');
    });
  });

  describe('reportHtml()', () => {
    it('builds a page without a forest plot for a single-arm run, and escapes its name', () => {
      const charts = buildCharts(single, []).map((def) => ({ def, svg: '<svg></svg>', svgFile: `charts/${def.id}.svg`, pngFile: `charts/${def.id}.png` }));
      expect(charts.some((c) => c.def.kind === 'forest')).toBe(false);
      const page = reportHtml({ run: single, charts, targets: [] });
      expect(page).toContain('<h1>One &amp; only</h1>');
      expect(page).toContain('No calibration chart: no calibration targets were available');
      expect(page).toContain('This scenario has a single arm: there is nothing to compare.');
    });
  });
});
