import { randomUUID } from 'node:crypto';
import type { NotebookLanguage } from '../generated/prisma/enums.js';
import { initialSync } from '../sync/record.js';
import { notebookPath } from './remote.js';
import type { NotebookCell } from './source-format.js';
import { inlineAttemptAt } from './sync.js';

/**
 * The columns of notebook rows as the writes set them. The request that writes a row syncs it itself right after
 * (`reconcileNotebook`), so the reconciler's next attempt is put off meanwhile (`inlineAttemptAt`).
 */

export interface NewNotebook {
  customer: { id: string; name: string; databricksEnabled: boolean };
  workspaceMappingId: string;
  name: string;
  language: NotebookLanguage;
  cells: NotebookCell[];
  createdById: string | null;
}

export function newNotebookColumns(notebook: NewNotebook) {
  const id = randomUUID();
  const sync = initialSync(notebook.customer.databricksEnabled);
  return {
    id,
    customerId: notebook.customer.id,
    workspaceMappingId: notebook.workspaceMappingId,
    name: notebook.name,
    language: notebook.language,
    cells: notebook.cells as object[],
    createdById: notebook.createdById,
    remotePath: notebookPath(notebook.customer, notebook.name, id),
    ...sync,
    ...(sync.syncStatus === 'PENDING' && { syncNextAttemptAt: inlineAttemptAt() }),
  };
}

/** A local edit: new cells are a new content version, queued for the workspace unless Databricks is off. */
export function editedColumns(
  row: { syncStatus: string },
  patch: { name?: string | null; cells?: NotebookCell[] | null },
) {
  return {
    ...(patch.name && { name: patch.name }),
    ...(patch.cells && {
      cells: patch.cells as object[],
      contentVersion: { increment: 1 },
      contentModifiedAt: new Date(),
      ...(row.syncStatus !== 'DISABLED' && { syncStatus: 'PENDING' as const, syncNextAttemptAt: inlineAttemptAt() }),
    }),
  };
}

/** A delete: a tombstone, gone for viewers at once, until both sides are removed. */
export const tombstoneColumns = () => ({ deletedAt: new Date(), syncNextAttemptAt: inlineAttemptAt() });
