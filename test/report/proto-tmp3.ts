import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';
const [file, out, ...sels] = process.argv.slice(2);
const ctx = await chromium.launchPersistentContext('/tmp/p-helper/profile-' + process.pid, { executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'], viewport: { width: 1280, height: 900 } });
const page = ctx.pages()[0];
await page.goto(pathToFileURL(file).href);
console.log('scrollWidth', await page.evaluate(() => document.documentElement.scrollWidth));
const wide = await page.evaluate(() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 1290).slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className));
console.log(wide);
let i = 0;
for (const sel of sels) {
  await page.locator(sel).first().screenshot({ path: `${out}-${i++}.png` });
}
await ctx.close();
