// The data engineer's path through notebooks: create one in the workspace, write a cell, execute it live to success.
import type { Page } from 'playwright-core';
import { check, shoot } from './checks.js';

const TIMEOUT_MS = 60_000;

/** Expects a signed-in data engineer on any page of the app. */
export async function notebooksScenario(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notebooks' }).click();
  await page.getByRole('heading', { level: 1, name: 'Notebooks' }).waitFor();
  await page.getByLabel('Name').fill('e2e report');
  await page.getByRole('button', { name: 'Create' }).click();

  const editor = page.getByTestId('notebook-editor');
  await editor.waitFor();
  const row = page.locator('tr', { hasText: 'e2e report' });
  await row.getByTestId('sync-badge').filter({ hasText: 'Synced' }).waitFor({ timeout: TIMEOUT_MS });
  const path = await row.locator('.notebook-path').textContent();
  check(/^\/CoPOS\/[a-z0-9_]+\/e2e_report-[0-9a-f]{12}$/.test(path ?? ''), `it lives in the tenant folder (${path})`);

  await editor.getByLabel('Cell 1').fill('dbutils.notebook.exit("e2e done")');
  await editor.getByRole('button', { name: 'Save' }).click();
  await editor.getByRole('button', { name: 'Save' }).and(page.locator(':disabled')).waitFor();
  await editor.getByTestId('sync-badge').filter({ hasText: 'Synced' }).waitFor({ timeout: TIMEOUT_MS });
  check(true, 'the saved cell is synced to the workspace');

  await editor.getByRole('button', { name: 'Execute' }).click();
  await editor.locator('[data-testid="run-panel"]').waitFor();
  await shoot(page, '17-notebook-running');
  await editor.locator('[data-testid="run-panel"][data-outcome="succeeded"]').waitFor({ timeout: TIMEOUT_MS });
  const output = editor.getByTestId('notebook-output');
  await output.waitFor({ timeout: TIMEOUT_MS });
  check((await output.textContent())?.includes('e2e done'), 'the run succeeds live and shows the notebook’s output');
  await shoot(page, '18-notebook-executed');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolio' }).click();
  const widget = page.getByRole('complementary', { name: 'Databricks sync' }).first();
  await widget.getByText(/Notebooks: [1-9]\d* of \d+ in Databricks/).waitFor({ timeout: TIMEOUT_MS });
  check(true, `the Databricks sync widget counts the synced notebook (${(await widget.textContent())?.trim()})`);
}
