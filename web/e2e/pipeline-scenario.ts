// The data engineer's path: open a CoP's Pipeline page, run the Bronze layer and watch it finish live.
import type { Page } from 'playwright-core';
import { check, PASSWORD, shoot, signIn } from './checks.js';

/** A Bronze run on the emulator at speed 100 takes a few seconds; this leaves room for a slow CI machine. */
const RUN_TIMEOUT_MS = 60_000;

/**
 * While the cluster starts no run event arrives: the link (from RUN_STARTED) is there already, and the ETA, from
 * the job's history on this first Bronze run of the gateway, counts down on its own.
 */
async function clusterStartCountdown(page: Page) {
  const panel = page.getByTestId('run-panel');
  const waiting = panel.getByTestId('cluster-starting');
  await waiting.waitFor();
  const runLink = await panel.getByRole('link', { name: /Open run in Databricks/ }).getAttribute('href');
  check(runLink?.includes('/run/'), `the live panel links to the run page while the cluster starts (${runLink})`);
  const eta = panel.getByTestId('run-eta');
  const first = Number(await eta.getAttribute('data-eta-ms'));
  const shownFirst = await eta.textContent();
  await page.waitForTimeout(1_500);
  const second = Number(await eta.getAttribute('data-eta-ms'));
  check(await waiting.isVisible(), 'the cluster is still starting 1.5 s later');
  check(
    first > 0 && first - second >= 500 && first - second <= 2_000,
    `the ETA counts down each second while the cluster starts (${shownFirst} → ${await eta.textContent()})`,
  );
  await shoot(page, '10-pipeline-cluster-starting');
}

export async function pipelineScenario(page: Page) {
  await signIn(page, 'engineer@northwind.example', PASSWORD);
  await page.getByRole('heading', { name: 'Portfolio' }).waitFor();
  await page.locator('.cop-card h3 a').first().click();
  await page.getByRole('navigation', { name: 'CoP sections' }).getByRole('link', { name: 'Pipeline' }).click();
  await page.getByRole('heading', { level: 1, name: 'Pipeline' }).waitFor();
  const layers = await page.locator('.layer-card h3').allTextContents();
  check(
    ['Bronze', 'Silver', 'Gold', 'All layers'].every((layer) => layers.includes(layer)),
    `the Pipeline page offers every layer (${layers.join(', ')})`,
  );

  // A page reload would lose this marker: its survival proves the panel changed through the subscription alone.
  await page.evaluate(() => Object.assign(window, { e2eNoReload: true }));
  await page.getByRole('button', { name: 'Run bronze' }).click();
  const panel = page.getByTestId('run-panel');
  await page.locator('[data-testid="run-panel"][data-outcome="running"]').waitFor();
  check(
    (await panel.getByRole('status').textContent())?.includes('Running on Databricks…'),
    'triggering Bronze shows the run as running on Databricks',
  );
  await clusterStartCountdown(page);
  await panel.getByTestId('current-task').waitFor();
  check(
    (await panel.getByTestId('current-task').textContent())?.endsWith('ingestion'),
    'the live panel names the current task',
  );
  await shoot(page, '10b-pipeline-running');

  await page.locator('[data-testid="run-panel"][data-outcome="succeeded"]').waitFor({ timeout: RUN_TIMEOUT_MS });
  const result = await panel.getByTestId('run-result').textContent();
  check(
    result && /^Finished in .+ · [\d,]+ records? processed$/.test(result),
    `the run ends in success with its duration and records processed (${result})`,
  );
  const tasks = await panel.locator('.run-tasks__item').allTextContents();
  check(
    tasks.length === 2 && tasks.every((task) => task.includes('Success') && /\d records?/.test(task)),
    `each task shows its success and records processed (${tasks.join(' | ')})`,
  );
  const newest = page.getByTestId('run-history-row').first();
  check(
    (await newest.getAttribute('data-outcome')) === 'succeeded' && (await newest.textContent())?.includes('Bronze'),
    'the run history shows the finished Bronze run first',
  );
  check(
    await page.evaluate(() => (window as unknown as { e2eNoReload?: boolean }).e2eNoReload === true),
    'the run went from running to success without reloading the page',
  );
  await shoot(page, '11-pipeline-succeeded');
}
