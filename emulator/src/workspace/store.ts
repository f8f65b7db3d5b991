/**
 * The workspace file tree (notebooks, files, directories) behind the Workspace API, and the notebook
 * source the Jobs service runs. Errors carry the codes and messages the real Workspace API returns.
 */
import { DatabricksApiError, invalidParameter } from '../http/types.js';
import type { NotebookLanguage } from './notebook-formats.js';

export type WorkspaceObjectType = 'DIRECTORY' | 'NOTEBOOK' | 'FILE';

export interface WorkspaceObject {
  path: string;
  objectType: WorkspaceObjectType;
  objectId: number;
  /** Notebooks only. */
  language?: NotebookLanguage;
  /** Notebook SOURCE body (without header) or file text. */
  content?: string;
  createdAt: number;
  modifiedAt: number;
}

export interface Notebook {
  path: string;
  language: NotebookLanguage;
  content: string;
}

export type WorkspaceEntry = Pick<WorkspaceObject, 'objectType' | 'language' | 'content'>;

export interface WorkspaceStore {
  stat(path: string): WorkspaceObject | undefined;
  /** Direct children of a directory, sorted by path. */
  children(path: string): WorkspaceObject[];
  /** Creates the directory and any missing parents (like `mkdir -p`). */
  mkdirs(path: string): void;
  /** Creates or (with `overwrite`) replaces a notebook or file; the parent directory must exist. */
  write(path: string, entry: WorkspaceEntry, overwrite: boolean): WorkspaceObject;
  delete(path: string, recursive: boolean): void;
  getNotebook(path: string): Notebook | undefined;
  /** Creates or replaces a notebook, creating its parent directories. */
  putNotebook(path: string, language: NotebookLanguage, content: string): void;
}

export const pathDoesNotExist = (path: string) =>
  new DatabricksApiError(404, 'RESOURCE_DOES_NOT_EXIST', `Path (${path}) doesn't exist.`);
const alreadyExists = (message: string) => new DatabricksApiError(400, 'RESOURCE_ALREADY_EXISTS', message);

/** Absolute, without a trailing slash; `/` is the root. */
export function normalizePath(path: unknown): string {
  if (typeof path !== 'string' || !path.startsWith('/')) {
    throw invalidParameter(`Path (${String(path ?? '')}) is not absolute: it must start with /.`);
  }
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed.replace(/\/{2,}/g, '/');
}

const parentOf = (path: string) => path.slice(0, path.lastIndexOf('/')) || '/';

// Real object ids are 16-digit numbers; start there and count up so ids are stable across restarts.
const FIRST_OBJECT_ID = 1_408_000_000_000_000;

export class InMemoryWorkspaceStore implements WorkspaceStore {
  private readonly objects = new Map<string, WorkspaceObject>();
  private nextObjectId = FIRST_OBJECT_ID;

  constructor(private readonly now: () => number = Date.now) {
    this.objects.set('/', this.create('/', { objectType: 'DIRECTORY' }));
  }

  stat(path: string): WorkspaceObject | undefined {
    return this.objects.get(normalizePath(path));
  }

  children(path: string): WorkspaceObject[] {
    const dir = normalizePath(path);
    return [...this.objects.values()]
      .filter((object) => object.path !== '/' && parentOf(object.path) === dir)
      .sort((a, b) => a.path.localeCompare(b.path));
  }

  mkdirs(path: string): void {
    const target = normalizePath(path);
    const segments = target.split('/').filter(Boolean);
    let current = '';
    for (const segment of segments) {
      current = `${current}/${segment}`;
      const existing = this.objects.get(current);
      if (!existing) this.objects.set(current, this.create(current, { objectType: 'DIRECTORY' }));
      else if (existing.objectType !== 'DIRECTORY') {
        throw alreadyExists(`${current} already exists and it is not a folder`);
      }
    }
  }

  write(path: string, entry: WorkspaceEntry, overwrite: boolean): WorkspaceObject {
    const target = normalizePath(path);
    const parent = this.objects.get(parentOf(target));
    if (parent?.objectType !== 'DIRECTORY') {
      throw new DatabricksApiError(
        404,
        'RESOURCE_DOES_NOT_EXIST',
        `The parent folder (${parentOf(target)}) does not exist.`,
      );
    }
    const existing = this.objects.get(target);
    if (existing && (!overwrite || existing.objectType === 'DIRECTORY')) {
      throw alreadyExists(`Path (${target}) already exists.`);
    }
    // Overwriting keeps the object's identity but nothing of its old kind (a file has no language). Every write
    // moves `modified_at` on, even within one millisecond: clients compare it to tell whether an object changed.
    const object = existing
      ? {
          path: target,
          objectId: existing.objectId,
          createdAt: existing.createdAt,
          ...entry,
          modifiedAt: Math.max(this.now(), existing.modifiedAt + 1),
        }
      : this.create(target, entry);
    this.objects.set(target, object);
    return object;
  }

  delete(path: string, recursive: boolean): void {
    const target = normalizePath(path);
    if (target === '/') throw invalidParameter('The root folder cannot be deleted.');
    if (!this.objects.has(target)) throw pathDoesNotExist(target);
    const descendants = [...this.objects.keys()].filter((key) => key.startsWith(`${target}/`));
    if (descendants.length > 0 && !recursive) {
      throw new DatabricksApiError(400, 'DIRECTORY_NOT_EMPTY', `Folder (${target}) is not empty.`);
    }
    for (const key of [target, ...descendants]) this.objects.delete(key);
  }

  getNotebook(path: string): Notebook | undefined {
    const object = this.objects.get(normalizePath(path));
    if (object?.objectType !== 'NOTEBOOK' || !object.language) return undefined;
    return { path: object.path, language: object.language, content: object.content ?? '' };
  }

  putNotebook(path: string, language: NotebookLanguage, content: string): void {
    const target = normalizePath(path);
    this.mkdirs(parentOf(target));
    this.write(target, { objectType: 'NOTEBOOK', language, content }, true);
  }

  private create(path: string, entry: WorkspaceEntry): WorkspaceObject {
    const time = this.now();
    return { path, ...entry, objectId: this.nextObjectId++, createdAt: time, modifiedAt: time };
  }
}
