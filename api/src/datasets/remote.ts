import { createReadStream } from 'node:fs';
import { deleteVolumeFile, uploadVolumeFile } from '../databricks/api/files.js';
import { DatabricksError } from '../databricks/errors.js';
import type { WorkspaceConnection } from '../databricks/registry.js';
import type { DatabricksSqlClient } from '../databricks/sql-client.js';
import { ensureTenantCatalog, quoteIdentifier, UPLOADS_SCHEMA, UPLOADS_VOLUME } from '../sync/tenant-catalog.js';

/** A dataset's Databricks identifiers, all derived from its id: a retry reaches the same objects. */
export interface DatasetRemote {
  integrationId: string;
  catalog: string;
  schema: string;
  table: string;
  volumePath: string;
}

export function datasetRemote(id: string, catalog: string, integrationId: string): DatasetRemote {
  return {
    integrationId,
    catalog,
    schema: UPLOADS_SCHEMA,
    table: `dataset_${id.replaceAll('-', '')}`,
    volumePath: `/Volumes/${catalog}/${UPLOADS_SCHEMA}/${UPLOADS_VOLUME}/${id}.parquet`,
  };
}

export const qualifiedTable = (remote: Pick<DatasetRemote, 'catalog' | 'schema' | 'table'>) =>
  [remote.catalog, remote.schema, remote.table].map(quoteIdentifier).join('.');

const sqlOf = (connection: WorkspaceConnection): DatabricksSqlClient => {
  if (!connection.sql) throw new DatabricksError('BAD_REQUEST', 'The Databricks integration has no SQL warehouse set');
  return connection.sql;
};

/**
 * Creates or replaces the Delta table the way a workspace loads a file: the dataset's Parquet copy (already checked
 * and typed, a fraction of the CSV's size) into the tenant's uploads volume through the Files API, then
 * `CREATE OR REPLACE TABLE … AS SELECT … FROM read_files(…)`: the table gets exactly the local copy's columns and
 * types. Both steps overwrite their own earlier attempt, so repeating this never makes a duplicate.
 */
export async function pushDataset(
  connection: WorkspaceConnection,
  remote: DatasetRemote,
  parquetPath: string,
  uploadTimeoutMs: number,
): Promise<void> {
  const sql = sqlOf(connection);
  await ensureTenantCatalog(sql, remote.catalog);
  await uploadVolumeFile(connection.rest, remote.volumePath, () => createReadStream(parquetPath), uploadTimeoutMs);
  // The path is ours (catalog slug and row id); read_files takes it as a literal.
  const path = `'${remote.volumePath.replaceAll("'", "''")}'`;
  await sql.query({
    sql: `CREATE OR REPLACE TABLE ${qualifiedTable(remote)} AS SELECT * FROM read_files(${path}, format => 'parquet')`,
  });
}

/** Drops the table and the volume file; both may already be gone. */
export async function removeDataset(connection: WorkspaceConnection, remote: DatasetRemote): Promise<void> {
  await sqlOf(connection).query({ sql: `DROP TABLE IF EXISTS ${qualifiedTable(remote)}` });
  await deleteVolumeFile(connection.rest, remote.volumePath);
}
