// `npm run db:seed`: loads the demo data into DATABASE_URL (safe to run again).
import { loadConfig } from '@cop-os/api/config';
import { createPrisma } from '@cop-os/api/db/prisma';
import { DEMO_PASSWORD, demoAccounts, seed } from './seed/index.js';

try {
  process.loadEnvFile();
} catch {
  // No .env: the environment alone configures the seed.
}
const config = loadConfig();
if (!config.DATABASE_URL) {
  console.error(
    'DATABASE_URL is not set. Set it (see .env.example), or run `npm start`, which seeds its embedded database.',
  );
  process.exit(1);
}
const prisma = createPrisma(config.DATABASE_URL);
const startedAt = performance.now();
try {
  const result = await seed(prisma, {
    secretsKey: config.SECRETS_KEY,
    databricks: { host: config.DATABRICKS_HOST, token: config.DATABRICKS_TOKEN },
  });
  console.log(`Seeded demo data in ${Math.round(performance.now() - startedAt)} ms.`);
  for (const { customer, token } of result.serviceTokens) {
    console.log(`Usage-job service token for ${customer} (shown once): ${token}`);
  }
  console.log(
    `Demo accounts (password "${DEMO_PASSWORD}"): ${demoAccounts()
      .map((a) => a.email)
      .join(', ')}`,
  );
} finally {
  await prisma.$disconnect();
}
