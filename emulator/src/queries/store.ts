import { randomUUID } from 'node:crypto';
import { invalidParameter, notFound } from '../http/types.js';

/** A saved SQL query (Queries API 2.0, `/api/2.0/sql/queries`), as Databricks answers it. */
export interface SavedQuery {
  id: string;
  display_name: string;
  warehouse_id?: string;
  query_text: string;
  description?: string;
  catalog?: string;
  schema?: string;
  owner_user_name: string;
  last_modifier_user_name: string;
  lifecycle_state: 'ACTIVE' | 'TRASHED';
  create_time: string;
  update_time: string;
}

/** The fields a create or an update (`update_mask`) may set. */
const EDITABLE = ['display_name', 'warehouse_id', 'query_text', 'description', 'catalog', 'schema'] as const;
type Editable = Pick<SavedQuery, (typeof EDITABLE)[number]>;

const pick = (input: Record<string, unknown>, fields: readonly string[]) =>
  Object.fromEntries(
    fields.filter((field) => input[field] !== undefined).map((field) => [field, String(input[field])]),
  );

/** The workspace's saved queries; a delete moves a query to the trash, where `get` still finds it. */
export class QueryStore {
  private readonly queries = new Map<string, SavedQuery>();

  constructor(private readonly now: () => number) {}

  create(input: Record<string, unknown>, userName: string): SavedQuery {
    const fields = pick(input, EDITABLE) as Partial<Editable>;
    if (!fields.display_name) throw invalidParameter('query.display_name is required');
    const at = new Date(this.now()).toISOString();
    const query: SavedQuery = {
      query_text: '',
      ...fields,
      display_name: fields.display_name,
      id: randomUUID(),
      owner_user_name: userName,
      last_modifier_user_name: userName,
      lifecycle_state: 'ACTIVE',
      create_time: at,
      update_time: at,
    };
    this.queries.set(query.id, query);
    return query;
  }

  /** A query, also a trashed one; an unknown id is Databricks' 404. */
  get(id: string): SavedQuery {
    const query = this.queries.get(id);
    if (!query) throw notFound(`Query ${id} does not exist.`);
    return query;
  }

  update(id: string, updateMask: unknown, input: Record<string, unknown>, userName: string): SavedQuery {
    const query = this.active(id);
    if (typeof updateMask !== 'string' || !updateMask.trim()) throw invalidParameter('update_mask is required');
    const fields = updateMask === '*' ? [...EDITABLE] : updateMask.split(',').map((field) => field.trim());
    const unknown = fields.find((field) => !(EDITABLE as readonly string[]).includes(field));
    if (unknown) throw invalidParameter(`Invalid update_mask field: ${unknown}`);
    Object.assign(query, pick(input, fields), {
      last_modifier_user_name: userName,
      update_time: new Date(this.now()).toISOString(),
    });
    return query;
  }

  trash(id: string): void {
    this.active(id).lifecycle_state = 'TRASHED';
  }

  /** Active queries, oldest first. */
  list(): SavedQuery[] {
    return [...this.queries.values()].filter((query) => query.lifecycle_state === 'ACTIVE');
  }

  private active(id: string): SavedQuery {
    const query = this.get(id);
    if (query.lifecycle_state === 'TRASHED') throw notFound(`Query ${id} is in the trash.`);
    return query;
  }
}
