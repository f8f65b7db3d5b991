/**
 * The Files API for volumes (`/api/2.0/fs/files/Volumes/…`): uploads stream from the request to disk and
 * downloads stream back, never held in memory, so a 100 MB CSV costs no more than a small one.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { sendApiError } from '../http/errors.js';
import { DatabricksApiError, notFound, type RawRoute } from '../http/types.js';
import type { VolumeStore } from '../volumes/store.js';

const PREFIX = '/api/2.0/fs/files';

export function createFilesService({ volumes }: { volumes: VolumeStore }): RawRoute[] {
  const handle =
    (action: (req: IncomingMessage, res: ServerResponse, file: string, url: URL) => Promise<void>) =>
    (req: IncomingMessage, res: ServerResponse) => {
      const url = new URL(req.url ?? '/', 'https://emulator.local');
      const volumePath = decodeURIComponent(url.pathname.slice(PREFIX.length));
      (async () => action(req, res, volumes.localPath(volumePath), url))().catch((error: unknown) => {
        if (error instanceof DatabricksApiError) return sendApiError(res, error);
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return sendApiError(res, notFound('File not found.'));
        if (!res.headersSent) sendApiError(res, new DatabricksApiError(500, 'INTERNAL_ERROR', String(error)));
      });
    };

  const upload = handle(async (req, res, file, url) => {
    const exists = await stat(file).then(
      () => true,
      () => false,
    );
    if (exists && url.searchParams.get('overwrite') !== 'true') {
      throw new DatabricksApiError(409, 'ALREADY_EXISTS', 'The file being created already exists.');
    }
    await mkdir(dirname(file), { recursive: true });
    // Written aside and renamed, so a reader never sees half a file and a dropped upload leaves nothing.
    const partial = `${file}.partial-${process.pid}-${Date.now()}`;
    try {
      await pipeline(req, createWriteStream(partial));
      await rename(partial, file);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    res.writeHead(204).end();
  });

  const download = handle(async (_req, res, file) => {
    const info = await stat(file);
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': info.size,
      'last-modified': info.mtime.toUTCString(),
    });
    await pipeline(createReadStream(file), res);
  });

  const metadata = handle(async (_req, res, file) => {
    const info = await stat(file);
    res.writeHead(200, { 'content-length': info.size, 'last-modified': info.mtime.toUTCString() }).end();
  });

  const remove = handle(async (_req, res, file) => {
    await stat(file);
    await rm(file);
    res.writeHead(204).end();
  });

  const path = `${PREFIX}/*path`;
  return [
    { method: 'PUT', path, handler: upload },
    { method: 'GET', path, handler: download },
    { method: 'HEAD', path, handler: metadata },
    { method: 'DELETE', path, handler: remove },
  ];
}
