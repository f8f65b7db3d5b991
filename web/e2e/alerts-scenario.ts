// Alerts, live: runs forced to fail in the emulator (its scenario control API) make the JOB_FAILURES rule fire, and
// the alert appears on the Operations page through `Subscription.alerts`, without a reload.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { Agent, request } from 'undici';
import { check, shoot } from './checks.js';
import { graphql, signInAs } from './kpi-scenario.js';

/** A notebook of the seeded pipeline, forced to fail for the two runs below and restored right after. */
const NOTEBOOK = '/PetInsure360/03_gold_aggregations';

interface Emulator {
  url: string;
  token: string;
  caFile: string;
}

/** Expects a platform admin on the Operations page with Northwind selected. */
export async function alertsScenario(page: Page, webUrl: string, emulator: Emulator) {
  const dispatcher = new Agent({ connect: { ca: readFileSync(emulator.caFile) } });
  const call = async (path: string, body: object) => {
    const response = await request(`${emulator.url}${path}`, {
      method: 'POST',
      dispatcher,
      headers: { authorization: `Bearer ${emulator.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = (await response.body.json()) as Record<string, unknown>;
    if (response.statusCode >= 300) throw new Error(`${path}: ${response.statusCode} ${JSON.stringify(answer)}`);
    return answer;
  };

  // A one-minute window: failures the generated history put in the last hour do not count, only the forced ones.
  const token = await signInAs(webUrl, 'admin@copos.dev');
  const { customers } = await graphql<{ customers: { nodes: { id: string; name: string }[] } }>(
    webUrl,
    '{ customers(first: 100) { nodes { id name } } }',
    {},
    token,
  );
  const northwind = customers.nodes.find((customer) => customer.name === 'Northwind Pet Insurance')!;
  await graphql(
    webUrl,
    'mutation($id: ID!) { setAlertRule(customerId: $id, kind: JOB_FAILURES, threshold: 2, windowSeconds: 60) { kind } }',
    { id: northwind.id },
    token,
  );
  const firing = page.locator('.ops-alerts [data-testid="alert-item"][data-kind="JOB_FAILURES"][data-state="FIRING"]');
  await page.locator('.ops-alerts').waitFor();
  await firing.first().waitFor({ state: 'detached', timeout: 30_000 });

  await call('/emulator/scenario/notebooks', { path: NOTEBOOK, forceFailure: true });
  try {
    for (const attempt of [1, 2]) {
      await call('/api/2.2/jobs/runs/submit', {
        run_name: `e2e forced failure ${attempt}`,
        tasks: [
          {
            task_key: 'gold',
            notebook_task: { notebook_path: NOTEBOOK },
            new_cluster: { spark_version: '15.4.x-scala2.12', node_type_id: 'i3.xlarge', num_workers: 1 },
          },
        ],
      });
    }
  } finally {
    await call('/emulator/scenario/notebooks', { path: NOTEBOOK, forceFailure: false });
  }
  await firing.first().waitFor({ timeout: 60_000 });
  const summary = await firing.first().locator('.ops-alert__summary').textContent();
  check(
    summary?.startsWith('2 failed job runs in 1 min'),
    `two forced failures fire an alert, shown live (${summary})`,
  );
  check(
    (await page.locator('.ops-job-durations .uplot-chart canvas').count()) === 1 &&
      (await page.locator('.ops-job-success .uplot-chart canvas').count()) === 1,
    'the job duration percentile and success rate charts are drawn',
  );
  check(await page.locator('.ops-freshness').isVisible(), 'the data freshness panel is shown');
  await shoot(page, '11-ops-alerts');
  await dispatcher.close();
}
