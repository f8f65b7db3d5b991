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

/** State kept per WebSocket connection, so its many subscriptions authenticate once. */
export interface ConnectionScope {
  viewer?: Promise<Viewer | null>;
}

export async function createContext(
  deps: AppDeps,
  authorization: string | null | undefined,
  connection?: ConnectionScope,
): Promise<Context> {
  if (connection && !connection.viewer) connection.viewer = authenticate(deps, authorization);
  const viewer = await (connection?.viewer ?? authenticate(deps, authorization));
  // The request's deadline bounds every Databricks read it makes. (Subscriptions read no Databricks fields;
  // one that did would need a deadline per event instead.)
  const deadline = Date.now() + deps.config.REQUEST_TIMEOUT_MS;
  return { ...deps, viewer, databricks: new DatabricksReader(deps.databricksGateway, deadline) };
}
