import { randomUUID } from 'node:crypto';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { hashPassword } from '../../src/auth/passwords.js';
import type { PrismaClient } from '../../src/db/prisma.js';
import type { Role } from '../../src/generated/prisma/enums.js';

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

const ROLES = ['CUSTOMER_ADMIN', 'DATA_ENGINEER', 'ANALYST', 'MEMBER'] as const satisfies readonly Role[];

/**
 * A fresh, uniquely named tenant: a customer, one user per role and one CoP with the member as a member.
 * Tests build their own data so that they do not depend on the demo seed or on each other.
 */
export async function createTenant(prisma: PrismaClient, label = 'Tenant') {
  const suffix = randomUUID().slice(0, 8);
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = await passwordHash;
  const customer = await prisma.customer.create({ data: { name: `${label} ${suffix}`, industry: 'Insurance' } });
  const users = Object.fromEntries(
    await Promise.all(
      ROLES.map(async (role) => [
        role,
        await prisma.user.create({
          data: {
            email: `${role.toLowerCase()}-${suffix}@example.test`,
            name: `${role} ${suffix}`,
            role,
            passwordHash: hash,
            customerId: customer.id,
          },
        }),
      ]),
    ),
  ) as Record<(typeof ROLES)[number], { id: string; email: string }>;
  const cop = await prisma.cop.create({
    data: {
      customerId: customer.id,
      name: `Data Engineering CoP ${suffix}`,
      startDate: new Date('2026-01-05'),
      phase: 'GROWTH',
    },
  });
  await prisma.membership.create({ data: { copId: cop.id, userId: users.MEMBER.id, role: 'MEMBER' } });
  return {
    customer,
    users,
    cop,
    ids: { customer: encodeGlobalID('Customer', customer.id), cop: encodeGlobalID('Cop', cop.id) },
  };
}

export async function createPlatformAdmin(prisma: PrismaClient) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return prisma.user.create({
    data: {
      email: `admin-${randomUUID().slice(0, 8)}@example.test`,
      name: 'Platform admin',
      role: 'ADMIN',
      passwordHash: await passwordHash,
    },
  });
}
