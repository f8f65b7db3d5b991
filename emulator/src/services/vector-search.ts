/** Vector Search API 2.0: endpoints, DIRECT_ACCESS indexes, upsert/delete of rows, similarity queries. */
import type { Route } from '../http/types.js';
import { invalidParameter } from '../http/types.js';
import type { Row } from '../vector/filters.js';
import { type VectorEndpoint, type VectorIndex, VectorSearchStore } from '../vector/vector-store.js';

function endpointInfo(endpoint: VectorEndpoint, numIndexes: number) {
  return {
    name: endpoint.name,
    id: endpoint.id,
    endpoint_type: endpoint.endpointType,
    endpoint_status: { state: 'ONLINE', message: 'Endpoint is online.' },
    creator: endpoint.creator,
    creation_timestamp: endpoint.creationTimestamp,
    last_updated_timestamp: endpoint.lastUpdatedTimestamp,
    last_updated_user: endpoint.creator,
    num_indexes: numIndexes,
  };
}

/** `MiniVectorIndex`, the list item. */
const miniIndex = (index: VectorIndex) => ({
  name: index.name,
  endpoint_name: index.endpointName,
  primary_key: index.primaryKey,
  index_type: 'DIRECT_ACCESS',
  creator: index.creator,
});

const indexDetails = (index: VectorIndex) => ({
  ...miniIndex(index),
  direct_access_index_spec: index.spec,
  status: { ready: true, indexed_row_count: index.rows.size, message: 'Index is ready.' },
});

const writeStatus = (succeeded: number, failed: number) =>
  failed === 0 ? 'SUCCESS' : succeeded === 0 ? 'FAILURE' : 'PARTIAL_SUCCESS';

function parseRows(inputsJson: unknown): Row[] {
  try {
    const rows = JSON.parse(String(inputsJson));
    if (Array.isArray(rows) && rows.every((row) => row && typeof row === 'object')) return rows;
  } catch {
    // answered below
  }
  throw invalidParameter('inputs_json must be a JSON array of row objects.');
}

const vectorOf = (value: unknown): number[] | undefined => {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((n) => typeof n === 'number')) {
    throw invalidParameter('query_vector must be an array of numbers.');
  }
  return value;
};

export function createVectorSearchService(): Route[] {
  const store = new VectorSearchStore();
  const describeEndpoint = (endpoint: VectorEndpoint) =>
    endpointInfo(endpoint, store.listIndexes(endpoint.name).length);
  return [
    {
      method: 'POST',
      path: '/api/2.0/vector-search/endpoints',
      handler: (req) =>
        describeEndpoint(store.createEndpoint(req.body.name, req.body.endpoint_type, req.principal.userName)),
    },
    {
      method: 'GET',
      path: '/api/2.0/vector-search/endpoints',
      handler: () => ({ endpoints: store.listEndpoints().map(describeEndpoint) }),
    },
    {
      method: 'GET',
      path: '/api/2.0/vector-search/endpoints/:name',
      handler: (req) => describeEndpoint(store.endpoint(req.params.name)),
    },
    {
      method: 'DELETE',
      path: '/api/2.0/vector-search/endpoints/:name',
      handler: (req) => {
        store.deleteEndpoint(req.params.name);
        return {};
      },
    },
    {
      method: 'POST',
      path: '/api/2.0/vector-search/indexes',
      handler: (req) => indexDetails(store.createIndex(req.body, req.principal.userName)),
    },
    {
      method: 'GET',
      path: '/api/2.0/vector-search/indexes',
      handler: (req) => ({
        vector_indexes: store.listIndexes(req.query.get('endpoint_name') ?? undefined).map(miniIndex),
      }),
    },
    {
      method: 'GET',
      path: '/api/2.0/vector-search/indexes/:name',
      handler: (req) => indexDetails(store.index(req.params.name)),
    },
    {
      method: 'DELETE',
      path: '/api/2.0/vector-search/indexes/:name',
      handler: (req) => {
        store.deleteIndex(req.params.name);
        return {};
      },
    },
    {
      method: 'POST',
      path: '/api/2.0/vector-search/indexes/:name/upsert-data',
      handler: (req) => {
        const { stored, failed } = store.upsert(req.params.name, parseRows(req.body.inputs_json));
        return {
          status: writeStatus(stored, failed.length),
          result: { success_row_count: stored, failed_primary_keys: failed },
        };
      },
    },
    {
      method: 'DELETE',
      path: '/api/2.0/vector-search/indexes/:name/delete-data',
      handler: (req) => {
        // The SDKs send the keys as repeated query parameters; older clients send a JSON body.
        const fromQuery = req.query.getAll('primary_keys');
        const keys = fromQuery.length > 0 ? fromQuery : req.body.primary_keys;
        if (!Array.isArray(keys) || keys.length === 0) throw invalidParameter('primary_keys is required.');
        const deleted = store.deleteRows(req.params.name, keys.map(String));
        return { status: 'SUCCESS', result: { success_row_count: deleted, failed_primary_keys: [] } };
      },
    },
    {
      method: 'POST',
      path: '/api/2.0/vector-search/indexes/:name/query',
      handler: (req) => {
        const { columns, query_text: queryText, num_results: numResults, score_threshold: threshold } = req.body;
        if (!Array.isArray(columns) || columns.length === 0)
          throw invalidParameter('columns must list the columns to return.');
        const names = columns.map(String);
        const rows = store.query(req.params.name, {
          columns: names,
          queryText: typeof queryText === 'string' ? queryText : undefined,
          queryVector: vectorOf(req.body.query_vector),
          numResults: typeof numResults === 'number' && numResults > 0 ? numResults : 10,
          filtersJson: req.body.filters_json,
          scoreThreshold: typeof threshold === 'number' ? threshold : undefined,
        });
        return {
          manifest: { column_count: names.length + 1, columns: [...names, 'score'].map((name) => ({ name })) },
          result: { row_count: rows.length, data_array: rows },
        };
      },
    },
  ];
}
