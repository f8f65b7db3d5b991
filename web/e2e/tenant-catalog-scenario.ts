// A platform admin initializes a tenant's governed catalog from the Ops page, a grant is revoked behind the
// gateway's back on the warehouse, the panel shows the drift, and Repair puts it right.
import type { Page } from 'playwright-core';
import { Agent, request } from 'undici';
import { check, shoot } from './checks.js';

const CUSTOMER = 'Northwind Pet Insurance';
const CATALOG = 'copos_northwind_pet_insurance';
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

  await revokeOnWarehouse(emulator, `REVOKE SELECT ON SCHEMA \`${CATALOG}\`.gold FROM \`${ANALYSTS}\``);
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
      `granted SELECT on schema ${CATALOG}.gold`,
    ),
    'Repair grants back what was revoked and the status is green again',
  );
}

/** One statement on the emulator's warehouse through the Statement Execution API, as the workspace admin. */
async function revokeOnWarehouse(emulator: { url: string; token: string; caPem: string }, statement: string) {
  const dispatcher = new Agent({ connect: { ca: emulator.caPem } });
  try {
    const response = await request(`${emulator.url}/api/2.0/sql/statements`, {
      method: 'POST',
      dispatcher,
      headers: { authorization: `Bearer ${emulator.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ statement, warehouse_id: 'ab12cd34ef56ab78', wait_timeout: '10s' }),
    });
    const body = (await response.body.json()) as { status?: { state?: string } };
    check(body.status?.state === 'SUCCEEDED', `the emulator ran ${statement}`);
  } finally {
    await dispatcher.close();
  }
}
