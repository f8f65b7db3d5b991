/**
 * HiveServer2 sessions and operations over the SQL engine. A statement runs to completion inside
 * ExecuteStatement; its result is kept until CloseOperation and served in pages of `maxRows`.
 * Small results go back as direct results (status, metadata, rows and close in one response), as Arrow
 * batches, or column-based for a client that does not read Arrow.
 */
import { randomUUID } from 'node:crypto';
import Int64 from 'node-int64';
import type { SqlEngine, SqlParams, SqlResult } from '../contracts.js';
import { arrowBatch, arrowSchema } from './arrow.js';
import { columnBatch } from './columns.js';
import { TOperationState, TOperationType, TProtocolVersion, TSparkRowSetType, TStatusCode } from './generated.js';
import { tableSchema } from './schema.js';

interface HandleIdentifier {
  guid: Buffer;
  secret: Buffer;
}

interface Operation {
  handle: { operationId: HandleIdentifier; operationType: number; hasResultSet: boolean };
  result?: SqlResult;
  error?: { message: string; sqlState: string };
  state: number;
  /** Results as Arrow batches (the client can read them) or as a column-based row set. */
  arrow: boolean;
  /** Rows already sent. */
  offset: number;
}

interface SparkParameter {
  name?: string;
  type?: string;
  value?: { stringValue?: string };
}

const success = { statusCode: TStatusCode.SUCCESS_STATUS };
const newHandle = (): HandleIdentifier => ({
  guid: Buffer.from(randomUUID().replaceAll('-', ''), 'hex'),
  secret: Buffer.from(randomUUID().replaceAll('-', ''), 'hex'),
});
const keyOf = (id: HandleIdentifier) => Buffer.from(id.guid).toString('hex');
const DEFAULT_PAGE_ROWS = 100_000;

/** Parameter values by their declared type: all arrive as strings. */
export function sparkParameters(parameters: SparkParameter[] = []): SqlParams {
  const params: SqlParams = {};
  for (const { name, type, value } of parameters) {
    if (!name) continue;
    const text = value?.stringValue;
    const kind = (type ?? '').toUpperCase();
    if (text === undefined || text === null) params[name] = null;
    else if (['INTEGER', 'INT', 'BIGINT', 'SMALLINT', 'TINYINT', 'DOUBLE', 'FLOAT', 'DECIMAL'].includes(kind))
      params[name] = Number(text);
    else if (kind === 'BOOLEAN') params[name] = text.toLowerCase() === 'true';
    else params[name] = text;
  }
  return params;
}

/** Maps DuckDB's error classes to SQLSTATE codes as a warehouse would report them. */
export function sqlStateOf(message: string): string {
  if (message.startsWith('[INSUFFICIENT_PERMISSIONS]')) return '42501';
  if (message.startsWith('Parser Error')) return '42601';
  if (message.startsWith('Catalog Error')) return '42P01';
  if (message.startsWith('Binder Error')) return '42703';
  if (message.startsWith('Constraint Error')) return '23505';
  if (message.startsWith('Conversion Error')) return '22018';
  return 'HY000';
}

/** Sessions and operations shared by every request; `as(principal)` gives the handlers for one caller. */
export function createHiveService(engine: SqlEngine) {
  const state: HiveState = { sessions: new Set(), operations: new Map() };
  return { as: (principal: string) => hiveHandlers(engine, principal, state) };
}

interface HiveState {
  sessions: Set<string>;
  operations: Map<string, Operation>;
}

