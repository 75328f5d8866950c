import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRunDir, fixtureCalibrationTargets } from './fixtures/make-run.ts';
import { renderReport } from '../../engine/report/render-report.ts';
import type { ReportFiles } from '../../engine/report/render-report.ts';
import { RunDirError } from '../../engine/report/read-run.ts';

describe('report/render-report', () => {
  let work: string;
  let runDir: string;
  let files: ReportFiles;
  let html: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'cssim-render-report-'));
    runDir = makeRunDir(join(work, 'run'), {
      replicates: 12,
      months: 12,
      name: 'Evil <script>alert("scenario")</script> & co',
      secondArmName: '<script>alert(1)</script> arm',
    });
    files = await renderReport(runDir, { calibrationTargets: fixtureCalibrationTargets() });
    html = readFileSync(files.html, 'utf8');
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  describe('renderReport()', () => {
    it('writes report.html in the run directory and every chart as SVG and PNG under charts/', () => {
      expect(files.html).toBe(join(runDir, 'report.html'));
      const names = readdirSync(join(runDir, 'charts'));
      expect(names.filter((n) => n.endsWith('.svg'))).toHaveLength(names.filter((n) => n.endsWith('.png')).length);
      expect(names).toEqual(expect.arrayContaining(['forest.svg', 'forest.png', 'distribution.svg', 'cost-outcome.svg', 'inspection.svg', 'calibration.svg', 'trajectory-referral_rate.svg']));
      expect(files.charts).toHaveLength(names.length);
      for (const f of files.charts) expect(existsSync(f)).toBe(true);
    });

    it('leaves no temporary files behind (files are written to a temp file and renamed)', () => {
      const all = [...readdirSync(runDir), ...readdirSync(join(runDir, 'charts'))];
      expect(all.filter((n) => n.includes('.tmp'))).toEqual([]);
    });

    it('escapes every string from the scenario: no markup from a name reaches the page', () => {
      expect(html).not.toMatch(/<script/i);
      expect(html).toContain('Evil &lt;script&gt;alert(&quot;scenario&quot;)&lt;/script&gt; &amp; co');
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; arm');
    });

    it('is self-contained: no external src or href, no scripts, no external fonts or styles', () => {
      const refs = [...html.matchAll(/\s(?:src|href|xlink:href)\s*=\s*["']([^"']*)["']/gi)].map((m) => m[1]);
      expect(refs.length).toBeGreaterThan(0);
      for (const r of refs) expect(r, r).toMatch(/^(#|charts\/)/);
      expect(html).not.toMatch(/@import|url\(\s*['"]?https?:/i);
      expect(html).not.toMatch(/<link\b/i);
      expect(html).not.toMatch(/<iframe|<object|<embed/i);
    });

    it('inlines each chart as SVG with its provenance footer', () => {
      const figures = html.match(/<figure class="chart-figure"/g) ?? [];
      const svgs = html.match(/<svg\b/g) ?? [];
      expect(figures.length).toBe(files.charts.length / 2);
      expect(svgs.length).toBe(figures.length);
      const footer = html.match(/hash a3f5c2d19b7e · seed 20190331 · 12 replicates per arm · cssim 0\.1\.0/g) ?? [];
      expect(footer.length).toBe(figures.length);
    });

    it('has the headline tables, the plain-language summary, the scenario appendix and the provenance', () => {
      for (const id of ['table-outcomes', 'table-differences', 'section-summary', 'table-parameters', 'table-arms', 'table-provenance', 'table-calibration']) {
        expect(html, id).toContain(`id="${id}"`);
      }
      expect(html).toContain('P(better)');
      expect(html).toMatch(/the evidence is not clear on \d+/);
      expect(html).toContain('workforce.caseloadTarget');
    });

    it('gives byte-identical files when the same run directory is rendered again', async () => {
      const before = new Map(files.charts.map((f) => [f, readFileSync(f)]));
      const again = await renderReport(runDir, { out: join(work, 'again', 'report.html'), calibrationTargets: fixtureCalibrationTargets() });
      expect(readFileSync(again.html, 'utf8')).toBe(html);
      for (const f of again.charts) {
        const original = [...before.keys()].find((k) => k.endsWith(f.slice(f.lastIndexOf('/charts/'))));
        expect(original, f).toBeDefined();
        expect(readFileSync(f).equals(before.get(original as string) as Buffer), f).toBe(true);
      }
    });

    it('shows a banner when the run was interrupted', async () => {
      const dir = makeRunDir(join(work, 'interrupted'), { replicates: 4, months: 3, status: 'interrupted' });
      const f = await renderReport(dir, { png: false });
      const text = readFileSync(f.html, 'utf8');
      expect(text).toContain('id="status-banner"');
      expect(text).toContain('This run is interrupted');
      expect(f.charts.every((c) => c.endsWith('.svg'))).toBe(true);
    });

    it('accepts a run result ({ dir }) and an output directory, as in the README example', async () => {
      const dir = makeRunDir(join(work, 'tiny'), { arms: 1, replicates: 3, months: 2 });
      const f = await renderReport({ dir }, join(work, 'site'));
      expect(f.html).toBe(join(work, 'site', 'report.html'));
      expect(existsSync(join(work, 'site', 'charts', 'distribution.png'))).toBe(true);
    });

    it('fails with a RunDirError naming the file when the run directory is incomplete', async () => {
      const dir = makeRunDir(join(work, 'broken'), { replicates: 3, months: 2 });
      unlinkSync(join(dir, 'timeseries.csv'));
      const err = await renderReport(dir).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RunDirError);
      expect((err as RunDirError).file).toBe(join(dir, 'timeseries.csv'));
      expect(existsSync(join(dir, 'report.html'))).toBe(false);
    });
  });
});
