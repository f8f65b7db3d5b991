// A platform admin's look at a tenant's Databricks cost and operations, and a budget set on the page.
import type { Page } from 'playwright-core';
import { check, shoot } from './checks.js';

/** Expects a signed-in platform or customer admin on any page of the app. */
export async function opsScenario(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Operations' }).click();
  await page.getByRole('heading', { name: 'Operations' }).waitFor();
  // The admin scenario has just replaced Contoso's token with a dummy: look at Northwind.
  await page.getByLabel('Customer').selectOption({ label: 'Northwind Pet Insurance' });
  const chart = page.locator('.ops-cost .uplot-chart canvas');
  await chart.waitFor();
  const summary = await page.locator('.ops-cost .uplot-chart').getAttribute('aria-label');
  check(summary && /stacked by [1-9]\d* SKUs/.test(summary), `the daily cost chart is drawn by SKU (${summary})`);
  const runs = await page.getByTestId('job-figures').locator('dd').first().textContent();
  check(Number(runs?.replaceAll(',', '')) > 0, `the jobs panel counts the tenant's runs (${runs})`);

  await page.getByLabel('New monthly budget (USD)').fill('5000');
  await page.getByRole('button', { name: 'Save budget' }).click();
  await page.getByTestId('budget-monthly').getByText('$5,000').waitFor();
  check(true, 'a monthly budget set on the page is saved and shown');
  check(
    (await page.locator('.ops-cost .u-legend').textContent())?.includes('Daily budget'),
    'the cost chart draws the daily share of the budget',
  );
  await shoot(page, '10-ops');
}
