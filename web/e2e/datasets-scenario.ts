// The data engineer's path through datasets: upload a CSV, see its columns, query it, watch it sync to Databricks.
import type { Page } from 'playwright-core';
import { check, shoot } from './checks.js';

const SYNC_TIMEOUT_MS = 30_000;
const CSV = `policy,amount,filed_on\n${Array.from({ length: 500 }, (_, i) => `P-${i % 7},${i * 1.5},2026-01-${String((i % 28) + 1).padStart(2, '0')}`).join('\n')}\n`;

/** Expects a signed-in data engineer on any page of the app. */
export async function datasetsScenario(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Datasets' }).click();
  await page.getByRole('heading', { level: 1, name: 'Datasets' }).waitFor();
  await page.getByLabel('Name').fill('e2e claims');
  await page
    .getByLabel('CSV file')
    .setInputFiles({ name: 'claims.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await page.getByRole('button', { name: 'Upload' }).click();

  const preview = page.getByRole('table', { name: 'Preview' });
  await preview.waitFor();
  const headers = await preview.locator('th').allTextContents();
  check(
    headers.join(',') === 'policy (STRING),amount (DOUBLE),filed_on (DATE)',
    `the preview shows the inferred columns (${headers.join(', ')})`,
  );
  check((await preview.locator('tbody tr').count()) === 20, 'the preview shows the first 20 rows');
  await shoot(page, '13-dataset-preview');

  const row = page.locator('tr', { hasText: 'e2e claims' });
  await row.getByTestId('sync-badge').filter({ hasText: 'Synced' }).waitFor({ timeout: SYNC_TIMEOUT_MS });
  check(true, 'the sync badge turns Synced once the Delta table exists');

  await page
    .getByLabel('Query (the table is named dataset)')
    .fill('SELECT policy, count(*) AS claims FROM dataset GROUP BY policy ORDER BY policy');
  await page.getByRole('button', { name: 'Run query' }).click();
  const result = page.getByRole('table', { name: 'Query result' });
  await result.waitFor();
  check((await result.locator('tbody tr').count()) === 7, 'the query answers one row per policy');
  const source = await page.getByTestId('query-source').textContent();
  check(source?.includes('Databricks SQL warehouse'), `a synced dataset is queried on the warehouse (${source})`);

  await page.getByLabel('Query (the table is named dataset)').fill('DROP TABLE dataset');
  await page.getByRole('button', { name: 'Run query' }).click();
  const refusal = await page.getByRole('alert').textContent();
  check(refusal?.includes('DROP statement was refused'), `a DROP is refused in words (${refusal})`);
  await shoot(page, '14-dataset-query');

  // The dashboard's widget counts what is in Databricks by kind, the synced dataset among them.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolio' }).click();
  // Shown from the cache first, then refreshed: wait for the fresh counts.
  const widget = page
    .getByRole('complementary', { name: 'Databricks sync' })
    .filter({ hasText: /Datasets: [1-9]\d* of [1-9]\d* in Databricks/ });
  const counted = await widget
    .first()
    .waitFor({ timeout: 10_000 })
    .then(() => true)
    .catch(() => false);
  const summary = await page.getByRole('complementary', { name: 'Databricks sync' }).allTextContents();
  check(counted, `the Databricks sync widget counts the synced dataset (${summary.join(' | ').trim()})`);
}
