import type { SyncHandler } from '../sync/reconciler.js';
import { dueForSync } from '../sync/record.js';
import { type NotebookSyncDeps, reconcileNotebook } from './sync.js';

/** How the reconciler brings a notebook's workspace object in line with its row, or finishes deleting it. */
export function notebookSyncHandler(deps: NotebookSyncDeps): SyncHandler {
  return {
    kind: 'notebook',
    due: async (now, limit) =>
      (
        await deps.prisma.notebook.findMany({
          where: dueForSync(now),
          select: { id: true },
          orderBy: { syncNextAttemptAt: 'asc' },
          take: limit,
        })
      ).map((row) => row.id),
    reconcile: (id) => reconcileNotebook(deps, id),
  };
}
