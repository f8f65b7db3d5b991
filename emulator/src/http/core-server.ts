import { createOAuthRoutes } from '../auth/oauth.js';
import { TokenRegistry } from '../auth/tokens.js';
import { DEFAULT_USER, type EmulatorConfig } from '../config.js';
import { FaultInjector } from '../faults/injector.js';
import { createFaultAdminRoutes } from '../faults/routes.js';
import type { FaultRule } from '../faults/rules.js';
import { CallStats } from '../faults/stats.js';
import { deriveRandom } from '../scenario/random.js';
import { type RunningHttpsServer, startHttpsServer } from './server.js';
import type { TlsMaterial } from './tls.js';
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
  /** Tokens the workspace issued on behalf of service principals (`token-management/on-behalf-of`). */
  issuedTokens?: (token: string) => string | undefined;
  /** The certificate to serve (another workspace's, so one CA covers them all); a fresh one otherwise. */
  tls?: TlsMaterial;
}

export interface CoreServer extends RunningHttpsServer {
  /** The default personal access token. */
  token: string;
  faults: FaultInjector;
  stats: CallStats;
}

interface Listener {
  server: RunningHttpsServer;
  faults: FaultInjector;
  stats: CallStats;
}

/**
 * Everything the emulator's services share: HTTPS, PAT and OAuth authentication, faults and call statistics.
 * The app mounts all services on it; tests may mount only the routes they exercise.
 *
 * `POST /emulator/views` opens a view: the same services and state (jobs, runs, workspace, SQL data, tokens)
 * on another port with the same certificate, but with fault rules and call statistics of its own. Test files
 * running in parallel share one emulator through views without seeing each other's faults or counts. Views
 * close with the emulator.
 */
export async function startCoreServer(options: CoreServerOptions): Promise<CoreServer> {
  const { settings } = options;
  const tokens = new TokenRegistry({
    personalAccessTokens: Object.fromEntries(settings.tokens.map((token) => [token, DEFAULT_USER])),
    oauthTtlSeconds: settings.oauthTtlSeconds,
    issuedTokens: options.issuedTokens,
  });
  const routes = [
    ...createOAuthRoutes({ tokens, clients: { [settings.clientId]: settings.clientSecret } }),
    ...options.routes,
  ];
  const views: Listener[] = [];
  const openView: Route = {
    method: 'POST',
    path: '/emulator/views',
    handler: async () => {
      const view = await listen(0, main.server.tls);
      views.push(view);
      return { url: view.server.url };
    },
  };

  async function listen(port: number, tls?: TlsMaterial): Promise<Listener> {
    const faults = new FaultInjector(deriveRandom(settings.seed, 'faults'));
    faults.add(options.faults ?? []);
    const stats = new CallStats();
    const server = await startHttpsServer(
      {
        routes,
        rawRoutes: options.rawRoutes,
        adminRoutes: [...createFaultAdminRoutes(faults, stats), openView, ...(options.adminRoutes ?? [])],
        auth: tokens,
        gate: faults,
        counter: stats,
      },
      { port, tls },
    );
    return { server, faults, stats };
  }

  const main = await listen(settings.port, options.tls);
  return {
    ...main.server,
    token: settings.tokens[0],
    faults: main.faults,
    stats: main.stats,
    close: async () => {
      for (const { faults, server } of [...views, main]) {
        faults.clear();
        await server.close();
      }
    },
  };
}
