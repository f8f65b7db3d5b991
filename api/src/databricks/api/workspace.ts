import { DatabricksError } from '../errors.js';
import type { DatabricksRestClient } from '../rest-client.js';
import type { WorkspaceObject } from './compute.js';

/** Workspace API 2.0 writes: folders, notebook import/export (SOURCE format, base64) and delete. */

const isMissing = (error: unknown) => error instanceof DatabricksError && error.kind === 'NOT_FOUND';

/** The object at `path`, or null when there is none (`RESOURCE_DOES_NOT_EXIST`). */
export async function workspaceStatus(rest: DatabricksRestClient, path: string): Promise<WorkspaceObject | null> {
  try {
    return await rest.get<WorkspaceObject>('/api/2.0/workspace/get-status', { path });
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

/** Creates the folder and its missing parents (a no-op for folders that exist). */
export const mkdirs = (rest: DatabricksRestClient, path: string) =>
  rest.post<Record<string, never>>('/api/2.0/workspace/mkdirs', { path });

/**
 * Imports a notebook's SOURCE text. Without `overwrite`, an existing object is refused with
 * `RESOURCE_ALREADY_EXISTS` (a `BAD_REQUEST` here, told apart by `details.errorCode`).
 */
export const importNotebook = (
  rest: DatabricksRestClient,
  notebook: { path: string; language: string; source: string; overwrite: boolean },
) =>
  rest.post<Record<string, never>>('/api/2.0/workspace/import', {
    path: notebook.path,
    format: 'SOURCE',
    language: notebook.language,
    content: Buffer.from(notebook.source, 'utf8').toString('base64'),
    overwrite: notebook.overwrite,
  });

export const isAlreadyExists = (error: unknown) =>
  error instanceof DatabricksError && error.details.errorCode === 'RESOURCE_ALREADY_EXISTS';

/** A notebook's SOURCE text. */
export async function exportNotebook(rest: DatabricksRestClient, path: string): Promise<string> {
  const { content } = await rest.get<{ content: string }>('/api/2.0/workspace/export', { path, format: 'SOURCE' });
  return Buffer.from(content, 'base64').toString('utf8');
}

/** Deletes the object; one that is already gone counts as deleted. */
export async function deleteWorkspaceObject(rest: DatabricksRestClient, path: string): Promise<void> {
  await rest.post('/api/2.0/workspace/delete', { path, recursive: false }).catch((error: unknown) => {
    if (!isMissing(error)) throw error;
  });
}
