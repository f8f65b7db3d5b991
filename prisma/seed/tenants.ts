import type { PrismaClient } from '@cop-os/api/db/prisma';
import { type CopSpec, CUSTOMERS, type CustomerSpec } from './catalog.js';
import { addDays } from './rows.js';

export interface SeededCop {
  id: string;
  spec: CopSpec;
  customer: SeededCustomer;
}
export interface SeededCustomer {
  id: string;
  spec: CustomerSpec;
}

/** The two demo customers and their six CoPs, found by name or created. */
export async function seedTenants(prisma: PrismaClient, today: Date): Promise<SeededCop[]> {
  await prisma.customer.createMany({
    skipDuplicates: true,
    data: CUSTOMERS.map(
      ({ name, industry, businessArea, vpName, adminName, primaryItPartner, domain, workspaceHost }) => ({
        name,
        industry,
        businessArea,
        vpName,
        adminName,
        primaryItPartner,
        links: { website: `https://www.${domain}`, workspace: `https://${workspaceHost}` },
      }),
    ),
  });
  const customers = await prisma.customer.findMany({ where: { name: { in: CUSTOMERS.map((c) => c.name) } } });
  const seededCustomers = CUSTOMERS.map((spec) => ({ spec, id: customers.find((c) => c.name === spec.name)!.id }));

  await prisma.cop.createMany({
    skipDuplicates: true,
    data: seededCustomers.flatMap((customer) =>
      customer.spec.cops.map((cop) => ({
        customerId: customer.id,
        name: cop.name,
        description: cop.description,
        phase: cop.phase,
        industry: customer.spec.industry,
        startDate: addDays(today, -cop.ageDays),
      })),
    ),
  });
  const cops = await prisma.cop.findMany({ where: { customerId: { in: seededCustomers.map((c) => c.id) } } });
  return seededCustomers.flatMap((customer) =>
    customer.spec.cops.map((spec) => ({
      spec,
      customer,
      id: cops.find((cop) => cop.customerId === customer.id && cop.name === spec.name)!.id,
    })),
  );
}
