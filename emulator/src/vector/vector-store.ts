/**
 * Vector search endpoints and DIRECT_ACCESS indexes held in memory. Rows without a vector get one from
 * the local embedding of their embedding source column, and `query_text` is embedded the same way, so an
 * index works with or without an embedding model.
 */
import { createHash } from 'node:crypto';
import { DatabricksApiError, invalidParameter, notFound } from '../http/types.js';
import { cosineSimilarity, DEFAULT_EMBEDDING_DIMENSION, embedText } from './embedding.js';
import { parseFilters, type Row } from './filters.js';

export interface VectorEndpoint {
  name: string;
  id: string;
  endpointType: string;
  creator: string;
  creationTimestamp: number;
  lastUpdatedTimestamp: number;
}

export interface DirectAccessSpec {
  embedding_source_columns?: { name: string; embedding_model_endpoint_name?: string }[];
  embedding_vector_columns?: { name: string; embedding_dimension?: number }[];
  schema_json?: string;
}

export interface VectorIndex {
  name: string;
  endpointName: string;
  primaryKey: string;
  creator: string;
  spec: DirectAccessSpec;
  dimension: number;
  /** Declared columns (from `schema_json`); undefined when the schema is open. */
  columns?: Set<string>;
  rows: Map<string, { row: Row; vector: number[] }>;
}

export interface QueryRequest {
  columns: string[];
  queryText?: string;
  queryVector?: number[];
  numResults: number;
  filtersJson?: unknown;
  scoreThreshold?: number;
}

const alreadyExists = (message: string) => new DatabricksApiError(409, 'RESOURCE_ALREADY_EXISTS', message);
const stableId = (name: string) => {
  const hex = createHash('sha256').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
};

function declaredColumns(schemaJson: unknown): Set<string> | undefined {
  if (schemaJson === undefined) return undefined;
  try {
    return new Set(Object.keys(JSON.parse(String(schemaJson))));
  } catch {
    throw invalidParameter('schema_json is not a valid JSON object of column types.');
  }
}

export class VectorSearchStore {
  private readonly endpoints = new Map<string, VectorEndpoint>();
  private readonly indexes = new Map<string, VectorIndex>();

  constructor(private readonly now: () => number = Date.now) {}

  createEndpoint(name: unknown, endpointType: unknown, creator: string): VectorEndpoint {
    if (typeof name !== 'string' || !/^[A-Za-z0-9_-]{1,63}$/.test(name)) {
      throw invalidParameter('Endpoint name must be 1-63 letters, digits, dashes or underscores.');
    }
    if (this.endpoints.has(name)) throw alreadyExists(`Vector search endpoint ${name} already exists.`);
    const time = this.now();
    const endpoint = {
      name,
      id: stableId(name),
      endpointType: typeof endpointType === 'string' ? endpointType : 'STANDARD',
      creator,
      creationTimestamp: time,
      lastUpdatedTimestamp: time,
    };
    this.endpoints.set(name, endpoint);
    return endpoint;
  }

  listEndpoints = () => [...this.endpoints.values()];

  endpoint(name: string): VectorEndpoint {
    const endpoint = this.endpoints.get(name);
    if (!endpoint) throw notFound(`Vector search endpoint ${name} not found.`);
    return endpoint;
  }

  deleteEndpoint(name: string): void {
    this.endpoint(name);
    for (const index of this.listIndexes(name)) this.indexes.delete(index.name);
    this.endpoints.delete(name);
  }

  createIndex(body: Record<string, unknown>, creator: string): VectorIndex {
    const { name, endpoint_name: endpointName, primary_key: primaryKey, index_type: indexType } = body;
    if (typeof name !== 'string' || name.split('.').length !== 3) {
      throw invalidParameter('Index name must be a three-level Unity Catalog name: catalog.schema.index.');
    }
    this.endpoint(String(endpointName));
    if (typeof primaryKey !== 'string' || primaryKey === '') throw invalidParameter('primary_key is required.');
    if (indexType !== 'DIRECT_ACCESS') {
      throw invalidParameter(`Index type ${String(indexType)} is not supported by the emulator: use DIRECT_ACCESS.`);
    }
    const spec = (body.direct_access_index_spec ?? {}) as DirectAccessSpec;
    if (!spec.embedding_source_columns?.length && !spec.embedding_vector_columns?.length) {
      throw invalidParameter('direct_access_index_spec needs embedding_source_columns or embedding_vector_columns.');
    }
    if (this.indexes.has(name)) throw alreadyExists(`Index ${name} already exists.`);
    const index: VectorIndex = {
      name,
      endpointName: String(endpointName),
      primaryKey,
      creator,
      spec,
      dimension: spec.embedding_vector_columns?.[0]?.embedding_dimension ?? DEFAULT_EMBEDDING_DIMENSION,
      columns: declaredColumns(spec.schema_json),
      rows: new Map(),
    };
    this.indexes.set(name, index);
    return index;
  }

