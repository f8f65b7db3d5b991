import { jwtVerify, SignJWT } from 'jose';

const ISSUER = 'cop-os';

export interface SessionClaims {
  sub: string;
}

/** Verified tokens kept at most; the oldest go first. */
const MAX_VERIFIED = 10_000;

export class SessionTokens {
  private readonly key: Uint8Array;
  /**
   * Tokens whose signature was checked, with their subject and expiry: a token string cannot change, so checking
   * its HMAC again on every request (WebCrypto, a few percent of a request's CPU) would learn nothing new.
   */
  private readonly verified = new Map<string, { userId: string; expiresAtMs: number }>();

  constructor(
    secret: string,
    private readonly ttl: string,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  sign(userId: string): Promise<string> {
    return new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(userId)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(this.ttl)
      .sign(this.key);
  }

  /** The user id of a valid, unexpired token; null for anything else. */
  async verify(token: string): Promise<string | null> {
    const known = this.verified.get(token);
    if (known) {
      if (known.expiresAtMs > Date.now()) return known.userId;
      this.verified.delete(token);
      return null;
    }
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, algorithms: ['HS256'] });
      if (!payload.sub) return null;
      if (payload.exp === undefined) return payload.sub;
      if (this.verified.size >= MAX_VERIFIED) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, { userId: payload.sub, expiresAtMs: payload.exp * 1000 });
      return payload.sub;
    } catch {
      return null;
    }
  }
}
