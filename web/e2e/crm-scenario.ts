// The CRM in the warehouse, as a data engineer uses it: search → open → edit → a conflict from a second tab is
// handled → the history shows both versions and what changed between them → the account is linked to a CoP,
// whose page then lists it with its platform statuses.
import type { Page } from 'playwright-core';
import { check, shoot } from './checks.js';

/** The first use creates the tables in the emulated warehouse and loads the sample book. */
const FIRST_USE_TIMEOUT_MS = 30_000;

async function editTeam(page: Page, team: string) {
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Team').fill(team);
  await page.getByRole('button', { name: 'Save' }).click();
}

/** Expects a signed-in writer (the engineer of the pipeline scenario) on any page of the app. */
export async function crmScenario(page: Page) {
  await page.getByRole('link', { name: 'Accounts' }).first().click();
  await page.getByRole('heading', { name: 'Accounts' }).waitFor();
  await page.getByLabel('Search', { exact: true }).fill('CLAIMS');
  await page.getByRole('button', { name: 'Search' }).click();
  const first = page.locator('.data-table__title', { hasText: 'Claims Analytics' });
  await first.waitFor({ timeout: FIRST_USE_TIMEOUT_MS });
  const rows = await page.locator('.data-table__title').allTextContents();
  // Claims Analytics by its team, others by their use cases' problems; Customer Insights mentions no claims.
  check(
    rows.includes('Claims Analytics') && !rows.includes('Customer Insights'),
    `searching "CLAIMS" finds the accounts that mention claims, case-insensitively (${rows.join(', ')})`,
  );
  await shoot(page, '13-crm-accounts');
  await first.click();
  await page.getByRole('heading', { name: 'Claims Analytics' }).waitFor();
  check((await page.locator('.crm-chip').count()) === 5, 'the account shows a status chip for each of 5 platforms');

  // This tab opens the form; a second tab saves first.
  await page.getByRole('button', { name: 'Edit' }).click();
  const second = await page.context().newPage();
  await second.goto(page.url());
  await second.getByRole('heading', { name: 'Claims Analytics' }).waitFor();
  await editTeam(second, 'Claims Analytics (tab 2)');
  await second.getByRole('heading', { name: 'Claims Analytics (tab 2)' }).waitFor();
  await second.close();

  await page.getByLabel('Team').fill('Claims Analytics (tab 1)');
  await page.getByRole('button', { name: 'Save' }).click();
  const conflict = page.locator('.crm-conflict');
  await conflict.waitFor();
  check(
    (await conflict.textContent())?.includes('tab 2'),
    'the stale save is refused and names the other tab’s change',
  );
  await shoot(page, '14-crm-conflict');
  await page.getByRole('button', { name: 'Keep my edit' }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { name: 'Claims Analytics (tab 1)' }).waitFor();

  const versions = page.getByTestId('account-version');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="account-version"]').length >= 3);
  const listed = await versions.allTextContents();
  check(
    listed.filter((v) => v.includes('UPDATE')).length >= 2,
    `the history lists both saves as versions (${listed.length} versions)`,
  );
  const diff = await page.getByRole('table', { name: 'Changes between the two versions' }).textContent();
  check(diff?.includes('tab 2') && diff.includes('tab 1'), 'the diff of the last two versions shows the team changing');
  await shoot(page, '15-crm-history');

  const chosen = page.getByLabel('Serve from a CoP');
  const cop = (await chosen.locator('option').nth(1).textContent()) ?? '';
  await chosen.selectOption({ label: cop });
  await page.getByRole('button', { name: 'Link', exact: true }).click();
  await page.getByRole('link', { name: cop, exact: true }).click();
  const served = page.getByTestId('cop-crm-account');
  await served.first().waitFor({ timeout: FIRST_USE_TIMEOUT_MS });
  check(
    (await served.textContent())?.includes('Claims Analytics (tab 1)') &&
      (await served.locator('.crm-chip').count()) === 5,
    `the CoP page (${cop}) lists the account it serves with its 5 platform statuses`,
  );
}