  listIndexes(endpointName?: string): VectorIndex[] {
    if (endpointName) this.endpoint(endpointName);
    return [...this.indexes.values()].filter((index) => !endpointName || index.endpointName === endpointName);
  }

  index(name: string): VectorIndex {
    const index = this.indexes.get(name);
    if (!index) throw notFound(`Index ${name} does not exist.`);
    return index;
  }

  deleteIndex(name: string): void {
    this.index(name);
    this.indexes.delete(name);
  }

  /** Upserts rows; returns the primary keys of rows that could not be stored. */
  upsert(indexName: string, rows: Row[]): { stored: number; failed: string[] } {
    const index = this.index(indexName);
    const failed: string[] = [];
    for (const row of rows) {
      const key = row[index.primaryKey];
      const vector = this.vectorOf(index, row);
      const unknownColumn = index.columns && Object.keys(row).some((column) => !index.columns?.has(column));
      if (key === undefined || key === null || !vector || unknownColumn) failed.push(String(key ?? ''));
      else index.rows.set(String(key), { row, vector });
    }
    return { stored: rows.length - failed.length, failed };
  }

  deleteRows(indexName: string, primaryKeys: string[]): number {
    const index = this.index(indexName);
    for (const key of primaryKeys) index.rows.delete(String(key));
    return primaryKeys.length;
  }

  /** The best matches, most similar first, each row's requested columns followed by its score. */
  query(indexName: string, request: QueryRequest): unknown[][] {
    const index = this.index(indexName);
    const unknown = request.columns.filter((column) => index.columns && !index.columns.has(column));
    if (unknown.length > 0) throw invalidParameter(`Requested columns not found in the index: ${unknown.join(', ')}.`);
    const target = this.queryVectorOf(index, request);
    const passes = parseFilters(request.filtersJson);
    return [...index.rows.values()]
      .filter(({ row }) => passes(row))
      .map(({ row, vector }) => ({ row, score: cosineSimilarity(target, vector) }))
      .filter(({ score }) => request.scoreThreshold === undefined || score >= request.scoreThreshold)
      .sort(
        (a, b) => b.score - a.score || String(a.row[index.primaryKey]).localeCompare(String(b.row[index.primaryKey])),
      )
      .slice(0, request.numResults)
      .map(({ row, score }) => [...request.columns.map((column) => row[column] ?? null), Number(score.toFixed(6))]);
  }

  private vectorOf(index: VectorIndex, row: Row): number[] | undefined {
    const vectorColumn = index.spec.embedding_vector_columns?.[0]?.name;
    const given = vectorColumn ? row[vectorColumn] : undefined;
    if (Array.isArray(given)) {
      return given.length === index.dimension && given.every((value) => typeof value === 'number') ? given : undefined;
    }
    const sourceColumn = index.spec.embedding_source_columns?.[0]?.name;
    const text = sourceColumn ? row[sourceColumn] : undefined;
    return typeof text === 'string' ? embedText(text, index.dimension) : undefined;
  }

  private queryVectorOf(index: VectorIndex, request: QueryRequest): number[] {
    if (request.queryVector) {
      if (request.queryVector.length !== index.dimension) {
        throw invalidParameter(
          `query_vector has ${request.queryVector.length} dimensions; the index has ${index.dimension}.`,
        );
      }
      return request.queryVector;
    }
    if (typeof request.queryText === 'string') return embedText(request.queryText, index.dimension);
    throw invalidParameter('Either query_text or query_vector must be provided.');
  }
}
