import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'copos_';

/** A new machine token: the plain value is shown once; only its hash is stored. */
export function generateServiceToken(): { token: string; tokenHash: string; prefix: string } {
  const token = `${PREFIX}${randomBytes(32).toString('base64url')}`;
  return { token, tokenHash: hashServiceToken(token), prefix: token.slice(0, PREFIX.length + 6) };
}

export const hashServiceToken = (token: string) => createHash('sha256').update(token).digest('hex');

export const looksLikeServiceToken = (token: string) => token.startsWith(PREFIX);
