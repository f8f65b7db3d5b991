// A member's path through an open survey: answer it once, then see their answer and the results instead of the form.
import type { Page } from 'playwright-core';
import { check, shoot } from './checks.js';

/** Expects a signed-in person on any page of the app; answers the open pulse survey of the first CoP. */
export async function surveyAnswerScenario(page: Page) {
  await page.getByRole('link', { name: 'Portfolio' }).first().click();
  await page.locator('.cop-card h3 a').first().click();
  await page.getByRole('navigation', { name: 'CoP sections' }).getByRole('link', { name: 'Surveys' }).click();
  await page.locator('.data-table__title', { hasText: 'Community pulse survey' }).first().click();
  await page.getByTestId('survey-figures').waitFor();
  const myAnswer = page.getByTestId('my-answer');
  const send = page.getByRole('button', { name: 'Send response' });
  await Promise.race([myAnswer.waitFor(), send.waitFor()]);

  if (await send.isVisible()) {
    const responses = Number(await page.getByTestId('survey-figures').locator('dd').nth(2).textContent());
    await page.locator('.scale__option', { hasText: /^9$/ }).first().click();
    await send.click();
    await myAnswer.waitFor();
    check((await myAnswer.textContent())?.includes('9 of 10'), 'after answering, the survey shows the answer given');
    await page
      .getByTestId('survey-figures')
      .locator('dd')
      .nth(2)
      .getByText(String(responses + 1))
      .waitFor();
    check(true, `the figures count the new response (${responses} → ${responses + 1})`);
  }
  await page.reload();
  await myAnswer.waitFor();
  check(
    (await send.count()) === 0 && (await page.getByRole('heading', { name: 'Results' }).isVisible()),
    'someone who has answered sees their answer and the results, not the form',
  );
  await shoot(page, '13-survey-answered');
}
