import { randomBytes } from 'node:crypto';
import { permissionDenied, unauthenticated } from '../http/errors.js';
import type { Authenticator, Principal } from '../http/pipeline.js';

interface IssuedToken {
  principal: Principal;
  scopes: string[];
  /** Wall-clock epoch ms: expiry is about real clients refreshing, not emulated run time. */
  expiresAt: number;
}

export interface TokenRegistryOptions {
  /** PATs (`dapi…`) and the user each one authenticates as. */
  personalAccessTokens: Record<string, string>;
  oauthTtlSeconds: number;
  /** Tokens issued later (on behalf of service principals): the principal each one authenticates as. */
  issuedTokens?: (token: string) => string | undefined;
  now?: () => number;
}

/** Scopes that reach the REST API; `sql` alone only reaches the SQL paths, as in Databricks. */
const SQL_PATHS = ['/sql/1.0/', '/api/2.0/sql/'];

/** Personal access tokens plus the OAuth access tokens this emulator issued, with their expiry. */
export class TokenRegistry implements Authenticator {
  private readonly issued = new Map<string, IssuedToken>();
  private readonly now: () => number;

  constructor(private readonly options: TokenRegistryOptions) {
    this.now = options.now ?? Date.now;
  }

  issue(userName: string, scopes: string[]): { accessToken: string; expiresIn: number } {
    const accessToken = `eyJ${randomBytes(32).toString('base64url')}`;
    const expiresIn = this.options.oauthTtlSeconds;
    this.issued.set(accessToken, {
      principal: { userName, kind: 'oauth' },
      scopes,
      expiresAt: this.now() + expiresIn * 1000,
    });
    return { accessToken, expiresIn };
  }

  authenticate(authorization: string | undefined, path: string): Principal {
    const token = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1]?.trim();
    if (!token) throw unauthenticated('Credential was not sent or was of an unsupported type for this API.');
    const userName = this.options.personalAccessTokens[token];
    if (userName) return { userName, kind: 'pat' };
    const onBehalfOf = this.options.issuedTokens?.(token);
    if (onBehalfOf) return { userName: onBehalfOf, kind: 'pat' };
    const issued = this.issued.get(token);
    if (!issued) throw unauthenticated('Invalid access token.');
    if (issued.expiresAt <= this.now()) {
      this.issued.delete(token);
      throw unauthenticated('Token expired. Please obtain a new token.');
    }
    const allowed = issued.scopes.includes('all-apis') || SQL_PATHS.some((prefix) => path.startsWith(prefix));
    if (!allowed) throw permissionDenied(`Provided OAuth token does not have required scopes: all-apis`);
    return issued.principal;
  }
}
