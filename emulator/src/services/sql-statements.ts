/**
 * Statement Execution API 2.0 (`/api/2.0/sql/statements`): runs SQL on the engine asynchronously, waits up to
 * `wait_timeout` (emulated time), returns INLINE `JSON_ARRAY` results in chunks.
 */
import { randomUUID } from 'node:crypto';
import type { Clock, SqlEngine, SqlParams, SqlResult } from '../contracts.js';
import { DatabricksApiError, invalidParameter, notFound, type Route } from '../http/types.js';
import { columnInfo, jsonArrayValue } from '../sql/result-format.js';

type State = 'PENDING' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELED' | 'CLOSED';

interface Statement {
  id: string;
  state: State;
  result?: SqlResult;
  /** Rows past `row_limit` were dropped. */
  truncated: boolean;
  error?: { error_code: string; message: string };
  done: Promise<void>;
}

interface StatementParameter {
  name: string;
  value?: string | null;
  type?: string;
}

/** Rows per result chunk. */
export const CHUNK_ROWS = 10_000;
const NUMERIC_TYPES = [
  'INT',
  'INTEGER',
  'BIGINT',
  'LONG',
  'SMALLINT',
  'SHORT',
  'TINYINT',
  'BYTE',
  'DOUBLE',
  'FLOAT',
  'DECIMAL',
];

/** Seconds from `"0s"` or `"5s"`…`"50s"` (default 10 s). */
function parseWaitTimeout(raw: unknown): number {
  if (raw === undefined) return 10;
  const match = /^(\d+)s$/.exec(String(raw));
  const seconds = match ? Number(match[1]) : Number.NaN;
  if (seconds === 0 || (seconds >= 5 && seconds <= 50)) return seconds;
  throw invalidParameter(`wait_timeout must be 0s or between 5s and 50s, got: ${String(raw)}`);
}

