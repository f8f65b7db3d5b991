import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVectorSearchService } from '../src/services/vector-search.js';
import { startTestEmulator, type TestEmulator } from './harness.js';

const INDEX = 'main.cop_os.content_index';
const documents = [
  { id: 1, title: 'Delta Live Tables pipeline tutorial', category: 'engineering', views: 120 },
  { id: 2, title: 'Unity Catalog governance and permissions', category: 'governance', views: 300 },
  { id: 3, title: 'Serving a machine learning model with MLflow', category: 'ml', views: 80 },
  { id: 4, title: 'Streaming pipeline with Delta tables and Auto Loader', category: 'engineering', views: 45 },
];

describe('vector search API', () => {
  let emulator: TestEmulator;
  const query = (body: Record<string, unknown>) =>
    emulator.call('POST', `/api/2.0/vector-search/indexes/${INDEX}/query`, { columns: ['id', 'title'], ...body });

  beforeAll(async () => {
    emulator = await startTestEmulator({ routes: createVectorSearchService() });
  });
  afterAll(() => emulator.close());

  it('creates, gets and lists an endpoint', async () => {
    const created = await emulator.call('POST', '/api/2.0/vector-search/endpoints', {
      name: 'cop_vs',
      endpoint_type: 'STANDARD',
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      name: 'cop_vs',
      endpoint_type: 'STANDARD',
      endpoint_status: { state: 'ONLINE' },
      creator: 'admin@cop-os.example.com',
      num_indexes: 0,
    });
    expect(created.body.id).toMatch(/^[0-9a-f-]{36}$/);
    const fetched = await emulator.call('GET', '/api/2.0/vector-search/endpoints/cop_vs');
    expect(fetched.body.id).toBe(created.body.id);
    const listed = await emulator.call('GET', '/api/2.0/vector-search/endpoints');
    expect(listed.body.endpoints.map((e: { name: string }) => e.name)).toEqual(['cop_vs']);
    const again = await emulator.call('POST', '/api/2.0/vector-search/endpoints', { name: 'cop_vs' });
    expect(again.body.error_code).toBe('RESOURCE_ALREADY_EXISTS');
  });

  it('creates a DIRECT_ACCESS index and refuses one on a missing endpoint', async () => {
    const spec = {
      embedding_source_columns: [{ name: 'title', embedding_model_endpoint_name: 'databricks-gte-large-en' }],
      schema_json: JSON.stringify({ id: 'integer', title: 'string', category: 'string', views: 'integer' }),
    };
    const created = await emulator.call('POST', '/api/2.0/vector-search/indexes', {
      name: INDEX,
      endpoint_name: 'cop_vs',
      primary_key: 'id',
      index_type: 'DIRECT_ACCESS',
      direct_access_index_spec: spec,
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      name: INDEX,
      endpoint_name: 'cop_vs',
      primary_key: 'id',
      index_type: 'DIRECT_ACCESS',
      direct_access_index_spec: spec,
      status: { ready: true, indexed_row_count: 0 },
    });
    const orphan = await emulator.call('POST', '/api/2.0/vector-search/indexes', {
      name: 'main.cop_os.other',
      endpoint_name: 'nope',
      primary_key: 'id',
      index_type: 'DIRECT_ACCESS',
      direct_access_index_spec: spec,
    });
    expect(orphan.status).toBe(404);
    expect(orphan.body.error_code).toBe('RESOURCE_DOES_NOT_EXIST');
    const twoLevel = await emulator.call('POST', '/api/2.0/vector-search/indexes', {
      name: 'cop_os.other',
      endpoint_name: 'cop_vs',
      primary_key: 'id',
      index_type: 'DIRECT_ACCESS',
      direct_access_index_spec: spec,
    });
    expect(twoLevel.body.error_code).toBe('INVALID_PARAMETER_VALUE');
  });

  it('upserts rows and reports rows that do not fit the schema', async () => {
    const upsert = await emulator.call('POST', `/api/2.0/vector-search/indexes/${INDEX}/upsert-data`, {
      inputs_json: JSON.stringify([...documents, { id: 9, title: 'x', unknown_column: true }]),
    });
    expect(upsert.body).toEqual({
      status: 'PARTIAL_SUCCESS',
      result: { success_row_count: 4, failed_primary_keys: ['9'] },
    });
    const index = await emulator.call('GET', `/api/2.0/vector-search/indexes/${INDEX}`);
    expect(index.body.status.indexed_row_count).toBe(4);
    const listed = await emulator.call('GET', '/api/2.0/vector-search/indexes?endpoint_name=cop_vs');
    expect(listed.body.vector_indexes).toEqual([
      {
        name: INDEX,
        endpoint_name: 'cop_vs',
        primary_key: 'id',
        index_type: 'DIRECT_ACCESS',
        creator: 'admin@cop-os.example.com',
      },
    ]);
  });

  it('ranks the most similar document first, with the score as the last column', async () => {
    const { status, body } = await query({ query_text: 'governance with Unity Catalog', num_results: 3 });
    expect(status).toBe(200);
    expect(body.manifest).toEqual({ column_count: 3, columns: [{ name: 'id' }, { name: 'title' }, { name: 'score' }] });
    expect(body.result.row_count).toBe(3);
    expect(body.result.data_array[0].slice(0, 2)).toEqual([2, 'Unity Catalog governance and permissions']);
    const scores = body.result.data_array.map((row: unknown[]) => row[2]);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores[0]).toBeGreaterThan(scores[1]);
  });

  it('returns the same ranking for the same query', async () => {
    const first = await query({ query_text: 'delta pipeline' });
    const second = await query({ query_text: 'delta pipeline' });
    expect(second.body).toEqual(first.body);
    expect(
      first.body.result.data_array
        .slice(0, 2)
        .map((row: unknown[]) => row[0])
        .sort(),
    ).toEqual([1, 4]);
  });

  it('applies filters_json: equality, comparison and NOT', async () => {
    const engineering = await query({
      query_text: 'pipeline',
      filters_json: JSON.stringify({ category: 'engineering' }),
    });
    expect(engineering.body.result.data_array.map((row: unknown[]) => row[0]).sort()).toEqual([1, 4]);
    const popular = await query({ query_text: 'pipeline', filters_json: JSON.stringify({ 'views >=': 100 }) });
    expect(popular.body.result.data_array.map((row: unknown[]) => row[0]).sort()).toEqual([1, 2]);
    const notMl = await query({
      query_text: 'model',
      filters_json: JSON.stringify({ 'category NOT': ['ml', 'governance'] }),
    });
    expect(notMl.body.result.data_array.map((row: unknown[]) => row[0]).sort()).toEqual([1, 4]);
  });

  it('answers errors for bad queries', async () => {
    expect((await query({})).body.error_code).toBe('INVALID_PARAMETER_VALUE');
    expect((await query({ query_vector: [1, 2, 3] })).body.error_code).toBe('INVALID_PARAMETER_VALUE');
    const unknownColumn = await query({ query_text: 'x', columns: ['nope'] });
    expect(unknownColumn.body.error_code).toBe('INVALID_PARAMETER_VALUE');
    const missing = await emulator.call('POST', '/api/2.0/vector-search/indexes/main.a.b/query', {
      columns: ['id'],
      query_text: 'x',
    });
    expect(missing.status).toBe(404);
  });

  it('deletes rows by primary key given as query parameters', async () => {
    const deleted = await emulator.call(
      'DELETE',
      `/api/2.0/vector-search/indexes/${INDEX}/delete-data?primary_keys=2&primary_keys=3`,
    );
    expect(deleted.body).toEqual({ status: 'SUCCESS', result: { success_row_count: 2, failed_primary_keys: [] } });
    const { body } = await query({ query_text: 'governance with Unity Catalog' });
    expect(body.result.data_array.map((row: unknown[]) => row[0]).sort()).toEqual([1, 4]);
  });

  it('queries a self-managed vector index with query_vector', async () => {
    await emulator.call('POST', '/api/2.0/vector-search/indexes', {
      name: 'main.cop_os.vectors',
      endpoint_name: 'cop_vs',
      primary_key: 'pk',
      index_type: 'DIRECT_ACCESS',
      direct_access_index_spec: { embedding_vector_columns: [{ name: 'v', embedding_dimension: 2 }] },
    });
    await emulator.call('POST', '/api/2.0/vector-search/indexes/main.cop_os.vectors/upsert-data', {
      inputs_json: JSON.stringify([
        { pk: 'east', v: [1, 0] },
        { pk: 'north', v: [0, 1] },
        { pk: 'northeast', v: [0.7, 0.7] },
      ]),
    });
    const { body } = await emulator.call('POST', '/api/2.0/vector-search/indexes/main.cop_os.vectors/query', {
      columns: ['pk'],
      query_vector: [0.1, 1],
      num_results: 2,
    });
    expect(body.result.data_array.map((row: unknown[]) => row[0])).toEqual(['north', 'northeast']);
  });

  it('deletes indexes and endpoints', async () => {
    expect((await emulator.call('DELETE', `/api/2.0/vector-search/indexes/${INDEX}`)).status).toBe(200);
    expect((await emulator.call('GET', `/api/2.0/vector-search/indexes/${INDEX}`)).status).toBe(404);
    expect((await emulator.call('DELETE', '/api/2.0/vector-search/endpoints/cop_vs')).status).toBe(200);
    expect((await emulator.call('GET', '/api/2.0/vector-search/endpoints/cop_vs')).body.error_code).toBe(
      'RESOURCE_DOES_NOT_EXIST',
    );
    expect((await emulator.call('GET', '/api/2.0/vector-search/indexes')).body.vector_indexes).toEqual([]);
  });
});
