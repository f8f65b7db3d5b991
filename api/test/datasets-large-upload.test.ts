import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant } from './support/fixtures.js';
import { createTestApi } from './support/test-api.js';

const dataDir = mkdtempSync(join(tmpdir(), 'copos-large-upload-test-'));
const api = createTestApi({ DATASETS_DIR: dataDir, DATASET_MAX_BYTES: String(40 * 1024 * 1024) });
let tenant: Awaited<ReturnType<typeof createTenant>>;
let token: string;

beforeAll(async () => {
  tenant = await createTenant(api.prisma, 'Large upload');
  // Local only: this is about the gateway taking the file in, not about Databricks.
  await api.prisma.customer.update({ where: { id: tenant.customer.id }, data: { databricksEnabled: false } });
  token = await api.tokenFor(tenant.users.DATA_ENGINEER.id);
});

afterAll(async () => {
  await api.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a dataset upload larger than graphql-yoga’s own 25 MB body cap', () => {
  it('is taken in up to DATASET_MAX_BYTES, and its rows counted', async () => {
    const rows = 450_000;
    const line = (i: number) =>
      `${i},policy-${i % 977},${(i % 10_000) / 100},2026-01-${String((i % 28) + 1).padStart(2, '0')},note for claim number ${i}\n`;
    const csv = `id,policy,amount,filed_on,note\n${Array.from({ length: rows }, (_, i) => line(i + 1)).join('')}`;
    expect(csv.length).toBeGreaterThan(26_000_000);
    const body = new FormData();
    body.set(
      'operations',
      JSON.stringify({
        query: `mutation($input: UploadDatasetInput!) { uploadDataset(input: $input) { rowCount sizeBytes sync { status } } }`,
        variables: { input: { customerId: tenant.ids.customer, name: 'large', file: null } },
      }),
    );
    body.set('map', JSON.stringify({ 0: ['variables.input.file'] }));
    body.set('0', new Blob([csv], { type: 'text/csv' }), 'large.csv');
    const response = await api.request('/graphql', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'graphql-require-preflight': '1' },
      body,
    });
    const answer = (await response.json()) as { data?: any; errors?: unknown };
    expect(answer.errors).toBeUndefined();
    expect(answer.data.uploadDataset).toEqual({ rowCount: rows, sizeBytes: csv.length, sync: { status: 'DISABLED' } });
  });
});
