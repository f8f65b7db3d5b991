/** Queries API 2.0 (`/api/2.0/sql/queries`): saved SQL queries, which `sql_task.query.query_id` runs. */
import { invalidParameter, type Route } from '../http/types.js';
import { paginate } from '../jobs/pagination.js';
import type { QueryStore } from '../queries/store.js';

const BASE = '/api/2.0/sql/queries';

const queryObject = (body: Record<string, unknown>) => {
  const query = body.query;
  if (typeof query !== 'object' || query === null || Array.isArray(query)) throw invalidParameter('query is required');
  return query as Record<string, unknown>;
};

export function createSqlQueriesService({ queries }: { queries: QueryStore }): Route[] {
  return [
    {
      method: 'POST',
      path: BASE,
      handler: (req) => queries.create(queryObject(req.body), req.principal.userName),
    },
    {
      method: 'GET',
      path: BASE,
      handler: (req) => {
        const input = Object.fromEntries(req.query);
        const { items, next_page_token } = paginate(
          queries.list(),
          { ...input, limit: input.page_size },
          {
            max: 100,
            fallback: 20,
          },
        );
        return { results: items, ...(next_page_token ? { next_page_token } : {}) };
      },
    },
    { method: 'GET', path: `${BASE}/:id`, handler: ({ params }) => queries.get(params.id) },
    {
      method: 'PATCH',
      path: `${BASE}/:id`,
      handler: (req) =>
        queries.update(req.params.id, req.body.update_mask, queryObject(req.body), req.principal.userName),
    },
    {
      method: 'DELETE',
      path: `${BASE}/:id`,
      handler: ({ params }) => {
        queries.trash(params.id);
        return {};
      },
    },
  ];
}