function hiveHandlers(engine: SqlEngine, principal: string, { sessions, operations }: HiveState) {
  const find = (handle: { operationId: HandleIdentifier }) => operations.get(keyOf(handle.operationId));

  const statusOf = (op: Operation) => ({
    status: success,
    operationState: op.state,
    hasResultSet: op.handle.hasResultSet,
    errorMessage: op.error?.message,
    displayMessage: op.error?.message,
    sqlState: op.error?.sqlState,
  });

  const metadataOf = (op: Operation) => ({
    status: success,
    schema: tableSchema(op.result?.columns ?? []),
    resultFormat: op.arrow ? TSparkRowSetType.ARROW_BASED_SET : TSparkRowSetType.COLUMN_BASED_SET,
    ...(op.arrow ? { arrowSchema: arrowSchema(op.result?.columns ?? []) } : {}),
    lz4Compressed: false,
  });

  const fetchPage = (op: Operation, maxRows: number) => {
    const { columns, rows } = op.result ?? { columns: [], rows: [] };
    const page = rows.slice(op.offset, op.offset + Math.max(1, maxRows));
    const startRowOffset = op.offset;
    op.offset += page.length;
    return {
      status: success,
      hasMoreRows: op.offset < rows.length,
      results: {
        startRowOffset: new Int64(startRowOffset),
        rows: [],
        ...(op.arrow
          ? {
              arrowBatches: page.length ? [{ batch: arrowBatch(columns, page), rowCount: new Int64(page.length) }] : [],
            }
          : { columns: columnBatch(columns, page) }),
      },
    };
  };

  return {
    OpenSession(req: { client_protocol?: number; initialNamespace?: unknown }) {
      const handle = newHandle();
      sessions.add(keyOf(handle));
      return {
        status: success,
        serverProtocolVersion: TProtocolVersion.SPARK_CLI_SERVICE_PROTOCOL_V8,
        sessionHandle: { sessionId: handle },
        canUseMultipleCatalogs: true,
        initialNamespace: req.initialNamespace,
      };
    },

    // Every method takes exactly one argument: the generated processor calls zero-argument handlers with a callback.
    CloseSession(_req: unknown) {
      return { status: success };
    },

    GetInfo(_req: unknown) {
      return { status: success, infoValue: { stringValue: 'Databricks emulator' } };
    },

    async ExecuteStatement(req: {
      statement: string;
      parameters?: SparkParameter[];
      getDirectResults?: { maxRows?: Int64 };
      resultRowLimit?: Int64;
      canReadArrowResult?: boolean;
    }) {
      const handle = newHandle();
      const op: Operation = {
        handle: { operationId: handle, operationType: TOperationType.EXECUTE_STATEMENT, hasResultSet: true },
        state: TOperationState.RUNNING_STATE,
        arrow: req.canReadArrowResult === true,
        offset: 0,
      };
      operations.set(keyOf(handle), op);
      try {
        op.result = await engine.execute(req.statement, sparkParameters(req.parameters), { principal });
        const limit = req.resultRowLimit ? req.resultRowLimit.toNumber() : 0;
        if (limit > 0) op.result.rows = op.result.rows.slice(0, limit);
        op.state = TOperationState.FINISHED_STATE;
        // The driver's column-based reader never finishes a result without columns (it waits for rows it
        // cannot read): a statement that returns no columns (DDL) has no result set for it.
        if (!op.arrow && op.result.columns.length === 0) op.handle.hasResultSet = false;
      } catch (err) {
        const message = (err as Error).message;
        op.error = { message, sqlState: sqlStateOf(message) };
        op.state = TOperationState.ERROR_STATE;
      }
      if (!req.getDirectResults) return { status: success, operationHandle: op.handle };
      if (op.error) {
        return { status: success, operationHandle: op.handle, directResults: { operationStatus: statusOf(op) } };
      }
      if (!op.handle.hasResultSet) {
        return { status: success, operationHandle: op.handle, directResults: { operationStatus: statusOf(op) } };
      }
      const resultSet = fetchPage(op, req.getDirectResults.maxRows?.toNumber() ?? DEFAULT_PAGE_ROWS);
      const complete = !resultSet.hasMoreRows;
      if (complete) operations.delete(keyOf(handle));
      return {
        status: success,
        operationHandle: op.handle,
        directResults: {
          operationStatus: statusOf(op),
          resultSetMetadata: metadataOf(op),
          resultSet,
          ...(complete ? { closeOperation: { status: success } } : {}),
        },
      };
    },

    GetOperationStatus(req: { operationHandle: { operationId: HandleIdentifier } }) {
      const op = find(req.operationHandle);
      if (!op) return { status: success, operationState: TOperationState.CLOSED_STATE };
      return statusOf(op);
    },

    GetResultSetMetadata(req: { operationHandle: { operationId: HandleIdentifier } }) {
      const op = find(req.operationHandle);
      if (!op) return invalidHandle();
      return metadataOf(op);
    },

    FetchResults(req: { operationHandle: { operationId: HandleIdentifier }; maxRows: Int64 }) {
      const op = find(req.operationHandle);
      if (!op) return invalidHandle();
      return fetchPage(op, req.maxRows?.toNumber() || DEFAULT_PAGE_ROWS);
    },

    CancelOperation(req: { operationHandle: { operationId: HandleIdentifier } }) {
      const op = find(req.operationHandle);
      if (op && op.state === TOperationState.RUNNING_STATE) op.state = TOperationState.CANCELED_STATE;
      return { status: success };
    },

    CloseOperation(req: { operationHandle: { operationId: HandleIdentifier } }) {
      operations.delete(keyOf(req.operationHandle.operationId));
      return { status: success };
    },
  };
}

function invalidHandle() {
  return {
    status: { statusCode: TStatusCode.ERROR_STATUS, errorMessage: 'Invalid OperationHandle', sqlState: 'HY000' },
  };
}
