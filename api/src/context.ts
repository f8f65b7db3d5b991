import { authenticate } from './auth/authenticate.js';
import type { Viewer } from './auth/viewer.js';
import type { AppDeps } from './deps.js';

/** Per-request context, the same for HTTP, SSE and WebSocket. */
export interface Context extends AppDeps {
  viewer: Viewer | null;
}

export async function createContext(deps: AppDeps, authorization: string | null | undefined): Promise<Context> {
  const viewer = await authenticate(deps, authorization);
  return { ...deps, viewer };
}
