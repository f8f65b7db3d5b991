// A platform admin initializes a tenant's governed catalog from the Ops page, a grant is revoked behind the
// gateway's back on the warehouse, the panel shows the drift, and Repair puts it right.
import type { Page } from 'playwright-core';
import { Agent, request } from 'undici';
import { check, shoot } from './checks.js';

const CUSTOMER = 'Northwind Pet Insurance';
const ANALYSTS = 'northwind_pet_insurance_analysts';

/** Expects the Ops page open on Northwind Pet Insurance (after the ops scenario). */
export async function tenantCatalogScenario(page: Page, emulator: { url: string; token: string; caPem: string }) {
  const panel = page.locator('.ops-tenant-catalog');
  const status = panel.getByTestId('tenant-catalog-status');
  await panel.getByRole('button', { name: 'Initialize' }).click();
  await panel.locator('[data-testid="tenant-catalog-status"][data-status="OK"]').waitFor();
  check(
    (await status.evaluate((node) => node.classList.contains('is-green'))) === true,
    'initializing the tenant catalog turns its status green',
  );

  // The catalog's name (the integration's prefix and the tenant's slug), as the panel shows it.
  const catalog = (await panel.locator('.panel__meta').textContent())?.trim();
  check(catalog?.endsWith('_northwind_pet_insurance'), `the panel names the tenant catalog (${catalog})`);
  await revokeOnWarehouse(emulator, `REVOKE SELECT ON SCHEMA \`${catalog}\`.gold FROM \`${ANALYSTS}\``);
  await page.reload();
  await page.getByLabel('Customer').selectOption({ label: CUSTOMER });
  await panel.locator('[data-testid="tenant-catalog-status"][data-status="DRIFT"]').waitFor();
  const drift = await panel.getByTestId('tenant-catalog-drift').textContent();
  check(
    drift?.includes('SELECT') && drift.includes(ANALYSTS),
    `a REVOKE on the warehouse shows as drift in amber (${drift})`,
  );
  await shoot(page, '10b-tenant-catalog-drift');

  await panel.getByRole('button', { name: 'Repair' }).click();
  await panel.locator('[data-testid="tenant-catalog-status"][data-status="OK"]').waitFor();
  check(
    (await panel.getByTestId('tenant-catalog-changes').textContent())?.includes(
      `granted SELECT on schema ${catalog}.gold`,
    ),
    'Repair grants back what was revoked and the status is green again',
  );
}

/**
 * One statement on the emulator's warehouse through the Statement Execution API, as the workspace admin, polled
 * until it ends (the emulator's clock runs fast, so its wait_timeout may pass before the statement ran).
 */
async function revokeOnWarehouse(emulator: { url: string; token: string; caPem: string }, statement: string) {
  const dispatcher = new Agent({ connect: { ca: emulator.caPem } });
  const call = async (method: 'GET' | 'POST', path: string, body?: object) => {
    const response = await request(`${emulator.url}${path}`, {
      method,
      dispatcher,
      headers: { authorization: `Bearer ${emulator.token}`, 'content-type': 'application/json' },
      body: body && JSON.stringify(body),
    });
    return (await response.body.json()) as { statement_id: string; status: { state: string; error?: object } };
  };
  try {
    let answer = await call('POST', '/api/2.0/sql/statements', { statement, warehouse_id: 'ab12cd34ef56ab78' });
    for (let i = 0; i < 100 && ['PENDING', 'RUNNING'].includes(answer.status.state); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      answer = await call('GET', `/api/2.0/sql/statements/${answer.statement_id}`);
    }
    check(answer.status.state === 'SUCCEEDED', `the emulator ran ${statement} (${JSON.stringify(answer.status)})`);
  } finally {
    await dispatcher.close();
  }
}
