import type { PrismaClient } from '../db/prisma.js';
import { Prisma } from '../generated/prisma/client.js';
import { tenantCatalogName } from './tenant-catalog.js';

/**
 * The owned resources that sync to Databricks, by the name the status reports them under, with the table their
 * rows live in (each has `customerId`, the sync columns and `deletedAt`). A new kind is one entry here.
 */
export const SYNCED_KINDS = { datasets: 'Dataset', notebooks: 'Notebook', pipelines: 'Pipeline' } as const;

export type SyncedKind = keyof typeof SYNCED_KINDS;

export interface KindCounts {
  /** Resources of the kind (tombstones excluded). */
  total: number;
  /** Of those, the ones whose Databricks copy matches (SYNCED). */
  inDatabricks: number;
  /** Of those, the ones whose last attempt failed (LOCAL_ONLY or FAILED). */
  failing: number;
}

export interface DatabricksSyncStatus {
  enabled: boolean;
  /** The customer's active Databricks integration, if any. */
  integrationId: string | null;
  /** The tenant catalog resources sync into; null when Databricks is off. */
  catalog: string | null;
  resources: Record<SyncedKind, KindCounts>;
}

interface StatusRow {
  enabled: boolean;
  name: string;
  integration_id: string | null;
  catalog_prefix: string | null;
  counts: Record<SyncedKind, KindCounts>;
}

const countsOf = (kind: SyncedKind) => Prisma.sql`
  (SELECT json_build_object(
            'total', count(*),
            'inDatabricks', count(*) FILTER (WHERE r."syncStatus" = 'SYNCED'),
            'failing', count(*) FILTER (WHERE r."syncStatus" IN ('LOCAL_ONLY', 'FAILED')))
     FROM ${Prisma.raw(`"${SYNCED_KINDS[kind]}"`)} r
    WHERE r."customerId" = c.id AND r."deletedAt" IS NULL)`;

/**
 * Where a customer stands with Databricks, in ONE statement whatever the number of kinds: its switch, its
 * integration and catalog, and per kind how many resources exist and how many are in Databricks. Null when the
 * customer does not exist.
 */
export async function databricksSyncStatus(
  prisma: PrismaClient,
  customerId: string,
): Promise<DatabricksSyncStatus | null> {
  const kinds = Object.keys(SYNCED_KINDS) as SyncedKind[];
  const counts = Prisma.join(
    kinds.map((kind) => Prisma.sql`${kind}::text, ${countsOf(kind)}`),
    ', ',
  );
  const [row] = await prisma.$queryRaw<StatusRow[]>`
    SELECT c."databricksEnabled" AS enabled, c.name, i.id AS integration_id, i.config->>'catalogPrefix' AS catalog_prefix,
           json_build_object(${counts}) AS counts
      FROM "Customer" c
      LEFT JOIN LATERAL (
        SELECT id, config FROM "Integration"
         WHERE "customerId" = c.id AND type = 'DATABRICKS' AND "isActive" ORDER BY "createdAt" LIMIT 1
      ) i ON true
     WHERE c.id = ${customerId}`;
  if (!row) return null;
  return {
    enabled: row.enabled,
    integrationId: row.integration_id,
    catalog: row.enabled ? tenantCatalogName(row, row.catalog_prefix || undefined) : null,
    resources: row.counts,
  };
}
