// The dev server sends the api's Content-Security-Policy (frame-src: Databricks workspaces only), so what a
// developer sees is what users get, and the app still runs under it.
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { createServer } from 'vite';
import { check } from './checks.js';
import { freePort } from './stack.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/** `apiUrl` serves the production build; its policy is the reference. `page` is a page of its own (no api). */
export async function devServerCspScenario(page: Page, apiUrl: string) {
  const port = await freePort();
  const server = await createServer({
    root,
    configFile: `${root}vite.config.ts`,
    logLevel: 'silent',
    server: { port, strictPort: true },
  });
  await server.listen();
  try {
    const devUrl = `http://127.0.0.1:${port}`;
    const [dev, production] = await Promise.all([fetch(`${devUrl}/`), fetch(`${apiUrl}/`)]);
    const devPolicy = dev.headers.get('content-security-policy') ?? '';
    const frameSrc = (policy: string) => policy.split('; ').find((directive) => directive.startsWith('frame-src'));
    check(
      devPolicy === production.headers.get('content-security-policy') &&
        frameSrc(devPolicy) === 'frame-src https://*.cloud.databricks.com https://*.azuredatabricks.net',
      `the dev server sends the production Content-Security-Policy (${frameSrc(devPolicy)})`,
    );
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${devUrl}/sign-in`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    check(violations.length === 0, 'the dev build runs under that policy without a violation');
  } finally {
    await server.close();
  }
}
