// The data engineer's path through the pipeline editor: define bronze → silver → SQL report with a schedule,
// see the DAG and the next fire times, watch it sync to Databricks, run it and see it succeed live.
import type { Page } from 'playwright-core';
import { check, shoot } from './checks.js';

const SYNC_TIMEOUT_MS = 30_000;
const RUN_TIMEOUT_MS = 90_000;

/** Expects a signed-in data engineer on any page of the app. */
export async function pipelinesEditorScenario(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pipelines' }).click();
  await page.getByRole('heading', { level: 1, name: 'Pipeline editor' }).waitFor();
  await page.getByRole('button', { name: 'New pipeline' }).click();
  await page.getByLabel('Pipeline name').fill('e2e medallion');

  await page.getByLabel('Key').first().fill('bronze');
  await page.getByLabel('Notebook path').first().fill('/PetInsure360/01_bronze_ingestion');
  await page.getByRole('button', { name: 'Add task' }).click();
  const second = page.getByTestId('pipeline-task').nth(1);
  await second.getByLabel('Key').fill('silver');
  await second.getByLabel('Notebook path').fill('/PetInsure360/02_silver_transformations');
  await page.getByRole('button', { name: 'Add task' }).click();
  const third = page.getByTestId('pipeline-task').nth(2);
  await third.getByLabel('Key').fill('report');
  await third.getByLabel('Type').selectOption('SQL');
  await third.getByLabel('SQL query').fill('SELECT 1 AS ok');
  await third.getByLabel('SQL warehouse id').fill('ab12cd34ef56ab78');
  check(
    await third.getByRole('checkbox', { name: 'silver' }).isChecked(),
    'a new task depends on the one before it (report → silver)',
  );

  await page.getByLabel('Run on a schedule').check();
  await page.getByLabel('Quartz cron (seconds minutes hours day month weekday)').fill('0 30 9 ? * 2-6');
  await page.getByLabel('Timezone').fill('Europe/Berlin');
  const times = page.getByTestId('next-fire-times').locator('li');
  await times.nth(4).waitFor();
  const shown = await times.allTextContents();
  check(
    shown.length === 5 && shown.every((time) => /9:30|09:30/.test(time) && !/Saturday|Sunday/.test(time)),
    `the schedule editor shows the next five weekday 09:30 fire times (${shown[0]} …)`,
  );
  await page.getByLabel('Quartz cron (seconds minutes hours day month weekday)').fill('0 0 9 * * 2');
  const refusal = page.getByRole('alert');
  await refusal.waitFor();
  check(
    (await refusal.textContent())?.includes('day-of-month and day-of-week must be "?"'),
    'a cron Quartz would refuse is explained in words',
  );
  await page.getByLabel('Quartz cron (seconds minutes hours day month weekday)').fill('0 30 9 ? * 2-6');
  await page.getByRole('button', { name: 'Create pipeline' }).click();

  const dag = page.getByTestId('pipeline-dag');
  await dag.waitFor();
  const edges = await dag.locator('[data-edge]').evaluateAll((paths) => paths.map((p) => p.getAttribute('data-edge')));
  check(
    edges.sort().join(',') === 'bronze->silver,silver->report',
    `the DAG is drawn with its dependencies (${edges.join(', ')})`,
  );
  const row = page.getByTestId('pipeline-row').filter({ hasText: 'e2e medallion' });
  await row.getByTestId('sync-badge').filter({ hasText: 'Synced' }).waitFor({ timeout: SYNC_TIMEOUT_MS });
  check(true, 'the pipeline becomes a Databricks job (badge Synced)');
  await shoot(page, '15-pipeline-editor');

  const runNow = page.getByRole('button', { name: 'Run now' });
  await runNow.waitFor();
  await page.waitForFunction(() => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Run now');
    return button && !button.disabled;
  });
  await runNow.click();
  const panel = page.getByTestId('run-panel');
  await page.locator('[data-testid="run-panel"][data-outcome="succeeded"]').waitFor({ timeout: RUN_TIMEOUT_MS });
  const tasks = await panel.locator('.run-tasks__item').allTextContents();
  check(
    tasks.length === 3 && tasks.every((task) => task.includes('Success')),
    `the pipeline run succeeds, every task too (${tasks.join(' | ')})`,
  );
  await page.getByTestId('run-history-row').first().waitFor();
  check(
    (await page.getByTestId('run-history-row').first().getAttribute('data-outcome')) === 'succeeded',
    'the run history shows the finished run',
  );
  await shoot(page, '16-pipeline-run-succeeded');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolio' }).click();
  // Shown from the cache first (read before the pipeline existed), then refreshed: wait for the fresh count.
  const counted = await page
    .getByRole('complementary', { name: 'Databricks sync' })
    .filter({ hasText: /Pipelines: 1 of 1 in Databricks/ })
    .first()
    .waitFor({ timeout: 10_000 })
    .then(() => true)
    .catch(() => false);
  const summary = await page.getByRole('complementary', { name: 'Databricks sync' }).allTextContents();
  check(counted, `the Databricks sync widget counts the synced pipeline (${summary.join(' | ').trim()})`);
}
