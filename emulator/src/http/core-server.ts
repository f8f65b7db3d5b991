import { createOAuthRoutes } from '../auth/oauth.js';
import { TokenRegistry } from '../auth/tokens.js';
import { DEFAULT_USER, type EmulatorConfig } from '../config.js';
import { FaultInjector } from '../faults/injector.js';
import { createFaultAdminRoutes } from '../faults/routes.js';
import type { FaultRule } from '../faults/rules.js';
import { CallStats } from '../faults/stats.js';
import { deriveRandom } from '../scenario/random.js';
import { type RunningHttpsServer, startHttpsServer } from './server.js';
import type { RawRoute, Route } from './types.js';

export type CoreSettings = Pick<
  EmulatorConfig,
  'port' | 'seed' | 'tokens' | 'clientId' | 'clientSecret' | 'oauthTtlSeconds'
>;

export interface CoreServerOptions {
  settings: CoreSettings;
  /** Service routes (authenticated, counted, subject to faults). */
  routes: Route[];
  rawRoutes?: RawRoute[];
  /** More `/emulator/...` control routes (the scenario's). */
  adminRoutes?: Route[];
  /** Fault rules active from the start. */
  faults?: FaultRule[];
}

export interface CoreServer extends RunningHttpsServer {
  /** The default personal access token. */
  token: string;
  faults: FaultInjector;
  stats: CallStats;
}

/**
 * Everything the emulator's services share: HTTPS, PAT and OAuth authentication, faults and call statistics.
 * The app mounts all services on it; tests may mount only the routes they exercise.
 */
export async function startCoreServer(options: CoreServerOptions): Promise<CoreServer> {
  const { settings } = options;
  const tokens = new TokenRegistry({
    personalAccessTokens: Object.fromEntries(settings.tokens.map((token) => [token, DEFAULT_USER])),
    oauthTtlSeconds: settings.oauthTtlSeconds,
  });
  const faults = new FaultInjector(deriveRandom(settings.seed, 'faults'));
  faults.add(options.faults ?? []);
  const stats = new CallStats();
  const server = await startHttpsServer(
    {
      routes: [
        ...createOAuthRoutes({ tokens, clients: { [settings.clientId]: settings.clientSecret } }),
        ...options.routes,
      ],
      rawRoutes: options.rawRoutes,
      adminRoutes: [...createFaultAdminRoutes(faults, stats), ...(options.adminRoutes ?? [])],
      auth: tokens,
      gate: faults,
      counter: stats,
    },
    { port: settings.port },
  );
  return {
    ...server,
    token: settings.tokens[0],
    faults,
    stats,
    close: async () => {
      faults.clear();
      await server.close();
    },
  };
}
