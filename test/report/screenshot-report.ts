/**
 * Screenshots a rendered report in Debian's chromium, for the README:
 * `npx tsx test/report/screenshot-report.ts out/demo/report.html reports/demo-report.png [untilSelector] [maxHeightPx]`.
 * Captures the page from the top down to the end of `untilSelector` (default `#section-summary`),
 * at most maxHeightPx (default 4000) tall.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const [html, out, until = '#section-summary', maxArg] = process.argv.slice(2);
if (!html || !out) {
  console.error('usage: tsx test/report/screenshot-report.ts REPORT_HTML OUT_PNG [untilSelector] [maxHeightPx]');
  process.exit(2);
}
const profile = mkdtempSync(join(tmpdir(), 'cssim-shot-'));
const ctx = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1280, height: 900 },
});
try {
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  await page.goto(pathToFileURL(resolve(html)).href, { waitUntil: 'load' });
  const box = await page.locator(until).first().boundingBox(); // page coordinates: nothing has scrolled
  const bottom = box ? box.y + box.height : Number(maxArg ?? 4000);
  const height = Math.min(Math.ceil(bottom) + 10, Number(maxArg ?? 4000));
  await page.screenshot({ path: resolve(out), fullPage: true, clip: { x: 0, y: 0, width: 1280, height } });
  console.log(`${resolve(out)}: 1280 x ${height}`);
} finally {
  await ctx.close();
  rmSync(profile, { recursive: true, force: true });
}
