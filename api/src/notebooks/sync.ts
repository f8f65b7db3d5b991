import { DatabricksError } from '../databricks/errors.js';
import { connectionSelect, type DatabricksRegistry } from '../databricks/registry.js';
import type { DatabricksRestClient } from '../databricks/rest-client.js';
import type { PrismaClient } from '../db/prisma.js';
import type { Notebook } from '../generated/prisma/client.js';
import { type Backoff, failedColumns, syncedColumns } from '../sync/record.js';
import { NotebookError } from './errors.js';
import {
  type NotebookContent,
  pullCells,
  pushNotebook,
  type RemoteState,
  remoteState,
  removeNotebook,
} from './remote.js';
import type { NotebookCell } from './source-format.js';

export interface NotebookSyncDeps {
  prisma: PrismaClient;
  registry: DatabricksRegistry;
  backoff: Backoff;
}

export type SyncDirection = 'PULL' | 'PUSH';

/**
 * How long the reconciler leaves a row alone that a request is syncing itself: it picks the row up only if that
 * request never recorded an outcome (the process died), so the two never import the same notebook at once.
 */
const INLINE_GRACE_MS = 30_000;
export const inlineAttemptAt = () => new Date(Date.now() + INLINE_GRACE_MS);

/** The workspace's REST client, or null when Databricks is off for the customer. */
async function workspaceOf(deps: NotebookSyncDeps, row: Notebook): Promise<DatabricksRestClient | null> {
  const mapping = await deps.prisma.workspaceMapping.findUniqueOrThrow({
    where: { id: row.workspaceMappingId },
    select: {
      isActive: true,
      integration: {
        select: { ...connectionSelect, isActive: true, customer: { select: { databricksEnabled: true } } },
      },
    },
  });
  if (!mapping.integration.customer.databricksEnabled) return null;
  if (!mapping.isActive || !mapping.integration.isActive) {
    throw new DatabricksError(
      'BAD_REQUEST',
      'The notebook’s workspace mapping or Databricks integration is turned off.',
    );
  }
  return deps.registry.forIntegration(mapping.integration).rest;
}

const contentOf = (row: Notebook): NotebookContent => ({
  path: row.remotePath,
  language: row.language,
  cells: row.cells as unknown as NotebookCell[],
});

const localChanged = (row: Notebook) => row.contentVersion !== row.syncedVersion;

/** Someone changed (or replaced) the workspace object since it last matched the row. */
const remoteChanged = (row: Notebook, remote: RemoteState | null) =>
  row.remoteModifiedAt !== null && remote !== null && remote.modifiedAt !== row.remoteModifiedAt;

const CONFLICT_MESSAGE =
  'The notebook changed both here and in Databricks since the last sync: sync with PULL or PUSH and force to choose which side wins.';

/**
 * Records a push: SYNCED when no local edit came in meanwhile, else the remote state only (the edit's own sync
 * follows). The version pushed is the one read before the push. `modified_at` only grows, so of two pushes that
 * raced (from two instances) the later import's state is the one kept, whichever is recorded last.
 */
async function recordPushed(prisma: PrismaClient, row: Notebook, state: RemoteState): Promise<void> {
  const remote = {
    remoteObjectId: state.objectId,
    remoteModifiedAt: state.modifiedAt,
    syncedVersion: row.contentVersion,
  };
  const older = { OR: [{ remoteModifiedAt: null }, { remoteModifiedAt: { lt: state.modifiedAt } }] };
  const { count } = await prisma.notebook.updateMany({
    where: { id: row.id, contentVersion: row.contentVersion, ...older },
    data: { ...syncedColumns(), syncAttempts: 0, ...remote },
  });
  if (count === 0) await prisma.notebook.updateMany({ where: { id: row.id, ...older }, data: remote });
}

/**
 * One sync of a notebook at a time in this process (a request and the reconciler, a double-clicked Save): a second
 * one running alongside would take the first one's import for a change made in the workspace.
 */
const inProgress = new Map<string, Promise<void>>();
function oneAtATime<T>(id: string, work: () => Promise<T>): Promise<T> {
  const result = (inProgress.get(id) ?? Promise.resolve()).then(work);
  const settled = result.then(
    () => {},
    () => {},
  );
  inProgress.set(id, settled);
  void settled.then(() => inProgress.get(id) === settled && inProgress.delete(id));
  return result;
}

