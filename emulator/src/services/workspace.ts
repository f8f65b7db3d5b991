/**
 * Workspace objects API 2.0 (list, get-status, import, export, mkdirs, delete) over an in-memory tree.
 * The store is shared with the Jobs service, which runs the notebooks it holds.
 */

import { DEFAULT_USER } from '../config.js';
import type { ApiRequest, Route } from '../http/types.js';
import { invalidParameter, RawResponse } from '../http/types.js';
import {
  fromJupyter,
  fromSource,
  hasSourceHeader,
  isNotebookLanguage,
  languageOfExtension,
  type NotebookLanguage,
  sourceExtension,
  toJupyter,
  toSource,
} from '../workspace/notebook-formats.js';
import { SEED_NOTEBOOKS } from '../workspace/seed-notebooks.js';
import {
  InMemoryWorkspaceStore,
  normalizePath,
  pathDoesNotExist,
  type WorkspaceEntry,
  type WorkspaceObject,
  type WorkspaceStore,
} from '../workspace/store.js';

export type { Notebook, WorkspaceStore } from '../workspace/store.js';

export interface WorkspaceStoreOptions {
  /** Users that get a home folder `/Users/<name>`. */
  userNames?: string[];
  now?: () => number;
}

export function createWorkspaceStore(options: WorkspaceStoreOptions = {}): WorkspaceStore {
  const store = new InMemoryWorkspaceStore(options.now);
  store.mkdirs('/Shared');
  for (const userName of options.userNames ?? [DEFAULT_USER]) store.mkdirs(`/Users/${userName}`);
  for (const notebook of SEED_NOTEBOOKS) store.putNotebook(notebook.path, notebook.language, notebook.content);
  return store;
}

function objectInfo(object: WorkspaceObject) {
  return {
    object_type: object.objectType,
    path: object.path,
    object_id: object.objectId,
    resource_id: String(object.objectId),
    ...(object.language && { language: object.language }),
    ...(object.objectType === 'FILE' && { size: Buffer.byteLength(object.content ?? '') }),
    created_at: object.createdAt,
    modified_at: object.modifiedAt,
  };
}

const optionalLanguage = (value: unknown): NotebookLanguage | undefined => {
  if (value === undefined || value === null) return undefined;
  if (!isNotebookLanguage(value)) throw invalidParameter(`Invalid language: ${String(value)}.`);
  return value;
};

const stripExtension = (path: string) => path.replace(/\.[^./]+$/, '');

/** Decides what an import creates, and where, from its format, path and content. */
function importedEntry(
  path: string,
  format: string,
  text: string,
  language: NotebookLanguage | undefined,
): { path: string; entry: WorkspaceEntry } {
  const jupyter = () => {
    const notebook = fromJupyter(text, language ?? 'PYTHON');
    if (!notebook) throw invalidParameter('The content is not a valid Jupyter notebook (.ipynb JSON).');
    const entry = { objectType: 'NOTEBOOK' as const, language: notebook.language, content: notebook.body };
    return { path: path.replace(/\.ipynb$/i, ''), entry };
  };
  switch (format) {
    case 'SOURCE': {
      const sourceLanguage = language ?? languageOfExtension(path);
      if (!sourceLanguage) throw invalidParameter('The language field is required for SOURCE format imports.');
      return {
        path,
        entry: { objectType: 'NOTEBOOK', language: sourceLanguage, content: fromSource(sourceLanguage, text) },
      };
    }
    case 'JUPYTER':
      return jupyter();
    case 'AUTO': {
      if (/\.ipynb$/i.test(path)) return jupyter();
      const autoLanguage = languageOfExtension(path);
      if (autoLanguage && hasSourceHeader(text)) {
        const entry = {
          objectType: 'NOTEBOOK' as const,
          language: autoLanguage,
          content: fromSource(autoLanguage, text),
        };
        return { path: stripExtension(path), entry };
      }
      return { path, entry: { objectType: 'FILE', content: text } };
    }
    case 'RAW':
      return { path, entry: { objectType: 'FILE', content: text } };
    default:
      throw invalidParameter(
        `Import format ${format} is not supported by the emulator (use SOURCE, JUPYTER, AUTO or RAW).`,
      );
  }
}

function exportedContent(object: WorkspaceObject, format: string): { content: string; fileType: string } {
  if (object.objectType === 'DIRECTORY') {
    throw invalidParameter(
      `Exporting the folder ${object.path} is not supported by the emulator: export its notebooks.`,
    );
  }
  if (object.objectType === 'FILE' || !object.language) {
    return { content: object.content ?? '', fileType: object.path.split('.').pop() ?? '' };
  }
  const name = object.path.split('/').pop() ?? '';
  if (format === 'SOURCE' || format === 'AUTO') {
    return { content: toSource(object.language, object.content ?? ''), fileType: sourceExtension(object.language) };
  }
  if (format === 'JUPYTER')
    return { content: toJupyter(name, object.language, object.content ?? ''), fileType: 'ipynb' };
  throw invalidParameter(`Export format ${format} is not supported by the emulator (use SOURCE, JUPYTER or AUTO).`);
}

export function createWorkspaceService({ store }: { store: WorkspaceStore }): Route[] {
  const existing = (path: unknown) => {
    const normalized = normalizePath(path);
    const object = store.stat(normalized);
    if (!object) throw pathDoesNotExist(normalized);
    return object;
  };
  const queryPath = (req: ApiRequest) => req.query.get('path') ?? undefined;

  return [
    {
      method: 'GET',
      path: '/api/2.0/workspace/list',
      handler: (req) => {
        const object = existing(queryPath(req));
        const objects = object.objectType === 'DIRECTORY' ? store.children(object.path) : [object];
        // Like Databricks, an empty folder lists as `{}`.
        return objects.length > 0 ? { objects: objects.map(objectInfo) } : {};
      },
    },
    {
      method: 'GET',
      path: '/api/2.0/workspace/get-status',
      handler: (req) => objectInfo(existing(queryPath(req))),
    },
    {
      method: 'POST',
      path: '/api/2.0/workspace/import',
      handler: (req) => {
        const format = String(req.body.format ?? 'SOURCE').toUpperCase();
        const text = Buffer.from(String(req.body.content ?? ''), 'base64').toString('utf8');
        const target = importedEntry(normalizePath(req.body.path), format, text, optionalLanguage(req.body.language));
        store.write(target.path, target.entry, req.body.overwrite === true);
        return {};
      },
    },
    {
      method: 'GET',
      path: '/api/2.0/workspace/export',
      handler: (req) => {
        const object = existing(queryPath(req));
        const { content, fileType } = exportedContent(object, (req.query.get('format') ?? 'SOURCE').toUpperCase());
        if (req.query.get('direct_download') === 'true') {
          const name = object.path.split('/').pop();
          const fileName = object.objectType === 'NOTEBOOK' ? `${name}.${fileType}` : name;
          return new RawResponse(200, Buffer.from(content, 'utf8'), {
            'content-type': 'application/octet-stream',
            'content-disposition': `attachment; filename=${fileName}`,
          });
        }
        return { content: Buffer.from(content, 'utf8').toString('base64'), file_type: fileType };
      },
    },
    {
      method: 'POST',
      path: '/api/2.0/workspace/mkdirs',
      handler: (req) => {
        store.mkdirs(normalizePath(req.body.path));
        return {};
      },
    },
    {
      method: 'POST',
      path: '/api/2.0/workspace/delete',
      handler: (req) => {
        store.delete(normalizePath(req.body.path), req.body.recursive === true);
        return {};
      },
    },
  ];
}
