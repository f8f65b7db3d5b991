import type { SyncHandler } from '../sync/reconciler.js';
import { dueIds } from '../sync/record.js';
import { type NotebookSyncDeps, reconcileNotebook } from './sync.js';

/** How the reconciler brings a notebook's workspace object in line with its row, or finishes deleting it. */
export function notebookSyncHandler(deps: NotebookSyncDeps): SyncHandler {
  return {
    kind: 'notebook',
    due: (now, limit) => dueIds(deps.prisma.notebook, now, limit),
    reconcile: (id) => reconcileNotebook(deps, id),
  };
}
