import { randomUUID } from 'node:crypto';
import { DatabricksError } from '../databricks/errors.js';
import type { ConnectionRow, DatabricksRegistry, WorkspaceConnection } from '../databricks/registry.js';
import type { PrismaClient } from '../db/prisma.js';
import type { Prisma } from '../generated/prisma/client.js';
import { initialSync } from '../sync/record.js';
import { takeInCsv } from './csv-intake.js';
import { jsonValue, type LocalDatasets, type RowPage } from './local-engine.js';
import { type DatasetRemote, qualifiedTable } from './remote.js';
import { checkStatement } from './statement.js';

export interface DatasetServices {
  prisma: PrismaClient;
  datasets: LocalDatasets;
  registry: DatabricksRegistry;
  maxBytes: number;
}

export interface DatasetUpload {
  customerId: string;
  name: string;
  description?: string | null;
  file: File;
  createdById: string | null;
}

/**
 * Takes in an uploaded CSV: streamed to the dataset's folder while it is checked, converted to Parquet with
 * inferred columns, and only then recorded, PENDING for the reconciler (or DISABLED). Any failure removes the
 * folder, so nothing is half-created. `args` is the caller's selection (a Pothos `query`).
 */
export async function uploadDataset<A extends Omit<Prisma.DatasetCreateArgs, 'data'>>(
  services: DatasetServices,
  upload: DatasetUpload,
  args: A,
) {
  const { prisma, datasets } = services;
  const id = randomUUID();
  await datasets.prepareFolder(id);
  try {
    const intake = await takeInCsv(upload.file.stream(), datasets.csvPath(id), services.maxBytes);
    const { columns, rowCount } = await datasets.convert(id);
    const customer = await prisma.customer.findUniqueOrThrow({
      where: { id: upload.customerId },
      select: { databricksEnabled: true },
    });
    return await prisma.dataset.create({
      ...args,
      data: {
        id,
        customerId: upload.customerId,
        name: upload.name,
        description: upload.description,
        columns: columns as object[],
        rowCount,
        sizeBytes: intake.sizeBytes,
        createdById: upload.createdById,
        ...initialSync(customer.databricksEnabled),
      },
    });
  } catch (error) {
    await datasets.remove(id);
    throw error;
  }
}

export interface DatasetQueryResult extends RowPage {
  source: 'DATABRICKS' | 'LOCAL';
}

interface QueriedDataset {
  id: string;
  syncStatus: string;
  remote: unknown;
  /** The customer's Databricks integrations; the one the dataset synced to answers for it. */
  customer: { integrations: ConnectionRow[] };
}

/**
 * One checked read-only statement over a dataset: on the SQL warehouse when the dataset is synced, on the
 * local Parquet otherwise (or when the warehouse cannot be reached, which the answer's `source` says).
 */
export async function queryDataset(
  services: DatasetServices,
  dataset: QueriedDataset,
  request: { statement: string; parameters: Record<string, unknown>; limit: number; deadline?: number },
): Promise<DatasetQueryResult> {
  const checked = await checkStatement(services.datasets, request.statement, request.parameters);
  const remote = dataset.remote as Partial<DatasetRemote>;
  const integration = dataset.customer.integrations.find((candidate) => candidate.id === remote.integrationId);
  if (dataset.syncStatus === 'SYNCED' && integration) {
    try {
      return await queryWarehouse(
        services.registry.forIntegration(integration),
        checked.remote(qualifiedTable(remote as DatasetRemote)),
        checked.parameters,
        request,
      );
    } catch (error) {
      if (!(error instanceof DatabricksError && error.retryable)) throw error;
    }
  }
  const page = await services.datasets.query(dataset.id, checked.local, checked.parameters, request.limit);
  return { source: 'LOCAL', ...page };
}

async function queryWarehouse(
  connection: WorkspaceConnection,
  sql: string,
  params: Record<string, string | number | boolean | null>,
  request: { limit: number; deadline?: number },
): Promise<DatasetQueryResult> {
  if (!connection.sql) throw new DatabricksError('UNAVAILABLE', 'The Databricks integration has no SQL warehouse set');
  const result = await connection.sql.queryInline(
    { sql, params, rowLimit: request.limit },
    { deadline: request.deadline },
  );
  return { source: 'DATABRICKS', ...result, rows: result.rows.map((row) => row.map(jsonValue)) };
}
