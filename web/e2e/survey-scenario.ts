// A CoP lead's path to the AI summary of a survey: open the CoP's surveys, open one, generate the summary.
import type { Page } from 'playwright-core';
import { check, shoot } from './checks.js';

/** The summarizer answers through Model Serving on the emulator; leave room for a slow CI machine. */
const SUMMARY_TIMEOUT_MS = 30_000;

/** Expects a signed-in editor (the engineer of the pipeline scenario) on any page of the app. */
export async function surveySummaryScenario(page: Page) {
  await page.getByRole('link', { name: 'Portfolio' }).first().click();
  await page.getByRole('heading', { name: 'Portfolio' }).waitFor();
  await page.locator('.cop-card h3 a').first().click();
  await page.getByRole('navigation', { name: 'CoP sections' }).getByRole('link', { name: 'Surveys' }).click();
  await page.locator('.data-table__title').first().click();
  await page.getByTestId('survey-figures').waitFor();

  const generate = page.getByRole('button', { name: /^(Generate|Refresh)$/ });
  await generate.click();
  const summary = page.locator('.survey-summary');
  await summary.getByRole('heading', { name: 'Working well' }).waitFor({ timeout: SUMMARY_TIMEOUT_MS });
  const sections = await summary.locator('h3').allTextContents();
  check(
    ['Working well', 'Opportunities', 'Top actions'].every((title) => sections.includes(title)),
    `the survey's AI summary is generated with its sections (${sections.join(', ')})`,
  );
  check(
    (await page.getByText(/Generated .+ ago|Generated just now/).count()) > 0,
    'the AI summary says when it was generated',
  );
  await shoot(page, '12-survey-summary');
}
