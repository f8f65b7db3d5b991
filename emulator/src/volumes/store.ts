/**
 * Unity Catalog volumes: each one a directory under a private root on disk, so the Files API can stream
 * uploads into it and DuckDB can read them back through `read_files` / `COPY INTO`.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { DatabricksApiError, notFound } from '../http/types.js';

export interface VolumeInfo {
  catalog_name: string;
  schema_name: string;
  name: string;
  full_name: string;
  volume_type: 'MANAGED';
  storage_location: string;
  created_at: number;
}

export interface VolumeStore {
  create(catalog: string, schema: string, name: string, ifNotExists: boolean): void;
  drop(catalog: string, schema: string, name: string, ifExists: boolean): void;
  list(catalog?: string, schema?: string): VolumeInfo[];
  get(fullName: string): VolumeInfo;
  /** The file on disk behind `/Volumes/<catalog>/<schema>/<volume>/<path>`; 404 unless the volume exists. */
  localPath(volumePath: string): string;
  close(): Promise<void>;
}

const key = (catalog: string, schema: string, name: string) => `${catalog}.${schema}.${name}`.toLowerCase();

export async function createVolumeStore(): Promise<VolumeStore> {
  const root = await mkdtemp(join(tmpdir(), 'copos-emulator-volumes-'));
  const volumes = new Map<string, VolumeInfo>();
  const directory = (info: VolumeInfo) => join(root, info.catalog_name, info.schema_name, info.name);

  const get = (fullName: string) => {
    const info = volumes.get(fullName.toLowerCase());
    if (!info) throw notFound(`Volume '${fullName}' does not exist.`);
    return info;
  };

  return {
    create(catalog, schema, name, ifNotExists) {
      const fullName = key(catalog, schema, name);
      if (volumes.has(fullName)) {
        if (ifNotExists) return;
        throw new DatabricksApiError(409, 'RESOURCE_ALREADY_EXISTS', `Volume '${fullName}' already exists`);
      }
      const [c, s, n] = fullName.split('.');
      const info: VolumeInfo = {
        catalog_name: c,
        schema_name: s,
        name: n,
        full_name: fullName,
        volume_type: 'MANAGED',
        storage_location: `dbfs:/Volumes/${c}/${s}/${n}`,
        created_at: Date.now(),
      };
      mkdirSync(directory(info), { recursive: true });
      volumes.set(fullName, info);
    },
    drop(catalog, schema, name, ifExists) {
      const info = volumes.get(key(catalog, schema, name));
      if (!info) {
        if (ifExists) return;
        throw notFound(`Volume '${key(catalog, schema, name)}' does not exist.`);
      }
      rmSync(directory(info), { recursive: true, force: true });
      volumes.delete(info.full_name);
    },
    list: (catalog, schema) =>
      [...volumes.values()].filter(
        (v) =>
          (!catalog || v.catalog_name === catalog.toLowerCase()) && (!schema || v.schema_name === schema.toLowerCase()),
      ),
    get,
    localPath(volumePath) {
      const [, prefix, catalog, schema, name, ...rest] = volumePath.split('/');
      if (prefix !== 'Volumes' || !name || rest.length === 0) {
        throw new DatabricksApiError(400, 'INVALID_PARAMETER_VALUE', `'${volumePath}' is not a file in a volume`);
      }
      const base = directory(get(key(catalog, schema, name)));
      const file = resolve(base, ...rest);
      // `..` segments must not leave the volume.
      if (!file.startsWith(base + sep)) throw new DatabricksApiError(400, 'INVALID_PARAMETER_VALUE', 'Bad path');
      return file;
    },
    close: () => rm(root, { recursive: true, force: true }),
  };
}
