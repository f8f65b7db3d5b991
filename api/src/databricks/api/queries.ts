import type { DatabricksRestClient } from '../rest-client.js';

/** A saved SQL query (Queries API 2.0), the fields the gateway writes and reads. */
export interface SavedQuery {
  id: string;
  display_name: string;
  warehouse_id?: string;
  query_text?: string;
  lifecycle_state?: 'ACTIVE' | 'TRASHED';
}

export type SavedQueryFields = Pick<SavedQuery, 'display_name' | 'warehouse_id' | 'query_text'>;

const QUERIES = '/api/2.0/sql/queries';

export const createQuery = (rest: DatabricksRestClient, query: SavedQueryFields) =>
  rest.post<SavedQuery>(QUERIES, { query });

/** Sets every field given (the `update_mask` names them). */
export const updateQuery = (rest: DatabricksRestClient, id: string, query: SavedQueryFields) =>
  rest.patch<SavedQuery>(`${QUERIES}/${encodeURIComponent(id)}`, { update_mask: Object.keys(query).join(','), query });

/** Moves the query to the trash (Databricks deletes it for good after 30 days). */
export const trashQuery = (rest: DatabricksRestClient, id: string) =>
  rest.delete(`${QUERIES}/${encodeURIComponent(id)}`);

/** Every active saved query the caller can see, page by page. */
export async function* listQueries(rest: DatabricksRestClient) {
  let pageToken: string | undefined;
  do {
    const page = await rest.get<{ results?: SavedQuery[]; next_page_token?: string }>(QUERIES, {
      page_size: 100,
      page_token: pageToken,
    });
    yield* page.results ?? [];
    pageToken = page.next_page_token;
  } while (pageToken);
}
