import type { Readable } from 'node:stream';
import { DatabricksError } from '../errors.js';
import type { DatabricksRestClient } from '../rest-client.js';

/** A volume path's URL under the Files API; each segment is encoded, the slashes kept. */
const filesPath = (volumePath: string) => `/api/2.0/fs/files${volumePath.split('/').map(encodeURIComponent).join('/')}`;

/**
 * Streams a file into a Unity Catalog volume (`PUT /api/2.0/fs/files/Volumes/…`), replacing what is there:
 * the path is derived from the resource, so a retried upload overwrites its own earlier attempt.
 */
export async function uploadVolumeFile(
  rest: DatabricksRestClient,
  volumePath: string,
  open: () => Readable,
  timeoutMs: number,
): Promise<void> {
  await rest.put(filesPath(volumePath), { overwrite: true }, open, { timeoutMs });
}

/** Deletes a volume file; one that is already gone counts as deleted. */
export async function deleteVolumeFile(rest: DatabricksRestClient, volumePath: string): Promise<void> {
  await rest.delete(filesPath(volumePath)).catch((error: unknown) => {
    if (!(error instanceof DatabricksError && error.kind === 'NOT_FOUND')) throw error;
  });
}
