import { setTimeout as sleep } from 'node:timers/promises';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { type Client, createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { RunningServer } from '../src/http/server.js';
import type { RunChangedMessage } from '../src/runs/pubsub.js';
import { connectEmulator } from './support/databricks.js';
import { createTenant } from './support/fixtures.js';
import { serve } from './support/live-clients.js';
import { createTestApi } from './support/test-api.js';

const SUBSCRIBERS = 40;
const RUNS_CHANGED = 'subscription($copId: ID!) { runsChanged(copId: $copId) { id state } }';

const api = createTestApi();
let server: RunningServer;
const clients: Client[] = [];
beforeAll(async () => {
  server = await serve(api);
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await server?.close();
  await api.close();
});

function connect(token: string): Client {
  const client = createClient({
    url: `${server.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  clients.push(client);
  return client;
}

/** Subscribes `count` times on one socket; each entry counts the runs that subscription received. */
function subscribe(client: Client, copId: string, count: number): number[] {
  const received = Array.from({ length: count }, () => 0);
  for (let i = 0; i < count; i++) {
    client.subscribe(
      { query: RUNS_CHANGED, variables: { copId } },
      {
        next: (result) => {
          if (result.errors) throw new Error(JSON.stringify(result.errors));
          received[i]!++;
        },
        error: (error) => {
          throw error;
        },
        complete: () => {},
      },
    );
  }
  return received;
}

describe('runsChanged', () => {
  it('reads a changed run once per event whatever the number of subscribers, and keeps other tenants out', async () => {
    const tenant = await createTenant(api.prisma, 'Runs changed');
    const other = await createTenant(api.prisma, 'Runs changed, other tenant');
    const integration = await connectEmulator(api.prisma, api.deps.secretBox, {
      customerId: tenant.customer.id,
      mappings: [{ workspaceId: '1444828305810485', copId: tenant.cop.id }],
    });
    const mapping = integration.workspaceMappings[0]!;
    const run = await api.prisma.jobRun.create({
      data: {
        customerId: tenant.customer.id,
        copId: tenant.cop.id,
        workspaceMappingId: mapping.id,
        integrationId: integration.id,
        kind: 'JOB',
        idempotencyToken: `runs-changed-${tenant.customer.id}`,
      },
    });
    const copId = encodeGlobalID('Cop', tenant.cop.id);
    const mine = subscribe(connect(await api.tokenFor(tenant.users.ANALYST.id)), copId, SUBSCRIBERS);
    // Another tenant may name the CoP, but never receives its runs.
    const theirs = subscribe(connect(await api.tokenFor(other.users.CUSTOMER_ADMIN.id)), copId, 1);
    const change = (): RunChangedMessage => ({
      jobRunId: run.id,
      copId: tenant.cop.id,
      workspaceMappingId: mapping.id,
      type: 'RUN_PROGRESS',
    });
    const total = () => mine.reduce((sum, n) => sum + n, 0);

    // Subscriptions start asynchronously: announce changes until every subscriber has heard one.
    while (mine.some((n) => n === 0)) {
      api.deps.runs.pubsub.publish('runs:changed', `cop:${tenant.cop.id}`, change());
      await sleep(50);
    }
    await sleep(100);

    const before = total();
    api.counter.statements = 0;
    api.deps.runs.pubsub.publish('runs:changed', `cop:${tenant.cop.id}`, change());
    while (total() < before + SUBSCRIBERS) await sleep(10);

    expect(api.counter.statements).toBe(1);
    expect(theirs).toEqual([0]);
  });
});
