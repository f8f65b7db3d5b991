import { SessionTokens } from '../api/src/auth/jwt.js';
import { loadConfig } from '../api/src/config.js';
import { createPrisma } from '../api/src/db/prisma.js';
import { closedLoop } from './lib/load.js';
import { startServer, tsWorker } from './lib/servers.js';

const url = 'postgresql://postgres@127.0.0.1:5432/copos_perf_scratch';
const prisma = createPrisma(url);
const admin = await prisma.user.findFirstOrThrow({ where: { email: 'admin@copos.dev' } });
await prisma.$disconnect();
const config = loadConfig({});
const token = await new SessionTokens(config.JWT_SECRET, '1h').sign(admin.id);
const query =
  process.argv[2] === 'viewer'
    ? '{ viewer { kind } }'
    : `{ customers { edges { node { name cops { edges { node { name members { totalCount } kpis(last: 5) { edges { node { metricName metricValue } } } } } } } } } }`;
const server = await startServer(
  process.env.PROFILE
    ? ['--cpu-prof', '--cpu-prof-dir=/tmp/perf/prof', ...tsWorker('gateway-server.ts', url)]
    : tsWorker('gateway-server.ts', url),
);
const target = {
  label: 'g',
  url: server.url,
  body: JSON.stringify({ query }),
  headers: { authorization: `Bearer ${token}` },
};
await closedLoop(target, 4, 3000);
const r = await closedLoop(target, 4, 8000);
console.log(r.rps, r.latency.p50);
await server.close();
