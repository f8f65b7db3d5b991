// What every browser scenario shares: a timestamped log, named checks, screenshots and signing in.
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

export const screenshots = fileURLToPath(new URL('./screenshots/', import.meta.url));
export const PASSWORD = 'copos-demo';
const started = performance.now();

export const log = (message: string) =>
  console.log(`[e2e ${((performance.now() - started) / 1000).toFixed(1)}s] ${message}`);

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Check failed: ${message}`);
  log(`✓ ${message}`);
}

export async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `${screenshots}${name}.png`, fullPage: true });
  log(`screenshot ${name}.png`);
}

export async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
