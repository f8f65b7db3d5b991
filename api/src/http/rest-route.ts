import type { AppDeps } from '../deps.js';

/** A plain HTTP endpoint served next to `/graphql` (e.g. the usage ingestion endpoint). */
export interface RestRoute {
  method: 'GET' | 'POST';
  path: string;
  handle(request: Request, deps: AppDeps): Promise<Response>;
}
