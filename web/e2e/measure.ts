// Numbers worth watching from release to release: how soon the CoP dashboard is useful, and what it costs to load.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';

/**
 * Milliseconds from navigation start until every KPI chart shows its latest value (the dashboard's first
 * meaningful paint), loading `url` afresh in `page`.
 */
export async function timeToKpiCharts(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  // A string, not a function: tsx would wrap a function's inner names in a helper the page does not have.
  return page.evaluate<number>(`new Promise((resolve) => {
    const painted = () => {
      const charts = document.querySelectorAll('.kpi-chart').length;
      return charts > 0 && charts === document.querySelectorAll('.kpi-chart [data-testid="kpi-latest"]').length;
    };
    const poll = () => (painted() ? resolve(performance.now()) : requestAnimationFrame(poll));
    poll();
  })`);
}

/** Gzip sizes of the built JavaScript and CSS (`web/dist/assets`): everything, and what the first page loads. */
export function bundleSizes(distDir: string): { totalBytes: number; entryBytes: number } {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  let totalBytes = 0;
  let entryBytes = 0;
  for (const name of readdirSync(join(distDir, 'assets'))) {
    if (!/\.(js|css)$/.test(name)) continue;
    const size = gzipSync(readFileSync(join(distDir, 'assets', name)), { level: 9 }).length;
    totalBytes += size;
    if (html.includes(`/assets/${name}`)) entryBytes += size;
  }
  return { totalBytes, entryBytes };
}
