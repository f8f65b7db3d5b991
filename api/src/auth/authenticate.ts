import type { PrismaClient } from '../db/prisma.js';
import type { SessionTokens } from './jwt.js';
import { hashServiceToken, looksLikeServiceToken } from './service-tokens.js';
import type { Viewer } from './viewer.js';
import type { ViewerCache } from './viewer-cache.js';

/** What authentication reads: the token verifier, the user table and the cache of recent viewers. */
export interface AuthenticateDeps {
  prisma: PrismaClient;
  sessions: SessionTokens;
  viewers: ViewerCache;
}

/**
 * Resolves `Authorization: Bearer <jwt | service token>` to a viewer; anything invalid is anonymous. A session's
 * user comes from the viewer cache (no SQL statement while it is fresh; a role change or deletion invalidates it).
 */
export async function authenticate(
  deps: AuthenticateDeps,
  authorization: string | null | undefined,
): Promise<Viewer | null> {
  const token = authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  if (!token) return null;
  if (looksLikeServiceToken(token)) return authenticateServiceToken(deps.prisma, token);
  const userId = await deps.sessions.verify(token);
  if (!userId) return null;
  return deps.viewers.get(userId, () => loadUserViewer(deps.prisma, userId));
}

async function loadUserViewer(prisma: PrismaClient, userId: string): Promise<Viewer | null> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, role: true, customerId: true },
  });
  return user ? { kind: 'user', ...user } : null;
}

async function authenticateServiceToken(prisma: PrismaClient, token: string): Promise<Viewer | null> {
  const row = await prisma.serviceToken.findUnique({ where: { tokenHash: hashServiceToken(token) } });
  if (!row || row.revokedAt) return null;
  await prisma.serviceToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  return { kind: 'service', id: row.id, role: row.role, customerId: row.customerId, scopes: row.scopes };
}
