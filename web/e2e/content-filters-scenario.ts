// The content library's filters: type, tag, author, platform and search narrow the list the api returns.
import type { Page } from 'playwright-core';
import { check, shoot } from './checks.js';

const items = (page: Page) => page.locator('.content-item');
const subtitles = (page: Page) => page.locator('.content-item .list__sub').allTextContents();

/** Picks `value` in a filter and waits for the library to answer with a different list than `before`. */
async function choose(page: Page, label: string, option: { label?: string; index?: number }) {
  const before = (await page.locator('.content-item .list__title').allTextContents()).join('|');
  await page.getByLabel(label, { exact: true }).selectOption(option);
  await page.waitForFunction(
    (previous) =>
      [...document.querySelectorAll('.content-item .list__title, .panel .empty')]
        .map((node) => node.textContent)
        .join('|') !== previous,
    before,
  );
}

/** Expects the CoP's Content page to be open. */
export async function contentFiltersScenario(page: Page) {
  const all = await items(page).count();
  await choose(page, 'Type', { label: 'DBSQL dashboard' });
  const dashboards = await subtitles(page);
  check(
    dashboards.length > 0 && dashboards.length < all && dashboards.every((text) => text.startsWith('DBSQL dashboard')),
    `the type filter keeps only DBSQL dashboards (${dashboards.length} of ${all})`,
  );
  await choose(page, 'Platform', { label: 'Databricks on AWS' });
  check((await items(page).count()) > 0, 'type and platform filters combine (dashboards on Databricks on AWS)');
  await choose(page, 'Type', { label: 'All types' });
  await choose(page, 'Platform', { label: 'Elsewhere' });
  const elsewhere = await items(page).count();
  check(elsewhere < all, `the platform filter keeps assets outside Databricks (${elsewhere} of ${all})`);
  await choose(page, 'Platform', { label: 'Any platform' });

  await choose(page, 'Author', { index: 1 });
  const author = await page
    .getByLabel('Author', { exact: true })
    .evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.text);
  const byAuthor = await subtitles(page);
  check(
    byAuthor.length > 0 && byAuthor.every((text) => text.includes(`by ${author}`)),
    `the author filter keeps ${author}'s assets (${byAuthor.length})`,
  );
  await choose(page, 'Author', { label: 'Anyone' });

  await choose(page, 'Tag', { index: 1 });
  const tagged = await items(page).count();
  check(tagged > 0 && tagged <= all, `the tag filter keeps the tagged assets (${tagged} of ${all})`);
  await choose(page, 'Tag', { label: 'All tags' });

  await page.getByLabel('Search', { exact: true }).fill('no asset is called this');
  await page.getByLabel('Search', { exact: true }).press('Enter');
  await page.getByText('No content matches these filters.').waitFor();
  check(true, 'a search without matches says so');
  await shoot(page, '05b-content-filters');
  await page.getByLabel('Search', { exact: true }).fill('');
  await page.getByLabel('Search', { exact: true }).press('Enter');
  await items(page)
    .nth(all - 1)
    .waitFor();
}
