// The README's nested CoP query as one hand-written `json_agg` statement over `pg`, behind a bare node:http
// server: the floor for this answer. `node --import tsx hand-sql-server.ts <database url>`. Prints its URL.
import { createServer } from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.argv[2], max: 10 });

/** The same answer as the gateway's (customers and CoPs by name, the newest five KPI rows oldest first). */
const NESTED_QUERY_SQL = `
SELECT json_build_object('data', json_build_object('customers', json_build_object('edges',
  coalesce(json_agg(json_build_object('node', json_build_object(
    'name', c.name,
    'cops', json_build_object('edges', (
      SELECT coalesce(json_agg(json_build_object('node', json_build_object(
        'name', p.name,
        'members', json_build_object('totalCount', (SELECT count(*) FROM "Membership" m WHERE m."copId" = p.id)),
        'kpis', json_build_object('edges', (
          SELECT coalesce(json_agg(
            json_build_object('node', json_build_object('metricName', k."metricName", 'metricValue', k."metricValue"))
            ORDER BY k."metricDate", k."metricName", k.id), '[]')
          FROM (SELECT * FROM "KpiMetric" k WHERE k."copId" = p.id
                ORDER BY "metricDate" DESC, "metricName" DESC, id DESC LIMIT 5) k))))
        ORDER BY p.name), '[]')
      FROM "Cop" p WHERE p."customerId" = c.id))))
    ORDER BY c.name), '[]'))))::text AS answer
FROM "Customer" c`;

const server = createServer((request, response) => {
  request.resume();
  request.once('end', async () => {
    const { rows } = await pool.query<{ answer: string }>(NESTED_QUERY_SQL);
    response.writeHead(200, { 'content-type': 'application/json' }).end(rows[0]!.answer);
  });
});
server.listen(0, '127.0.0.1', () => {
  console.log(`http://127.0.0.1:${(server.address() as { port: number }).port}`);
});
process.once('SIGTERM', () => process.exit(0));
