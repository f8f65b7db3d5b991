// The content library's filters: type, tag, author, platform and search narrow the list the api returns.
import type { Page } from 'playwright-core';
import { check, shoot } from './checks.js';

const items = (page: Page) => page.locator('.content-item');
const subtitles = (page: Page) => page.locator('.content-item .list__sub').allTextContents();

/** The library's argument behind each filter input. */
const ARGUMENTS: Record<string, string> = {
  Type: 'assetType',
  Tag: 'tag',
  Author: 'authorId',
  Platform: 'platform',
  Search: 'search',
};

/** Waits until the list on screen is the api's answer for the input's current value. */
async function shownFor(page: Page, label: string) {
  const value = (await page.getByLabel(label, { exact: true }).inputValue()).trim();
  await page.waitForFunction(
    ([name, wanted]) => {
      const shown = document.querySelector('[data-shown-filter]')?.getAttribute('data-shown-filter');
      return shown ? (JSON.parse(shown)[name] ?? '') === wanted : false;
    },
    [ARGUMENTS[label] ?? label, value],
  );
}

async function choose(page: Page, label: string, option: { label?: string; index?: number }) {
  await page.getByLabel(label, { exact: true }).selectOption(option);
  await shownFor(page, label);
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
  await shownFor(page, 'Search');
  await page.getByText('No content matches these filters.').waitFor();
  check(true, 'a search without matches says so');
  await shoot(page, '05b-content-filters');
  await page.getByLabel('Search', { exact: true }).fill('');
  await page.getByLabel('Search', { exact: true }).press('Enter');
  await items(page)
    .nth(all - 1)
    .waitFor();
}