function toParams(parameters: StatementParameter[] = []): SqlParams {
  const params: SqlParams = {};
  for (const { name, value, type = 'STRING' } of parameters) {
    const base = type.toUpperCase().replace(/\(.*$/, '');
    if (value === undefined || value === null) params[name] = null;
    else if (NUMERIC_TYPES.includes(base)) params[name] = Number(value);
    else if (base === 'BOOLEAN') params[name] = value.toLowerCase() === 'true';
    else params[name] = value;
  }
  return params;
}

const quoteIdentifier = (name: string) => `\`${name.replaceAll('`', '``')}\``;

function chunkOf(statement: Statement, index: number) {
  const { columns, rows } = statement.result!;
  const rowOffset = index * CHUNK_ROWS;
  const slice = rows.slice(rowOffset, rowOffset + CHUNK_ROWS);
  const hasNext = rowOffset + CHUNK_ROWS < rows.length;
  return {
    chunk_index: index,
    row_offset: rowOffset,
    row_count: slice.length,
    data_array: slice.map((row) => row.map((value, i) => jsonArrayValue(value, columns[i].type))),
    ...(hasNext
      ? {
          next_chunk_index: index + 1,
          next_chunk_internal_link: `/api/2.0/sql/statements/${statement.id}/result/chunks/${index + 1}`,
        }
      : {}),
  };
}

function describe(statement: Statement) {
  const body: Record<string, unknown> = {
    statement_id: statement.id,
    status: { state: statement.state, ...(statement.error ? { error: statement.error } : {}) },
  };
  if (statement.state !== 'SUCCEEDED' || !statement.result) return body;
  const { columns, rows } = statement.result;
  const chunkCount = Math.max(1, Math.ceil(rows.length / CHUNK_ROWS));
  body.manifest = {
    format: 'JSON_ARRAY',
    schema: { column_count: columns.length, columns: columns.map(columnInfo) },
    total_row_count: rows.length,
    total_chunk_count: chunkCount,
    chunks: Array.from({ length: chunkCount }, (_, i) => ({
      chunk_index: i,
      row_offset: i * CHUNK_ROWS,
      row_count: Math.min(CHUNK_ROWS, rows.length - i * CHUNK_ROWS),
    })),
    truncated: statement.truncated,
  };
  body.result = chunkOf(statement, 0);
  return body;
}

export function createSqlStatementsService({ engine, clock }: { engine: SqlEngine; clock: Clock }): Route[] {
  const statements = new Map<string, Statement>();

  const find = (id: string) => {
    const statement = statements.get(id);
    if (!statement) throw notFound(`Statement ${id} does not exist.`);
    return statement;
  };

  const submit = (body: Record<string, unknown>, principal: string): Statement => {
    const text = body.statement;
    if (typeof text !== 'string' || !text.trim()) throw invalidParameter('statement is required.');
    if (typeof body.warehouse_id !== 'string' || !body.warehouse_id)
      throw invalidParameter('warehouse_id is required.');
    if (body.disposition !== undefined && body.disposition !== 'INLINE') {
      throw invalidParameter('Only the INLINE disposition is supported by this warehouse.');
    }
    if (body.format !== undefined && body.format !== 'JSON_ARRAY') {
      throw invalidParameter('INLINE disposition only supports the JSON_ARRAY format.');
    }
    const rowLimit = typeof body.row_limit === 'number' ? body.row_limit : undefined;
    const namespace =
      typeof body.catalog === 'string'
        ? `USE ${quoteIdentifier(body.catalog)}.${quoteIdentifier(typeof body.schema === 'string' ? body.schema : 'default')};\n`
        : '';
    const statement: Statement = { id: randomUUID(), state: 'RUNNING', truncated: false, done: Promise.resolve() };
    statement.done = engine
      .execute(namespace + text, toParams(body.parameters as StatementParameter[]), { principal })
      .then(
        (result) => {
          if (statement.state !== 'RUNNING') return;
          statement.truncated = rowLimit !== undefined && result.rows.length > rowLimit;
          statement.result = statement.truncated ? { ...result, rows: result.rows.slice(0, rowLimit) } : result;
          statement.state = 'SUCCEEDED';
        },
        (err: Error) => {
          if (statement.state !== 'RUNNING') return;
          statement.state = 'FAILED';
          // Databricks reports a missing privilege as PERMISSION_DENIED, other failures as BAD_REQUEST.
          const denied = err.message.startsWith('[INSUFFICIENT_PERMISSIONS]');
          statement.error = { error_code: denied ? 'PERMISSION_DENIED' : 'BAD_REQUEST', message: err.message };
        },
      );
    statements.set(statement.id, statement);
    return statement;
  };

  return [
    {
      method: 'POST',
      path: '/api/2.0/sql/statements',
      handler: async ({ body, principal }) => {
        const waitSeconds = parseWaitTimeout(body.wait_timeout);
        const onTimeout = body.on_wait_timeout ?? 'CONTINUE';
        if (onTimeout !== 'CONTINUE' && onTimeout !== 'CANCEL') {
          throw invalidParameter('on_wait_timeout must be CONTINUE or CANCEL.');
        }
        const statement = submit(body, principal.userName);
        if (waitSeconds > 0) {
          await Promise.race([statement.done, clock.sleep(waitSeconds * 1000)]);
          if (statement.state === 'RUNNING' && onTimeout === 'CANCEL') statement.state = 'CANCELED';
        }
        return describe(statement);
      },
    },
    {
      method: 'GET',
      path: '/api/2.0/sql/statements/:statement_id',
      handler: ({ params }) => describe(find(params.statement_id)),
    },
    {
      method: 'GET',
      path: '/api/2.0/sql/statements/:statement_id/result/chunks/:chunk_index',
      handler: ({ params }) => {
        const statement = find(params.statement_id);
        if (statement.state !== 'SUCCEEDED') {
          throw new DatabricksApiError(400, 'BAD_REQUEST', `Statement ${statement.id} is ${statement.state}.`);
        }
        const index = Number(params.chunk_index);
        const chunks = Math.max(1, Math.ceil(statement.result!.rows.length / CHUNK_ROWS));
        if (!Number.isInteger(index) || index < 0 || index >= chunks) {
          throw invalidParameter(`chunk_index ${params.chunk_index} is out of range.`);
        }
        return chunkOf(statement, index);
      },
    },
    {
      method: 'POST',
      path: '/api/2.0/sql/statements/:statement_id/cancel',
      handler: ({ params }) => {
        const statement = find(params.statement_id);
        if (statement.state === 'PENDING' || statement.state === 'RUNNING') statement.state = 'CANCELED';
        return {};
      },
    },
  ];
}
