// `npm run e2e -w web`: drives the real stack (api serving the built app, Databricks emulator, Postgres) in
// headless Chromium: sign-in, portfolio, CoP dashboard, content, admin, and a live pipeline run; saves
// screenshots under web/e2e/screenshots/ and prints the dashboard's paint time and the bundle size.
// Exits non-zero on any failure.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { adminIntegrationScenario } from './admin-integration-scenario.js';
import { alertsScenario } from './alerts-scenario.js';
import { check, log, PASSWORD, screenshots, shoot, signIn } from './checks.js';
import { contentFiltersScenario } from './content-filters-scenario.js';
import { crmScenario } from './crm-scenario.js';
import { datasetsScenario } from './datasets-scenario.js';
import { devServerCspScenario } from './dev-server-csp.js';
import { activeUsersTotalScenario, firstUsageSyncScenario } from './kpi-scenario.js';
import { bundleSizes, timeToKpiCharts } from './measure.js';
import { notebooksScenario } from './notebooks-scenario.js';
import { opsScenario } from './ops-scenario.js';
import { pipelineScenario } from './pipeline-scenario.js';
import { pipelinesEditorScenario } from './pipelines-editor-scenario.js';
import { type Stack, startStack } from './stack.js';
import { surveyAnswerScenario } from './survey-answer-scenario.js';
import { surveySummaryScenario } from './survey-scenario.js';
import { tenantCatalogScenario } from './tenant-catalog-scenario.js';

// A database of its own per run (dropped at the end), so runs side by side (worktrees, CI) never meet.
const databaseUrl = process.env.E2E_DATABASE_URL ?? `postgresql://postgres@127.0.0.1:5432/copos_e2e_${process.pid}`;
const distDir = fileURLToPath(new URL('../dist', import.meta.url));

