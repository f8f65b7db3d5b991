import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from './support/test-api.js';

let api: TestApi;

beforeAll(async () => {
  const dist = await mkdtemp(join(tmpdir(), 'copos-web-'));
  await mkdir(join(dist, 'assets'));
  await writeFile(join(dist, 'index.html'), '<!doctype html><title>CoP OS</title>');
  await writeFile(join(dist, 'assets', 'app-1a2b.js'), 'console.log(1)');
  api = createTestApi({ WEB_DIST_DIR: dist });
});
afterAll(() => api.close());

describe('the web app on the api origin', () => {
  it('serves index.html for client routes with a CSP that only allows Databricks dashboards in frames', async () => {
    const response = await api.request('/cops/123/dashboard');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>CoP OS</title>');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain('frame-src https://*.cloud.databricks.com https://*.azuredatabricks.net');
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/frame-src[^;]*\*(?!\.)/);
  });

  it('serves hashed assets as immutable and refuses paths outside the build', async () => {
    const asset = await api.request('/assets/app-1a2b.js');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect(asset.headers.get('content-type')).toContain('javascript');
    const outside = await api.request('/..%2f..%2fetc%2fpasswd');
    expect(await outside.text()).not.toContain('root:');
  });

  it('leaves /graphql and /health to the API', async () => {
    const health = await api.request('/health');
    expect(health.headers.get('content-security-policy')).toBeNull();
  });
});
