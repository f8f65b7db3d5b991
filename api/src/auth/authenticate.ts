import type { AppDeps } from '../deps.js';
import { hashServiceToken, looksLikeServiceToken } from './service-tokens.js';
import type { Viewer } from './viewer.js';

/** Resolves `Authorization: Bearer <jwt | service token>` to a viewer; anything invalid is anonymous. */
export async function authenticate(deps: AppDeps, authorization: string | null | undefined): Promise<Viewer | null> {
  const token = authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  if (!token) return null;
  if (looksLikeServiceToken(token)) return authenticateServiceToken(deps, token);
  const userId = await deps.sessions.verify(token);
  if (!userId) return null;
  const user = await deps.prisma.user.findUnique({ where: { id: userId } });
  return user ? { kind: 'user', id: user.id, email: user.email, role: user.role, customerId: user.customerId } : null;
}

async function authenticateServiceToken(deps: AppDeps, token: string): Promise<Viewer | null> {
  const row = await deps.prisma.serviceToken.findUnique({ where: { tokenHash: hashServiceToken(token) } });
  if (!row || row.revokedAt) return null;
  await deps.prisma.serviceToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  return { kind: 'service', id: row.id, role: row.role, customerId: row.customerId, scopes: row.scopes };
}
