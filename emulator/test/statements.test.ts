import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHUNK_ROWS } from '../src/services/sql-statements.js';
import { WAREHOUSE_ID } from '../src/services/warehouses.js';
import { startSqlEmulator, WORKSPACE_IDS } from './sql-fixture.js';

describe('Statement Execution API 2.0', () => {
  let emulator: Awaited<ReturnType<typeof startSqlEmulator>>;
  const submit = (body: Record<string, unknown>) =>
    emulator.call('POST', '/api/2.0/sql/statements', { warehouse_id: WAREHOUSE_ID, ...body });
  /** Polls a statement until it has finished (the machine may be slow; the hook and test timeouts bound it). */
  const finished = async (statementId: string) => {
    for (;;) {
      const polled = await emulator.call('GET', `/api/2.0/sql/statements/${statementId}`);
      if (!['PENDING', 'RUNNING'].includes(polled.body.status.state)) return polled;
      await sleep(20);
    }
  };

  beforeAll(async () => {
    emulator = await startSqlEmulator();
    // The warehouse generates its system tables first: wait for that, so the tests' waits measure statements.
    await finished((await submit({ statement: 'SELECT 1', wait_timeout: '0s' })).body.statement_id);
  });
  afterAll(() => emulator?.close());

  it('answers a parameterized query inline with a manifest and every value as a string', async () => {
    const { status, body } = await submit({
      statement:
        'SELECT workspace_id, usage_date, SUM(usage_quantity) AS dbus, COUNT(*) AS records FROM system.billing.usage WHERE workspace_id = :ws AND usage_date = :day GROUP BY ALL',
      parameters: [
        { name: 'ws', value: WORKSPACE_IDS[1] },
        { name: 'day', value: new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10), type: 'DATE' },
      ],
      wait_timeout: '10s',
    });
    expect(status).toBe(200);
    expect(body.status).toEqual({ state: 'SUCCEEDED' });
    expect(body.manifest).toMatchObject({
      format: 'JSON_ARRAY',
      total_row_count: 1,
      total_chunk_count: 1,
      truncated: false,
      schema: { column_count: 4 },
    });
    expect(
      body.manifest.schema.columns.map((c: { name: string; type_name: string; position: number }) => [
        c.name,
        c.type_name,
        c.position,
      ]),
    ).toEqual([
      ['workspace_id', 'STRING', 0],
      ['usage_date', 'DATE', 1],
      ['dbus', 'DECIMAL', 2],
      ['records', 'LONG', 3],
    ]);
    const [row] = body.result.data_array;
    expect(row[0]).toBe(WORKSPACE_IDS[1]);
    expect(row[1]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(row.every((v: unknown) => typeof v === 'string')).toBe(true);
    expect(Number(row[3])).toBeGreaterThan(0);
  });

  it('returns at once with wait_timeout 0s and serves the result on GET', async () => {
    const submitted = await submit({ statement: 'SELECT 42 AS answer', wait_timeout: '0s' });
    expect(['PENDING', 'RUNNING', 'SUCCEEDED']).toContain(submitted.body.status.state);
    const polled = await finished(submitted.body.statement_id);
    expect(polled.body.status.state).toBe('SUCCEEDED');
    expect(polled.body.result.data_array).toEqual([['42']]);
  });

  it('rejects a wait_timeout outside 0s or 5s–50s', async () => {
    const { status, body } = await submit({ statement: 'SELECT 1', wait_timeout: '3s' });
    expect(status).toBe(400);
    expect(body.error_code).toBe('INVALID_PARAMETER_VALUE');
  });

  it('reports a failing statement as FAILED with the error message', async () => {
    const { body } = await submit({ statement: 'SELECT * FROM nowhere_table' });
    expect(body.status.state).toBe('FAILED');
    expect(body.status.error.message).toContain('nowhere_table');
  });

  it('splits large results into chunks fetched by index and honours row_limit', async () => {
    const { body } = await submit({ statement: `SELECT range AS n FROM range(0, ${CHUNK_ROWS + 5})` });
    expect(body.manifest.total_chunk_count).toBe(2);
    expect(body.result.next_chunk_index).toBe(1);
    const chunk = await emulator.call('GET', `/api/2.0/sql/statements/${body.statement_id}/result/chunks/1`);
    expect(chunk.body).toMatchObject({ chunk_index: 1, row_offset: CHUNK_ROWS, row_count: 5 });
    expect(chunk.body.data_array.at(-1)).toEqual([String(CHUNK_ROWS + 4)]);

    const limited = await submit({ statement: 'SELECT range FROM range(0, 10)', row_limit: 3 });
    expect(limited.body.manifest).toMatchObject({ total_row_count: 3, truncated: true });
  });

  it('runs in the catalog and schema given', async () => {
    await submit({ statement: 'CREATE SCHEMA IF NOT EXISTS main.stmt_test' });
    await submit({ statement: 'CREATE TABLE notes (id INT) USING DELTA', catalog: 'main', schema: 'stmt_test' });
    await submit({ statement: 'INSERT INTO notes VALUES (5)', catalog: 'main', schema: 'stmt_test' });
    const { body } = await submit({ statement: 'SELECT id FROM main.stmt_test.notes' });
    expect(body.result.data_array).toEqual([['5']]);
  });

  it('answers 404 for an unknown statement and accepts cancel of a finished one', async () => {
    const missing = await emulator.call('GET', '/api/2.0/sql/statements/00000000-0000-0000-0000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.error_code).toBe('RESOURCE_DOES_NOT_EXIST');
    const { body } = await submit({ statement: 'SELECT 1' });
    const cancel = await emulator.call('POST', `/api/2.0/sql/statements/${body.statement_id}/cancel`);
    expect(cancel.status).toBe(200);
    const after = await emulator.call('GET', `/api/2.0/sql/statements/${body.statement_id}`);
    expect(after.body.status.state).toBe('SUCCEEDED');
  });
});
