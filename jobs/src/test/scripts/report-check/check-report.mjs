// Opens the TrustLens report from disk in headless Chromium (Debian's /usr/bin/chromium, driven
// by playwright-core), waits for every chart, and prints what a reader would see as JSON on
// stdout: console messages, page errors, network requests (the page must make none), each
// chart's state and SVG mark groups, every numeric table cell, and the screenshot's path.
// Usage: node check-report.mjs REPORT.html SCREENSHOT.png
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';

const [page_, shot] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const result = { console: [], pageErrors: [], requests: [] };
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', (m) => result.console.push({ type: m.type(), text: m.text() }));
  page.on('pageerror', (e) => result.pageErrors.push(String(e)));
  // Offline: any request beyond the file itself is recorded and refused.
  const url = pathToFileURL(page_).href;
  await page.route('**/*', (route) => {
    if (route.request().url() === url) return route.continue();
    result.requests.push(route.request().url());
    return route.abort();
  });
  await page.goto(url);
  await page.waitForSelector('body[data-charts="done"]', { timeout: 30000 });
  result.title = await page.title();
  result.charts = await page.$$eval('.chart', (els) => els.map((el) => ({
    id: el.id, state: el.dataset.rendered || 'none', marks: el.querySelectorAll('svg g.mark-group, svg .marks').length,
    svg: el.querySelectorAll('svg').length, paths: el.querySelectorAll('svg path').length,
  })));
  result.cells = await page.$$eval('table[class] td[data-value]', (tds) => tds.map((td) => ({
    table: td.closest('table').className, key: td.closest('tr').dataset.key || null,
    field: td.dataset.field, value: td.dataset.value, text: td.textContent,
  })));
  result.notes = await page.$$eval('p.note', (ps) => ps.map((p) => p.textContent));
  await page.screenshot({ path: shot, fullPage: true });
  result.screenshot = shot;
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