/**
 * Brings one notebook's workspace object in line with its row, or finishes deleting a tombstone, and records the
 * outcome in its sync columns. A workspace object changed by someone else is never overwritten here: the row
 * becomes FAILED with a conflict and waits for `syncNotebook`. Throws only when recording failed.
 */
export const reconcileNotebook = (deps: NotebookSyncDeps, id: string): Promise<void> =>
  oneAtATime(id, () => reconcileOnce(deps, id));

async function reconcileOnce(deps: NotebookSyncDeps, id: string): Promise<void> {
  const { prisma } = deps;
  const row = await prisma.notebook.findUnique({ where: { id } });
  if (!row) return;
  try {
    const rest = await workspaceOf(deps, row);
    if (row.deletedAt) {
      if (rest) await removeNotebook(rest, row.remotePath);
      await prisma.notebook.deleteMany({ where: { id } });
      return;
    }
    if (!rest) {
      await prisma.notebook.updateMany({ where: { id }, data: { syncStatus: 'DISABLED', syncNextAttemptAt: null } });
      return;
    }
    if (remoteChanged(row, await remoteState(rest, row.remotePath))) {
      await prisma.notebook.updateMany({
        where: { id },
        data: { syncStatus: 'FAILED', syncError: CONFLICT_MESSAGE, syncNextAttemptAt: null },
      });
      return;
    }
    await recordPushed(prisma, row, await pushNotebook(rest, contentOf(row), row.remoteModifiedAt === null));
  } catch (error) {
    await prisma.notebook.updateMany({ where: { id }, data: failedColumns(error, row.syncAttempts, deps.backoff) });
  }
}

/**
 * Syncs on request, one way: PUSH writes the cells to the workspace, PULL takes the workspace's cells. When both
 * sides changed since the last sync it refuses with CONFLICT unless `force` says the chosen side wins.
 */
export const syncNotebook = (
  deps: NotebookSyncDeps,
  id: string,
  request: { direction: SyncDirection; force: boolean },
) =>
  oneAtATime(id, async () => {
    // Read inside the turn: a delete that came first must not be undone by a push.
    const row = await deps.prisma.notebook.findFirst({ where: { id, deletedAt: null } });
    if (!row) throw new NotebookError('DELETED', 'The notebook was deleted.');
    await syncOnce(deps, row, request);
  });

async function syncOnce(
  deps: NotebookSyncDeps,
  row: Notebook,
  request: { direction: SyncDirection; force: boolean },
): Promise<void> {
  const rest = await workspaceOf(deps, row);
  if (!rest) throw new NotebookError('DATABRICKS_OFF', 'Databricks is turned off for this customer.');
  const remote = await remoteState(rest, row.remotePath);
  if (localChanged(row) && remoteChanged(row, remote) && !request.force) {
    throw new NotebookError('CONFLICT', CONFLICT_MESSAGE);
  }
  if (request.direction === 'PUSH') {
    await recordPushed(deps.prisma, row, await pushNotebook(rest, contentOf(row), row.remoteModifiedAt === null));
    return;
  }
  if (!remote) throw new NotebookError('NOT_IN_DATABRICKS', 'The notebook is not in the Databricks workspace.');
  const cells = await pullCells(rest, row.remotePath, row.language);
  const version = row.contentVersion + 1;
  await deps.prisma.notebook.update({
    where: { id: row.id },
    data: {
      ...syncedColumns(),
      syncAttempts: 0,
      cells: cells as object[],
      contentVersion: version,
      syncedVersion: version,
      contentModifiedAt: new Date(),
      remoteObjectId: remote.objectId,
      remoteModifiedAt: remote.modifiedAt,
    },
  });
}

/**
 * The notebook's workspace path once the workspace holds its current cells: synced now if it was not, or a
 * NOTEBOOK error saying why it cannot run (Databricks off, unreachable, a conflict).
 */
export async function syncedPath(deps: NotebookSyncDeps, row: Notebook): Promise<string> {
  if (row.syncStatus === 'SYNCED' && !localChanged(row)) return row.remotePath;
  if (row.syncStatus === 'DISABLED') {
    throw new NotebookError(
      'DATABRICKS_OFF',
      'Databricks is turned off for this customer: the notebook is local only.',
    );
  }
  await reconcileNotebook(deps, row.id);
  const now = await deps.prisma.notebook.findUniqueOrThrow({ where: { id: row.id } });
  if (now.syncStatus === 'SYNCED' && !localChanged(now)) return now.remotePath;
  throw new NotebookError('NOT_SYNCED', `The notebook is not in Databricks yet: ${now.syncError ?? 'sync pending'}.`);
}
