import { rootCertificates } from 'node:tls';
import { Agent } from 'undici';
import type { SecretBox } from '../auth/secret-box.js';
import type { Integration } from '../generated/prisma/client.js';
import { readDatabricksCredentials } from '../integrations/credentials.js';
import { type CredentialSettings, createCredentialProvider } from './credentials.js';
import { DatabricksError } from './errors.js';
import type { ResilienceOptions } from './resilience.js';
import { DatabricksRestClient } from './rest-client.js';
import { DatabricksSqlClient } from './sql-client.js';
import { ConnectorStats } from './stats.js';

/** Everything needed to talk to one workspace: its REST API and, when configured, its SQL warehouse. */
export interface WorkspaceConnection {
  /** Stable key of the connection (integration id). */
  key: string;
  host: string;
  rest: DatabricksRestClient;
  sql?: DatabricksSqlClient;
  /** This connection's calls (the process-wide figures count them too). */
  stats: ConnectorStats;
}

export interface RegistryOptions {
  /** Extra CA (PEM) trusted for REST calls, e.g. the emulator's. */
  caPem?: string;
  attemptTimeoutMs?: number;
  deadlineMs?: number;
  statementTimeoutMs?: number;
  /** SQL results as Arrow (default) or column-based: see `SqlClientOptions.arrow`. */
  arrow?: boolean;
  resilience?: ResilienceOptions;
  /** Counts every connection's traffic for `/metrics`. */
  stats?: ConnectorStats;
}

/** The integration columns a connection is built from: select these wherever a connection will be needed. */
export const connectionSelect = { id: true, type: true, config: true, secrets: true, updatedAt: true } as const;

/** A tenant's service principal in a workspace, with its token sealed by the secret box. */
export interface TenantPrincipal {
  applicationId: string;
  sealedToken: string;
  /** When the token last changed: a new one gets a fresh connection. */
  updatedAt: Date;
}

/** An integration row as `connectionSelect` reads it. */
export type ConnectionRow = Pick<Integration, keyof typeof connectionSelect>;

/**
 * Keeps one connection per integration for the life of the process (keep-alive pools, token caches,
 * circuit breakers and session pools survive across requests). An edited integration gets a fresh one.
 */
export class DatabricksRegistry {
  private readonly connections = new Map<string, { version: number; connection: WorkspaceConnection }>();
  /** Token requests (OAuth, Azure AD) trust the same extra CA as REST calls. */
  private readonly tokenDispatcher?: Agent;

  constructor(
    private readonly secretBox: SecretBox,
    private readonly options: RegistryOptions = {},
  ) {
    if (options.caPem) this.tokenDispatcher = new Agent({ connect: { ca: [...rootCertificates, options.caPem] } });
  }

  /** The one way to a workspace connection: the same object for an integration until it is edited. */
  forIntegration(integration: ConnectionRow): WorkspaceConnection {
    const version = integration.updatedAt.getTime();
    const existing = this.connections.get(integration.id);
    if (existing?.version === version) return existing.connection;
    if (existing) void closeConnection(existing.connection);
    const connection = this.connect(integration);
    this.connections.set(integration.id, { version, connection });
    return connection;
  }

  /**
   * The same workspace as a tenant's own service principal (its sealed personal access token): the
   * warehouse itself then refuses what the tenant's grants do not allow, whatever the gateway asks.
   */
  forServicePrincipal(integration: ConnectionRow, principal: TenantPrincipal): WorkspaceConnection {
    const key = `${integration.id}:sp:${principal.applicationId}`;
    const version = Math.max(integration.updatedAt.getTime(), principal.updatedAt.getTime());
    const existing = this.connections.get(key);
    if (existing?.version === version) return existing.connection;
    if (existing) void closeConnection(existing.connection);
    const token = this.secretBox.open(principal.sealedToken);
    const connection = this.connect(integration, { authType: 'PAT', token }, key);
    this.connections.set(key, { version, connection });
    return connection;
  }

  /** Each open connection's circuit breaker. */
  circuitStates(): { host: string; state: DatabricksRestClient['circuitState'] }[] {
    return [...this.connections.values()].map(({ connection }) => ({
      host: connection.host,
      state: connection.rest.circuitState,
    }));
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.connections.values()].map(({ connection }) => closeConnection(connection)));
    this.connections.clear();
    await this.tokenDispatcher?.close();
  }

  private connect(
    integration: ConnectionRow,
    as?: CredentialSettings,
    key: string = integration.id,
  ): WorkspaceConnection {
    const { config, token, clientSecret } = readDatabricksCredentials(integration, this.secretBox);
    const credentials = createCredentialProvider(
      as ?? credentialSettings(config, token, clientSecret),
      this.tokenDispatcher,
    );
    const stats = new ConnectorStats(this.options.stats);
    const rest = new DatabricksRestClient({ host: config.host, credentials, ...this.options, stats });
    const sql = config.warehouseId
      ? new DatabricksSqlClient({
          host: config.host,
          warehouseId: config.warehouseId,
          credentials,
          statementTimeoutMs: this.options.statementTimeoutMs,
          arrow: this.options.arrow,
          stats,
          rest,
        })
      : undefined;
    return { key, host: rest.host, rest, sql, stats };
  }
}

function credentialSettings(
  config: ReturnType<typeof readDatabricksCredentials>['config'],
  token: string | undefined,
  clientSecret: string | undefined,
): CredentialSettings {
  const missing = (what: string) => new DatabricksError('AUTH', `The integration has no ${what} set`);
  if (config.authType === 'PAT') {
    if (!token) throw missing('access token');
    return { authType: 'PAT', token };
  }
  if (!config.clientId || !clientSecret) throw missing('client id and secret');
  if (config.authType === 'OAUTH_M2M')
    return { authType: 'OAUTH_M2M', host: config.host, clientId: config.clientId, clientSecret };
  if (!config.azureTenantId) throw missing('Azure tenant id');
  return {
    authType: 'AZURE_SP',
    azureTenantId: config.azureTenantId,
    clientId: config.clientId,
    clientSecret,
    azureAuthority: config.azureAuthority,
  };
}

async function closeConnection(connection: WorkspaceConnection): Promise<void> {
  await Promise.allSettled([connection.rest.close(), connection.sql?.close()]);
}
