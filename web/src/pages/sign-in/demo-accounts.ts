/** The accounts the demo seed creates (prisma/seed), all with the same password. */
export const DEMO_PASSWORD = 'copos-demo';

export const DEMO_ACCOUNTS = [
  { email: 'lead@northwind.example', who: 'CoP lead, Northwind' },
  { email: 'admin@northwind.example', who: 'Customer admin, Northwind' },
  { email: 'engineer@northwind.example', who: 'Data engineer, Northwind' },
  { email: 'analyst@contoso.example', who: 'Analyst, Contoso' },
  { email: 'admin@copos.dev', who: 'Platform admin (all customers)' },
] as const;
