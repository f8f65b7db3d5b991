import { timingSafeEqual } from 'node:crypto';
import { RawResponse, type Route } from '../http/types.js';
import type { TokenRegistry } from './tokens.js';

/** The resource id of the Azure Databricks first-party application. */
export const AZURE_DATABRICKS_RESOURCE = '2ff814a6-3304-4ab8-85cb-cd0e6f879c1d';
const DATABRICKS_SCOPES = new Set(['all-apis', 'sql', 'offline_access']);

export interface OAuthOptions {
  tokens: TokenRegistry;
  /** Service principals' client id → secret. */
  clients: Record<string, string>;
}

/** OAuth endpoints answer RFC 6749 errors (`{error, error_description}`), not Databricks' shape. */
const oauthError = (status: number, error: string, description: string) =>
  new RawResponse(status, JSON.stringify({ error, error_description: description }), {
    'content-type': 'application/json',
  });

const tokenResponse = (body: object) =>
  new RawResponse(200, JSON.stringify(body), { 'content-type': 'application/json' });

function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Client credentials from HTTP Basic or from the form (`client_id`, `client_secret`). */
function clientCredentials(authorization: string | undefined, form: Record<string, unknown>) {
  const basic = /^Basic\s+(.+)$/i.exec(authorization ?? '')?.[1];
  if (basic) {
    const decoded = Buffer.from(basic, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
  }
  return { id: String(form.client_id ?? ''), secret: String(form.client_secret ?? '') };
}

/**
 * Databricks OAuth M2M (`/oidc/v1/token`) and a minimal Azure AD authority (`/<tenant>/oauth2/v2.0/token`)
 * for service principals, both with the client-credentials grant.
 */
export function createOAuthRoutes({ tokens, clients }: OAuthOptions): Route[] {
  const authenticateClient = (authorization: string | undefined, form: Record<string, unknown>) => {
    if (form.grant_type !== 'client_credentials') {
      return { error: oauthError(400, 'unsupported_grant_type', 'Only grant_type=client_credentials is supported') };
    }
    const { id, secret } = clientCredentials(authorization, form);
    const expected = clients[id];
    if (expected === undefined || !sameSecret(expected, secret)) {
      return { error: oauthError(401, 'invalid_client', 'Client authentication failed') };
    }
    return { clientId: id };
  };

  return [
    {
      // Databricks SDKs discover the token endpoint here before the first token request.
      method: 'GET',
      path: '/oidc/.well-known/oauth-authorization-server',
      public: true,
      handler: (req) => {
        const issuer = `https://${req.headers.host}/oidc`;
        return {
          issuer,
          authorization_endpoint: `${issuer}/v1/authorize`,
          token_endpoint: `${issuer}/v1/token`,
          grant_types_supported: ['client_credentials'],
          token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
        };
      },
    },
    {
      method: 'POST',
      path: '/oidc/v1/token',
      public: true,
      handler: (req) => {
        const client = authenticateClient(req.headers.authorization, req.body);
        if ('error' in client) return client.error;
        const scopes = String(req.body.scope ?? 'all-apis')
          .split(/\s+/)
          .filter(Boolean);
        const unknown = scopes.find((scope) => !DATABRICKS_SCOPES.has(scope));
        if (unknown) return oauthError(400, 'invalid_scope', `Invalid scope: ${unknown}`);
        const issued = tokens.issue(client.clientId, scopes);
        return tokenResponse({
          access_token: issued.accessToken,
          token_type: 'Bearer',
          expires_in: issued.expiresIn,
          scope: scopes.join(' '),
        });
      },
    },
    {
      method: 'POST',
      path: '/:tenant/oauth2/v2.0/token',
      public: true,
      handler: (req) => {
        const client = authenticateClient(req.headers.authorization, req.body);
        if ('error' in client) return client.error;
        if (req.body.scope !== `${AZURE_DATABRICKS_RESOURCE}/.default`) {
          return oauthError(
            400,
            'invalid_scope',
            `AADSTS70011: The provided value for scope ${req.body.scope} is not valid.`,
          );
        }
        const issued = tokens.issue(client.clientId, ['all-apis']);
        return tokenResponse({
          token_type: 'Bearer',
          expires_in: issued.expiresIn,
          ext_expires_in: issued.expiresIn,
          access_token: issued.accessToken,
        });
      },
    },
  ];
}
