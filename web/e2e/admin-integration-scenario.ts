// A customer admin connects a workspace from the Admin page: a form per authentication type, then the
// connection test with its five steps appearing one by one as the api reports them.
import type { Page } from 'playwright-core';
import { check, shoot } from './checks.js';

/** The emulator's built-in SQL warehouse (see emulator/README.md). */
const EMULATOR_WAREHOUSE_ID = 'ab12cd34ef56ab78';

/** Which inputs each authentication type shows, besides the host and the optional settings. */
const CREDENTIAL_INPUTS: Record<string, string[]> = {
  'Personal access token': ['Personal access token'],
  'Databricks OAuth (machine-to-machine)': ['Client (application) id', 'Client secret'],
  'Azure AD service principal': ['Client (application) id', 'Azure AD tenant id', 'Client secret'],
};

/** Expects a signed-in admin on the Admin page; `workspace` is the emulator the new integration points at. */
export async function adminIntegrationScenario(page: Page, workspace: { url: string; token: string }) {
  const panel = page.locator('.panel').filter({ has: page.getByRole('heading', { name: 'Northwind Pet Insurance' }) });
  await panel.getByRole('button', { name: 'New integration' }).click();
  const form = panel.getByRole('form', { name: 'New integration' });
  await form.waitFor();

  for (const [authType, inputs] of Object.entries(CREDENTIAL_INPUTS)) {
    await form.getByLabel('Authentication').selectOption({ label: authType });
    const shown = await Promise.all(inputs.map((label) => form.getByLabel(label, { exact: true }).isVisible()));
    check(shown.every(Boolean), `the form asks ${authType} for ${inputs.join(', ')}`);
  }
  await form.getByLabel('Type').selectOption({ label: 'Slack' });
  check(
    (await form.getByLabel('Incoming-webhook URL').isVisible()) &&
      (await form.getByLabel('Workspace URL').count()) === 0,
    'a Slack integration asks for its incoming-webhook URL only',
  );

  await form.getByLabel('Type').selectOption({ label: 'Databricks' });
  await form.getByLabel('Authentication').selectOption({ label: 'Personal access token' });
  const name = `E2E workspace ${Date.now()}`;
  await form.getByLabel('Display name').fill(name);
  await form.getByLabel('Workspace URL').fill(workspace.url);
  await form.getByLabel('Personal access token', { exact: true }).fill(workspace.token);
  await form.getByLabel('SQL warehouse id (optional)').fill(EMULATOR_WAREHOUSE_ID);
  await form.getByLabel('Region (optional)').fill('us-east-1');
  await form.getByRole('button', { name: 'Create integration' }).click();
  const created = page.getByTestId('integration').filter({ has: page.getByRole('heading', { name }) });
  await created.waitFor();
  check(
    (await created.getByTestId('secret-state').first().textContent()) === 'Set' &&
      !(await page.content()).includes(workspace.token),
    'the new integration is listed with its token set and never shown',
  );

  // Count the step rows each time the table changes: live steps arrive one at a time.
  await created.evaluate((element) => {
    const seen: number[] = [];
    (window as unknown as { stepCounts: number[] }).stepCounts = seen;
    new MutationObserver(() => {
      const count = element.querySelectorAll('[data-testid="integration-step"]').length;
      if (count !== seen.at(-1)) seen.push(count);
    }).observe(element, { childList: true, subtree: true });
  });
  await created.getByRole('button', { name: 'Test connection' }).click();
  await created
    .getByRole('status')
    .filter({ hasText: /steps passed|step failed/ })
    .waitFor({ timeout: 30_000 });
  const steps = await created
    .getByTestId('integration-step')
    .evaluateAll((rows) => rows.map((row) => `${row.querySelector('td')?.textContent}:${row.getAttribute('data-ok')}`));
  const counts = await page.evaluate(() => (window as unknown as { stepCounts: number[] }).stepCounts);
  check(
    steps.join(',') ===
      ['Credentials', 'Workspace', 'SQL warehouse', 'SQL query', 'Serving endpoints'].map((s) => `${s}:true`).join(','),
    `the connection test passes its five steps (${steps.join(', ')})`,
  );
  check(
    counts.filter((count) => count > 0).join(',') === '1,2,3,4,5',
    `the steps appear one by one as the api reports them (${counts.join(' → ')})`,
  );
  await shoot(page, '10-admin-new-integration');

  await created.getByRole('button', { name: 'Edit', exact: true }).first().click();
  const edit = created.getByRole('form', { name: 'Edit integration' });
  await edit.getByLabel('Region (optional)').fill('eu-west-1');
  await edit.getByRole('button', { name: 'Save integration' }).click();
  await created.getByText('eu-west-1').waitFor();
  check(
    (await created.getByTestId('secret-state').first().textContent()) === 'Set',
    'editing a setting keeps the write-only token',
  );
}
