import type { Dispatcher } from 'undici';
import { request } from 'undici';
import { DatabricksError, errorFromResponse, unavailable } from './errors.js';

/** Supplies the `Authorization` header for a workspace; caches tokens and refreshes them before they expire. */
export interface CredentialProvider {
  readonly scheme: 'PAT' | 'OAUTH_M2M' | 'AZURE_SP';
  authorization(): Promise<string>;
  /** Forget a cached token (after a 401) so the next call fetches a new one. */
  invalidate(): void;
}

export type CredentialSettings =
  | { authType: 'PAT'; token: string }
  | { authType: 'OAUTH_M2M'; host: string; clientId: string; clientSecret: string }
  | { authType: 'AZURE_SP'; azureTenantId: string; clientId: string; clientSecret: string; azureAuthority?: string };

/** Azure AD application id of the Azure Databricks resource: its `.default` scope yields workspace tokens. */
export const AZURE_DATABRICKS_SCOPE = '2ff814a6-3304-4ab8-85cb-cd0e6f879c1d/.default';
const DEFAULT_AZURE_AUTHORITY = 'https://login.microsoftonline.com';
/** Refresh this long before expiry (at most half the lifetime), so no call goes out with a token about to lapse. */
const REFRESH_MARGIN_MS = 60_000;

export function createCredentialProvider(settings: CredentialSettings, dispatcher?: Dispatcher): CredentialProvider {
  switch (settings.authType) {
    case 'PAT':
      return { scheme: 'PAT', authorization: async () => `Bearer ${settings.token}`, invalidate: () => {} };
    case 'OAUTH_M2M':
      return new ClientCredentialsProvider(
        'OAUTH_M2M',
        `${trimSlash(settings.host)}/oidc/v1/token`,
        settings,
        'all-apis',
        dispatcher,
      );
    case 'AZURE_SP': {
      const authority = trimSlash(settings.azureAuthority ?? DEFAULT_AZURE_AUTHORITY);
      const url = `${authority}/${settings.azureTenantId}/oauth2/v2.0/token`;
      return new ClientCredentialsProvider('AZURE_SP', url, settings, AZURE_DATABRICKS_SCOPE, dispatcher);
    }
  }
}

/** OAuth 2.0 client-credentials grant (Databricks M2M and Azure AD service principals share it). */
class ClientCredentialsProvider implements CredentialProvider {
  private cached?: { header: string; refreshAt: number };
  private pending?: Promise<string>;

  constructor(
    readonly scheme: 'OAUTH_M2M' | 'AZURE_SP',
    private readonly tokenUrl: string,
    private readonly client: { clientId: string; clientSecret: string },
    private readonly scope: string,
    private readonly dispatcher?: Dispatcher,
  ) {}

  authorization(): Promise<string> {
    if (this.cached && this.cached.refreshAt > Date.now()) return Promise.resolve(this.cached.header);
    // Concurrent callers share one token request.
    this.pending ??= this.fetchToken().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  invalidate(): void {
    this.cached = undefined;
  }

  private async fetchToken(): Promise<string> {
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      scope: this.scope,
      client_id: this.client.clientId,
      client_secret: this.client.clientSecret,
    });
    let response: Dispatcher.ResponseData;
    try {
      response = await request(this.tokenUrl, {
        method: 'POST',
        body: body.toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        dispatcher: this.dispatcher,
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw unavailable(`Token endpoint unreachable: ${(error as Error).message}`, error);
    }
    const payload = (await response.body.json().catch(() => ({}))) as { access_token?: string; expires_in?: number };
    if (response.statusCode >= 400) {
      const failure = errorFromResponse(
        response.statusCode,
        payload,
        response.headers['retry-after'] as string | undefined,
      );
      // A refused client secret is an authentication problem whatever status the IdP chose.
      throw failure.kind === 'BAD_REQUEST' ? new DatabricksError('AUTH', failure.message, failure.details) : failure;
    }
    if (!payload.access_token) throw new DatabricksError('AUTH', 'Token endpoint returned no access_token');
    const header = `Bearer ${payload.access_token}`;
    const lifetimeMs = (payload.expires_in ?? 3600) * 1000;
    const now = Date.now();
    this.cached = { header, refreshAt: now + lifetimeMs - Math.min(REFRESH_MARGIN_MS, lifetimeMs / 2) };
    return header;
  }
}

const trimSlash = (url: string) => url.replace(/\/+$/, '');
