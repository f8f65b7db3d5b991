import {
  deleteWorkspaceObject,
  exportNotebook,
  importNotebook,
  isAlreadyExists,
  mkdirs,
  workspaceStatus,
} from '../databricks/api/workspace.js';
import { DatabricksError } from '../databricks/errors.js';
import type { DatabricksRestClient } from '../databricks/rest-client.js';
import type { NotebookLanguage } from '../generated/prisma/enums.js';
import { tenantSlug } from '../sync/tenant-catalog.js';
import { fromSourceFormat, type NotebookCell, toSourceFormat } from './source-format.js';

/** Where every tenant's notebooks live in a workspace. */
export const NOTEBOOKS_ROOT = '/CoPOS';

/**
 * The notebook's workspace path, `/CoPOS/<tenant slug>/<name>-<id suffix>`: the suffix comes from the row id, so a
 * retried create reaches the object an earlier attempt made instead of a second one.
 */
export function notebookPath(customer: { name: string }, name: string, id: string): string {
  const readable = name
    .normalize('NFKD')
    .replace(/[^\w-]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 80);
  return `${NOTEBOOKS_ROOT}/${tenantSlug(customer)}/${readable || 'notebook'}-${id.replaceAll('-', '').slice(0, 12)}`;
}

/** The workspace object as the conflict check needs it. */
export interface RemoteState {
  objectId: bigint;
  modifiedAt: bigint;
}

export async function remoteState(rest: DatabricksRestClient, path: string): Promise<RemoteState | null> {
  const status = await workspaceStatus(rest, path);
  if (!status) return null;
  if (status.object_type !== 'NOTEBOOK' || status.object_id === undefined || status.modified_at === undefined) {
    throw new DatabricksError('BAD_REQUEST', `${path} in the workspace is not a notebook.`);
  }
  return { objectId: BigInt(status.object_id), modifiedAt: BigInt(status.modified_at) };
}

export interface NotebookContent {
  path: string;
  language: NotebookLanguage;
  cells: NotebookCell[];
}

/**
 * Imports the notebook (SOURCE format) under its tenant folder and answers the object's state afterwards. The
 * first import does not overwrite; `RESOURCE_ALREADY_EXISTS` then means an earlier attempt of this very row got
 * there (the path is the row's own), so it is replaced.
 */
export async function pushNotebook(
  rest: DatabricksRestClient,
  notebook: NotebookContent,
  firstPush: boolean,
): Promise<RemoteState> {
  await mkdirs(rest, notebook.path.slice(0, notebook.path.lastIndexOf('/')));
  const upload = (overwrite: boolean) =>
    importNotebook(rest, {
      path: notebook.path,
      language: notebook.language,
      source: toSourceFormat(notebook.language, notebook.cells),
      overwrite,
    });
  try {
    await upload(!firstPush);
  } catch (error) {
    if (!(firstPush && isAlreadyExists(error))) throw error;
    await upload(true);
  }
  const state = await remoteState(rest, notebook.path);
  if (!state) throw new DatabricksError('UNAVAILABLE', `${notebook.path} was imported but is not in the workspace.`);
  return state;
}

/** The notebook's cells as the workspace holds them now. */
export async function pullCells(rest: DatabricksRestClient, path: string, language: NotebookLanguage) {
  return fromSourceFormat(language, await exportNotebook(rest, path));
}

export const removeNotebook = (rest: DatabricksRestClient, path: string) => deleteWorkspaceObject(rest, path);
