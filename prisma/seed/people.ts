import type { PrismaClient } from '@cop-os/api/db/prisma';
import type { MembershipRole, Role } from '@cop-os/api/prisma/enums';
import { CUSTOMERS, type CustomerSpec } from './catalog.js';
import { between, randomFrom, sample } from './random.js';
import { addDays } from './rows.js';
import type { SeededCop } from './tenants.js';
import { FIRST_NAMES, LAST_NAMES } from './texts.js';

export const DEMO_PASSWORD = 'copos-demo';
const GENERATED_PEOPLE_PER_CUSTOMER = 28;

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  customer: string | null;
  /** What the account shows off, for the printed list. */
  note: string;
}

/** The documented sign-in accounts (all with password `copos-demo`). */
export function demoAccounts(): DemoAccount[] {
  return [
    {
      email: 'admin@copos.dev',
      name: 'CoP OS Admin',
      role: 'ADMIN',
      customer: null,
      note: 'platform admin, every customer',
    },
    ...CUSTOMERS.flatMap(({ domain, name: customer, accounts }) => [
      {
        email: `admin@${domain}`,
        name: accounts.admin,
        role: 'CUSTOMER_ADMIN' as const,
        customer,
        note: 'customer admin',
      },
      {
        email: `engineer@${domain}`,
        name: accounts.engineer,
        role: 'DATA_ENGINEER' as const,
        customer,
        note: 'runs pipelines',
      },
      { email: `analyst@${domain}`, name: accounts.analyst, role: 'ANALYST' as const, customer, note: 'edits content' },
      {
        email: `lead@${domain}`,
        name: accounts.lead,
        role: 'MEMBER' as const,
        customer,
        note: `leads ${customer.split(' ')[0]}'s first CoP`,
      },
    ]),
  ];
}

/** Who is in a CoP, by user id. */
export interface CopPeople {
  leadId: string;
  championIds: string[];
  /** Everybody in the CoP, lead and champions included. */
  memberIds: string[];
  nameOf(userId: string): string;
}

const emailLocalPart = (first: string, last: string) =>
  `${first}.${last}`.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Realistic, distinct people for one customer; the same ones on every run. */
function generatedPeople(customer: CustomerSpec) {
  const combos = FIRST_NAMES.flatMap((first) => LAST_NAMES.map((last) => [first, last] as const));
  return sample(randomFrom(`people:${customer.name}`), combos, GENERATED_PEOPLE_PER_CUSTOMER).map(([first, last]) => ({
    email: `${emailLocalPart(first, last)}@${customer.domain}`,
    name: `${first} ${last}`,
  }));
}

/** Users (demo accounts and generated people, one password hash for all) and CoP memberships. */
export async function seedPeople(
  prisma: PrismaClient,
  cops: SeededCop[],
  passwordHash: string,
  today: Date,
): Promise<Map<string, CopPeople>> {
  const customerIds = new Map(cops.map(({ customer }) => [customer.spec.name, customer.id]));
  const users = [
    ...demoAccounts().map(({ email, name, role, customer }) => ({
      email,
      name,
      role,
      customerId: customer ? customerIds.get(customer)! : null,
    })),
    ...CUSTOMERS.flatMap((customer) =>
      generatedPeople(customer).map((person) => ({
        ...person,
        role: 'MEMBER' as const,
        customerId: customerIds.get(customer.name)!,
      })),
    ),
  ];
  await prisma.user.createMany({ skipDuplicates: true, data: users.map((user) => ({ ...user, passwordHash })) });
  const stored = await prisma.user.findMany({
    where: { email: { in: users.map((user) => user.email) } },
    select: { id: true, email: true, name: true },
  });
  const idOf = new Map(stored.map((user) => [user.email, user.id]));
  const nameOf = new Map(stored.map((user) => [user.id, user.name]));

  const people = new Map<string, CopPeople>();
  const memberships: { copId: string; userId: string; role: MembershipRole; joinedAt: Date }[] = [];
  for (const cop of cops) {
    const { domain } = cop.customer.spec;
    const position = cop.customer.spec.cops.indexOf(cop.spec);
    const random = randomFrom(`members:${cop.spec.name}`);
    const pool = generatedPeople(cop.customer.spec).map((person) => idOf.get(person.email)!);
    const [generatedLead, ...rest] = sample(random, pool, between(random, 12, 18));
    const leadId = position === 0 ? idOf.get(`lead@${domain}`)! : generatedLead;
    const championIds = rest.slice(0, 2);
    const demoMembers = [position % 2 === 0 && `engineer@${domain}`, position <= 1 && `analyst@${domain}`]
      .filter((email): email is string => Boolean(email))
      .map((email) => idOf.get(email)!);
    const memberIds = [leadId, ...rest, ...demoMembers];
    people.set(cop.id, { leadId, championIds, memberIds, nameOf: (id) => nameOf.get(id)! });
    for (const userId of memberIds) {
      const role: MembershipRole = userId === leadId ? 'LEAD' : championIds.includes(userId) ? 'CHAMPION' : 'MEMBER';
      const joinedAt = addDays(today, -between(random, 1, cop.spec.ageDays));
      memberships.push({ copId: cop.id, userId, role, joinedAt });
    }
  }
  await prisma.membership.createMany({ skipDuplicates: true, data: memberships });
  return people;
}
