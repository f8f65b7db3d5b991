import { authenticate } from './auth/authenticate.js';
import type { Viewer } from './auth/viewer.js';
import { DatabricksReader } from './databricks/reader.js';
import type { AppDeps } from './deps.js';

/** Per-request context, the same for HTTP, SSE and WebSocket. */
export interface Context extends AppDeps {
  viewer: Viewer | null;
  /** Per-request reads of Databricks resources (deduplicated, batched, cached). */
  databricks: DatabricksReader;
}

export async function createContext(deps: AppDeps, authorization: string | null | undefined): Promise<Context> {
  const viewer = await authenticate(deps, authorization);
  return { ...deps, viewer, databricks: new DatabricksReader(deps.databricksGateway) };
}