async function scenario(page: Page, stack: Stack) {
  const webUrl = stack.url;
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });

  // Signed out: any page leads to sign-in and back afterwards.
  await page.goto(`${webUrl}/`);
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  check(new URL(page.url()).pathname === '/sign-in', 'a signed-out visit is sent to the sign-in page');
  check(await page.getByText('copos-demo').isVisible(), 'the sign-in page shows the demo accounts hint');
  await shoot(page, '01-sign-in');

  await signIn(page, 'lead@northwind.example', 'not-the-password');
  const alert = page.getByRole('alert');
  await alert.waitFor();
  check((await alert.textContent()) === 'The email or password is incorrect.', 'a wrong password is reported in words');
  await shoot(page, '02-sign-in-error');
  // The browser logs the rejected sign-in's 401 as a console error: expected, so not counted.
  pageErrors.length = 0;

  await signIn(page, 'lead@northwind.example', PASSWORD);
  await page.getByRole('heading', { name: 'Portfolio' }).waitFor();
  const firstCopPath = await page.locator('.cop-card h3 a').first().getAttribute('href');
  // Before the dashboard: the KPI charts show what the api's first usage tick synced from the system tables.
  await firstUsageSyncScenario(webUrl, decodeURIComponent(firstCopPath?.split('/')[2] ?? ''));
  const user = page.getByTestId('signed-in-user');
  await user.waitFor();
  check((await user.textContent())?.includes('Northwind Pet Insurance'), 'the header shows the user and customer');
  const copCards = page.locator('.cop-card');
  await copCards.first().waitFor();
  check((await copCards.count()) >= 2, `the portfolio lists the customer's CoPs (${await copCards.count()})`);
  const mapValue = await copCards.first().locator('.sparkline[data-metric="MAP"] .sparkline__value').textContent();
  check(mapValue && /\d/.test(mapValue), `a CoP card shows its latest MAP (${mapValue})`);
  const members = await copCards.first().locator('.cop-card__facts strong').textContent();
  check(Number(members) > 0, `a CoP card shows its member count (${members})`);
  check(
    (await page.getByRole('heading', { level: 2, name: 'Contoso Health' }).count()) === 0,
    "another customer's CoPs are not shown",
  );
  await shoot(page, '03-portfolio');

  const copName = await copCards.first().locator('h3').textContent();
  await copCards.first().locator('h3 a').click();
  await page.getByRole('heading', { level: 1, name: copName ?? '' }).waitFor();
  const charts = page.locator('.kpi-chart');
  await charts.first().locator('[data-testid="kpi-latest"]').waitFor();
  const metrics = await charts.evaluateAll((figures) => figures.map((figure) => figure.getAttribute('data-metric')));
  check(
    ['MAP', 'NPS', 'DBU', 'ACTIVE_USERS', 'JOBS_RUN', 'QUERIES_EXECUTED', 'MODEL_REQUESTS'].every((metric) =>
      metrics.includes(metric),
    ),
    `the CoP dashboard charts every KPI (${metrics.join(', ')})`,
  );
  check(
    (await page.locator('.kpi-chart [data-testid="kpi-latest"]').count()) === metrics.length,
    'every KPI chart has seeded data',
  );
  const usageSeries = page.locator('.usage-panel .usage-grid__item');
  await usageSeries.first().waitFor();
  check(
    (await usageSeries.count()) >= 3 && (await page.locator('.usage-panel [role="alert"]').count()) === 0,
    `the live usage panel shows the workspace's usage from the system tables (${await usageSeries.count()} series)`,
  );
  await activeUsersTotalScenario(page, webUrl);
  const dashboardUrl = page.url();
  const memberRows = page.locator('.members-panel .list__row');
  check((await memberRows.count()) > 0, `the dashboard lists members (${await memberRows.count()})`);
  await shoot(page, '04-cop-dashboard');

  // Keyboard: a chart reads out the day picked with the arrow keys.
  const firstChart = charts.first().getByRole('img');
  await firstChart.focus();
  await page.keyboard.press('ArrowLeft');
  const readout = await charts.first().getByTestId('kpi-readout').textContent();
  check(readout && /^[A-Z][a-z]{2} \d+: /.test(readout), `arrow keys pick a day on a chart (${readout})`);

  // A longer period refetches only the KPI panel.
  const longPeriod = page.getByRole('button', { name: '180 days' });
  await longPeriod.click();
  await page.getByText('Last 180 days').waitFor();
  check((await longPeriod.getAttribute('aria-pressed')) === 'true', 'the KPI period can be changed');
  await charts.first().locator('[data-testid="kpi-latest"]').waitFor();

  const moreButton = page.getByRole('button', { name: 'Show more members' });
  if (await moreButton.isVisible()) {
    const before = await memberRows.count();
    await moreButton.click();
    await page.waitForFunction(
      (count) => document.querySelectorAll('.members-panel .list__row').length > count,
      before,
    );
    check(
      (await memberRows.count()) > before,
      `"Show more members" appends the next page (${await memberRows.count()})`,
    );
  }

  await page.getByRole('navigation', { name: 'CoP sections' }).getByRole('link', { name: 'Content' }).click();
  await page.getByRole('heading', { level: 1, name: 'Content' }).waitFor();
  const assets = page.locator('.content-item');
  // The library loads on its own, beside the filters.
  await assets.first().waitFor();
  check((await assets.count()) > 0, `the content page lists the CoP's assets (${await assets.count()})`);
  await page.getByRole('button', { name: 'Show dashboard' }).first().click();
  const frame = page.locator('.dashboard-embed iframe');
  await frame.waitFor();
  const frameUrl = new URL((await frame.getAttribute('src')) ?? 'about:blank');
  const openLink = page.locator('.dashboard-embed').getByRole('link', { name: /Open in Databricks/ });
  check(
    frameUrl.hostname.endsWith('.cloud.databricks.com') && (await openLink.getAttribute('href')) === frameUrl.href,
    `a DBSQL dashboard embeds with an "Open in Databricks" way out (${frameUrl.hostname})`,
  );
  await page
    .locator('.content-item')
    .filter({ has: frame })
    .getByText(/\d+ views/)
    .waitFor();
  await shoot(page, '05-content');
  await contentFiltersScenario(page);
  await page.getByRole('navigation', { name: 'CoP sections' }).getByRole('link', { name: 'Overview' }).click();
  await page.locator('.kpi-chart').first().waitFor();
  await usageSeries.first().waitFor();
  check((await usageSeries.count()) >= 3, 'coming back to the dashboard shows the usage again');
  await page.locator('.stale-mark').first().waitFor({ state: 'detached' });
  check((await page.locator('.stale-mark').count()) === 0, 'refreshed data loses its "saved data" mark');

  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await shoot(page, '06-cop-dashboard-mobile');
  await page.setViewportSize({ width: 1366, height: 900 });

  const paintMs = await timeToKpiCharts(page, dashboardUrl);
  log(`CoP dashboard first meaningful paint (navigation start → every KPI chart drawn): ${Math.round(paintMs)} ms`);

  await page.goto(`${webUrl}/cops/Q29wOm5vLXN1Y2gtY29w`);
  await page.getByRole('alert').waitFor();
  check(
    (await page.getByRole('alert').getAttribute('data-code')) === 'NOT_FOUND',
    'an unknown CoP shows a NOT_FOUND error in words',
  );
  await shoot(page, '07-not-found');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  const storedToken = await page.evaluate(() => localStorage.getItem('copos.token'));
  check(
    storedToken === null && page.url() === `${webUrl}/sign-in`,
    'signing out forgets the token and starts over at sign-in',
  );

  await signIn(page, 'admin@copos.dev', PASSWORD);
  await page.getByRole('heading', { name: 'Portfolio' }).waitFor();
  await page.locator('.customer').first().waitFor();
  check((await page.locator('.customer').count()) >= 2, 'the platform admin sees every customer');
  await shoot(page, '08-portfolio-admin');

  // Admin: a write-only secret is replaced, and its value never comes back to the page.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  const integration = page.getByTestId('integration').first();
  await integration.waitFor();
  check((await page.getByTestId('integration').count()) >= 2, 'the admin page lists every customer integration');
  check(
    (await integration.getByTestId('secret-state').first().textContent()) === 'Set',
    "an integration's secret shows as set, without its value",
  );
  const newSecret = `dapi-e2e-${Date.now()}`;
  await integration.locator('input[type="password"]').first().fill(newSecret);
  await integration.getByRole('button', { name: 'Replace' }).first().click();
  await integration.getByText('Saved.').waitFor();
  const html = await page.content();
  check(
    !html.includes(newSecret) && (await integration.locator('input[type="password"]').first().inputValue()) === '',
    'a replaced secret is saved and never shown again',
  );
  await shoot(page, '09-admin-integrations');
  await adminIntegrationScenario(page, stack.emulator);
  await opsScenario(page);
  await alertsScenario(page, webUrl, stack.emulator);
  await tenantCatalogScenario(page, stack.emulator);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await pipelineScenario(page);
  await datasetsScenario(page);
  await pipelinesEditorScenario(page);
  await notebooksScenario(page);
  await surveySummaryScenario(page);
  await crmScenario(page);
  await surveyAnswerScenario(page);

  check(
    pageErrors.length === 0,
    `no errors in the browser console${pageErrors.length ? `: ${pageErrors.join(' | ')}` : ''}`,
  );
}

/** Starts the stack, runs every scenario in one browser, and always tears both down. */
async function runBrowserTest(): Promise<void> {
  mkdirSync(screenshots, { recursive: true });
  const stack = await startStack({ databaseUrl, skipBuild: process.argv.includes('--no-build'), log });
  let browser: Browser | undefined;
  try {
    const bundle = bundleSizes(distDir);
    log(
      `Bundle (gzip): ${(bundle.entryBytes / 1024).toFixed(1)} kB loaded by the first page, ${(bundle.totalBytes / 1024).toFixed(1)} kB in all`,
    );
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    try {
      await scenario(page, stack);
      await devServerCspScenario(await context.newPage(), stack.url);
      log('All browser checks passed.');
    } catch (error) {
      await shoot(page, 'failure').catch(() => undefined);
      throw error;
    }
  } finally {
    await browser?.close();
    await stack.stop();
  }
}

// The last line is what .ci/run counts ("E2E passed" / "E2E failed"), next to vitest's summary.
const outcome = await runBrowserTest().then(
  () => true,
  (error: unknown) => {
    console.error(error);
    return false;
  },
);
console.log(outcome ? 'E2E passed' : 'E2E failed');
process.exit(outcome ? 0 : 1);
