/**
 * The report in a real browser: Debian's chromium driven by playwright-core opens report.html from
 * disk and we check what a reader would see. CI installs chromium (`apt-get install -y chromium`); if it
 * is missing this test fails with a message saying so, it does not skip.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { makeRunDir, fixtureCalibrationTargets } from './fixtures/make-run.ts';
import { renderReport } from '../../engine/report/render-report.ts';
import { readRun } from '../../engine/report/read-run.ts';
import { buildCharts } from '../../engine/report/charts.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = resolve(import.meta.dirname, '..', '..', 'test-artifacts');

interface ChartCheck {
  readonly id: string;
  readonly svgs: number;
  readonly marks: number;
  readonly titles: readonly string[];
  readonly width: number;
}

describe('report/browser', () => {
  let work: string;
  let context: BrowserContext | undefined;
  let page: Page;
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  let expectedTitles: Map<string, string>;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`chromium is not installed at ${CHROMIUM}: install it with "apt-get install -y chromium" (CI's .ci/run does)`);
    }
    work = mkdtempSync(join(tmpdir(), 'cssim-report-browser-'));
    const runDir = makeRunDir(join(work, 'run'), { arms: 3, replicates: 30, months: 24 });
    const targets = fixtureCalibrationTargets();
    const files = await renderReport(runDir, { calibrationTargets: targets });
    const run = await readRun(runDir);
    expectedTitles = new Map(buildCharts(run, targets).map((c) => [c.id, (c.spec.title as { text: string }).text]));

    context = await chromium.launchPersistentContext(join(work, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1280, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(msg.text());
    });
    page.on('pageerror', (err) => consoleErrors.push(String(err)));
    page.on('request', (req) => requests.push(req.url()));
    await page.goto(pathToFileURL(files.html).href, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await context?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('opens without console errors', () => {
    expect(consoleErrors).toEqual([]);
  });

  it('makes no request outside the file system and loopback', () => {
    const outside = requests.filter((u) => !/^(file:|data:|about:|https?:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/])/.test(u));
    expect(requests.length).toBeGreaterThan(0); // the page itself
    expect(outside).toEqual([]);
  });

  it('draws every chart with marks and its title', async () => {
    const checks: ChartCheck[] = await page.$$eval('figure.chart-figure', (figs) =>
      figs.map((f) => {
        const svg = f.querySelector('svg');
        const marks = svg ? svg.querySelectorAll('.role-mark path, .role-mark rect, .role-mark line, .role-mark text').length : 0;
        return {
          id: f.getAttribute('data-chart') ?? '',
          svgs: f.querySelectorAll('svg').length,
          marks,
          titles: svg ? [...svg.querySelectorAll('.role-title-text text')].map((t) => t.textContent ?? '') : [],
          width: svg ? svg.getBoundingClientRect().width : 0,
        };
      }),
    );
    expect(checks.map((c) => c.id).sort()).toEqual([...expectedTitles.keys()].sort());
    for (const c of checks) {
      expect(c.svgs, c.id).toBe(1);
      expect(c.marks, c.id).toBeGreaterThan(3);
      expect(c.width, c.id).toBeGreaterThan(200);
      expect(c.titles, c.id).toContain(expectedTitles.get(c.id));
    }
  });

  it('shows the headline tables and the plain-language summary', async () => {
    const rows = await page.$$eval('#table-outcomes tbody tr', (trs) => trs.length);
    const diffRows = await page.$$eval('#table-differences tbody tr', (trs) => trs.length);
    const summary = await page.textContent('#section-summary');
    expect(rows).toBe(17);
    expect(diffRows).toBe(17);
    expect(summary).toMatch(/is better on \d+, worse on \d+, and the evidence is not clear on \d+/);
  });

  it('saves a full-page screenshot to test-artifacts/report.png', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const path = join(ARTIFACTS, 'report.png');
    const png = await page.screenshot({ path, fullPage: true });
    expect(png.length).toBeGreaterThan(50_000);
    expect(existsSync(path)).toBe(true);
  });
});
