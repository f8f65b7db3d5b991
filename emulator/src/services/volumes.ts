/** Unity Catalog volumes API 2.1 (list, get, create, delete) over the volume store that SQL shares. */
import { invalidParameter, type Route } from '../http/types.js';
import type { VolumeStore } from '../volumes/store.js';

const BASE = '/api/2.1/unity-catalog/volumes';

export function createVolumesService({ volumes }: { volumes: VolumeStore }): Route[] {
  return [
    {
      method: 'GET',
      path: BASE,
      handler: ({ query }) => {
        const catalog = query.get('catalog_name');
        const schema = query.get('schema_name');
        if (!catalog || !schema) throw invalidParameter('catalog_name and schema_name are required');
        return { volumes: volumes.list(catalog, schema) };
      },
    },
    { method: 'GET', path: `${BASE}/:name`, handler: ({ params }) => volumes.get(params.name) },
    {
      method: 'POST',
      path: BASE,
      handler: ({ body }) => {
        const [catalog, schema, name] = [body.catalog_name, body.schema_name, body.name].map(String);
        volumes.create(catalog, schema, name, false);
        return volumes.get(`${catalog}.${schema}.${name}`);
      },
    },
    {
      method: 'DELETE',
      path: `${BASE}/:name`,
      handler: ({ params }) => {
        const [catalog, schema, name] = params.name.split('.');
        volumes.drop(catalog, schema, name, false);
        return {};
      },
    },
  ];
}
